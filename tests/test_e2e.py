"""End to end: SDKs generated from specs/ run against a local fake forge, sync and async.

The SDKs are built once per module (unique package names, so they can share the
process with other tests' SDKs); every test gets a fresh forge from
``tests/forge_server.py``. Each scenario is written once and runs with both
``Client`` and ``AsyncClient`` (the ``gitea``/``gogs`` fixtures below).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import importlib
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from forgegen.build import BuildOptions, build
from forgegen.cli.commands import cli

from forge_server import PNG_BYTES, RunningForge, running_forge

REPO = Path(__file__).resolve().parent.parent
GITEA_SPEC = REPO / "specs" / "mini-gitea.json"
GOGS_SPEC = REPO / "specs" / "mini-gogs.json"
UTC = dt.timezone.utc
CEST = dt.timezone(dt.timedelta(hours=2))


# ---------------------------------------------------------------------------
# Building and loading the SDKs


def _load(out: Path, package: str) -> ModuleType:
    sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    module = importlib.import_module(package)
    importlib.import_module(f"{package}.models")
    return module


def _unload(out: Path, package: str) -> None:
    if str(out) in sys.path:
        sys.path.remove(str(out))
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]


@pytest.fixture(scope="module")
def gitea_sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("e2e-gitea")
    package = "e2e_gitea_sdk"
    build(BuildOptions(spec=str(GITEA_SPEC), out=out, package=package))
    yield _load(out, package)
    _unload(out, package)


@pytest.fixture(scope="module")
def gogs_sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("e2e-gogs")
    package = "e2e_gogs_sdk"
    build(BuildOptions(spec=str(GOGS_SPEC), out=out, package=package))
    yield _load(out, package)
    _unload(out, package)


# ---------------------------------------------------------------------------
# Forges and a runner that drives Client or AsyncClient


@pytest.fixture
def gitea_forge() -> Iterator[RunningForge]:
    with running_forge("gitea", GITEA_SPEC) as forge:
        yield forge
        assert forge.state.server_errors == []


@pytest.fixture
def gogs_forge() -> Iterator[RunningForge]:
    with running_forge("gogs", GOGS_SPEC) as forge:
        yield forge
        assert forge.state.server_errors == []


@dataclass
class Runner:
    """Runs ``fn(client)`` with a ``Client`` (sync) or awaits it with an ``AsyncClient``.

    ``fn`` is written once: ``lambda c: c.repository.get("alice", "hello")``
    returns the result for a ``Client`` and a coroutine for an ``AsyncClient``.
    """

    sdk: ModuleType = field(repr=False)
    forge: RunningForge = field(repr=False)
    mode: str

    @property
    def models(self) -> ModuleType:
        return self.sdk.models

    @property
    def state(self) -> Any:
        return self.forge.state

    def __call__(self, fn: Callable[[Any], Any], *, auth: Any = None, **options: Any) -> Any:
        if self.mode == "sync":
            with self.sdk.Client(self.forge.url, auth=auth, **options) as client:
                return fn(client)

        async def run() -> Any:
            async with self.sdk.AsyncClient(self.forge.url, auth=auth, **options) as client:
                return await fn(client)

        return asyncio.run(run())

    def first_page(self, fn: Callable[[Any], Any], *, auth: Any = None, **options: Any) -> Any:
        """The first ``Page`` of the paginator ``fn(client)`` returns."""
        if self.mode == "sync":
            with self.sdk.Client(self.forge.url, auth=auth, **options) as client:
                return fn(client).first_page()

        async def run() -> Any:
            async with self.sdk.AsyncClient(self.forge.url, auth=auth, **options) as client:
                return await fn(client).first_page()

        return asyncio.run(run())

    def every(self, fn: Callable[[Any], Any], *, auth: Any = None, **options: Any) -> list[Any]:
        """Every item of the paginator ``fn(client)`` returns, page after page."""
        if self.mode == "sync":
            with self.sdk.Client(self.forge.url, auth=auth, **options) as client:
                return list(fn(client))

        async def run() -> list[Any]:
            async with self.sdk.AsyncClient(self.forge.url, auth=auth, **options) as client:
                return [item async for item in fn(client)]

        return asyncio.run(run())

    def http_client(self, **options: Any) -> httpx.Client | httpx.AsyncClient:
        """An httpx client of the right kind for ``http_client=``, rooted at the API."""
        kind = httpx.Client if self.mode == "sync" else httpx.AsyncClient
        return kind(base_url=self.forge.api_url + "/", **options)

    def token(self, login: str = "alice", scopes: list[str] | None = None) -> str:
        return self.state.add_token(login, f"t{len(self.state.tokens)}", scopes or ["all"]).sha1


@pytest.fixture(params=["sync", "async"])
def gitea(
    request: pytest.FixtureRequest, gitea_sdk: ModuleType, gitea_forge: RunningForge
) -> Runner:
    return Runner(gitea_sdk, gitea_forge, request.param)


@pytest.fixture(params=["sync", "async"])
def gogs(request: pytest.FixtureRequest, gogs_sdk: ModuleType, gogs_forge: RunningForge) -> Runner:
    return Runner(gogs_sdk, gogs_forge, request.param)


# ---------------------------------------------------------------------------
# Gitea: repositories and models


def test_get_repository_is_a_typed_model(gitea: Runner) -> None:
    repo = gitea(lambda c: c.repository.get("alice", "hello"))

    m = gitea.models
    assert isinstance(repo, m.Repository)
    assert isinstance(repo.owner, m.User)
    assert isinstance(repo.permissions, m.Permission)
    assert (repo.full_name, repo.owner.login, repo.id, repo.private) == (
        "alice/hello",
        "alice",
        10,
        False,
    )
    assert repo.created_at == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=CEST)
    assert repo.created_at.utcoffset() == dt.timedelta(hours=2)
    assert repo.updated_at == dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    assert repo.updated_at.tzinfo is not None
    assert repo.object_format_name is m.RepositoryObjectFormatName.SHA_1
    assert gitea.state.last_request.path == "/api/v1/repos/alice/hello"
    assert gitea.state.last_request.header("User-Agent") == "e2e_gitea_sdk/1.22.6"


def test_unknown_fields_are_kept_and_written_back(gitea: Runner) -> None:
    repo = gitea(lambda c: c.repository.get("alice", "hello"))
    sent = gitea.state.last_response

    assert repo.additional_properties["x_new_field"] == 1
    assert repo.additional_properties["internal_tracker"]["enable_time_tracker"] is True
    assert repo.owner.additional_properties["username"] == "alice"
    written = repo.to_dict()
    assert written["x_new_field"] == 1
    assert written["owner"]["username"] == "alice"
    # Everything the server sent comes back, its nulls too ("parent": null).
    assert written == json.loads(sent.body)
    assert written["parent"] is None
    assert type(repo).from_dict(written) == repo


def test_unknown_enum_value_is_accepted(gitea: Runner) -> None:
    repo = gitea(lambda c: c.repository.get("alice", "future"))

    assert isinstance(repo.object_format_name, gitea.models.RepositoryObjectFormatName)
    assert repo.object_format_name.value == "blake3"
    assert repo.to_dict()["object_format_name"] == "blake3"
    assert type(repo).from_dict(repo.to_dict()) == repo


def test_private_repository_is_not_found_without_credentials(gitea: Runner) -> None:
    with pytest.raises(gitea.sdk.NotFound) as caught:
        gitea(lambda c: c.repository.get("alice", "secret"))

    exc = caught.value
    assert isinstance(exc, gitea.sdk.ClientError)
    assert exc.status_code == 404
    assert exc.message == "The target couldn't be found."
    assert exc.body["url"].endswith("/api/swagger")
    assert "/api/v1/repos/alice/secret" in str(exc)
    assert gitea.state.last_request.header("Authorization") is None


def test_private_repository_404_does_not_leak_credentials(gitea: Runner) -> None:
    token = gitea.token("bob")
    with pytest.raises(gitea.sdk.NotFound) as by_token:
        gitea(lambda c: c.repository.get("alice", "secret"), auth=gitea.sdk.TokenAuth(token))
    with pytest.raises(gitea.sdk.NotFound) as by_query:
        gitea(
            lambda c: c.repository.get("alice", "secret"),
            http_client=gitea.http_client(params={"token": token}),
        )
    with pytest.raises(gitea.sdk.NotFound) as by_password:
        gitea(
            lambda c: c.repository.get("alice", "secret"),
            auth=gitea.sdk.BasicAuth("bob", "hunter2", otp="123456"),
        )

    assert gitea.state.requests[-2].query == [("token", token)]
    for caught in (by_token, by_query, by_password):
        text = f"{caught.value!s} {caught.value!r} {caught.value.url}"
        assert token not in text
        assert "hunter2" not in text
        assert "123456" not in text


def test_private_repository_is_visible_to_its_owner(gitea: Runner) -> None:
    repo = gitea(
        lambda c: c.repository.get("alice", "secret"), auth=gitea.sdk.TokenAuth(gitea.token())
    )

    assert repo.private is True
    assert repo.permissions.admin is True


def test_repository_search_unwraps_ok_data(gitea: Runner) -> None:
    page = gitea.first_page(lambda c: c.repository.search(q="", page=1, limit=1))

    assert page.response.json()["ok"] is True
    assert [r.full_name for r in page.items] == ["alice/hello"]
    assert isinstance(page.items[0], gitea.models.Repository)
    assert page.total_count == 2
    assert gitea.state.last_request.query == [("q", ""), ("page", "1"), ("limit", "1")]
    headers = gitea.state.last_response.headers
    assert headers["X-Total-Count"] == "2"  # the private repository stays hidden
    assert 'rel="next"' in headers["Link"]


# ---------------------------------------------------------------------------
# Gitea: issues


def test_list_issues_with_page_and_limit(gitea: Runner) -> None:
    issues = gitea.first_page(
        lambda c: c.issue.list_issues("alice", "hello", state="all", page=2, limit=10)
    ).items

    assert [i.number for i in issues] == list(range(65, 55, -1))
    assert all(isinstance(i, gitea.models.Issue) for i in issues)
    assert all(isinstance(i.user, gitea.models.User) for i in issues)
    assert all(i.created_at.tzinfo is not None for i in issues)
    assert gitea.state.last_request.query == [("state", "all"), ("page", "2"), ("limit", "10")]
    assert gitea.state.last_response.headers["X-Total-Count"] == "75"


def test_list_issues_limit_is_capped_by_the_server(gitea: Runner) -> None:
    issues = gitea.first_page(
        lambda c: c.issue.list_issues("alice", "hello", state="all", limit=100)
    ).items

    assert len(issues) == 50
    assert '?limit=100&page=2&state=all>; rel="next"' in gitea.state.last_response.headers["Link"]


def test_list_issues_sends_datetimes_and_escaped_names(gitea: Runner) -> None:
    since = dt.datetime(2024, 1, 5, 2, 0, tzinfo=CEST)  # the "+" must survive the query string
    issues = gitea.first_page(
        lambda c: c.issue.list_issues("alice", "hello", state="all", type="pulls", since=since)
    ).items

    request = gitea.state.last_request
    assert request.query_values("type") == ["pulls"]
    assert request.query_values("since") == ["2024-01-05T02:00:00+02:00"]
    assert "type_" not in dict(request.query)
    assert issues and all(i.pull_request is not None for i in issues)
    assert all(i.updated_at >= since for i in issues)
    assert isinstance(issues[0].pull_request, gitea.models.PullRequestMeta)


def test_issue_labels_and_nulls_decode(gitea: Runner) -> None:
    issue = gitea(lambda c: c.issue.get_issue("alice", "hello", 1))

    assert issue.title == "Crash when the config file is empty"
    assert [label.name for label in issue.labels] == ["bug"]
    assert isinstance(issue.labels[0], gitea.models.Label)
    assert issue.milestone is None and issue.closed_at is None and issue.assignees is None
    assert issue.additional_properties["repository"]["full_name"] == "alice/hello"


def test_get_missing_issue_raises_not_found(gitea: Runner) -> None:
    with pytest.raises(gitea.sdk.NotFound):
        gitea(lambda c: c.issue.get_issue("alice", "hello", 999))

    assert gitea.state.last_request.path == "/api/v1/repos/alice/hello/issues/999"


def test_create_issue_returns_the_model(gitea: Runner) -> None:
    due = dt.datetime(2024, 7, 1, 12, 0, tzinfo=CEST)
    body = gitea.models.CreateIssueOption(
        title="It broke", body="Steps: none", due_date=due, labels=[1]
    )
    issue = gitea(
        lambda c: c.issue.create_issue("alice", "hello", body=body),
        auth=gitea.sdk.TokenAuth(gitea.token()),
    )

    assert isinstance(issue, gitea.models.Issue)
    assert (issue.number, issue.title, issue.body, issue.user.login) == (
        76,
        "It broke",
        "Steps: none",
        "alice",
    )
    assert issue.state == "open"
    request = gitea.state.last_request
    assert request.method == "POST"
    assert request.header("Content-Type") == "application/json"
    assert request.json() == {
        "title": "It broke",
        "body": "Steps: none",
        "due_date": "2024-07-01T12:00:00+02:00",
        "labels": [1],
    }
    assert gitea.state.repos["alice/hello"].issue(76).title == "It broke"


@pytest.mark.parametrize("body", [{"title": ""}, {"title": "   "}, None])
def test_create_issue_without_title_fails_validation(gitea: Runner, body: Any) -> None:
    option = None if body is None else gitea.models.CreateIssueOption(**body)
    with pytest.raises(gitea.sdk.ValidationFailed) as caught:
        gitea(
            lambda c: c.issue.create_issue("alice", "hello", body=option),
            auth=gitea.sdk.TokenAuth(gitea.token()),
        )

    exc = caught.value
    assert exc.status_code == 422
    assert exc.message == "[Title]: Required"
    assert exc.errors == [
        {"fieldNames": ["Title"], "classification": "RequiredError", "message": "Required"}
    ]
    assert len(gitea.state.repos["alice/hello"].issues) == 75


def test_token_scope_is_enforced(gitea: Runner) -> None:
    body = gitea.models.CreateIssueOption(title="nope")
    with pytest.raises(gitea.sdk.Forbidden) as caught:
        gitea(
            lambda c: c.issue.create_issue("alice", "hello", body=body),
            auth=gitea.sdk.TokenAuth(gitea.token(scopes=["read:issue"])),
        )

    assert caught.value.status_code == 403
    assert "write:issue" in caught.value.message


def test_delete_reaction_sends_a_json_body(gitea: Runner) -> None:
    body = gitea.models.EditReactionOption(content="heart")
    result = gitea(
        lambda c: c.issue.delete_issue_reaction("alice", "hello", 1, body=body),
        auth=gitea.sdk.TokenAuth(gitea.token()),
    )

    assert result is None
    request = gitea.state.last_request
    assert (request.method, request.path) == (
        "DELETE",
        "/api/v1/repos/alice/hello/issues/1/reactions",
    )
    assert request.header("Content-Type") == "application/json"
    assert request.json() == {"content": "heart"}
    assert gitea.state.repos["alice/hello"].issue(1).reactions == [("bob", "+1")]


# ---------------------------------------------------------------------------
# Gitea: authentication


def test_create_token_with_basic_auth_then_use_it(gitea: Runner) -> None:
    option = gitea.models.CreateAccessTokenOption(name="ci", scopes=["write:issue", "read:user"])
    token = gitea(
        lambda c: c.user.create_token("alice", body=option),
        auth=gitea.sdk.BasicAuth("alice", "secret"),
    )

    assert isinstance(token, gitea.models.AccessToken)
    assert token.name == "ci" and token.scopes == ["write:issue", "read:user"]
    assert len(token.sha_1) == 40 and token.token_last_eight == token.sha_1[-8:]
    assert gitea.state.last_request.header("Authorization").startswith("Basic ")
    assert gitea.state.last_request.header("X-Gitea-OTP") is None

    me = gitea(lambda c: c.user.get_current(), auth=gitea.sdk.TokenAuth(token.sha_1))

    assert isinstance(me, gitea.models.User)
    assert me.login == "alice" and me.email == "alice@example.com"
    assert gitea.state.last_request.header("Authorization") == f"token {token.sha_1}"


@pytest.mark.parametrize("param", ["token", "access_token"])
def test_gitea_accepts_a_token_in_the_query(gitea: Runner, param: str) -> None:
    token = gitea.token()
    me = gitea(lambda c: c.user.get_current(), http_client=gitea.http_client(params={param: token}))

    assert me.login == "alice"


@pytest.mark.parametrize(
    ("auth", "message"),
    [
        (None, "auth required: use basic authentication with your password"),
        (("alice", "wrong"), "user's password is invalid"),
        (("mallory", "secret"), "user does not exist [name: mallory]"),
    ],
)
def test_create_token_needs_the_right_password(gitea: Runner, auth: Any, message: str) -> None:
    option = gitea.models.CreateAccessTokenOption(name="ci", scopes=["all"])
    with pytest.raises(gitea.sdk.Unauthorized) as caught:
        gitea(
            lambda c: c.user.create_token("alice", body=option),
            auth=auth and gitea.sdk.BasicAuth(*auth),
        )

    assert caught.value.status_code == 401
    assert caught.value.message == message
    assert "wrong" not in str(caught.value)
    assert gitea.state.tokens == {}


@pytest.mark.parametrize("otp", [None, "654321"])
def test_create_token_for_a_2fa_user_needs_the_otp(gitea: Runner, otp: str | None) -> None:
    option = gitea.models.CreateAccessTokenOption(name="ci", scopes=["all"])
    with pytest.raises(gitea.sdk.Unauthorized) as caught:
        gitea(
            lambda c: c.user.create_token("bob", body=option),
            auth=gitea.sdk.BasicAuth("bob", "hunter2", otp=otp),
        )

    assert "OTP" in caught.value.message
    assert "hunter2" not in str(caught.value)
    assert gitea.state.last_request.header("X-Gitea-OTP") == otp


def test_create_token_for_a_2fa_user_with_the_otp(gitea: Runner) -> None:
    option = gitea.models.CreateAccessTokenOption(name="laptop", scopes=["read:user"])
    token = gitea(
        lambda c: c.user.create_token("bob", body=option),
        auth=gitea.sdk.BasicAuth("bob", "hunter2", otp="123456"),
    )

    assert gitea.state.last_request.header("X-Gitea-OTP") == "123456"
    me = gitea(lambda c: c.user.get_current(), auth=gitea.sdk.TokenAuth(token.sha_1))
    assert me.login == "bob"


def test_wrong_token_is_unauthorized_and_not_echoed(gitea: Runner) -> None:
    with pytest.raises(gitea.sdk.Unauthorized) as caught:
        gitea(lambda c: c.user.get_current(), auth=gitea.sdk.TokenAuth("f" * 40))

    assert "f" * 40 not in f"{caught.value!s} {caught.value!r}"


def test_current_user_needs_credentials(gitea: Runner) -> None:
    with pytest.raises(gitea.sdk.Unauthorized) as caught:
        gitea(lambda c: c.user.get_current())

    assert caught.value.message == "token is required"


def test_public_user_profile(gitea: Runner) -> None:
    user = gitea(lambda c: c.user.get("bob"))

    assert (user.login, user.full_name, user.email) == ("bob", "Bob Builder", "")
    assert user.last_login == dt.datetime(1970, 1, 1, tzinfo=UTC)


def test_auth_is_not_dropped_with_an_own_http_client(gitea: Runner) -> None:
    me = gitea(
        lambda c: c.user.get_current(),
        auth=gitea.sdk.TokenAuth(gitea.token()),
        http_client=gitea.http_client(),
    )
    assert me.login == "alice"


def test_token_models_keep_the_secret_out_of_repr(gitea_sdk: ModuleType) -> None:
    token = gitea_sdk.models.AccessToken.from_dict(
        {"id": 1, "name": "ci", "sha1": "s3cret-token", "token_last_eight": "t-token"}
    )

    assert token.sha_1 == "s3cret-token"
    assert "s3cret" not in repr(token) and "ci" in repr(token)


def test_auth_reprs_hide_secrets(gitea_sdk: ModuleType) -> None:
    token = gitea_sdk.TokenAuth("s3cret")
    basic = gitea_sdk.BasicAuth("alice", "s3cret")
    with_otp = gitea_sdk.BasicAuth("alice", "s3cret", otp="424242")

    for auth in (token, basic, with_otp):
        assert "s3cret" not in repr(auth) and "s3cret" not in str(auth)
        assert "424242" not in repr(auth)
    assert "alice" in repr(basic)


# ---------------------------------------------------------------------------
# Gitea: bodies that are not JSON


def test_markdown_raw_sends_text_and_returns_str(gitea: Runner) -> None:
    rendered = gitea(lambda c: c.miscellaneous.render_markdown_raw("# Grüße\n\nsome **bold** text"))

    assert isinstance(rendered, str)
    assert (
        rendered
        == '<h1 id="user-content-grüße">Grüße</h1>\n<p>some <strong>bold</strong> text</p>\n'
    )
    request = gitea.state.last_request
    assert request.header("Content-Type").startswith("text/plain")
    assert request.body == "# Grüße\n\nsome **bold** text".encode()


def test_raw_file_returns_bytes(gitea: Runner) -> None:
    data = gitea(lambda c: c.repository.get_raw_file("alice", "hello", "logo.png"))

    assert isinstance(data, bytes)
    assert data == PNG_BYTES


def test_raw_file_streams_into_a_file(gitea: Runner, tmp_path: Path) -> None:
    target = tmp_path / "logo.png"
    with target.open("wb") as sink:
        returned = gitea(
            lambda c: c.repository.get_raw_file("alice", "hello", "logo.png", into=sink)
        )

    assert returned == b""
    assert target.read_bytes() == PNG_BYTES


def test_streaming_a_missing_file_raises_and_writes_nothing(gitea: Runner) -> None:
    sink = io.BytesIO()
    with pytest.raises(gitea.sdk.NotFound):
        gitea(lambda c: c.repository.get_raw_file("alice", "hello", "nope.txt", into=sink))

    assert sink.getvalue() == b""


def test_raw_file_path_keeps_its_slashes(gitea: Runner) -> None:
    data = gitea(lambda c: c.repository.get_raw_file("alice", "hello", "docs/a b.md"))

    assert data == "# Über a b\n".encode()
    assert gitea.state.last_request.path == "/api/v1/repos/alice/hello/raw/docs/a%20b.md"


def test_raw_file_ref_goes_in_the_query(gitea: Runner) -> None:
    data = gitea(lambda c: c.repository.get_raw_file("alice", "hello", "README.md", ref="dev"))

    assert data == b"# hello (dev)\n"
    assert gitea.state.last_request.query == [("ref", "dev")]


def test_missing_raw_file_is_not_found(gitea: Runner) -> None:
    with pytest.raises(gitea.sdk.NotFound):
        gitea(lambda c: c.repository.get_raw_file("alice", "hello", "docs/nope.md"))


def test_pull_diff_fills_two_parameters_in_one_segment(gitea: Runner) -> None:
    diff = gitea(lambda c: c.repository.download_pull_diff_or_patch("alice", "hello", 3, "diff"))

    assert diff.startswith("diff --git") and "+pull 3" in diff
    assert gitea.state.last_request.path == "/api/v1/repos/alice/hello/pulls/3.diff"


@pytest.mark.parametrize(
    ("upload", "name", "stored_as", "filename", "content_type"),
    [
        (
            ("build.tar.gz", b"\x1f\x8b\x00\r\n--\xff", "application/gzip"),
            "notes.bin",
            "notes.bin",
            "build.tar.gz",
            "application/gzip",
        ),
        (("report.txt", b"plain\r\ntext\r\n"), None, "report.txt", "report.txt", "text/plain"),
    ],
)
def test_release_attachment_upload_is_multipart(
    gitea: Runner, upload: Any, name: str | None, stored_as: str, filename: str, content_type: str
) -> None:
    attachment = gitea(
        lambda c: c.repository.create_release_attachment(
            "alice", "hello", 1, name=name, attachment=upload
        ),
        auth=gitea.sdk.TokenAuth(gitea.token()),
    )

    assert isinstance(attachment, gitea.models.Attachment)
    assert attachment.name == stored_as
    assert attachment.size == len(upload[1])
    assert attachment.created_at.tzinfo is not None
    request = gitea.state.last_request
    assert request.header("Content-Type").startswith("multipart/form-data; boundary=")
    assert request.query == ([("name", name)] if name else [])
    stored = gitea.state.repos["alice/hello"].releases[1].attachments[-1]
    assert (stored.data, stored.filename, stored.content_type) == (
        upload[1],
        filename,
        content_type,
    )


def test_release_attachment_upload_to_a_missing_release(gitea: Runner) -> None:
    with pytest.raises(gitea.sdk.NotFound):
        gitea(
            lambda c: c.repository.create_release_attachment("alice", "hello", 99, attachment=b"x"),
            auth=gitea.sdk.TokenAuth(gitea.token()),
        )


def test_secret_answers_201_then_204(gitea: Runner) -> None:
    body = gitea.models.CreateOrUpdateSecretOption(data="hush")
    auth = gitea.sdk.TokenAuth(gitea.token())

    assert (
        gitea(
            lambda c: c.repository.update_repo_secret("alice", "hello", "deploy_key", body=body),
            auth=auth,
        )
        is None
    )
    assert gitea.state.last_response.status == 201
    assert (
        gitea(
            lambda c: c.repository.update_repo_secret("alice", "hello", "deploy_key", body=body),
            auth=auth,
        )
        is None
    )
    assert gitea.state.last_response.status == 204
    assert gitea.state.repos["alice/hello"].secrets == {"DEPLOY_KEY": "hush"}


# ---------------------------------------------------------------------------
# Gitea: parameter names and shapes on the wire


def test_query_arrays_repeat_the_key_with_the_wire_name(gitea: Runner) -> None:
    threads = gitea.first_page(
        lambda c: c.notification.get_list(status_types=["read", "pinned"], subject_type=["pull"]),
        auth=gitea.sdk.TokenAuth(gitea.token()),
    ).items

    assert [t.id for t in threads] == [2, 5]
    assert all(isinstance(t.subject, gitea.models.NotificationSubject) for t in threads)
    assert threads[0].subject.type == "Pull"
    request = gitea.state.last_request
    assert request.query == [
        ("status-types", "read"),
        ("status-types", "pinned"),
        ("subject-type", "pull"),
    ]


def test_keyword_parameters_use_their_wire_names(gitea: Runner) -> None:
    sha = gitea.state.repos["alice/hello"].commit_sha(2)
    commits = gitea.first_page(
        lambda c: c.repository.get_all_commits("alice", "hello", not_=sha, files=False)
    ).items

    assert [c.commit.message for c in commits] == ["commit 5\n", "commit 4\n"]
    assert isinstance(commits[0].commit, gitea.models.RepoCommit)
    assert gitea.state.last_request.query == [("files", "false"), ("not", sha)]

    threads = gitea.first_page(
        lambda c: c.notification.get_list(all=True), auth=gitea.sdk.TokenAuth(gitea.token())
    ).items
    assert len(threads) == 5
    assert gitea.state.last_request.query == [("all", "true")]


def test_path_parameters_are_escaped_within_their_segment(gitea: Runner) -> None:
    with pytest.raises(gitea.sdk.NotFound):
        gitea(lambda c: c.repository.get("alice", "a/b?c#d e"))

    assert gitea.state.last_request.path == "/api/v1/repos/alice/a%2Fb%3Fc%23d%20e"
    assert gitea.state.last_request.query == []


@pytest.mark.parametrize(
    ("call", "path"),
    [
        (lambda c: c.user.get(".."), "/api/v1/users/%2E%2E"),
        (lambda c: c.repository.get("alice", "."), "/api/v1/repos/alice/%2E"),
        (
            lambda c: c.repository.get_raw_file("alice", "hello", "../../secret/raw/README.md"),
            "/api/v1/repos/alice/hello/raw/%2E%2E/%2E%2E/secret/raw/README.md",
        ),
    ],
    ids=["user", "repo", "filepath"],
)
def test_dot_segments_stay_inside_their_parameter(gitea: Runner, call: Any, path: str) -> None:
    # The SDK encodes dot segments; whatever the forge answers, the request
    # must have gone to the path the caller named.
    with contextlib.suppress(gitea.sdk.ApiError):
        gitea(call, auth=gitea.sdk.TokenAuth(gitea.token()))
    assert gitea.state.last_request.path.upper() == path.upper()


def test_renamed_repository_redirect_is_followed(gitea: Runner) -> None:
    repo = gitea(lambda c: c.repository.get("alice", "old-hello"))

    assert repo.full_name == "alice/hello"
    assert gitea.state.last_request.path == "/api/v1/repos/alice/hello"


def test_forge_redirects_a_renamed_repository(gitea_forge: RunningForge) -> None:
    with httpx.Client() as http:
        moved = http.get(gitea_forge.api_url + "/repos/alice/old-hello/issues?state=all")
        followed = http.get(gitea_forge.api_url + "/repos/alice/old-hello", follow_redirects=True)

    assert moved.status_code == 307
    assert moved.headers["Location"] == "/api/v1/repos/alice/hello/issues?state=all"
    assert followed.json()["full_name"] == "alice/hello"


# ---------------------------------------------------------------------------
# Gitea: server information and failures


def test_version_and_api_settings(gitea: Runner) -> None:
    version = gitea(lambda c: c.miscellaneous.get_version())
    settings = gitea(lambda c: c.settings.get_general_api_settings())

    assert isinstance(version, gitea.models.ServerVersion) and version.version == "1.22.6"
    assert isinstance(settings, gitea.models.GeneralAPISettings)
    assert (settings.max_response_items, settings.default_paging_num) == (50, 30)
    assert settings.default_max_blob_size == 10485760


def test_nodeinfo_camel_case_and_free_form_fields(gitea: Runner) -> None:
    info = gitea(lambda c: c.miscellaneous.get_node_info())

    assert info.open_registrations is True
    assert info.metadata == {}
    assert info.software.name == "gitea"
    assert info.additional_properties["usage"] == {"users": {"total": 2}}
    assert info.to_dict()["openRegistrations"] is True


def test_service_unavailable_raises_server_error_without_retries(gitea: Runner) -> None:
    gitea.state.fail_next(503, path="/version")
    with pytest.raises(gitea.sdk.ServerError) as caught:
        gitea(lambda c: c.miscellaneous.get_version(), retries=None)

    exc = caught.value
    assert exc.status_code == 503
    assert exc.message == "Service Unavailable"
    assert "nginx" in exc.body
    assert gitea(lambda c: c.miscellaneous.get_version()).version == "1.22.6"


def test_transport_error_when_the_forge_is_gone(gitea_sdk: ModuleType) -> None:
    with running_forge("gitea") as forge:
        url = forge.url
    with gitea_sdk.Client(url, timeout=2) as client, pytest.raises(gitea_sdk.TransportError):
        client.miscellaneous.get_version()


def test_instance_under_a_sub_path(gitea_sdk: ModuleType) -> None:
    with running_forge("gitea", sub_path="/git/") as forge:
        with gitea_sdk.Client(forge.url + "/") as client:
            assert client.miscellaneous.get_version().version == "1.22.6"
        with gitea_sdk.Client(forge.api_url) as client:  # the API root works too
            assert client.miscellaneous.get_version().version == "1.22.6"
        assert forge.url.endswith("/git")
        assert forge.state.last_request.path == "/git/api/v1/version"
        assert forge.state.server_errors == []


def test_cli_builds_from_the_instance_root(
    gitea_forge: RunningForge, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("e2e-cli") / "sdk"
    package = "e2e_cli_gitea_sdk"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "--spec",
            gitea_forge.url,
            "--out",
            str(out),
            "--package-name",
            package,
            "--quiet",
        ],
    )

    assert result.exit_code == 0, result.output
    # The root itself first (it might have been the spec), then discovery under it.
    assert [r.path for r in gitea_forge.state.requests] == ["/", "/swagger.v1.json"]
    try:
        sdk = _load(out, package)
        with sdk.Client(gitea_forge.url) as client:
            repo = client.repository.get("alice", "hello")
        assert type(repo) is sdk.models.Repository
        assert type(repo).__module__.startswith(f"{package}.models.")
        assert repo.owner.login == "alice"
    finally:
        _unload(out, package)


# ---------------------------------------------------------------------------
# The fake forge itself


def test_forge_pages_like_gitea(gitea_forge: RunningForge) -> None:
    base = gitea_forge.api_url + "/repos/alice/hello/issues"
    with httpx.Client() as http:
        first = http.get(base, params={"state": "all", "limit": 30})
        last = http.get(base, params={"state": "all", "limit": 30, "page": 3})
        default = http.get(base, params={"state": "all", "limit": 0})
        beyond = http.get(base, params={"state": "all", "page": 9})

    assert first.headers["X-Total-Count"] == "75"
    assert first.headers["Link"].split(",") == [
        f'<{base}?limit=30&page=2&state=all>; rel="next"',
        f'<{base}?limit=30&page=3&state=all>; rel="last"',
    ]
    assert len(last.json()) == 15
    assert last.headers["Link"].split(",") == [
        f'<{base}?limit=30&page=1&state=all>; rel="first"',
        f'<{base}?limit=30&page=2&state=all>; rel="prev"',
    ]
    assert len(default.json()) == 30
    assert beyond.json() == []


def test_forge_shuts_down_with_open_connections() -> None:
    with running_forge("gitea") as forge, httpx.Client() as http:
        assert http.get(forge.api_url + "/version").status_code == 200
        # Leave the kept-alive connection open while the server stops.
    assert forge.state.server_errors == []


# ---------------------------------------------------------------------------
# Gogs (OpenAPI 3.0). Gogs wants a token (not a password) for /user and for a
# repository's issues, files and collaborators, answers 401/404 without a body,
# and reports binding errors as a bare JSON list.


def test_gogs_get_repository(gogs: Runner) -> None:
    repo = gogs(lambda c: c.repositories.get_repository("alice", "hello"))

    assert isinstance(repo, gogs.models.Repository)
    assert isinstance(repo.owner, gogs.models.User)
    assert (repo.owner.username, repo.owner.login) == ("alice", "alice")
    assert repo.created_at.utcoffset() == dt.timedelta(hours=2)
    assert repo.parent is None
    assert repo.additional_properties["unlisted"] is False
    assert repo.to_dict()["unlisted"] is False


def test_gogs_private_repository_is_not_found(gogs: Runner) -> None:
    with pytest.raises(gogs.sdk.NotFound) as caught:
        gogs(lambda c: c.repositories.get_repository("alice", "secret"))

    assert caught.value.message == "Not Found"  # no body: the reason phrase
    assert caught.value.body == ""


def test_gogs_issues_page_with_a_fixed_size(gogs: Runner) -> None:
    issues = gogs.first_page(
        lambda c: c.issues.list_issues("alice", "hello", page=2),
        auth=gogs.sdk.TokenAuth(gogs.token()),
    ).items

    assert len(issues) == 10
    assert [i.number for i in issues][:2] == [62, 61]  # 75, 70, 65 are closed
    assert all(i.state is gogs.models.IssueState.OPEN for i in issues)
    assert all(isinstance(i.user, gogs.models.User) for i in issues)
    assert gogs.state.last_request.query == [("page", "2")]
    headers = gogs.state.last_response.headers
    assert headers["X-Total-Count"] == "60"
    assert headers["Link"].startswith(
        f'<{gogs.forge.api_url}/repos/alice/hello/issues?page=3>; rel="next"'
    )


def test_gogs_issues_need_a_token(gogs: Runner) -> None:
    with pytest.raises(gogs.sdk.Unauthorized) as caught:
        gogs.first_page(
            lambda c: c.issues.list_issues("alice", "hello"),
            auth=gogs.sdk.BasicAuth("alice", "secret"),
        )

    assert "secret" not in f"{caught.value!s} {caught.value!r}"


def test_gogs_create_issue(gogs: Runner) -> None:
    body = gogs.models.CreateIssueBody(title="From gogs", closed=True)
    issue = gogs(
        lambda c: c.issues.create_issue("alice", "hello", body),
        auth=gogs.sdk.TokenAuth(gogs.token()),
    )

    assert isinstance(issue, gogs.models.Issue)
    assert issue.number == 76 and issue.state is gogs.models.IssueState.CLOSED
    assert gogs.state.last_request.json() == {"title": "From gogs", "closed": True}


GOGS_TITLE_REQUIRED = [
    {"fieldNames": ["Title"], "classification": "RequiredError", "message": "Required"}
]


def test_gogs_create_issue_without_title(gogs: Runner) -> None:
    with pytest.raises(gogs.sdk.ValidationFailed) as caught:
        gogs(
            lambda c: c.issues.create_issue(
                "alice", "hello", gogs.models.CreateIssueBody(title="")
            ),
            auth=gogs.sdk.TokenAuth(gogs.token()),
        )

    assert caught.value.status_code == 422
    assert caught.value.body == GOGS_TITLE_REQUIRED


def test_gogs_validation_errors_are_exposed(gogs: Runner) -> None:
    with pytest.raises(gogs.sdk.ValidationFailed) as caught:
        gogs(
            lambda c: c.issues.create_issue(
                "alice", "hello", gogs.models.CreateIssueBody(title="")
            ),
            auth=gogs.sdk.TokenAuth(gogs.token()),
        )

    assert caught.value.errors == GOGS_TITLE_REQUIRED


def test_gogs_token_with_basic_auth(gogs: Runner) -> None:
    option = gogs.models.CreateAccessTokenBody(name="ci")
    token = gogs(
        lambda c: c.users.create_access_token("alice", option),
        auth=gogs.sdk.BasicAuth("alice", "secret"),
    )

    assert isinstance(token, gogs.models.AccessToken)
    assert token.name == "ci" and len(token.sha_1) == 40
    assert gogs.state.last_request.header("Authorization").startswith("Basic ")
    me = gogs(lambda c: c.users.get_authenticated_user(), auth=gogs.sdk.TokenAuth(token.sha_1))
    assert me.username == "alice"
    listed = gogs(
        lambda c: c.users.list_access_tokens("alice"), auth=gogs.sdk.BasicAuth("alice", "secret")
    )
    assert [(t.name, t.sha_1) for t in listed] == [("ci", token.sha_1)]


@pytest.mark.parametrize(("login", "password"), [("alice", "wrong"), ("bob", "hunter2")])
def test_gogs_token_creation_refused(gogs: Runner, login: str, password: str) -> None:
    # bob has two-factor authentication: Gogs takes no password for him at all.
    with pytest.raises(gogs.sdk.Unauthorized) as caught:
        gogs(
            lambda c: c.users.create_access_token(
                login, gogs.models.CreateAccessTokenBody(name="x")
            ),
            auth=gogs.sdk.BasicAuth(login, password),
        )

    assert caught.value.status_code == 401
    assert password not in f"{caught.value!s} {caught.value!r}"
    assert gogs.state.tokens == {}


def test_gogs_ignores_query_tokens(gogs: Runner) -> None:
    token = gogs.token()
    with pytest.raises(gogs.sdk.Unauthorized) as caught:
        gogs(
            lambda c: c.users.get_authenticated_user(),
            http_client=gogs.http_client(params={"token": token}),
        )

    assert gogs.state.last_request.query == [("token", token)]
    assert token not in f"{caught.value!s} {caught.value!r} {caught.value.url}"


def test_gogs_raw_content_path(gogs: Runner) -> None:
    data = gogs(
        lambda c: c.repositories.get_raw_content("alice", "hello", "main", "docs/a b.md"),
        auth=gogs.sdk.TokenAuth(gogs.token()),
    )

    assert data == "# Über a b\n".encode()
    assert gogs.state.last_request.path == "/api/v1/repos/alice/hello/raw/main/docs/a%20b.md"


def test_gogs_delete_with_a_json_body(gogs: Runner) -> None:
    body = gogs.models.DeleteEmailsBody(emails=["old@example.com"])
    result = gogs(lambda c: c.users.delete_emails(body), auth=gogs.sdk.TokenAuth(gogs.token()))

    assert result is None
    request = gogs.state.last_request
    assert (request.method, request.json()) == ("DELETE", {"emails": ["old@example.com"]})
    assert request.header("Content-Type") == "application/json"
    assert gogs.state.last_response.status == 204


def test_gogs_search_and_markdown(gogs: Runner) -> None:
    results = gogs.first_page(lambda c: c.repositories.search_repositories("hel", limit=5))
    html_raw = gogs(lambda c: c.miscellaneous.render_markdown_raw("**hi**"))
    option = gogs.models.RenderMarkdownBody(text="# T", mode=gogs.models.RenderMarkdownBodyMode.GFM)
    html_json = gogs(lambda c: c.miscellaneous.render_markdown(option))

    assert results.response.json()["ok"] is True
    assert [r.full_name for r in results.items] == ["alice/hello"]
    assert html_raw == "<p><strong>hi</strong></p>\n"
    assert html_json == '<h1 id="user-content-t">T</h1>\n'
    assert gogs.state.last_request.json() == {"text": "# T", "mode": "gfm"}


def test_gogs_collaborators_all_of(gogs: Runner) -> None:
    collaborators = gogs(
        lambda c: c.collaborators_and_deploy_keys.list_collaborators("alice", "hello"),
        auth=gogs.sdk.TokenAuth(gogs.token()),
    )

    assert [c.username for c in collaborators] == ["bob"]
    assert isinstance(collaborators[0], gogs.models.Collaborator)
    assert collaborators[0].permissions.push is True


def test_gogs_serves_no_spec(gogs_forge: RunningForge) -> None:
    with httpx.Client() as http:
        assert http.get(gogs_forge.url + "/swagger.v1.json").status_code == 404
