"""The generated runtime end to end: SDKs built from the real specs, sync and async.

SDKs built from ``../shared/specs`` (Gitea 1.22, Forgejo 11, Gogs) run against
the fake forge of ``tests/forge_server.py`` in the flavour each spec describes:
token creation with basic auth and OTP, every way of sending a token, sudo,
pagination (``Paginator``/``AsyncPaginator``), retries, typed errors, raw
responses, and secrets kept out of every exception and auth object.

The three SDKs are built once for the module (unique package names); every
test gets a fresh forge seeded with ``alice/big`` (137 open issues, all
assigned to alice) and 61 public ``alice/project-NNN`` repositories. Gogs runs
as the real one does, without ``X-Total-Count``. Each scenario is written once
and runs with ``Client`` and with ``AsyncClient``.
"""

from __future__ import annotations

import asyncio
import base64
import importlib
import logging
import math
import socket
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from forge_server import RunningForge, running_forge
from sdk import build_sdk, load_package, run_python

SPECS = {"gitea": "gitea/1.22.json", "forgejo": "forgejo/11.json", "gogs": "gogs/openapi.json"}
PACKAGES = {"gitea": "rt_gitea_sdk", "forgejo": "rt_forgejo_sdk", "gogs": "rt_gogs_sdk"}
OTP_HEADERS = {"gitea": "X-GITEA-OTP", "forgejo": "X-FORGEJO-OTP"}
MODES = ("sync", "async")
BIG_ISSUES = 137
PROJECTS = 61
FAST = {"backoff": 0.01, "max_delay": 0.5}  # Retries(**FAST): quick, still exponential
WRONG_PASSWORD = "wr0ng-pa55word"
WRONG_OTP = "654321"
BOB_PASSWORD = "hunter2"
BOB_OTP = "123456"
BAD_TOKEN = "0123456789abcdef" * 2 + "feedbeef"  # never issued


# ---------------------------------------------------------------------------
# Building and loading the SDKs


def _unload(out: Path, package: str) -> None:
    if str(out) in sys.path:
        sys.path.remove(str(out))
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]


@dataclass(frozen=True)
class Built:
    specs: Path  # ../shared/specs
    sdks: dict[str, Any]  # flavour -> the imported package

    def spec(self, flavour: str) -> Path:
        return self.specs / SPECS[flavour]


