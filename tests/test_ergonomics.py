"""The SDK as a new user meets it, on SDKs built from the real Gitea, Forgejo
and Gogs specs, against the fake forge of ``forge_server.py``: full docstrings
on sync and async methods, required bodies, ``with_options`` (timeout,
headers, retries per call, one connection pool), ``http_client=`` keeping the
base URL, timeout and headers, the ``Retry-After`` cap and what the error says
when retrying stops, ``from_env`` and ``repr``."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from forge_server import RunningForge, running_forge
from sdk import build_sdk, load_package

SPECS = {"gitea": "gitea/1.22.json", "forgejo": "forgejo/11.json", "gogs": "gogs/openapi.json"}
PREFIXES = {"gitea": "GITEA", "forgejo": "FORGEJO", "gogs": "GOGS"}


@pytest.fixture(scope="module")
def sdks(shared_specs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    root = tmp_path_factory.mktemp("client-options")
    built = {}
    for flavour, spec in SPECS.items():
        package = f"opt_{flavour}_sdk"
        out = build_sdk(shared_specs / spec, root / flavour, package, formatter="ruff")
        built[flavour] = load_package(out, package)
    return built


class Forge:
    def __init__(self, sdk: ModuleType, server: RunningForge, flavour: str) -> None:
        self.sdk, self.server, self.flavour = sdk, server, flavour

    def me(self, client: Any) -> Any:
        if self.flavour == "gogs":
            return client.users.get_authenticated_user()
        return client.user.get_current()

    def token(self) -> str:
        return str(self.server.state.add_token("alice", "t", ["all"]).sha1)

    def requests(self) -> list[Any]:
        return list(self.server.state.requests)


@pytest.fixture(params=sorted(SPECS))
def forge(
    request: pytest.FixtureRequest, sdks: dict[str, ModuleType], shared_specs: Path
) -> Iterator[Forge]:
    flavour = request.param
    with running_forge(flavour, shared_specs / SPECS[flavour]) as server:  # type: ignore[arg-type]
        yield Forge(sdks[flavour], server, flavour)


def test_with_options_shares_the_pool_and_sets_timeout_headers_and_retries(forge: Forge) -> None:
    sdk = forge.sdk
    with sdk.Client(forge.server.url, auth=sdk.TokenAuth(forge.token())) as client:
        quick = client.with_options(timeout=7, headers={"X-Trace": "abc"}, max_retries=0)
        assert quick._http is client._http  # one connection pool
        with quick.responses() as seen:
            assert forge.me(quick).login == "alice"
        sent = forge.requests()[-1]
        assert sent.header("X-Trace") == "abc"
        assert (
            sent.header(
                "Authorization",
            )
            is not None
        )  # auth carried over
        assert seen[-1].request.extensions["timeout"]["read"] == 7

        forge.server.state.fail_next(503, headers={"Retry-After": "0"})
        before = len(forge.requests())
        with pytest.raises(sdk.ServerError):
            forge.me(quick)  # max_retries=0: the 503 is not retried
        assert len(forge.requests()) == before + 1

        quick.close()  # a copy leaves the pool open for its origin
        with client.responses() as seen:
            forge.me(client)  # the original has its own timeout and no extra header
        assert forge.requests()[-1].header("X-Trace") is None
        assert seen[-1].request.extensions["timeout"]["read"] == 30


def test_with_options_on_an_async_client(forge: Forge) -> None:
    sdk = forge.sdk

    async def run() -> tuple[Any, Any]:
        async with sdk.AsyncClient(forge.server.url, auth=sdk.TokenAuth(forge.token())) as client:
            slow = client.with_options(timeout=99, headers={"X-Trace": "async"})
            assert isinstance(slow, sdk.AsyncClient) and slow._http is client._http
            with slow.responses() as seen:
                me = await forge.me(slow)
            return me, seen[-1]

    me, response = asyncio.run(run())
    assert me.login == "alice"
    assert forge.requests()[-1].header("X-Trace") == "async"
    assert response.request.extensions["timeout"]["read"] == 99


def test_a_per_call_timeout_on_call(forge: Forge) -> None:
    sdk = forge.sdk
    with sdk.Client(forge.server.url) as client, client.responses() as seen:
        client.call("GET", "/version", decode=lambda r: r.json(), timeout=3)
    assert seen[-1].request.extensions["timeout"]["read"] == 3


def test_an_own_http_client_keeps_base_url_timeout_and_headers(forge: Forge) -> None:
    sdk = forge.sdk
    http = httpx.Client()  # no base URL: requests must still go to the forge's API root
    token = forge.token()
    with (
        sdk.Client(
            forge.server.url,
            auth=sdk.TokenAuth(token),
            timeout=4,
            headers={"X-Team": "ops"},
            http_client=http,
        ) as client,
        client.responses() as seen,
    ):
        assert forge.me(client).login == "alice"
    sent = forge.requests()[-1]
    assert sent.path == "/api/v1/user"
    assert sent.header("X-Team") == "ops"
    assert sent.header("Authorization") == f"token {token}"
    assert seen[-1].request.extensions["timeout"]["read"] == 4
    assert str(seen[-1].request.url).startswith(forge.server.url)


def test_a_retry_after_over_the_cap_is_not_cut_short_and_the_error_says_so(forge: Forge) -> None:
    sdk = forge.sdk
    forge.server.state.fail_next(
        429,
        body=b'{"message":"slow down"}',
        content_type="application/json",
        headers={"Retry-After": "3600"},
    )
    started = time.monotonic()
    with sdk.Client(forge.server.url) as client, pytest.raises(sdk.RateLimited) as caught:
        forge.me(client)
    assert time.monotonic() - started < 5  # neither an hour nor a silent 30 s
    assert "Retry-After" in str(caught.value) and "max_retry_after=300" in str(caught.value)
    assert caught.value.retry_after == 3600
    assert len(forge.requests()) == 1

    # The cap is an option: raised, the same wait is honoured (here a short one).
    forge.server.state.fail_next(503, headers={"Retry-After": "1"})
    retries = sdk.Retries(max_retry_after=0.5)
    with (
        sdk.Client(forge.server.url, retries=retries) as client,
        pytest.raises(sdk.ServerError) as caught2,
    ):
        forge.me(client)
    assert "max_retry_after=0.5" in str(caught2.value)
    forge.server.state.fail_next(503, headers={"Retry-After": "1"})
    retries = sdk.Retries(max_retry_after=2)
    auth = sdk.TokenAuth(forge.token())
    with sdk.Client(forge.server.url, retries=retries, auth=auth) as client:
        forge.me(client)
    first, second = forge.requests()[-2:]
    assert second.at - first.at >= 0.95


def test_a_spent_retry_budget_is_named_in_the_error(forge: Forge) -> None:
    sdk = forge.sdk
    forge.server.state.fail_next(503, times=5, headers={"Retry-After": "0"})
    with (
        sdk.Client(forge.server.url, retries=sdk.Retries(attempts=2)) as client,
        pytest.raises(sdk.ServerError) as caught,
    ):
        forge.me(client)
    assert "gave up after 2 retries (Retries.attempts=2)" in str(caught.value)
    assert caught.value.retry_note.startswith("gave up")


def test_from_env_reads_the_forges_names_and_only_when_asked(
    forge: Forge, monkeypatch: pytest.MonkeyPatch
) -> None:
    sdk = forge.sdk
    prefix = PREFIXES[forge.flavour]
    token = forge.token()
    monkeypatch.setenv(f"{prefix}_URL", forge.server.url)
    monkeypatch.setenv(f"{prefix}_TOKEN", token)

    with sdk.Client.from_env(timeout=5) as client:
        assert forge.me(client).login == "alice"
    assert forge.requests()[-1].header("Authorization") == f"token {token}"

    # the constructor never reads the environment
    with sdk.Client(forge.server.url) as client, pytest.raises(sdk.Unauthorized):
        forge.me(client)
    assert forge.requests()[-1].header("Authorization") is None

    async def run() -> Any:
        async with sdk.AsyncClient.from_env() as client:
            return await forge.me(client)

    assert asyncio.run(run()).login == "alice"

    monkeypatch.delenv(f"{prefix}_URL")
    with pytest.raises(ValueError, match=f"{prefix}_URL is not set"):
        sdk.Client.from_env()


def test_repr_shows_the_url_and_auth_kind_never_the_secret(forge: Forge) -> None:
    sdk = forge.sdk
    secret = "0123456789abcdef0123456789abcdef01234567"
    with sdk.Client(forge.server.url, auth=sdk.TokenAuth(secret)) as client:
        shown = repr(client)
        assert shown == f"Client('{forge.server.url}/api/v1', auth=TokenAuth(token='***'))"
        assert secret not in repr(client.with_options(timeout=1))
    with sdk.Client(forge.server.url, auth=sdk.BasicAuth("alice", secret)) as client:
        assert secret not in repr(client) and "BasicAuth" in repr(client)
    with sdk.Client(forge.server.url, auth=httpx.BasicAuth("alice", secret)) as client:
        assert repr(client).endswith("auth=BasicAuth)") and secret not in repr(client)
    with sdk.Client(forge.server.url) as client:
        assert repr(client).endswith("auth=None)")


def _methods(sdk: ModuleType) -> Iterator[tuple[str, Any, Any]]:
    """(name, sync method, async method) of every operation of an SDK."""
    api = importlib.import_module(f"{sdk.__name__}.api")
    folder = Path(api.__file__).parent
    for path in sorted(folder.glob("[!_]*.py")):
        module = importlib.import_module(f"{api.__name__}.{path.stem}")
        for name in module.__all__:
            if name.startswith("Async"):
                continue
            sync_class, async_class = getattr(module, name), getattr(module, "Async" + name)
            for attr, method in vars(sync_class).items():
                if not attr.startswith("_"):
                    yield f"{name}.{attr}", method, getattr(async_class, attr)


def test_sync_and_async_methods_carry_the_same_full_docstring(sdks: dict[str, ModuleType]) -> None:
    for flavour, sdk in sdks.items():
        count = 0
        for name, sync, twin in _methods(sdk):
            doc = inspect.getdoc(sync) or ""
            assert inspect.getdoc(twin) == doc.replace("``Paginator[", "``AsyncPaginator["), name
            for parameter in list(inspect.signature(sync).parameters)[1:]:
                assert f"\n    {parameter}: " in doc, (flavour, name, parameter)
            assert "Returns " in doc and "Raises ``ApiError``" in doc, (flavour, name)
            assert doc.splitlines()[-1].startswith("``"), (flavour, name)  # the route
            count += 1
        assert count > 100, flavour


def test_a_body_with_required_fields_is_a_required_argument(forge: Forge) -> None:
    sdk, models = forge.sdk, forge.sdk.models
    group = "issues" if forge.flavour == "gogs" else "issue"
    body_class = models.CreateIssueBody if forge.flavour == "gogs" else models.CreateIssueOption
    with sdk.Client(forge.server.url, auth=sdk.TokenAuth(forge.token())) as client:
        create = getattr(client, group).create_issue
        body = inspect.signature(create).parameters["body"]
        assert body.default is inspect.Parameter.empty  # title is required, so the body is
        positional = create("alice", "hello", body_class(title="by position"))
        keyword = create("alice", "hello", body=body_class(title="by keyword"))
    assert (positional.title, keyword.title) == ("by position", "by keyword")
    with pytest.raises(TypeError):
        create("alice", "hello")


_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def test_the_readme_examples_run_as_written(
    forge: Forge, sdks: dict[str, ModuleType], tmp_path: Path
) -> None:
    sdk = forge.sdk
    out = Path(sdk.__file__).parent.parent
    readme = (out / "README.md").read_text(encoding="utf-8")
    # The README is written for the package name it was built with: opt_<flavour>_sdk.
    blocks = _BLOCK.findall(readme)
    assert len(blocks) >= 6, readme[:500]
    for heading in ("## Install", "## Authentication", "## Pagination", "## Errors and retries"):
        assert heading in readme or (heading == "## Pagination" and forge.flavour == "gogs")
    assert "## Operations" in readme and "### `client." in readme
    prefix = PREFIXES[forge.flavour]
    env = {
        **os.environ,
        f"{prefix}_URL": forge.server.url,
        f"{prefix}_TOKEN": forge.token(),
        f"{prefix}_USER": "alice",
        f"{prefix}_PASSWORD": "secret",
        "PYTHONPATH": str(out),
    }
    for number, code in enumerate(blocks):
        result = subprocess.run(
            [sys.executable, "-X", "utf8", "-c", code],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"block {number}:\n{code}\n{result.stderr}"
    assert forge.server.state.server_errors == []
