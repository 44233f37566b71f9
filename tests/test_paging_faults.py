"""Paging against servers that do not page as they should, sync and async.

An old server or a proxy that drops the query answers the first page to every
``page=N``, without a ``Link`` header: the paginators must stop at the first
repeated page (with a warning naming the URL), never loop. ``X-Total-Count``
saying every item has been seen must end the walk without another request;
without it, a short page still costs one more request, since forges cap
``limit`` and a short page proves nothing. Requests are counted on the fake
forge of ``tests/forge_server.py``, running the SDK built from ``specs/mini-gitea.json``.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from forge_server import RunningForge, running_forge
from sdk import build_sdk, load_package

REPO = Path(__file__).resolve().parent.parent
PACKAGE = "paging_faults_sdk"
ISSUES = "/api/v1/repos/alice/hello/issues"
OPEN_ISSUES = 60  # of alice/hello's 75, every fifth is closed


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = build_sdk(REPO / "specs" / "mini-gitea.json", tmp_path_factory.mktemp("paging"), PACKAGE)
    module = load_package(out, PACKAGE)
    importlib.import_module(f"{PACKAGE}._client")
    yield module
    sys.path.remove(str(out))
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


@pytest.fixture
def forge() -> Iterator[RunningForge]:
    with running_forge("gitea") as running:
        running.state.max_requests = 10  # a paginator that loops fails instead of hanging
        yield running
        assert running.state.server_errors == []


def _issues(sdk: ModuleType, forge: RunningForge, mode: str, **query: Any) -> list[Any]:
    """Every item the paginator of ``list_issues("alice", "hello")`` yields."""
    if mode == "sync":
        with sdk.Client(forge.url) as client:
            return list(client.issue.list_issues("alice", "hello", **query))

    async def run() -> list[Any]:
        async with sdk.AsyncClient(forge.url) as client:
            return [i async for i in client.issue.list_issues("alice", "hello", **query)]

    return asyncio.run(run())


def _sent(forge: RunningForge) -> list[str]:
    """The ``page`` of every list request the forge received ("" when none was sent)."""
    pages = []
    for request in forge.state.requests:
        if request.path == ISSUES:
            pages.append((request.query_values("page") or [""])[0])
    return pages


MODES = pytest.mark.parametrize("mode", ["sync", "async"])


@MODES
def test_a_server_that_ignores_page_is_stopped_at_the_repeat(
    sdk: ModuleType, forge: RunningForge, mode: str
) -> None:
    forge.state.ignore_page = True
    forge.state.hide_total_count = True  # nothing but the repeat can tell

    with pytest.warns(RuntimeWarning) as caught:
        issues = _issues(sdk, forge, mode, limit=50)

    assert [i.number for i in issues] == [n for n in range(75, 0, -1) if n % 5][:50]
    assert _sent(forge) == ["", "2"]
    assert len(caught) == 1
    message = str(caught[0].message)
    assert f"{forge.url}{ISSUES}?" in message and "page=2" in message
    assert "ignore 'page'" in message and "after 50 items" in message


@MODES
def test_ignored_page_with_a_total_still_stops_at_the_repeat(
    sdk: ModuleType, forge: RunningForge, mode: str
) -> None:
    forge.state.ignore_page = True  # X-Total-Count: 60 promises a second page; it never comes

    with pytest.warns(RuntimeWarning, match="page 2 came back the same as page 1"):
        issues = _issues(sdk, forge, mode, limit=25)

    assert len(issues) == 25
    if mode == "sync":
        assert _sent(forge) == ["", "2"]
    else:  # pages 2 and 3 go out at once, as the total says; 3 may be cancelled first
        assert sorted(_sent(forge)) in (["", "2"], ["", "2", "3"])


@MODES
def test_a_total_that_is_reached_ends_the_walk_without_another_request(
    sdk: ModuleType, forge: RunningForge, mode: str
) -> None:
    forge.state.hide_links = True  # the total alone tells when the end is reached

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        issues = _issues(sdk, forge, mode, limit=50)

    assert len(issues) == OPEN_ISSUES
    assert _sent(forge) == ["", "2"]  # 50 + 10 = 60 = X-Total-Count: no page 3


@MODES
def test_a_single_page_with_a_total_is_one_request(
    sdk: ModuleType, forge: RunningForge, mode: str
) -> None:
    issues = _issues(sdk, forge, mode, q="crash", state="all")

    assert [i.number for i in issues] == [1]
    assert "Link" not in forge.state.last_response.headers  # as Gitea: one page, no links
    assert _sent(forge) == [""]


@MODES
def test_a_short_page_without_a_total_is_not_taken_for_the_end(
    sdk: ModuleType, forge: RunningForge, mode: str
) -> None:
    forge.state.hide_total_count = True
    forge.state.hide_links = True

    issues = _issues(sdk, forge, mode, limit=100)  # capped at 50: the short page is not the end

    assert len(issues) == OPEN_ISSUES
    assert _sent(forge) == ["", "2", "3"]  # 50, 10, then the empty page that ends it


@MODES
def test_a_walk_from_a_later_page_counts_the_pages_before_it(
    sdk: ModuleType, forge: RunningForge, mode: str
) -> None:
    forge.state.hide_links = True

    issues = _issues(sdk, forge, mode, limit=20, page=2)

    assert len(issues) == OPEN_ISSUES - 20
    assert _sent(forge) == ["2", "3"]  # 20 before page 2, 20 + 20 in it and page 3: all 60
