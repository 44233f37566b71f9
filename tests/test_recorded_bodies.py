"""What real servers send: the bodies recorded from Gitea and Gogs in
``../shared/responses`` decode into the SDK's models and come back from
``to_dict()`` as the same JSON.

The recordings (see the README there) hold what specs leave out: ``null``
where a spec promises an object or a list, Go's nanosecond timestamps with
``Z`` or ``+08:00``, fields the spec of the day lacked. Each is checked with
SDKs built from an old and a new Gitea spec and from Gogs' spec, first by
``from_dict`` directly, then end to end: the fake forge answers the recorded
body and the SDK's own method fetches it, with ``Client`` and ``AsyncClient``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import inspect
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from forge_server import running_forge
from sdk import build_sdk, load_package

pytestmark = pytest.mark.slow

RESPONSES = Path(__file__).resolve().parent.parent.parent / "shared" / "responses"
SDKS = {  # SDK -> (spec under ../shared/specs, forge, its recordings' folder)
    "gitea-1.17": ("gitea/1.17.json", "gitea"),
    "gitea-1.27": ("gitea/1.27.json", "gitea"),
    "gogs": ("gogs/openapi.json", "gogs"),
}
RECORDED = {"gitea": 27, "gogs": 14}  # files per forge, as the README lists them
# Values for the placeholders of the README's endpoints.
PLACEHOLDERS = {
    "o": "alice",
    "r": "hello",
    "b": "main",
    "n": "1",
    "id": "1",
    "sha": "c43399cad8766ee521b873a32c1652407c5a4630",
    "org": "gogits",
    "u": "alice",
    "t": "v1.0",
    "dir": "docs",
}


# Gitea's spec declares one ContentsResponse for GET /contents/{filepath}, but a
# folder answers a list of them (go-gitea/gitea's GetContentsOrList): the SDK
# method cannot decode that, so the end-to-end test fetches the listing through
# the route the spec does declare as a list, the repository's root.
ROUTE_FOR_E2E = {"gitea/content_list.json": "/repos/{o}/{r}/contents"}


@dataclass(frozen=True)
class Recording:
    file: str  # "gitea/repo.json"
    method: str
    route: str  # as the README writes it: "/repos/{o}/{r}"
    model: str  # "Repository"
    is_list: bool

    @property
    def forge(self) -> str:
        return self.file.split("/")[0]

    @property
    def body(self) -> bytes:
        return (RESPONSES / self.file).read_bytes()

    @property
    def data(self) -> Any:
        return json.loads(self.body)

    @property
    def path(self) -> str:
        """The route with the placeholders filled in."""
        return re.sub(r"\{(\w+)\}", lambda m: PLACEHOLDERS[m.group(1)], self.route)


def recordings() -> list[Recording]:
    """The README's table: file, source, path, endpoint, model, ..."""
    found = []
    for line in (RESPONSES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 5 or not cells[0].endswith(".json"):
            continue
        method, route = cells[3].split(" ", 1)
        listed = re.fullmatch(r"list\[(\w+)\]", cells[4])
        model = listed.group(1) if listed else cells[4]
        found.append(Recording(cells[0], method, route, model, listed is not None))
    return found


@pytest.fixture(scope="module")
def built(
    shared_specs: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, ModuleType]]:
    if not RESPONSES.is_dir():
        pytest.skip("../shared/responses is absent")
    root = tmp_path_factory.mktemp("recorded")
    loaded = {}
    packages = {name: "rec_" + re.sub(r"\W", "_", name) + "_sdk" for name in SDKS}
    for name, (spec, _) in SDKS.items():
        out = build_sdk(shared_specs / spec, root / name, packages[name])
        loaded[name] = load_package(out, packages[name])
        importlib.import_module(f"{packages[name]}._client")
    yield loaded
    for name, package in packages.items():
        sys.path.remove(str(root / name))
        for module in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[module]


def _round_trip(models: ModuleType, recording: Recording) -> Any:
    cls = getattr(models, recording.model)
    data = recording.data
    if recording.is_list:
        return [cls.from_dict(item).to_dict() for item in data]
    return cls.from_dict(data).to_dict()


@pytest.mark.parametrize("name", sorted(SDKS))
def test_every_recorded_body_decodes_and_round_trips(
    built: dict[str, ModuleType], name: str
) -> None:
    forge = SDKS[name][1]
    mine = [r for r in recordings() if r.forge == forge]
    assert len(mine) == RECORDED[forge]
    wrong = [r.file for r in mine if _round_trip(built[name].models, r) != r.data]
    assert wrong == []