@pytest.fixture(scope="module")
def built(shared_specs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = tmp_path_factory.mktemp("runtime-e2e")
    loaded: dict[str, ModuleType] = {}
    try:
        for flavour, spec in SPECS.items():
            out = build_sdk(shared_specs / spec, root / flavour, PACKAGES[flavour])
            loaded[flavour] = load_package(out, PACKAGES[flavour])
            importlib.import_module(f"{PACKAGES[flavour]}._client")
        yield Built(shared_specs, loaded)
    finally:
        for flavour, package in PACKAGES.items():
            _unload(root / flavour, package)


# ---------------------------------------------------------------------------
# A runner that drives Client or AsyncClient, and each SDK's names


@dataclass
class Runner:
    """Runs ``fn(client)`` with a ``Client``, or awaits it with an ``AsyncClient``.

    ``fn`` is written once: ``lambda c: r.me(c)`` returns the result for a
    ``Client`` and a coroutine for an ``AsyncClient``. The helpers below
    (``me``, ``issues``, ``search`` ...) hide the three SDKs' different names.
    """

    sdk: Any = field(repr=False)
    forge: RunningForge = field(repr=False)
    flavour: str
    mode: str

    @property
    def sync(self) -> bool:
        return self.mode == "sync"

    @property
    def gogs(self) -> bool:
        return self.flavour == "gogs"

    @property
    def models(self) -> Any:
        return self.sdk.models

    @property
    def state(self) -> Any:
        return self.forge.state

    def client(self, url: str | None = None, **options: Any) -> Any:
        kind = self.sdk.Client if self.sync else self.sdk.AsyncClient
        return kind(url or self.forge.url, **options)

    def __call__(self, fn: Callable[[Any], Any], *, url: str | None = None, **options: Any) -> Any:
        if self.sync:
            with self.client(url, **options) as client:
                return fn(client)

        async def run() -> Any:
            async with self.client(url, **options) as client:
                return await fn(client)

        return asyncio.run(run())

    def seen(self, fn: Callable[[Any], Any], **options: Any) -> tuple[Any, list[httpx.Response]]:
        """``fn(client)`` inside ``client.responses()``: its result (or error) and the responses."""

        def call(client: Any) -> Any:
            with client.responses() as seen:
                try:
                    result = fn(client)
                except self.sdk.ForgeError as exc:
                    return exc, seen
            return result, seen

        async def acall(client: Any) -> Any:
            with client.responses() as seen:
                try:
                    result = await fn(client)
                except self.sdk.ForgeError as exc:
                    return exc, seen
            return result, seen

        return self(call if self.sync else acall, **options)  # type: ignore[no-any-return]

    # Paginators, sync or async, from inside ``fn``

    def items(self, paginator: Any) -> Any:
        if self.sync:
            return list(paginator)

        async def collect() -> list[Any]:
            return [item async for item in paginator]

        return collect()

    def pages(self, paginator: Any) -> Any:
        if self.sync:
            return list(paginator.pages())

        async def collect() -> list[Any]:
            return [page async for page in paginator.pages()]

        return collect()

    def every(self, list_call: Callable[[Any], Any], **options: Any) -> list[Any]:
        return self(lambda c: self.items(list_call(c)), **options)  # type: ignore[no-any-return]

    # The operations, by each SDK's names

    def me(self, c: Any) -> Any:
        return c.users.get_authenticated_user() if self.gogs else c.user.get_current()

    def repo(self, c: Any, owner: str, name: str) -> Any:
        if self.gogs:
            return c.repositories.get_repo(owner, name)
        return c.repository.get(owner, name)

    def issues(self, c: Any, **options: Any) -> Any:
        """The 137 issues: ``alice/big``'s (limit=100), or on Gogs those assigned to alice."""
        if self.gogs:  # Gogs pages repository issues too, but its spec declares no `page`
            return c.issues.list_user_issues(**options)
        return c.issue.list_issues("alice", "big", **{"limit": 100, **options})

    def search(self, c: Any, **options: Any) -> Any:
        """The 61 ``project-NNN`` repositories, through the ``{"ok", "data"}`` wrapper."""
        if self.gogs:
            return c.repositories.search_repos("project", **{"limit": 25, **options})
        return c.repository.search(q="project", **{"limit": 25, **options})

    def create_issue(self, c: Any, title: str) -> Any:
        if self.gogs:
            return c.issues.create_issue("alice", "hello", self.models.CreateIssueBody(title=title))
        body = self.models.CreateIssueOption(title=title)
        return c.issue.create_issue("alice", "hello", body=body)

    def token(self, login: str = "alice") -> str:
        return self.state.add_token(login, f"t{len(self.state.tokens)}", ["all"]).sha1

    def requests_to(self, path: str) -> list[Any]:
        return [r for r in self.state.requests if r.path == "/api/v1" + path]


def _runner(built: Built, flavour: str, mode: str) -> Iterator[Runner]:
    with running_forge(
        flavour,  # type: ignore[arg-type]
        built.spec(flavour),
        big_issues=BIG_ISSUES,
        projects=PROJECTS,
        gogs_total_count=False,
    ) as forge:
        yield Runner(built.sdks[flavour], forge, flavour, mode)
        assert forge.state.server_errors == []


def _params(flavours: tuple[str, ...], modes: tuple[str, ...] = MODES) -> list[Any]:
    return [pytest.param((f, m), id=f"{f}-{m}") for f in flavours for m in modes]


@pytest.fixture(params=_params(("gitea", "forgejo", "gogs")))
def forge(request: pytest.FixtureRequest, built: Built) -> Iterator[Runner]:
    """Every forge, sync and async."""
    yield from _runner(built, *request.param)


@pytest.fixture(params=_params(("gitea", "forgejo")))
def gitea_like(request: pytest.FixtureRequest, built: Built) -> Iterator[Runner]:
    """Gitea and Forgejo, sync and async."""
    yield from _runner(built, *request.param)


@pytest.fixture(params=_params(("gitea",)))
def gitea(request: pytest.FixtureRequest, built: Built) -> Iterator[Runner]:
    yield from _runner(built, *request.param)


@pytest.fixture(params=_params(("gitea", "forgejo"), ("async",)))
def async_gitea_like(request: pytest.FixtureRequest, built: Built) -> Iterator[Runner]:
    yield from _runner(built, *request.param)


@pytest.fixture(params=_params(("gogs",)))
def gogs(request: pytest.FixtureRequest, built: Built) -> Iterator[Runner]:
    yield from _runner(built, *request.param)


def _basic(login: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()


def _dead_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _exception_text(exc: BaseException) -> str:
    """Everything an exception shows: str, repr, args, url, and the full traceback."""
    parts = [str(exc), repr(exc), repr(exc.args), str(getattr(exc, "url", ""))]
    parts.append("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    return "\n".join(parts)


def _assert_hidden(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text, f"{secret!r} shows in {text!r}"


# ---------------------------------------------------------------------------
# Tokens: created with basic auth (and OTP), then used every way the forge allows


def test_create_token_with_basic_auth_then_use_it(forge: Runner) -> None:
    scopes = None if forge.gogs else ["write:issue", "read:user"]
    token = forge(lambda c: c.create_token("alice", "secret", "ci", scopes=scopes))

    assert isinstance(token, str) and len(token) == 40
    sent = forge.state.last_request
    assert (sent.method, sent.path) == ("POST", "/api/v1/users/alice/tokens")
    assert sent.header("Authorization") == _basic("alice", "secret")
    assert sent.json() == ({"name": "ci"} if forge.gogs else {"name": "ci", "scopes": scopes})

    me = forge(forge.me, auth=forge.sdk.TokenAuth(token))

    assert me.login == "alice"
    assert forge.state.last_request.header("Authorization") == f"token {token}"


def test_create_token_with_otp_sends_the_forges_header(gitea_like: Runner) -> None:
    forge = gitea_like
    token = forge(
        lambda c: c.create_token("bob", BOB_PASSWORD, "laptop", scopes=["all"], otp=BOB_OTP)
    )

    sent = forge.state.last_request
    header = OTP_HEADERS[forge.flavour]
    other = OTP_HEADERS["gitea" if forge.flavour == "forgejo" else "forgejo"]
    assert sent.header(header) == BOB_OTP
    assert sent.header(other) is None
    me = forge(forge.me, auth=forge.sdk.TokenAuth(token))
    assert me.login == "bob"


@pytest.mark.parametrize("otp", [None, WRONG_OTP])
def test_create_token_without_the_right_otp_is_unauthorized(
    gitea_like: Runner, otp: str | None
) -> None:
    forge = gitea_like
    with pytest.raises(forge.sdk.Unauthorized) as caught:
        forge(lambda c: c.create_token("bob", BOB_PASSWORD, "laptop", scopes=["all"], otp=otp))

    assert caught.value.status_code == 401
    assert "OTP" in caught.value.message
    _assert_hidden(_exception_text(caught.value), [BOB_PASSWORD, WRONG_OTP])
    assert forge.state.tokens == {}


def test_gogs_refuses_basic_auth_for_a_2fa_account(gogs: Runner) -> None:
    with pytest.raises(gogs.sdk.Unauthorized) as caught:
        gogs(lambda c: c.create_token("bob", BOB_PASSWORD, "laptop"))

    _assert_hidden(_exception_text(caught.value), [BOB_PASSWORD])
    assert gogs.state.tokens == {}


def test_bearer_token(gitea_like: Runner) -> None:
    token = gitea_like.token()
    me = gitea_like(gitea_like.me, auth=gitea_like.sdk.BearerAuth(token))

    assert me.login == "alice"
    assert gitea_like.state.last_request.header("Authorization") == f"Bearer {token}"


@pytest.mark.parametrize("param", ["access_token", "token"])
def test_query_token_warns_and_works(gitea_like: Runner, param: str) -> None:
    token = gitea_like.token()
    with pytest.warns(DeprecationWarning, match="TokenAuth"):
        auth = gitea_like.sdk.QueryTokenAuth(token, param=param)
    me = gitea_like(gitea_like.me, auth=auth)

    assert me.login == "alice"
    sent = gitea_like.state.last_request
    assert sent.query == [(param, token)]
    assert sent.header("Authorization") is None
    assert token not in repr(auth) and token not in str(auth)


def test_query_token_auth_defaults_to_access_token(gitea_like: Runner) -> None:
    with pytest.warns(DeprecationWarning):
        auth = gitea_like.sdk.QueryTokenAuth(gitea_like.token())
    gitea_like(gitea_like.me, auth=auth)

    assert [k for k, _ in gitea_like.state.last_request.query] == ["access_token"]


def test_gogs_has_no_query_token_auth_and_rejects_query_tokens(gogs: Runner) -> None:
    assert not hasattr(gogs.sdk, "QueryTokenAuth")
    assert "QueryTokenAuth" not in gogs.sdk.__all__
    assert not hasattr(gogs.sdk.auth, "QueryTokenAuth")
    token = gogs.token()
    for param in ("token", "access_token"):
        http = (httpx.Client if gogs.sync else httpx.AsyncClient)(
            base_url=gogs.forge.api_url + "/", params={param: token}
        )
        with pytest.raises(gogs.sdk.Unauthorized) as caught:
            gogs(gogs.me, http_client=http)
        assert gogs.state.last_request.query == [(param, token)]
        _assert_hidden(_exception_text(caught.value), [token])
    assert gogs(gogs.me, auth=gogs.sdk.TokenAuth(token)).login == "alice"


@pytest.mark.parametrize("via", ["header", "query"])
def test_sudo_acts_as_another_user(gitea_like: Runner, via: str) -> None:
    sdk, admin_token = gitea_like.sdk, gitea_like.token("alice")
    auth = sdk.Sudo(sdk.TokenAuth(admin_token), "bob", via=via)

    me = gitea_like(gitea_like.me, auth=auth)

    assert me.login == "bob"
    sent = gitea_like.state.last_request
    assert sent.header("Authorization") == f"token {admin_token}"
    if via == "header":
        assert (sent.header("Sudo"), sent.query) == ("bob", [])
    else:
        assert (sent.header("Sudo"), sent.query) == (None, [("sudo", "bob")])
    # alice may read her private repository; acting as bob, she may not.
    assert gitea_like(
        lambda c: gitea_like.repo(c, "alice", "secret"), auth=sdk.TokenAuth(admin_token)
    )
    with pytest.raises(sdk.NotFound):
        gitea_like(lambda c: gitea_like.repo(c, "alice", "secret"), auth=auth)


def test_sudo_needs_an_admin(gitea_like: Runner) -> None:
    sdk = gitea_like.sdk
    auth = sdk.Sudo(sdk.TokenAuth(gitea_like.token("bob")), "alice")
    with pytest.raises(sdk.Forbidden) as caught:
        gitea_like(gitea_like.me, auth=auth)

    assert caught.value.message == "Only administrators allowed to sudo."


def test_sudo_over_basic_auth_with_otp(gitea_like: Runner) -> None:
    sdk = gitea_like.sdk
    gitea_like.state.users["bob"].is_admin = True
    auth = sdk.Sudo(sdk.BasicAuth("bob", BOB_PASSWORD, otp=BOB_OTP), "alice")

    assert gitea_like(gitea_like.me, auth=auth).login == "alice"
    assert gitea_like.state.last_request.header(OTP_HEADERS[gitea_like.flavour]) == BOB_OTP


def test_gogs_sdk_has_no_sudo_bearer_or_otp(built: Built) -> None:
    gogs = built.sdks["gogs"]
    for name in ("Sudo", "BearerAuth", "QueryTokenAuth"):
        assert name not in gogs.__all__
    with pytest.raises(TypeError):
        gogs.BasicAuth("bob", BOB_PASSWORD, otp=BOB_OTP)  # type: ignore[attr-defined]
    for flavour in ("gitea", "forgejo"):
        assert {"Sudo", "BearerAuth", "QueryTokenAuth"} <= set(built.sdks[flavour].__all__)


class _TokenOnChallenge(httpx.Auth):
    """A plain ``httpx.Auth`` of two steps: no credentials until the forge answers 401."""

    requires_response_body = True

    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = f"token {self.token}"
            yield request


def test_an_httpx_auth_of_ones_own_drives_the_request(forge: Runner) -> None:
    token = forge.token()

    me = forge(forge.me, auth=_TokenOnChallenge(token))

    assert me.login == "alice"
    sent = [r.header("Authorization") for r in forge.requests_to("/user")]
    assert sent == [None, f"token {token}"]


class _Token(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers["Authorization"] = f"token {self.token}"
        yield request


def test_sudo_over_an_httpx_auth_of_ones_own(gitea_like: Runner) -> None:
    token = gitea_like.token("alice")

    me = gitea_like(gitea_like.me, auth=gitea_like.sdk.Sudo(_Token(token), "bob"))

    assert me.login == "bob"
    sent = gitea_like.state.last_request
    assert (sent.header("Sudo"), sent.header("Authorization")) == ("bob", f"token {token}")


def test_the_adapters_serve_an_httpx_client_of_ones_own(gitea: Runner) -> None:
    sdk, token = gitea.sdk, gitea.token()
    auth = sdk.Sudo(sdk.TokenAuth(token), "bob").as_httpx()
    assert isinstance(auth, httpx.Auth)
    _assert_hidden(repr(auth), [token])
    with httpx.Client(base_url=gitea.forge.url + "/api/v1", auth=auth) as http:
        assert http.get("/user").json()["login"] == "bob"
    assert gitea.state.last_request.header("Authorization") == f"token {token}"


# ---------------------------------------------------------------------------
# Pagination


def test_iterate_137_issues(forge: Runner) -> None:
    issues = forge.every(forge.issues, auth=forge.sdk.TokenAuth(forge.token()))

    assert len(issues) == BIG_ISSUES
    assert [i.number for i in issues] == list(range(BIG_ISSUES, 0, -1))
    assert all(isinstance(i, forge.models.Issue) for i in issues)
    path = "/user/issues" if forge.gogs else "/repos/alice/big/issues"
    sent = forge.requests_to(path)
    page_size = 10 if forge.gogs else 50  # Gogs fixes it; Gitea caps limit=100 at 50
    pages = math.ceil(BIG_ISSUES / page_size)
    assert sent[0].query_values("page") == []  # the first request goes out as written
    assert sorted(int(r.query_values("page")[0]) for r in sent[1:]) == list(range(2, pages + 1))
    if not forge.gogs:
        assert all(r.query_values("limit") == ["100"] for r in sent)


def test_iterate_61_search_results_through_the_wrapper(forge: Runner) -> None:
    found = forge.every(forge.search)

    assert len(found) == PROJECTS
    assert all(isinstance(r, forge.models.Repository) for r in found)
    assert sorted(r.name for r in found) == [f"project-{n:03d}" for n in range(1, PROJECTS + 1)]
    sent = forge.requests_to("/repos/search")
    assert len(sent) == 3  # 25 + 25 + 11
    assert all(r.query_values("q") == ["project"] for r in sent)
    first = forge.state.responses[0]
    assert 'rel="next"' in first.headers["Link"]
    assert ("X-Total-Count" in first.headers) is not forge.gogs


def test_pages_and_their_numbers(forge: Runner) -> None:
    pages = forge(lambda c: forge.pages(forge.issues(c)), auth=forge.sdk.TokenAuth(forge.token()))

    if forge.gogs:
        assert [p.number for p in pages] == list(range(1, 15))
        assert [len(p.items) for p in pages] == [10] * 13 + [7]
    else:
        assert [p.number for p in pages] == [1, 2, 3]
        assert [len(p.items) for p in pages] == [50, 50, 37]
        assert [p.total_count for p in pages] == [BIG_ISSUES] * 3
    assert all(p.response.status_code == 200 for p in pages)
    assert [i.number for p in pages for i in p.items] == list(range(BIG_ISSUES, 0, -1))


def test_pages_from_a_later_page(forge: Runner) -> None:
    token = forge.token()
    pages = forge(lambda c: forge.pages(forge.issues(c, page=2)), auth=forge.sdk.TokenAuth(token))

    expected = list(range(2, 15)) if forge.gogs else [2, 3]
    assert [p.number for p in pages] == expected
    assert all(p.items for p in pages)
    path = "/user/issues" if forge.gogs else "/repos/alice/big/issues"
    assert len(forge.requests_to(path)) == len(expected)


@pytest.mark.parametrize("max_items", [5, 60])
def test_max_items_stops_early(forge: Runner, max_items: int) -> None:
    issues = forge.every(
        lambda c: forge.issues(c, max_items=max_items), auth=forge.sdk.TokenAuth(forge.token())
    )

    assert [i.number for i in issues] == list(range(BIG_ISSUES, BIG_ISSUES - max_items, -1))
    page_size = 10 if forge.gogs else 50
    path = "/user/issues" if forge.gogs else "/repos/alice/big/issues"
    assert len(forge.requests_to(path)) == math.ceil(max_items / page_size)


def test_total_count(forge: Runner) -> None:
    auth = forge.sdk.TokenAuth(forge.token())
    expected = None if forge.gogs else BIG_ISSUES  # real Gogs sends no X-Total-Count
    if forge.sync:
        with forge.client(auth=auth) as client:
            paginator = forge.issues(client)
            assert paginator.total_count == expected
            assert paginator.total_count == expected
            assert len(forge.state.requests) == 1  # one page fetched, once
            assert len(list(paginator)) == BIG_ISSUES
        return

    async def run() -> None:
        async with forge.client(auth=auth) as client:
            paginator = forge.issues(client)
            assert paginator.total_count is None  # nothing fetched yet
            assert forge.state.requests == []
            first = await paginator.first_page()
            assert first.total_count == paginator.total_count == expected
            assert len(forge.state.requests) == 1
            assert len([i async for i in paginator]) == BIG_ISSUES

    asyncio.run(run())


def test_async_prefetch_is_concurrent_and_in_order(gitea_like: Runner) -> None:
    forge = gitea_like
    forge.state.delay = 0.02 if forge.sync else 0.1  # long enough for four to overlap
    issues = forge.every(
        lambda c: forge.issues(c, limit=10), auth=forge.sdk.TokenAuth(forge.token())
    )

    assert [i.number for i in issues] == list(range(BIG_ISSUES, 0, -1))
    assert len(forge.requests_to("/repos/alice/big/issues")) == 14
    # The sync client fetches one page after another; the async one keeps
    # four pages in flight once X-Total-Count has told it how many there are.
    assert forge.state.max_in_flight == (1 if forge.sync else 4)


def test_async_without_total_count_follows_links(gogs: Runner) -> None:
    gogs.state.delay = 0.02
    issues = gogs.every(gogs.issues, auth=gogs.sdk.TokenAuth(gogs.token()))

    assert len(issues) == BIG_ISSUES
    assert gogs.state.max_in_flight == 1


def test_async_stopping_early_cancels_prefetches(async_gitea_like: Runner) -> None:
    forge = async_gitea_like
    forge.state.delay = 0.05
    auth = forge.sdk.TokenAuth(forge.token())

    async def run() -> list[int]:
        numbers = []
        async with forge.client(auth=auth) as client:
            async for issue in forge.issues(client, limit=10):
                numbers.append(issue.number)
                if len(numbers) == 15:
                    break
        return numbers

    assert asyncio.run(run()) == list(range(BIG_ISSUES, BIG_ISSUES - 15, -1))
    # Pages 2-5 were in flight; the rest were never asked for.
    assert len(forge.requests_to("/repos/alice/big/issues")) < 14


# ---------------------------------------------------------------------------
# Retries. The must-show cases run on all three forges; the finer points of
# the retry policy on Gitea only, as the generated _client.py is the same.


def test_get_through_a_503_by_retrying(forge: Runner) -> None:
    forge.state.fail_next(503)  # a proxy's HTML page, no Retry-After

    repo = forge(lambda c: forge.repo(c, "alice", "hello"))  # the default Retries()

    assert repo.full_name == "alice/hello"
    sent = forge.requests_to("/repos/alice/hello")
    assert len(sent) == 2
    assert [r.status for r in forge.state.responses] == [503, 200]
    assert sent[1].at - sent[0].at >= 0.2  # backoff 0.5 s with jitter: 0.25-0.5 s


def test_a_list_gets_through_a_503_on_a_later_page(forge: Runner) -> None:
    path = "/user/issues" if forge.gogs else "/repos/alice/big/issues"
    options = {"auth": forge.sdk.TokenAuth(forge.token()), "retries": forge.sdk.Retries(**FAST)}
    if forge.sync:
        with forge.client(**options) as client:
            paginator = forge.issues(client)
            paginator.first_page()
            forge.state.fail_next(503, path=path, headers={"Retry-After": "0"})
            issues = list(paginator)
    else:

        async def run() -> list[Any]:
            async with forge.client(**options) as client:
                paginator = forge.issues(client)
                await paginator.first_page()
                forge.state.fail_next(503, path=path, headers={"Retry-After": "0"})
                return [i async for i in paginator]

        issues = asyncio.run(run())

    assert [i.number for i in issues] == list(range(BIG_ISSUES, 0, -1))
    assert [r.status for r in forge.state.responses].count(503) == 1


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_zero_wins_over_backoff(gitea: Runner, status: int) -> None:
    forge = gitea
    forge.state.fail_next(
        status,
        body=b'{"message":"slow down"}',
        content_type="application/json",
        headers={"Retry-After": "0"},
    )
    retries = forge.sdk.Retries(backoff=20.0, max_delay=20.0)  # 10-20 s if Retry-After were lost

    started = time.monotonic()
    repo = forge(lambda c: forge.repo(c, "alice", "hello"), retries=retries)

    assert repo.name == "hello"
    assert time.monotonic() - started < 5
    assert [r.status for r in forge.state.responses] == [status, 200]


def test_retry_after_seconds_are_waited(gitea: Runner) -> None:
    forge = gitea
    forge.state.fail_next(503, headers={"Retry-After": "1"})

    forge(lambda c: forge.repo(c, "alice", "hello"), retries=forge.sdk.Retries(backoff=0.001))

    first, second = forge.requests_to("/repos/alice/hello")
    assert second.at - first.at >= 0.95


def test_retry_after_as_an_http_date(gitea: Runner) -> None:
    forge = gitea
    forge.state.fail_next(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    retries = forge.sdk.Retries(backoff=20.0, max_delay=20.0)

    started = time.monotonic()
    forge(lambda c: forge.repo(c, "alice", "hello"), retries=retries)

    assert time.monotonic() - started < 5  # a date in the past: retry at once


def test_unreadable_retry_after_falls_back_to_backoff(forge: Runner) -> None:
    forge.state.fail_next(503, headers={"Retry-After": "soon"})

    repo = forge(lambda c: forge.repo(c, "alice", "hello"), retries=forge.sdk.Retries(**FAST))

    assert repo.name == "hello"


def test_put_is_retried_with_its_body(gitea_like: Runner) -> None:
    forge = gitea_like
    path = "/repos/alice/hello/actions/secrets/deploy_key"
    forge.state.fail_next(503, path=path, headers={"Retry-After": "0"})
    body = forge.models.CreateOrUpdateSecretOption(data="s3cr3t-value")

    result = forge(
        lambda c: c.repository.update_repo_secret("alice", "hello", "deploy_key", body=body),
        auth=forge.sdk.TokenAuth(forge.token()),
    )

    assert result is None
    first, second = forge.requests_to(path)
    assert first.method == second.method == "PUT"
    assert first.json() == second.json() == {"data": "s3cr3t-value"}
    assert forge.state.repos["alice/hello"].secrets == {"DEPLOY_KEY": "s3cr3t-value"}


def test_post_is_not_retried_on_503(forge: Runner) -> None:
    forge.state.fail_next(503, path="/repos/alice/hello/issues", headers={"Retry-After": "0"})
    auth = forge.sdk.TokenAuth(forge.token())
    with pytest.raises(forge.sdk.ServerError) as caught:
        forge(lambda c: forge.create_issue(c, "Once only"), auth=auth)

    assert caught.value.status_code == 503
    assert len(forge.requests_to("/repos/alice/hello/issues")) == 1
    assert len(forge.state.repos["alice/hello"].issues) == 75
    created = forge(lambda c: forge.create_issue(c, "Now"), auth=auth)  # the forge is back
    assert created.number == 76


def test_post_is_not_retried_on_429(gitea: Runner) -> None:
    forge = gitea
    forge.state.fail_next(
        429,
        path="/repos/alice/hello/issues",
        body=b'{"message":"rate limited"}',
        content_type="application/json",
        headers={"Retry-After": "7"},
    )
    with pytest.raises(forge.sdk.RateLimited) as caught:
        forge(
            lambda c: forge.create_issue(c, "Once only"),
            auth=forge.sdk.TokenAuth(forge.token()),
        )

    assert isinstance(caught.value, forge.sdk.ClientError)
    assert caught.value.retry_after == 7.0
    assert len(forge.requests_to("/repos/alice/hello/issues")) == 1


def test_no_retries_raise_the_server_error_at_once(forge: Runner) -> None:
    forge.state.fail_next(503, headers={"Retry-After": "0"})
    with pytest.raises(forge.sdk.ServerError) as caught:
        forge(lambda c: forge.repo(c, "alice", "hello"), retries=None)

    assert caught.value.status_code == 503
    assert caught.value.message == "Service Unavailable"
    assert len(forge.state.requests) == 1


def test_retries_give_up_after_attempts(gitea: Runner) -> None:
    forge = gitea
    forge.state.fail_next(503, times=10)
    with pytest.raises(forge.sdk.ServerError):
        forge(
            lambda c: forge.repo(c, "alice", "hello"),
            retries=forge.sdk.Retries(attempts=2, **FAST),
        )

    # ``attempts`` counts the retries after the first request.
    assert len(forge.state.requests) == 3


def test_only_the_listed_statuses_are_retried(gitea: Runner) -> None:
    forge = gitea
    forge.state.fail_next(500, body=b'{"message":"boom"}', content_type="application/json")
    with pytest.raises(forge.sdk.ServerError) as caught:
        forge(lambda c: forge.repo(c, "alice", "hello"), retries=forge.sdk.Retries(**FAST))

    assert caught.value.message == "boom"
    assert len(forge.state.requests) == 1


def test_a_dropped_connection_is_retried_for_get(forge: Runner) -> None:
    forge.state.drop_next()

    repo = forge(lambda c: forge.repo(c, "alice", "hello"), retries=forge.sdk.Retries(**FAST))

    assert repo.name == "hello"
    assert len(forge.requests_to("/repos/alice/hello")) == 2


def test_a_dropped_connection_is_not_retried_for_post(forge: Runner) -> None:
    forge.state.drop_next(path="/repos/alice/hello/issues")
    with pytest.raises(forge.sdk.TransportError) as caught:
        forge(
            lambda c: forge.create_issue(c, "Once only"),
            auth=forge.sdk.TokenAuth(forge.token()),
            retries=forge.sdk.Retries(**FAST),
        )

    assert caught.value.method == "POST"
    assert len(forge.requests_to("/repos/alice/hello/issues")) == 1


def test_a_dropped_connection_without_retries(gitea: Runner) -> None:
    forge = gitea
    forge.state.drop_next()
    with pytest.raises(forge.sdk.TransportError):
        forge(lambda c: forge.repo(c, "alice", "hello"), retries=None)

    assert len(forge.state.requests) == 1


# ---------------------------------------------------------------------------
# Typed errors


def test_private_repository_without_credentials_is_not_found(forge: Runner) -> None:
    with pytest.raises(forge.sdk.NotFound) as caught:
        forge(lambda c: forge.repo(c, "alice", "secret"))

    exc = caught.value
    assert isinstance(exc, forge.sdk.ClientError) and isinstance(exc, forge.sdk.ApiError)
    assert not isinstance(exc, forge.sdk.ServerError)
    assert exc.status_code == 404
    assert exc.message == ("Not Found" if forge.gogs else "The target couldn't be found.")
    assert exc.method == "GET" and exc.url.endswith("/api/v1/repos/alice/secret")
    assert len(forge.state.requests) == 1  # a 404 is not retried
    owner = forge(
        lambda c: forge.repo(c, "alice", "secret"), auth=forge.sdk.TokenAuth(forge.token())
    )
    assert owner.private is True


def test_validation_failure_is_typed(forge: Runner) -> None:
    with pytest.raises(forge.sdk.ValidationFailed) as caught:
        forge(lambda c: forge.create_issue(c, ""), auth=forge.sdk.TokenAuth(forge.token()))

    exc = caught.value
    assert isinstance(exc, forge.sdk.ClientError)
    assert exc.status_code == 422
    assert exc.errors == [
        {"fieldNames": ["Title"], "classification": "RequiredError", "message": "Required"}
    ]
    if not forge.gogs:
        assert exc.message == "[Title]: Required"
    assert len(forge.state.repos["alice/hello"].issues) == 75


def test_wrong_token_is_unauthorized(forge: Runner) -> None:
    with pytest.raises(forge.sdk.Unauthorized) as caught:
        forge(forge.me, auth=forge.sdk.TokenAuth(BAD_TOKEN))

    assert caught.value.status_code == 401
    _assert_hidden(_exception_text(caught.value), [BAD_TOKEN])


# ---------------------------------------------------------------------------
# Raw responses


def test_responses_show_status_and_headers(forge: Runner) -> None:
    auth = forge.sdk.TokenAuth(forge.token())
    page, seen = forge.seen(lambda c: forge.search(c).first_page(), auth=auth)

    assert [r.status_code for r in seen] == [200]
    assert seen[0] is page.response
    assert 'rel="next"' in seen[0].headers["Link"]
    assert seen[0].headers.get("X-Total-Count") == (None if forge.gogs else str(PROJECTS))
    assert seen[0].json()["ok"] is True

    error, seen = forge.seen(lambda c: forge.repo(c, "alice", "nope"))
    assert isinstance(error, forge.sdk.NotFound)
    assert [r.status_code for r in seen] == [404]
    # Gogs answers 404 without a body; Gitea with its JSON message.
    assert seen[0].headers.get("Content-Type", "").startswith("application/json") is not forge.gogs


def test_responses_after_a_retry(gitea: Runner) -> None:
    forge = gitea
    forge.state.fail_next(503, headers={"Retry-After": "0"})
    repo, seen = forge.seen(lambda c: forge.repo(c, "alice", "hello"))

    assert repo.name == "hello"
    assert seen[-1].status_code == 200
    assert seen[-1].request.url.path == "/api/v1/repos/alice/hello"


def test_responses_of_a_whole_list(forge: Runner) -> None:
    auth = forge.sdk.TokenAuth(forge.token())
    found, seen = forge.seen(lambda c: forge.items(forge.search(c)), auth=auth)

    assert len(found) == PROJECTS
    assert len(seen) == 3
    assert sorted(int(r.request.url.params.get("page") or 1) for r in seen) == [1, 2, 3]


# ---------------------------------------------------------------------------
# Secrets


def test_no_secret_in_any_exception_text(forge: Runner) -> None:
    sdk = forge.sdk
    good = forge.token("alice")
    bob = forge.token("bob")
    dead = _dead_url()
    caught: list[BaseException] = []

    def expect(fn: Callable[[Any], Any], **options: Any) -> None:
        try:
            forge(fn, **options)
        except sdk.ForgeError as exc:
            caught.append(exc)
        else:
            pytest.fail("expected an error")

    scopes = None if forge.gogs else ["all"]
    expect(lambda c: c.create_token("alice", WRONG_PASSWORD, "x", scopes=scopes))
    expect(forge.me, auth=sdk.TokenAuth(BAD_TOKEN))
    expect(lambda c: forge.repo(c, "alice", "secret"), auth=sdk.TokenAuth(bob))
    expect(lambda c: forge.create_issue(c, ""), auth=sdk.TokenAuth(good))
    expect(forge.me, auth=sdk.BasicAuth("alice", WRONG_PASSWORD))
    forge.state.fail_next(503)
    expect(forge.me, auth=sdk.TokenAuth(good), retries=None)
    forge.state.drop_next()
    expect(forge.me, auth=sdk.TokenAuth(good), retries=None)
    expect(forge.me, url=dead, auth=sdk.TokenAuth(good), retries=None)
    expect(forge.me, url=dead, auth=sdk.BasicAuth("bob", BOB_PASSWORD), retries=None)
    with_userinfo = f"//bob:{BOB_PASSWORD}@"
    expect(forge.me, url=dead.replace("//", with_userinfo), retries=None)
    expect(forge.me, url=forge.forge.url.replace("//", with_userinfo))
    forge.state.fail_next(200, body=b'{"login": ', content_type="application/json")
    expect(forge.me, auth=sdk.TokenAuth(good))  # a ResponseError
    if forge.gogs:
        expect(lambda c: c.create_token("bob", BOB_PASSWORD, "x"))
    else:
        expect(lambda c: c.create_token("bob", BOB_PASSWORD, "x", scopes=["all"], otp=WRONG_OTP))
        expect(forge.me, auth=sdk.BasicAuth("bob", BOB_PASSWORD, otp=WRONG_OTP))
        expect(forge.me, auth=sdk.BearerAuth(BAD_TOKEN))
        expect(forge.me, auth=sdk.Sudo(sdk.TokenAuth(bob), "alice"))
        expect(forge.me, auth=sdk.Sudo(sdk.TokenAuth(good), "nobody", via="query"))
        with pytest.warns(DeprecationWarning):
            by_query = sdk.QueryTokenAuth(BAD_TOKEN)
            bob_by_query = sdk.QueryTokenAuth(bob, param="token")
        expect(forge.me, auth=by_query)
        expect(lambda c: forge.repo(c, "alice", "secret"), auth=bob_by_query)
        expect(forge.me, url=dead, auth=bob_by_query, retries=None)

    kinds = {type(exc).__name__ for exc in caught}
    assert kinds >= {
        "Unauthorized",
        "NotFound",
        "ValidationFailed",
        "ServerError",
        "TransportError",
        "ResponseError",
    }
    secrets = [
        good,
        bob,
        BAD_TOKEN,
        WRONG_PASSWORD,
        BOB_PASSWORD,
        WRONG_OTP,
        BOB_OTP,
        _basic("alice", WRONG_PASSWORD).split()[1],
        _basic("bob", BOB_PASSWORD).split()[1],
    ]
    for exc in caught:
        _assert_hidden(_exception_text(exc), secrets)


def test_no_secret_in_the_logs(forge: Runner, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # httpx and httpcore log every request
    sdk = forge.sdk
    token = forge.token()
    scopes = None if forge.gogs else ["all"]
    minted = forge(lambda c: c.create_token("alice", "secret", "ci", scopes=scopes))
    forge(forge.me, auth=sdk.TokenAuth(token))
    if not forge.gogs:
        forge(lambda c: c.create_token("bob", BOB_PASSWORD, "x", scopes=["all"], otp=BOB_OTP))
        forge(forge.me, auth=sdk.BearerAuth(token))
        forge.state.users["bob"].is_admin = True
        forge(forge.me, auth=sdk.Sudo(sdk.BasicAuth("bob", BOB_PASSWORD, otp=BOB_OTP), "alice"))

    assert "HTTP Request: GET" in caplog.text
    _assert_hidden(caplog.text, [token, minted, BOB_PASSWORD, BOB_OTP, _basic("alice", "secret")])


def test_query_token_stays_out_of_the_logs(
    gitea_like: Runner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    token = gitea_like.token()
    with pytest.warns(DeprecationWarning):
        auth = gitea_like.sdk.QueryTokenAuth(token)
    gitea_like(gitea_like.me, auth=auth)

    assert gitea_like.state.last_request.query == [("access_token", token)]
    assert "HTTP Request: GET" in caplog.text
    _assert_hidden(caplog.text, [token])


def test_auth_objects_hide_their_secrets(built: Built) -> None:
    for flavour, sdk in built.sdks.items():
        token = "tok-" + flavour + "-s3cr3t"
        objects: list[Any] = [sdk.TokenAuth(token), sdk.BasicAuth("bob", BOB_PASSWORD)]
        if flavour != "gogs":
            basic_otp = sdk.BasicAuth("bob", BOB_PASSWORD, otp=BOB_OTP)
            with pytest.warns(DeprecationWarning):
                by_query = sdk.QueryTokenAuth(token, param="token")
            objects += [
                basic_otp,
                sdk.BearerAuth(token),
                by_query,
                sdk.Sudo(sdk.TokenAuth(token), "alice"),
                sdk.Sudo(basic_otp, "alice", via="query"),
            ]
        for auth in objects:
            _assert_hidden(f"{auth!r} {auth!s} {[auth]!r}", [token, BOB_PASSWORD, BOB_OTP])
        assert "bob" in repr(sdk.BasicAuth("bob", BOB_PASSWORD))


# ---------------------------------------------------------------------------
# Importing: httpx (~70 ms) waits until a client is made


LIGHT_IMPORT = """
import sys
from {package} import {names}
early = {{m.partition(".")[0] for m in sys.modules}} & {{"httpx", "httpcore", "asyncio"}}
assert not early, f"imported with the names: {{sorted(early)}}"
Client("http://127.0.0.1:9").close()
assert "httpx" in sys.modules, "a client was made without httpx"
"""


@pytest.mark.parametrize("flavour", list(SPECS))
def test_names_import_without_httpx_until_a_client_is_made(built: Built, flavour: str) -> None:
    sdk = built.sdks[flavour]
    names = ["Client", "AsyncClient", "Retries", "Paginator", "AsyncPaginator"]
    names += ["TokenAuth", "BasicAuth", "NotFound", "ApiError", "ForgeError"]
    if flavour != "gogs":
        names += ["BearerAuth", "QueryTokenAuth", "Sudo"]
    code = LIGHT_IMPORT.format(package=sdk.__name__, names=", ".join(names))
    result = run_python(code, cwd=Path(sdk.__file__).parent.parent)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------
# What the Gogs spec leaves out


def test_gogs_lists_every_issue_of_a_repository(built: Built) -> None:
    sdk = built.sdks["gogs"]
    with running_forge("gogs", built.spec("gogs"), big_issues=BIG_ISSUES) as forge:
        token = forge.state.add_token("alice", "t", []).sha1
        with sdk.Client(forge.url, auth=sdk.TokenAuth(token)) as client:
            issues = list(client.issues.list_issues("alice", "big"))
    assert len(issues) == BIG_ISSUES


# ---------------------------------------------------------------------------
# The fake forge behaves as each real one here


@pytest.mark.parametrize("flavour", ["gitea", "forgejo", "gogs"])
def test_forge_serves_its_spec_and_pages_like_the_real_one(built: Built, flavour: str) -> None:
    with (
        running_forge(flavour, built.spec(flavour), big_issues=BIG_ISSUES) as forge,  # type: ignore[arg-type]
        httpx.Client() as http,
    ):
        spec = http.get(forge.url + "/swagger.v1.json")
        token = forge.state.add_token("alice", "t", ["all"]).sha1
        auth = {"Authorization": f"token {token}"}
        base = forge.api_url + ("/user/issues" if flavour == "gogs" else "/repos/alice/big/issues")
        middle = http.get(base, params={"limit": 100, "page": 2}, headers=auth)
        private = http.get(forge.api_url + "/repos/alice/secret")
        version = http.get(forge.api_url + "/version").json()["version"]

    if flavour == "gogs":
        assert spec.status_code == 404
        assert len(middle.json()) == 10
        assert version == "0.13.0"
    else:
        assert spec.content == built.spec(flavour).read_bytes()
        assert len(middle.json()) == 50  # limit=100 capped at max_response_items
        assert middle.headers["X-Total-Count"] == str(BIG_ISSUES)
        assert version == ("1.22.6" if flavour == "gitea" else "11.0.1+gitea-1.22.0")
    rels = [link.split('rel="')[1].rstrip('"') for link in middle.headers["Link"].split(",")]
    assert rels == ["next", "last", "first", "prev"]
    assert private.status_code == 404


@pytest.mark.parametrize(
    ("flavour", "header", "accepted"),
    [
        ("gitea", "X-Gitea-OTP", True),
        ("gitea", "X-Forgejo-OTP", False),
        ("forgejo", "X-Forgejo-OTP", True),
        ("forgejo", "X-Gitea-OTP", True),  # Forgejo falls back to Gitea's name
    ],
)
def test_forge_reads_the_otp_header_of_its_kind(flavour: str, header: str, accepted: bool) -> None:
    with running_forge(flavour) as forge, httpx.Client() as http:  # type: ignore[arg-type]
        answer = http.get(
            forge.api_url + "/user", auth=("bob", BOB_PASSWORD), headers={header: BOB_OTP}
        )

    assert answer.status_code == (200 if accepted else 401)


def test_forge_sudo_query_wins_and_gogs_ignores_sudo() -> None:
    with running_forge("gitea") as forge, httpx.Client() as http:
        token = forge.state.add_token("alice", "t", ["all"]).sha1
        me = http.get(
            forge.api_url + "/user",
            params={"sudo": "bob"},
            headers={"Authorization": f"token {token}", "Sudo": "nobody"},
        )
        nobody = http.get(
            forge.api_url + "/user", headers={"Authorization": f"token {token}", "Sudo": "nobody"}
        )
    with running_forge("gogs") as gogs_forge, httpx.Client() as http:
        token = gogs_forge.state.add_token("alice", "t", []).sha1
        gogs_me = http.get(
            gogs_forge.api_url + "/user", headers={"Authorization": f"token {token}", "Sudo": "bob"}
        )

    assert me.json()["login"] == "bob"
    assert nobody.status_code == 404
    assert gogs_me.json()["login"] == "alice"