@pytest.mark.parametrize("name", ["gitea-1.17", "gitea-1.27"])
def test_nulls_nanoseconds_and_offsets_survive(built: dict[str, ModuleType], name: str) -> None:
    models = built[name].models
    branch = models.Branch.from_dict(json.loads((RESPONSES / "gitea/branch.json").read_text()))
    assert branch.commit.added is None  # a list field the server sent as null
    assert branch.commit.to_dict()["added"] is None
    assert "verification" not in branch.commit.to_dict()  # absent stays absent

    hook = models.Hook.from_dict(json.loads((RESPONSES / "gitea/hook.json").read_text()))
    eight = dt.timezone(dt.timedelta(hours=8))
    assert hook.created_at == dt.datetime(2015, 8, 29, 11, 31, 22, 453569, tzinfo=eight)
    assert hook.to_dict()["created_at"] == "2015-08-29T11:31:22.453569275+08:00"

    sent = {"due_on": "2020-09-11T19:32:38.046Z", "closed_at": "2020-09-12T00:00:00Z"}
    milestone = models.Milestone.from_dict(sent)
    assert milestone.due_on == dt.datetime(2020, 9, 11, 19, 32, 38, 46000, tzinfo=dt.timezone.utc)
    assert milestone.to_dict()["due_on"] == "2020-09-11T19:32:38.046Z"
    milestone.due_on = dt.datetime(2021, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)  # changed: new text
    milestone.closed_at = None  # sent, then unset by the caller: left out
    assert milestone.to_dict() == {"due_on": "2021-01-02T03:04:05Z"}


@pytest.mark.parametrize("name", sorted(SDKS))
def test_gos_zero_time_decodes_and_comes_back_as_sent(
    built: dict[str, ModuleType], name: str
) -> None:
    models = built[name].models
    zero = "0001-01-01T00:00:00Z"
    data = {"id": 7, "created_at": zero, "updated_at": "0000-12-31T19:03:58-04:56"}
    comment = models.Comment.from_dict(data)
    assert comment.created_at == dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)
    assert comment.updated_at == dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)  # year 0: clamped
    assert comment.to_dict() == data


def test_timestamps_parse_the_way_python_3_10_must(built: dict[str, ModuleType]) -> None:
    """The fallback that 3.10 takes for every ``Z`` and nanosecond, run here on any Python."""
    runtime = importlib.import_module(built["gitea-1.27"].__name__ + "._runtime")
    utc, plus8 = dt.timezone.utc, dt.timezone(dt.timedelta(hours=8))
    cases = {
        "2015-08-29T11:31:22.453569275+08:00": dt.datetime(2015, 8, 29, 11, 31, 22, 453569, plus8),
        "2020-09-11T19:32:38.046Z": dt.datetime(2020, 9, 11, 19, 32, 38, 46000, utc),
        "2020-09-11t19:32:38.5z": dt.datetime(2020, 9, 11, 19, 32, 38, 500000, utc),
        "2017-11-16T22:06:53Z": dt.datetime(2017, 11, 16, 22, 6, 53, tzinfo=utc),
        "2016-08-26T11:58:18-07:00": dt.datetime(
            2016, 8, 26, 11, 58, 18, tzinfo=dt.timezone(dt.timedelta(hours=-7))
        ),
        "0001-01-01T00:00:00Z": dt.datetime(1, 1, 1, tzinfo=utc),
        "2020-01-02 03:04:05": dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=utc),
    }
    for text, expected in cases.items():
        for parse in (runtime._parse_rfc3339, runtime.parse_datetime):
            parsed = parse(text)
            if parsed.tzinfo is None:  # the fallback leaves that to parse_datetime
                parsed = parsed.replace(tzinfo=utc)
            assert parsed == expected and parsed.utcoffset() == expected.utcoffset(), text
    for bad in ("", "yesterday", "2020-13-01T00:00:00Z", "2020-01-01T00:00:00+0800x"):
        with pytest.raises(ValueError):
            runtime.parse_datetime(bad)


def test_a_model_made_by_hand_sends_no_nulls(built: dict[str, ModuleType]) -> None:
    models = built["gitea-1.27"].models
    state = type(models.Milestone.from_dict({"state": "open"}).state)
    made = models.Milestone(title="v1", state=state("open"), due_on=None).to_dict()
    assert made["title"] == "v1" and "due_on" not in made and None not in made.values()
    # Fields Gitea always sends hold their zero value, as Go writes them.
    assert made["open_issues"] == 0 and made["description"] == ""


# ---------------------------------------------------------------------------
# End to end: the SDK's methods fetch the recorded bodies from the fake forge


def _routes(sdk: ModuleType) -> dict[tuple[str, str], tuple[str, str]]:
    """(METHOD, route template) -> (group attribute, method name) of a Client."""
    found = {}
    client_class = importlib.import_module(sdk.__name__ + "._client").Client
    for group, value in vars(client_class).items():
        getter = getattr(value, "func", None) or getattr(value, "fget", None)
        if getter is None:
            continue
        group_class = inspect.signature(getter).return_annotation
        module = importlib.import_module(sdk.__name__ + ".api." + group)
        for name, fn in vars(getattr(module, group_class)).items():
            route = re.findall(r"``([A-Z]+) (\S+)``", fn.__doc__ or "") if callable(fn) else []
            if route:
                found[route[-1]] = (group, name)
    return found


# Placeholders whose value may hold slashes: a ref (``tags/v1.0``), a file path.
SLASHED = ("ref", "filepath", "path")


def _method_for(
    routes: dict[tuple[str, str], tuple[str, str]], recording: Recording
) -> tuple[str, str, dict[str, str]] | None:
    """The SDK method whose route the recording's path matches (the most
    specific one), and the path arguments it takes."""
    best = None
    for (method, template), (group, name) in routes.items():
        if method != recording.method:
            continue
        pattern = re.sub(
            r"\\\{(\w+)\\\}",
            lambda m: f"(?P<{m.group(1)}>{'.+' if m.group(1) in SLASHED else '[^/]+'})",
            re.escape(template),
        )
        match = re.fullmatch(pattern, recording.path)
        literal = len(re.sub(r"\{\w+\}", "", template))
        if match and (best is None or literal > best[0]):
            best = (literal, group, name, match.groupdict())
    return None if best is None else best[1:]


def _arguments(sdk: ModuleType, fn: Any, path: dict[str, str]) -> dict[str, Any]:
    """The required arguments: the path's, and an empty body where one is needed."""
    arguments: dict[str, Any] = {}
    for parameter in list(inspect.signature(fn).parameters.values()):
        if parameter.kind is parameter.KEYWORD_ONLY or parameter.name == "self":
            continue
        wire = parameter.name.rstrip("_")
        if wire in path:
            arguments[parameter.name] = path[wire]
        else:
            arguments[parameter.name] = getattr(sdk.models, str(parameter.annotation))()
    return arguments


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", sorted(SDKS))
def test_the_sdk_fetches_every_recorded_body_as_sent(
    built: dict[str, ModuleType], name: str, mode: str
) -> None:
    sdk = built[name]
    forge_name = SDKS[name][1]
    routes = _routes(sdk)
    fetched, unrouted = [], []
    with running_forge(forge_name) as forge:  # type: ignore[arg-type]
        for recording in (r for r in recordings() if r.forge == forge_name):
            if recording.file in ROUTE_FOR_E2E:
                recording = replace(recording, route=ROUTE_FOR_E2E[recording.file])
            target = _method_for(routes, recording)
            if target is None:
                unrouted.append(recording.file)
                continue
            group, method, path = target
            forge.state.canned = {(recording.method, recording.path): recording.body}
            before = len(forge.state.requests)
            result = _call(sdk, forge.url, mode, group, method, path)
            if recording.is_list:
                assert [item.to_dict() for item in result] == recording.data, recording.file
                assert all(type(i).__name__ == recording.model for i in result)
            else:
                assert result.to_dict() == recording.data, recording.file
                assert type(result).__name__ == recording.model
            # A recorded list is one page with its X-Total-Count: no second request.
            assert len(forge.state.requests) - before == 1, recording.file
            fetched.append(recording.file)
        assert forge.state.server_errors == []
    # Gogs' spec has no GET for one comment or one hook: from_dict alone decodes those.
    assert unrouted == (["gogs/comment.json", "gogs/hook.json"] if forge_name == "gogs" else [])
    assert len(fetched) + len(unrouted) == RECORDED[forge_name]


def _call(sdk: ModuleType, url: str, mode: str, group: str, method: str, path: Any) -> Any:
    if mode == "sync":
        with sdk.Client(url) as client:
            fn = getattr(getattr(client, group), method)
            result = fn(**_arguments(sdk, fn, path))
            return list(result) if hasattr(result, "pages") else result

    async def run() -> Any:
        async with sdk.AsyncClient(url) as client:
            fn = getattr(getattr(client, group), method)
            result = fn(**_arguments(sdk, fn, path))
            if hasattr(result, "pages"):
                return [item async for item in result]
            return await result

    return asyncio.run(run())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("name", ["gitea-1.17", "gitea-1.27"])
def test_a_list_endpoint_that_answers_null_gives_an_empty_list(
    built: dict[str, ModuleType], name: str, mode: str
) -> None:
    sdk = built[name]
    routes = _routes(sdk)
    paged = Recording("-", "GET", "/repos/{o}/{r}/branches", "Branch", True)
    plain = Recording("-", "GET", "/repos/{o}/{r}/git/refs", "Reference", True)
    with running_forge("gitea") as forge:
        for recording in (paged, plain):
            forge.state.canned[("GET", recording.path)] = b"null"
            target = _method_for(routes, recording)
            assert target is not None
            assert _call(sdk, forge.url, mode, *target) == []
        assert forge.state.server_errors == []
