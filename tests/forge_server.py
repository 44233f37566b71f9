"""A small, stateful fake forge for end-to-end tests of generated SDKs.

    with running_forge("gitea") as forge:          # or "forgejo", "gogs"
        httpx.get(forge.url + "/api/v1/version")
        forge.state.last_request.path               # "/api/v1/version"

It listens on 127.0.0.1 (a free port) in a background thread and answers a
realistic subset of the Gitea/Forgejo or Gogs API under ``/api/v1`` with the
forges' own behaviour. Forgejo behaves as Gitea (below, "Gitea" means both)
except where noted:

- Gitea serves its spec at ``<root>/swagger.v1.json``; Gogs serves none. An
  instance may live under a sub-path (``running_forge(sub_path="/git")``), and
  ``state.spec = b"…"`` serves another spec from then on (an upgrade).
- Users ``alice`` (password ``secret``, a site admin) and ``bob`` (password
  ``hunter2`` and two-factor login: the one valid code is ``123456``, sent in
  ``X-Gitea-OTP``; Forgejo reads ``X-Forgejo-OTP`` first and falls back to
  ``X-Gitea-OTP``). Credentials: basic auth (bob needs the OTP header on Gitea;
  Gogs refuses basic auth for 2FA accounts), ``Authorization: token|bearer X``,
  and on Gitea only ``?token=X`` / ``?access_token=X`` (Gogs 0.13 ignores query
  tokens). Wrong credentials answer 401 even on public endpoints. Tokens are
  created with basic auth at ``POST /users/{username}/tokens``.
- Gitea's sudo: an admin's request with a ``Sudo`` header or ``?sudo=NAME``
  acts as that user (404 if there is none); anyone else gets 403 for trying.
- Gitea tokens carry scopes (``read:issue``, ``write:repository``, ``all`` ...)
  and a token without the needed one gets 403. Gogs' ``reqToken()`` routes
  (``/user``, a repository's issues, raw files, collaborators) take a token only.
- ``alice/hello`` is public (75 issues, files on ``main`` and ``dev``, one
  release, commits), ``alice/secret`` is private: 404 for anyone but alice,
  never 403. ``alice/future`` answers with an enum value no spec knows, and
  ``alice/old-hello`` was renamed: Gitea answers 307 to the new name. Objects
  carry fields the specs do not declare (``x_new_field``, ``username`` ...).
  On request, ``running_forge(big_issues=N)`` adds ``alice/big`` with N open
  issues assigned to alice, and ``projects=N`` adds N public repositories
  ``alice/project-001`` ... (for paging through search results).
- Lists page with ``page`` (1-based) and ``limit`` (default 30, capped at 50;
  Gogs issues have a fixed page size of 10), and send ``X-Total-Count`` and a
  ``Link`` header (rel next, last, first, prev; Gogs keeps only ``page``).
  Real Gogs sends no ``X-Total-Count``: ``running_forge(gogs_total_count=False)``
  leaves it out as Gogs does.
- Errors: Gitea sends ``{"message", "url"[, "errors"]}``; Gogs sends 401 and 404
  without a body, validation errors as a bare list (go-macaron/binding), and
  ``{"message", "url"}`` otherwise.
- ``state.ignore_page = True`` plays an old server or a proxy that drops
  ``page``: every list answers its first page, without a ``Link`` header;
  ``state.hide_total_count = True`` and ``state.hide_links = True`` leave
  ``X-Total-Count`` and ``Link`` out of every list. ``state.max_requests = N``
  answers 400 to every request after the N-th, so that a looping client fails.
- ``state.canned[("GET", "/repos/alice/hello")] = body`` answers that request
  with a body recorded from a real server (``../shared/responses``), before
  any route; a list body is one page of a list that many items long.
- ``state.fail_next(503)`` makes the next request fail once (a proxy's HTML
  page by default; ``headers={"Retry-After": "0"}`` adds headers), and
  ``state.drop_next()`` makes the server close the next connection without
  answering. ``state.delay`` (seconds) slows every request down, outside the
  server's lock, and ``state.max_in_flight`` records how many requests were
  being served at the same time at most. ``state.version`` sets what
  ``GET /version`` reports (an old server, or one that lies about its version).

Every request is recorded (``state.requests``, ``state.last_request``) with its
raw path, query pairs, headers, body and arrival time (``time.monotonic()``),
and every response (``state.last_response``). A handler that crashes answers
500 and is noted in ``state.server_errors``; tests should check that it stays
empty. A client that hangs up before its answer is counted in ``state.hangups``.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import email
import hashlib
import html
import itertools
import json
import math
import re
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, quote, unquote, urlencode

Flavour = Literal["gitea", "forgejo", "gogs"]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPECS: dict[str, Path] = {
    "gitea": REPO_ROOT / "specs" / "mini-gitea.json",
    "forgejo": REPO_ROOT / "specs" / "mini-gitea.json",  # no mini Forgejo spec of our own
    "gogs": REPO_ROOT / "specs" / "mini-gogs.json",
}
API_BASE = "/api/v1"
GITEA_VERSION = "1.22.6"
FORGEJO_VERSION = "11.0.1+gitea-1.22.0"
GOGS_VERSION = "0.13.0"
OTP_HEADER = "X-Gitea-OTP"
# The OTP headers each forge reads, in order: Forgejo prefers its own name.
OTP_HEADERS: dict[str, tuple[str, ...]] = {
    "gitea": (OTP_HEADER,),
    "forgejo": ("X-Forgejo-OTP", OTP_HEADER),
    "gogs": (),
}
API_SETTINGS = {
    "max_response_items": 50,
    "default_paging_num": 30,
    "default_git_trees_per_page": 1000,
    "default_max_blob_size": 10485760,
}
GOGS_ISSUE_PAGE_SIZE = 10
GOGS_DOC_URL = "https://github.com/gogs/docs-api"
NOT_FOUND = "The target couldn't be found."
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\xff\xfe\r\n--x--\r\n"
UTC = dt.timezone.utc
CEST = dt.timezone(dt.timedelta(hours=2))
T0 = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=CEST)
PROXY_503 = (
    b"<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n"
    b"<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n"
    b"<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
)


# ---------------------------------------------------------------------------
# State


@dataclass
class User:
    id: int
    login: str
    password: str
    full_name: str
    email: str
    otp: str | None = None  # the one valid one-time code when 2FA is on
    created: dt.datetime = T0
    is_admin: bool = False


@dataclass
class Token:
    id: int
    name: str
    sha1: str
    owner: str
    scopes: list[str]


@dataclass
class Issue:
    number: int
    title: str
    body: str
    author: str
    state: str
    created: dt.datetime
    updated: dt.datetime
    is_pull: bool = False
    assignee: str | None = None
    labels: list[str] = field(default_factory=list)
    reactions: list[tuple[str, str]] = field(default_factory=list)  # (login, content)


@dataclass
class Attachment:
    id: int
    name: str
    data: bytes
    content_type: str
    filename: str | None
    created: dt.datetime

    @property
    def uuid(self) -> str:
        return hashlib.md5(f"attachment-{self.id}".encode()).hexdigest()


@dataclass
class Release:
    id: int
    tag: str
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class Repo:
    id: int
    owner: str
    name: str
    description: str = ""
    private: bool = False
    object_format: str = "sha1"
    created: dt.datetime = T0
    updated: dt.datetime = T0
    files: dict[str, dict[str, bytes]] = field(default_factory=dict)  # ref -> path -> bytes
    commits: list[str] = field(default_factory=list)  # messages on main, oldest first
    issues: list[Issue] = field(default_factory=list)
    releases: dict[int, Release] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    collaborators: list[str] = field(default_factory=list)

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    def commit_sha(self, index: int) -> str:
        return hashlib.sha1(f"{self.full_name}@{index}".encode()).hexdigest()

    def issue(self, number: int) -> Issue | None:
        return next((i for i in self.issues if i.number == number), None)


@dataclass
class Notification:
    id: int
    owner: str  # whose notification it is
    repo: str  # full name
    issue: int
    subject_type: str  # "Issue", "Pull", "Commit", "Repository"
    status: str  # "unread", "read", "pinned"
    updated: dt.datetime


@dataclass
class RecordedRequest:
    """One request as the server received it; ``path`` is raw (still percent-encoded)."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: list[tuple[str, str]]
    body: bytes
    at: float = field(default_factory=time.monotonic)  # when it arrived

    def header(self, name: str) -> str | None:
        found = [v for k, v in self.headers if k.lower() == name.lower()]
        return found[-1] if found else None

    def query_values(self, name: str) -> list[str]:
        return [v for k, v in self.query if k == name]

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class RecordedResponse:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class Failure:
    status: int
    path: str | None  # API-relative path ("/version"), or None for any request
    times: int
    body: bytes
    content_type: str
    headers: dict[str, str]
    drop: bool = False  # close the connection without an answer


@dataclass
class ForgeState:
    """Everything the fake forge knows; tests may read and change it directly."""

    flavour: Flavour
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)  # by secret
    repos: dict[str, Repo] = field(default_factory=dict)  # by "owner/name"
    renamed: dict[str, str] = field(default_factory=dict)  # old "owner/name" -> new
    notifications: list[Notification] = field(default_factory=list)
    requests: list[RecordedRequest] = field(default_factory=list)
    responses: list[RecordedResponse] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    total_count_header: bool = True  # False: Gogs lists send only Link, as real Gogs does
    version: str | None = None  # what GET /version reports; None: the flavour's own
    hide_total_count: bool = False  # True: no list sends X-Total-Count (a proxy dropped it)
    ignore_page: bool = False  # True: every list answers its first page, without Link
    hide_links: bool = False  # True: no list sends a Link header (a proxy dropped it)
    max_requests: int | None = None  # beyond this many, answer 400: a looping client fails
    # Bodies recorded from real servers, answered as they are: (METHOD, API path) -> body
    canned: dict[tuple[str, str], bytes] = field(default_factory=dict)
    delay: float = 0.0  # seconds every request takes, served concurrently
    in_flight: int = 0
    max_in_flight: int = 0
    hangups: int = 0  # answers the client hung up on (a cancelled request)
    spec: bytes | None = None  # served at /swagger.v1.json instead of the start's (an upgrade)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(1000))
    ticks: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def last_request(self) -> RecordedRequest:
        return self.requests[-1]

    @property
    def last_response(self) -> RecordedResponse:
        return self.responses[-1]

    def fail_next(
        self,
        status: int = 503,
        *,
        path: str | None = None,
        times: int = 1,
        body: bytes = PROXY_503,
        content_type: str = "text/html",
        headers: dict[str, str] | None = None,
    ) -> None:
        """Answer the next ``times`` requests (to ``path`` only, if given) with ``status``."""
        self.failures.append(Failure(status, path, times, body, content_type, headers or {}))

    def drop_next(self, *, path: str | None = None, times: int = 1) -> None:
        """Close the next ``times`` connections (to ``path`` only) without answering."""
        self.failures.append(Failure(0, path, times, b"", "", {}, drop=True))

    def now(self) -> dt.datetime:
        """A deterministic clock: every call is one minute later."""
        return dt.datetime(2024, 6, 1, 12, 0, tzinfo=CEST) + dt.timedelta(minutes=next(self.ticks))

    def add_token(self, login: str, name: str, scopes: list[str] | None = None) -> Token:
        token_id = next(self.ids)
        secret = hashlib.sha1(f"{login}:{name}:{token_id}".encode()).hexdigest()
        token = Token(token_id, name, secret, login, list(scopes or []))
        self.tokens[secret] = token
        return token


def seeded_state(flavour: Flavour, *, big_issues: int = 0, projects: int = 0) -> ForgeState:
    state = ForgeState(flavour)
    state.users["alice"] = User(
        1, "alice", "secret", "Alice Liddell", "alice@example.com", is_admin=True
    )
    state.users["bob"] = User(
        2, "bob", "hunter2", "Bob Builder", "bob@example.com", otp="123456", created=T0
    )
    hello = Repo(
        10,
        "alice",
        "hello",
        description="A public repository",
        files={
            "main": {
                "README.md": b"# hello\n",
                "docs/a b.md": "# Über a b\n".encode(),
                "docs/guide/intro.md": b"intro\n",
                "logo.png": PNG_BYTES,
            },
            "dev": {"README.md": b"# hello (dev)\n"},
        },
        commits=[f"commit {n}" for n in range(1, 6)],
        releases={1: Release(1, "v1.0")},
        collaborators=["bob"],
        updated=dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC),
    )
    for n in range(1, 76):
        created = T0 + dt.timedelta(hours=n)
        hello.issues.append(
            Issue(
                number=n,
                title="Crash when the config file is empty" if n == 1 else f"Issue number {n}",
                body=f"Body of issue {n}",
                author="bob" if n % 2 else "alice",
                state="closed" if n % 5 == 0 else "open",
                created=created,
                updated=created + dt.timedelta(minutes=30),
                is_pull=n % 10 == 3,
                labels=["bug"] if n == 1 else [],
                reactions=[("alice", "heart"), ("bob", "+1")] if n == 1 else [],
            )
        )
    secret = Repo(11, "alice", "secret", description="Nobody else may see this", private=True)
    secret.issues.append(Issue(1, "Private issue", "hush", "alice", "open", T0, T0))
    future = Repo(12, "alice", "future", description="From a newer server", object_format="blake3")
    for repo in (hello, secret, future):
        state.repos[repo.full_name] = repo
    state.renamed["alice/old-hello"] = "alice/hello"
    secret.files["main"] = {"README.md": b"# top secret\n"}
    state.notifications = [
        Notification(1, "alice", "alice/hello", 1, "Issue", "unread", T0),
        Notification(2, "alice", "alice/hello", 3, "Pull", "read", T0),
        Notification(3, "alice", "alice/hello", 2, "Issue", "pinned", T0),
        Notification(4, "alice", "alice/hello", 4, "Issue", "read", T0),
        Notification(5, "alice", "alice/hello", 13, "Pull", "pinned", T0),
    ]
    if big_issues:
        big = Repo(13, "alice", "big", description="Many issues")
        for n in range(1, big_issues + 1):
            created = T0 + dt.timedelta(minutes=n)
            big.issues.append(
                Issue(n, f"Big issue {n}", "", "bob", "open", created, created, assignee="alice")
            )
        state.repos[big.full_name] = big
    for n in range(1, projects + 1):
        project = Repo(100 + n, "alice", f"project-{n:03d}", description=f"Project {n}")
        state.repos[project.full_name] = project
    return state


# ---------------------------------------------------------------------------
# Requests and replies


class Redirect(Exception):
    """Gitea answers 307 for a renamed repository, to the same URL under the new name."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class HttpError(Exception):
    def __init__(
        self,
        status: int,
        message: str,
        *,
        errors: list[Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors
        self.headers = headers or {}


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False  # hang up instead of answering


def required(field_name: str) -> dict[str, Any]:
    """One field error as the binding libraries of both forges report it."""
    return {"fieldNames": [field_name], "classification": "RequiredError", "message": "Required"}


def json_reply(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    body = json.dumps(data).encode()
    return Reply(status, body, "application/json;charset=utf-8", headers or {})


def empty_reply(status: int) -> Reply:
    return Reply(status)


@dataclass
class Call:
    """What a handler gets: the request, its route parameters and the caller."""

    app: ForgeApp
    method: str
    raw_path: str
    params: dict[str, str]
    query: list[tuple[str, str]]
    headers: email.message.Message
    body: bytes
    user: User | None = None
    token: Token | None = None

    @property
    def state(self) -> ForgeState:
        return self.app.state

    @property
    def gitea(self) -> bool:
        """Gitea or Forgejo (which behaves as Gitea unless told otherwise)."""
        return self.app.gitea

    def arg(self, name: str) -> str | None:
        values = [v for k, v in self.query if k == name]
        return values[-1] if values else None

    def args(self, name: str) -> list[str]:
        return [v for k, v in self.query if k == name]

    def int_arg(self, name: str) -> int:
        """Like Gitea's ``ctx.FormInt``: absent or not a number is 0."""
        value = self.arg(name) or ""
        return int(value) if re.fullmatch(r"-?\d+", value) else 0

    def json_body(self) -> Any:
        """The JSON body, or None when it is absent or not sent as JSON (forms bind empty)."""
        if "json" not in (self.headers.get("Content-Type") or "") or not self.body:
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            raise HttpError(422, "invalid JSON body") from None

    def require_user(self) -> User:
        if self.user is None:
            raise HttpError(401, "token is required")
        return self.user

    def repo(self) -> Repo:
        """The repository named by the path, as this caller may see it (404 if not)."""
        name = f"{self.params['owner']}/{self.params['repo']}"
        new_name = self.state.renamed.get(name)
        if new_name is not None and self.app.gitea:
            old, new = (quote(n, safe="/") for n in (name, new_name))
            location = self.raw_path.replace(f"/repos/{old}", f"/repos/{new}", 1)
            raise Redirect(location + (f"?{urlencode(self.query)}" if self.query else ""))
        repo = self.state.repos.get(name)
        if repo is None or not can_read(self.user, repo):
            raise HttpError(404, NOT_FOUND)
        return repo

    def writable_repo(self) -> Repo:
        repo = self.repo()
        user = self.require_user()
        if user.login != repo.owner:
            raise HttpError(403, "user should be the owner of the repository")
        return repo


def can_read(user: User | None, repo: Repo) -> bool:
    if not repo.private:
        return True
    return user is not None and (user.login == repo.owner or user.login in repo.collaborators)


# ---------------------------------------------------------------------------
# JSON views of the state


def rfc3339(value: dt.datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def parse_rfc3339(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise HttpError(422, f"invalid time {value!r}: want RFC 3339") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def user_json(call: Call, user: User) -> dict[str, Any]:
    root = call.app.url
    avatar = f"{root}/avatars/{hashlib.md5(user.email.encode()).hexdigest()}"
    if not call.gitea:
        return {
            "id": user.id,
            "username": user.login,
            "login": user.login,
            "full_name": user.full_name,
            "email": user.email,
            "avatar_url": avatar,
        }
    return {
        "id": user.id,
        "login": user.login,
        "login_name": "",
        "source_id": 0,
        "full_name": user.full_name,
        "email": user.email if call.user is not None else "",
        "avatar_url": avatar,
        "html_url": f"{root}/{user.login}",
        "language": "en-US" if call.user is user else "",
        "is_admin": user.is_admin,
        "last_login": "1970-01-01T00:00:00Z",
        "created": rfc3339(user.created),
        "restricted": False,
        "active": True,
        "prohibit_login": False,
        "location": "",
        "website": "",
        "description": "",
        "visibility": "public",
        "followers_count": 0,
        "following_count": 0,
        "starred_repos_count": 0,
        "username": user.login,
    }


def repo_json(call: Call, repo: Repo) -> dict[str, Any]:
    root = call.app.url
    owner = call.state.users.get(repo.owner) or User(0, repo.owner, "", repo.owner, "")
    is_owner = call.user is not None and call.user.login == repo.owner
    data: dict[str, Any] = {
        "id": repo.id,
        "owner": user_json(call, owner),
        "name": repo.name,
        "full_name": repo.full_name,
        "description": repo.description,
        "empty": False,
        "private": repo.private,
        "fork": False,
        "parent": None,
        "mirror": False,
        "size": 42,
        "html_url": f"{root}/{repo.full_name}",
        "ssh_url": f"git@127.0.0.1:{repo.full_name}.git",
        "clone_url": f"{root}/{repo.full_name}.git",
        "website": "",
        "stars_count": 3,
        "forks_count": 0,
        "watchers_count": 1,
        "open_issues_count": sum(1 for i in repo.issues if i.state == "open" and not i.is_pull),
        "default_branch": "main",
        "created_at": rfc3339(repo.created),
        "updated_at": rfc3339(repo.updated),
        "permissions": {"admin": is_owner, "push": is_owner, "pull": True},
    }
    if call.gitea:
        data.update(
            {
                "template": False,
                "internal": False,
                "archived": False,
                "archived_at": "1970-01-01T00:00:00Z",
                "language": "Python",
                "languages_url": f"{root}{API_BASE}/repos/{repo.full_name}/languages",
                "url": f"{root}{API_BASE}/repos/{repo.full_name}",
                "internal_tracker": {
                    "enable_time_tracker": True,
                    "allow_only_contributors_to_track_time": True,
                },
                "object_format_name": repo.object_format,
                "x_new_field": 1,
            }
        )
    else:
        data["unlisted"] = False
    return data


def label_json(call: Call, repo: Repo, name: str) -> dict[str, Any]:
    return {
        "id": 1,
        "name": name,
        "color": "ee0701",
        "description": "Something is not working",
        "exclusive": False,
        "url": f"{call.app.url}{API_BASE}/repos/{repo.full_name}/labels/1",
    }


def issue_json(call: Call, repo: Repo, issue: Issue) -> dict[str, Any]:
    root = call.app.url
    kind = "pulls" if issue.is_pull else "issues"
    author = call.state.users[issue.author]
    data: dict[str, Any] = {
        "id": repo.id * 1000 + issue.number,
        "number": issue.number,
        "user": user_json(call, author),
        "title": issue.title,
        "body": issue.body,
        "labels": [label_json(call, repo, name) for name in issue.labels],
        "milestone": None,
        "assignee": None,
        "state": issue.state,
        "comments": 0,
        "created_at": rfc3339(issue.created),
        "updated_at": rfc3339(issue.updated),
        "pull_request": None,
    }
    if issue.is_pull:
        data["pull_request"] = {
            "merged": False,
            "merged_at": None,
            "draft": False,
            "html_url": f"{root}/{repo.full_name}/pulls/{issue.number}",
        }
    if call.gitea:
        data.update(
            {
                "url": f"{root}{API_BASE}/repos/{repo.full_name}/issues/{issue.number}",
                "html_url": f"{root}/{repo.full_name}/{kind}/{issue.number}",
                "original_author": "",
                "original_author_id": 0,
                "ref": "",
                "assets": [],
                "assignees": None,
                "is_locked": False,
                "closed_at": rfc3339(issue.updated) if issue.state == "closed" else None,
                "due_date": None,
                "repository": {
                    "id": repo.id,
                    "name": repo.name,
                    "owner": repo.owner,
                    "full_name": repo.full_name,
                },
                "pin_order": 0,
            }
        )
    return data


def attachment_json(call: Call, attachment: Attachment) -> dict[str, Any]:
    return {
        "id": attachment.id,
        "name": attachment.name,
        "size": len(attachment.data),
        "download_count": 0,
        "created_at": rfc3339(attachment.created),
        "uuid": attachment.uuid,
        "browser_download_url": f"{call.app.url}/attachments/{attachment.uuid}",
    }


def token_json(call: Call, token: Token, *, created: bool) -> dict[str, Any]:
    if not call.gitea:
        return {"name": token.name, "sha1": token.sha1}
    return {
        "id": token.id,
        "name": token.name,
        "sha1": token.sha1 if created else "",
        "token_last_eight": token.sha1[-8:],
        "scopes": token.scopes,
    }


# ---------------------------------------------------------------------------
# Paging


def page_size(call: Call, fixed_size: int | None = None) -> int:
    """Gitea's rule: ``limit`` below 1 means the default, above the maximum means the maximum."""
    if fixed_size is not None:
        return fixed_size
    limit = call.int_arg("limit")
    if limit <= 0:
        limit = API_SETTINGS["default_paging_num"]
    return min(limit, API_SETTINGS["max_response_items"])


def paginate(
    call: Call, items: list[Any], *, fixed_size: int | None = None
) -> tuple[list[Any], dict[str, str]]:
    """One page of ``items`` and the headers Gitea sends with it."""
    state = call.state
    page = 1 if state.ignore_page else max(call.int_arg("page"), 1)
    limit = page_size(call, fixed_size)
    total = len(items)
    chunk = items[(page - 1) * limit : page * limit]
    headers = {}
    if (call.gitea or state.total_count_header) and not state.hide_total_count:
        headers["X-Total-Count"] = str(total)
        headers["Access-Control-Expose-Headers"] = "X-Total-Count, Link"
    hidden = state.ignore_page or state.hide_links
    link = "" if hidden else link_header(call, total, limit, page)
    if link:
        headers["Link"] = link
    return chunk, headers


def link_header(call: Call, total: int, limit: int, page: int) -> str:
    """``Link`` with rel next, last, first, prev, in that order, joined by commas.

    Gitea keeps the other query parameters (sorted, as Go encodes them); Gogs
    keeps only ``page``.
    """
    pages = max(1, math.ceil(total / limit))
    current = min(page, pages)

    def link(number: int, rel: str) -> str:
        query: dict[str, list[str]] = {}
        for key, value in call.query if call.gitea else []:
            query.setdefault(key, []).append(value)
        query["page"] = [str(number)]
        encoded = urlencode(sorted(query.items()), doseq=True)
        return f'<{call.app.host_url}{call.raw_path}?{encoded}>; rel="{rel}"'

    links = []
    if current < pages:
        links.append(link(current + 1, "next"))
        links.append(link(pages, "last"))
    if current > 1:
        links.append(link(1, "first"))
        links.append(link(current - 1, "prev"))
    return ",".join(links)


def canned_reply(state: ForgeState, query: list[tuple[str, str]], body: bytes) -> Reply:
    """A recorded body. A list is one page of that many items: later pages are
    empty, unless the server ignores ``page``."""
    data = json.loads(body)
    page = dict(query).get("page", "1")
    if not isinstance(data, list):
        return Reply(200, body, "application/json")
    if page not in ("", "1") and not state.ignore_page:
        body = b"[]"
    headers = {} if state.hide_total_count else {"X-Total-Count": str(len(data))}
    return Reply(200, body, "application/json", headers)


# ---------------------------------------------------------------------------
# Handlers: one small function per operation


VERSIONS = {"gitea": GITEA_VERSION, "forgejo": FORGEJO_VERSION, "gogs": GOGS_VERSION}


def get_version(call: Call) -> Reply:
    return json_reply({"version": call.state.version or VERSIONS[call.app.flavour]})


def get_api_settings(call: Call) -> Reply:
    return json_reply(API_SETTINGS)


def get_nodeinfo(call: Call) -> Reply:
    return json_reply(
        {
            "version": "2.1",
            "software": {
                "name": call.app.flavour,
                "version": VERSIONS[call.app.flavour],
                "homepage": "https://gitea.com",
            },
            "protocols": ["activitypub"],
            "services": {"inbound": [], "outbound": ["rss2.0"]},
            "openRegistrations": True,
            "usage": {"users": {"total": len(call.state.users)}},
            "metadata": {},
        }
    )


def render_markdown(text: str) -> str:
    """A tiny Markdown subset: ATX headings and paragraphs with bold and code spans."""

    def inline(source: str) -> str:
        escaped = html.escape(source, quote=False)
        escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
        return re.sub(r"`(.+?)`", r"<code>\1</code>", escaped)

    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        heading = re.fullmatch(r"(#{1,6})\s+(.+)", block.strip())
        if heading:
            level, title = len(heading[1]), heading[2].strip()
            slug = re.sub(r"[^\w]+", "-", title.lower()).strip("-")
            blocks.append(f'<h{level} id="user-content-{slug}">{inline(title)}</h{level}>')
        elif block.strip():
            blocks.append(f"<p>{inline(block.strip())}</p>")
    return "".join(block + "\n" for block in blocks)


def post_markdown_raw(call: Call) -> Reply:
    return Reply(200, render_markdown(call.body.decode()).encode(), "text/html; charset=utf-8")


def post_markdown(call: Call) -> Reply:
    form = call.json_body() or {}
    return Reply(200, render_markdown(form.get("text") or "").encode(), "text/html; charset=utf-8")


def get_current_user(call: Call) -> Reply:
    return json_reply(user_json(call, call.require_user()))


def get_user(call: Call) -> Reply:
    user = call.state.users.get(call.params["username"])
    if user is None:
        raise HttpError(404, f"user redirect does not exist [name: {call.params['username']}]")
    return json_reply(user_json(call, user))


def _token_owner(call: Call) -> User:
    """Token routes want basic auth (a password, not a token) for the user in the path."""
    if call.user is None or call.token is not None:
        raise HttpError(401, "auth required: use basic authentication with your password")
    if call.user.login != call.params["username"]:
        raise HttpError(403, "only the user itself can manage its tokens")
    return call.user


def create_token(call: Call) -> Reply:
    user = _token_owner(call)
    form = call.json_body() or {}
    name = form.get("name") or ""
    if not name:
        raise HttpError(422, "[Name]: Required", errors=[required("Name")])
    if any(t.owner == user.login and t.name == name for t in call.state.tokens.values()):
        raise HttpError(400 if call.gitea else 422, "access token name has been used already")
    scopes = list(form.get("scopes") or [])
    if call.gitea and not scopes:
        raise HttpError(400, "access token must have a scope")
    token = call.state.add_token(user.login, name, scopes)
    return json_reply(token_json(call, token, created=True), 201)


def list_tokens(call: Call) -> Reply:
    user = _token_owner(call)
    mine = [t for t in call.state.tokens.values() if t.owner == user.login]
    return json_reply([token_json(call, t, created=not call.gitea) for t in mine])


def delete_emails(call: Call) -> Reply:
    call.require_user()
    form = call.json_body() or {}
    if not form.get("emails"):
        raise HttpError(422, "[Emails]: Required")
    return empty_reply(204)


def search_repos(call: Call) -> Reply:
    keyword = (call.arg("q") or "").lower()
    found = [
        r
        for r in call.state.repos.values()
        if can_read(call.user, r) and keyword in r.name.lower()
        if call.arg("private") != "false" or not r.private
    ]
    page, headers = paginate(call, found)
    data = [repo_json(call, r) for r in page]
    return json_reply({"ok": True, "data": data}, headers=headers)


def get_repo(call: Call) -> Reply:
    return json_reply(repo_json(call, call.repo()))


def list_collaborators(call: Call) -> Reply:
    repo = call.writable_repo()  # Gogs: reqRepoAdmin()
    result = []
    for login in repo.collaborators:
        data = user_json(call, call.state.users[login])
        data["permissions"] = {"admin": False, "push": True, "pull": True}
        result.append(data)
    return json_reply(result)


def list_issues(call: Call) -> Reply:
    repo = call.repo()
    state = call.arg("state") or "open"
    kind = call.arg("type")
    keyword = (call.arg("q") or "").lower()
    since = parse_rfc3339(call.arg("since") or "1970-01-01T00:00:00Z")
    before = parse_rfc3339(call.arg("before") or "9999-01-01T00:00:00Z")
    found = [
        i
        for i in sorted(repo.issues, key=lambda i: i.number, reverse=True)
        if state == "all" or i.state == state
        if kind is None or (kind == "pulls") == i.is_pull
        if keyword in i.title.lower() and since <= i.updated < before
    ]
    page, headers = paginate(call, found, fixed_size=None if call.gitea else GOGS_ISSUE_PAGE_SIZE)
    return json_reply([issue_json(call, repo, i) for i in page], headers=headers)


def list_user_issues(call: Call) -> Reply:
    """Gogs' ``GET /user/issues``: the issues assigned to the caller, 10 a page."""
    user = call.require_user()
    closed = call.arg("state") == "closed"
    found = [
        (repo, i)
        for repo in call.state.repos.values()
        for i in sorted(repo.issues, key=lambda i: i.number, reverse=True)
        if i.assignee == user.login and (i.state == "closed") == closed
    ]
    page, headers = paginate(call, found, fixed_size=GOGS_ISSUE_PAGE_SIZE)
    return json_reply([issue_json(call, repo, i) for repo, i in page], headers=headers)


def create_issue(call: Call) -> Reply:
    repo = call.repo()
    user = call.require_user()
    form = call.json_body() or {}
    title = form.get("title")
    if not isinstance(title, str) or not title.strip():
        raise HttpError(422, "[Title]: Required", errors=[required("Title")])
    now = call.state.now()
    issue = Issue(
        number=max((i.number for i in repo.issues), default=0) + 1,
        title=title,
        body=form.get("body") or "",
        author=user.login,
        state="closed" if form.get("closed") else "open",
        created=now,
        updated=now,
    )
    repo.issues.append(issue)
    return json_reply(issue_json(call, repo, issue), 201)


def _issue(call: Call, repo: Repo) -> Issue:
    index = call.params["index"]
    issue = repo.issue(int(index)) if index.isdigit() else None
    if issue is None:
        raise HttpError(404, NOT_FOUND)
    return issue


def get_issue(call: Call) -> Reply:
    repo = call.repo()
    return json_reply(issue_json(call, repo, _issue(call, repo)))


ALLOWED_REACTIONS = ("+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes")


def delete_issue_reaction(call: Call) -> Reply:
    repo = call.repo()
    user = call.require_user()
    issue = _issue(call, repo)
    content = (call.json_body() or {}).get("content")
    if content not in ALLOWED_REACTIONS:
        raise HttpError(403, f"'{content}' is not an allowed reaction")
    issue.reactions = [r for r in issue.reactions if r != (user.login, content)]
    return empty_reply(200)


def _raw(call: Call, ref: str) -> Reply:
    repo = call.repo()
    files = repo.files.get(ref)
    data = None if files is None else files.get(call.params["filepath"])
    if data is None:
        raise HttpError(404, NOT_FOUND)
    return Reply(200, data, "application/octet-stream")


def get_raw_file(call: Call) -> Reply:
    return _raw(call, call.arg("ref") or "main")


def get_raw_content(call: Call) -> Reply:
    return _raw(call, call.params["ref"])


def get_commits(call: Call) -> Reply:
    repo = call.repo()
    shas = [repo.commit_sha(n) for n in range(len(repo.commits))]
    excluded = call.arg("not")
    stop = shas.index(excluded) + 1 if excluded in shas else 0
    newest_first = list(reversed(range(stop, len(shas))))
    page, headers = paginate(call, newest_first)
    limit = page_size(call)
    headers.update(
        {
            "X-Total": str(len(newest_first)),
            "X-PerPage": str(limit),
            "X-Page": str(max(call.int_arg("page"), 1)),
            "X-PageCount": str(max(1, math.ceil(len(newest_first) / limit))),
            "X-HasMore": "true" if "next" in headers.get("Link", "") else "false",
        }
    )
    root = call.app.url
    commits = [
        {
            "sha": shas[n],
            "url": f"{root}{API_BASE}/repos/{repo.full_name}/git/commits/{shas[n]}",
            "html_url": f"{root}/{repo.full_name}/commit/{shas[n]}",
            "created": rfc3339(T0 + dt.timedelta(days=n)),
            "commit": {
                "message": repo.commits[n] + "\n",
                "author": {"name": "Alice", "email": "alice@example.com", "date": rfc3339(T0)},
            },
            "author": user_json(call, call.state.users[repo.owner]),
            "files": None,
        }
        for n in page
    ]
    return json_reply(commits, headers=headers)


def get_pull_diff(call: Call) -> Reply:
    repo = call.repo()
    issue = _issue(call, repo)
    if not issue.is_pull or call.params["diffType"] not in ("diff", "patch"):
        raise HttpError(404, NOT_FOUND)
    text = f"diff --git a/README.md b/README.md\n+pull {issue.number}\n"
    if call.params["diffType"] == "patch":
        text = f"From {repo.commit_sha(0)} Mon Sep 17 00:00:00 2001\n" + text
    return Reply(200, text.encode(), "text/plain; charset=utf-8")


def create_release_attachment(call: Call) -> Reply:
    repo = call.writable_repo()
    release_id = call.params["id"]
    release = repo.releases.get(int(release_id)) if release_id.isdigit() else None
    if release is None:
        raise HttpError(404, NOT_FOUND)
    parts = parse_multipart(call.headers.get("Content-Type") or "", call.body)
    upload = parts.get("attachment")
    if upload is None:
        raise HttpError(400, "could not get 'attachment' from the multipart form")
    name = call.arg("name") or upload.filename or "attachment"
    attachment = Attachment(
        next(call.state.ids),
        name,
        upload.data,
        upload.content_type,
        upload.filename,
        call.state.now(),
    )
    release.attachments.append(attachment)
    return json_reply(attachment_json(call, attachment), 201)


def put_repo_secret(call: Call) -> Reply:
    repo = call.writable_repo()
    data = (call.json_body() or {}).get("data")
    if not data:
        raise HttpError(400, "data is empty")
    name = call.params["secretname"].upper()
    existed = name in repo.secrets
    repo.secrets[name] = data
    return empty_reply(204 if existed else 201)


def list_notifications(call: Call) -> Reply:
    user = call.require_user()
    statuses = call.args("status-types") or ["unread", "pinned"]
    if call.arg("all") == "true":
        statuses = ["unread", "read", "pinned"]
    kinds = [k.lower() for k in call.args("subject-type")]
    found = [
        n
        for n in call.state.notifications
        if n.owner == user.login and n.status in statuses
        if not kinds or n.subject_type.lower() in kinds
    ]
    page, headers = paginate(call, found)
    root = call.app.url
    threads = []
    for n in page:
        repo = call.state.repos[n.repo]
        issue = repo.issue(n.issue)
        threads.append(
            {
                "id": n.id,
                "repository": repo_json(call, repo),
                "subject": {
                    "title": issue.title if issue else "",
                    "url": f"{root}{API_BASE}/repos/{repo.full_name}/issues/{n.issue}",
                    "html_url": f"{root}/{repo.full_name}/issues/{n.issue}",
                    "latest_comment_url": "",
                    "type": n.subject_type,
                    "state": issue.state if issue else "open",
                },
                "unread": n.status == "unread",
                "pinned": n.status == "pinned",
                "updated_at": rfc3339(n.updated),
                "url": f"{root}{API_BASE}/notifications/threads/{n.id}",
            }
        )
    return json_reply(threads, headers=headers)


# ---------------------------------------------------------------------------
# Multipart bodies


@dataclass
class Part:
    name: str
    filename: str | None
    content_type: str
    data: bytes


def parse_multipart(content_type: str, body: bytes) -> dict[str, Part]:
    """Split a multipart/form-data body into its named parts (bytes kept exactly)."""
    header = email.message.Message()
    header["Content-Type"] = content_type
    boundary = header.get_param("boundary")
    if header.get_content_type() != "multipart/form-data" or not isinstance(boundary, str):
        raise HttpError(400, "the request is not multipart/form-data")
    parts: dict[str, Part] = {}
    for section in body.split(b"--" + boundary.encode())[1:]:
        if section.startswith(b"--"):
            break
        head, _, data = section.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        meta = email.message_from_bytes(head + b"\r\n\r\n")
        name = meta.get_param("name", header="content-disposition")
        if isinstance(name, str):
            parts[name] = Part(
                name,
                meta.get_filename(),
                meta.get_content_type() if meta.get("Content-Type") else "text/plain",
                data.removesuffix(b"\r\n"),
            )
    return parts


# ---------------------------------------------------------------------------
# The route table

Handler = Callable[[Call], Reply]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: str  # API-relative; {name} is one segment, {name*} may contain slashes
    handler: Handler
    scope: str | None = None  # Gitea token scope category the route needs
    flavours: tuple[str, ...] = ("gitea", "forgejo", "gogs")
    gogs_req_token: bool = False  # Gogs' reqToken(): only a token will do, not a password

    def match(self, path: str) -> dict[str, str] | None:
        names = re.findall(r"\{([^}*]+)\*?\}", self.pattern)
        regex = ""
        for literal, name in re.findall(r"([^{]*)(\{[^}]+\})?", self.pattern):
            regex += re.escape(literal)
            if name:
                regex += "(.+)" if name.endswith("*}") else "([^/]+)"
        found = re.fullmatch(regex, path)
        if found is None:
            return None
        return {name: unquote(value) for name, value in zip(names, found.groups(), strict=True)}


GITEA = ("gitea", "forgejo")
GOGS = ("gogs",)
REPO = "/repos/{owner}/{repo}"
ROUTES = [
    Route("GET", "/version", get_version),
    Route("GET", "/settings/api", get_api_settings, flavours=GITEA),
    Route("GET", "/nodeinfo", get_nodeinfo, flavours=GITEA),
    Route("POST", "/markdown", post_markdown, scope="misc"),
    Route("POST", "/markdown/raw", post_markdown_raw, scope="misc"),
    Route("GET", "/user", get_current_user, scope="user", gogs_req_token=True),
    Route("DELETE", "/user/emails", delete_emails, scope="user", gogs_req_token=True),
    Route("GET", "/user/issues", list_user_issues, flavours=GOGS, gogs_req_token=True),
    Route("GET", "/users/{username}", get_user, scope="user"),
    Route("GET", "/users/{username}/tokens", list_tokens),
    Route("POST", "/users/{username}/tokens", create_token),
    Route("GET", "/notifications", list_notifications, scope="notification", flavours=GITEA),
    Route("GET", "/repos/search", search_repos, scope="repository"),
    Route("GET", REPO, get_repo, scope="repository"),
    Route("GET", REPO + "/collaborators", list_collaborators, flavours=GOGS, gogs_req_token=True),
    Route("GET", REPO + "/commits", get_commits, scope="repository", flavours=GITEA),
    Route("GET", REPO + "/issues", list_issues, scope="issue", gogs_req_token=True),
    Route("POST", REPO + "/issues", create_issue, scope="issue", gogs_req_token=True),
    Route("GET", REPO + "/issues/{index}", get_issue, scope="issue", gogs_req_token=True),
    Route("DELETE", REPO + "/issues/{index}/reactions", delete_issue_reaction, scope="issue"),
    Route("GET", REPO + "/pulls/{index}.{diffType}", get_pull_diff, scope="repository"),
    Route("GET", REPO + "/raw/{filepath*}", get_raw_file, scope="repository", flavours=GITEA),
    Route(
        "GET", REPO + "/raw/{ref}/{filepath*}", get_raw_content, flavours=GOGS, gogs_req_token=True
    ),
    Route("POST", REPO + "/releases/{id}/assets", create_release_attachment, scope="repository"),
    Route("PUT", REPO + "/actions/secrets/{secretname}", put_repo_secret, scope="repository"),
]


# ---------------------------------------------------------------------------
# Authentication


def authenticate(
    app: ForgeApp, headers: email.message.Message, query: list[tuple[str, str]]
) -> tuple[User | None, Token | None]:
    """The caller and the token it used, or (None, None); bad credentials raise 401."""
    state = app.state
    scheme, _, value = (headers.get("Authorization") or "").strip().partition(" ")
    scheme = scheme.lower()
    if scheme in ("token", "bearer"):
        return _by_token(state, value.strip())
    if scheme == "basic":
        return _by_password(app, headers, value.strip())
    if app.gitea:  # Gogs 0.13 no longer reads tokens from the query string
        for key in ("token", "access_token"):
            secret = next((v for k, v in query if k == key), None)
            if secret is not None:
                return _by_token(state, secret)
    return None, None


def _by_token(state: ForgeState, secret: str) -> tuple[User, Token]:
    token = state.tokens.get(secret)
    if token is None:
        raise HttpError(401, "user does not exist or the token is invalid")
    return state.users[token.owner], token


def _by_password(
    app: ForgeApp, headers: email.message.Message, encoded: str
) -> tuple[User, Token | None]:
    try:
        login, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise HttpError(401, "invalid basic authentication") from None
    user = app.state.users.get(login)
    if user is None:
        raise HttpError(401, f"user does not exist [name: {login}]")
    token = app.state.tokens.get(password)
    if token is not None and token.owner == login and app.gitea:
        return user, token  # Gitea takes a token in place of the password
    if password != user.password:
        raise HttpError(401, "user's password is invalid")
    if user.otp is not None:
        if app.flavour == "gogs":
            raise HttpError(
                401, "basic authentication is not allowed with two-factor authentication on"
            )
        names = OTP_HEADERS[app.flavour]
        otp = next((v for v in map(headers.get, names) if v), None)
        if not otp:
            raise HttpError(401, f"two-factor authentication is on: send the OTP in {names[0]}")
        if otp.strip() != user.otp:
            raise HttpError(401, "the OTP passcode is invalid")
    return user, None


def sudo(
    app: ForgeApp, headers: email.message.Message, query: list[tuple[str, str]], user: User | None
) -> User | None:
    """Gitea's sudo(): an admin may act as another user (``?sudo=`` wins over the header)."""
    name = next((v for k, v in query if k == "sudo"), "") or headers.get("Sudo") or ""
    if not name or not app.gitea:
        return user
    if user is None or not user.is_admin:
        raise HttpError(403, "Only administrators allowed to sudo.")
    target = app.state.users.get(name)
    if target is None:
        raise HttpError(404, NOT_FOUND)
    return target


def check_scope(route: Route, method: str, token: Token | None) -> None:
    if token is None or route.scope is None or "all" in token.scopes or not token.scopes:
        return
    needed = f"{'read' if method == 'GET' else 'write'}:{route.scope}"
    granted = set(token.scopes)
    if needed not in granted and f"write:{route.scope}" not in granted:
        raise HttpError(403, f"token does not have at least one of required scope(s): [{needed}]")


# ---------------------------------------------------------------------------
# The application and the HTTP server


class ForgeApp:
    def __init__(self, flavour: Flavour, spec: bytes, sub_path: str, state: ForgeState) -> None:
        self.flavour = flavour
        self.spec = spec
        self.sub_path = sub_path
        self.state = state
        self.host_url = ""  # http://127.0.0.1:PORT, set once the socket is bound
        self.lock = threading.Lock()
        self.flight_lock = threading.Lock()

    @property
    def gitea(self) -> bool:
        """Gitea or Forgejo."""
        return self.flavour in GITEA

    @property
    def url(self) -> str:
        return self.host_url + self.sub_path

    def handle(
        self, method: str, target: str, header_pairs: list[tuple[str, str]], body: bytes
    ) -> Reply:
        path, _, raw_query = target.partition("?")
        query = parse_qsl(raw_query, keep_blank_values=True)
        state = self.state
        with self.flight_lock:
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
        try:
            if state.delay:
                time.sleep(state.delay)  # outside self.lock: requests overlap here
            return self._handle(method, path, query, header_pairs, body)
        finally:
            with self.flight_lock:
                state.in_flight -= 1

    def _handle(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        header_pairs: list[tuple[str, str]],
        body: bytes,
    ) -> Reply:
        with self.lock:
            self.state.requests.append(RecordedRequest(method, path, query, header_pairs, body))
            budget = self.state.max_requests
            try:
                if budget is not None and len(self.state.requests) > budget:
                    raise HttpError(400, f"more than {budget} requests: is the client looping?")
                reply = self._dispatch(method, path, query, header_pairs, body)
            except HttpError as exc:
                reply = self._error(exc)
            except Redirect as exc:  # like Go's http.Redirect
                page = f'<a href="{html.escape(exc.location)}">Temporary Redirect</a>.\n\n'
                reply = Reply(
                    307, page.encode(), "text/html; charset=utf-8", {"Location": exc.location}
                )
            except Exception:
                self.state.server_errors.append(traceback.format_exc())
                reply = json_reply({"message": "fake forge crashed"}, 500)
            headers = {"Content-Type": reply.content_type or "", **reply.headers}
            self.state.responses.append(RecordedResponse(reply.status, headers, reply.body))
            return reply

    def _error(self, exc: HttpError) -> Reply:
        if self.flavour == "gogs":
            if exc.status in (401, 404):  # Gogs answers these with c.Status(): no body
                return Reply(exc.status, headers=exc.headers)
            if exc.status == 422 and exc.errors is not None:  # go-macaron/binding: a bare list
                return json_reply(exc.errors, 422)
            return json_reply(
                {"message": exc.message, "url": GOGS_DOC_URL}, exc.status, exc.headers
            )
        data: dict[str, Any] = {"message": exc.message, "url": f"{self.url}/api/swagger"}
        if exc.errors is not None or exc.status == 404:
            data["errors"] = exc.errors
        return json_reply(data, exc.status, exc.headers)

    def _failure(self, api_path: str) -> Reply | None:
        for failure in self.state.failures:
            if failure.times > 0 and failure.path in (None, api_path):
                failure.times -= 1
                return Reply(
                    failure.status,
                    failure.body,
                    failure.content_type,
                    failure.headers,
                    failure.drop,
                )
        return None

    def _dispatch(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        header_pairs: list[tuple[str, str]],
        body: bytes,
    ) -> Reply:
        api_prefix = self.sub_path + API_BASE
        api_path = path[len(api_prefix) :] if path.startswith(api_prefix + "/") else None
        failed = self._failure(api_path or path)
        if failed is not None:
            return failed
        if path == self.sub_path + "/swagger.v1.json" and self.gitea:
            return Reply(200, self.state.spec or self.spec, "application/json")
        if api_path is None:
            page = b"<!DOCTYPE html><html><body><h1>404 Page Not Found</h1></body></html>"
            return Reply(404, page, "text/html; charset=utf-8")
        headers = email.message.Message()
        for key, value in header_pairs:
            headers[key] = value
        user, token = authenticate(self, headers, query)
        user = sudo(self, headers, query, user)
        canned = self.state.canned.get((method, unquote(api_path)))
        if canned is not None:
            return canned_reply(self.state, query, canned)
        allowed = []
        for route in ROUTES:
            if self.flavour not in route.flavours:
                continue
            params = route.match(api_path)
            if params is None:
                continue
            if route.method != method:
                allowed.append(route.method)
                continue
            if route.gogs_req_token and self.flavour == "gogs" and token is None:
                raise HttpError(401, "token is required")
            check_scope(route, method, token)
            call = Call(self, method, path, params, query, headers, body, user, token)
            return route.handler(call)
        if allowed:
            raise HttpError(405, "method not allowed", headers={"Allow": ", ".join(allowed)})
        raise HttpError(404, "not found")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeForge/1.0"
    timeout = 10
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's
    # algorithm and the client's delayed ACK hold every answer back ~40 ms.
    disable_nagle_algorithm = True
    server: _Server

    def _serve(self) -> None:
        body = self._read_body()
        reply = self.server.app.handle(self.command, self.path, list(self.headers.items()), body)
        if reply.drop:  # as a crashed or restarting server does: no status line at all
            self.close_connection = True
            return
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if reply.status != 204:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if reply.status != 204:
            self.wfile.write(reply.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so that server_close() joins every handler thread
    block_on_close = True

    def __init__(self, app: ForgeApp) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.app = app
        self.open_connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.open_connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.open_connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            with self.app.flight_lock:
                self.app.state.hangups += 1
            return
        super().handle_error(request, client_address)

    def hang_up(self) -> None:
        """End kept-alive connections, so their handler threads return."""
        with self.connections_lock:
            for connection in list(self.open_connections):
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)


@dataclass
class RunningForge:
    url: str  # the instance root, e.g. http://127.0.0.1:PORT (plus the sub-path)
    flavour: Flavour
    state: ForgeState

    @property
    def api_url(self) -> str:
        return self.url + API_BASE

    @property
    def last_request(self) -> RecordedRequest:
        return self.state.last_request


@contextlib.contextmanager
def running_forge(
    flavour: Flavour = "gitea",
    spec_path: str | Path | None = None,
    *,
    sub_path: str = "",
    big_issues: int = 0,
    projects: int = 0,
    gogs_total_count: bool = True,
) -> Iterator[RunningForge]:
    """Run a fake forge on 127.0.0.1 for the duration of the ``with`` block.

    ``big_issues`` and ``projects`` add the optional seed data (see the module
    docstring); ``gogs_total_count=False`` makes Gogs lists send no
    ``X-Total-Count``, like the real Gogs.
    """
    spec = Path(spec_path or DEFAULT_SPECS[flavour]).read_bytes()
    state = seeded_state(flavour, big_issues=big_issues, projects=projects)
    state.total_count_header = gogs_total_count
    app = ForgeApp(flavour, spec, sub_path.rstrip("/"), state)
    server = _Server(app)
    host, port = server.server_address[:2]
    app.host_url = f"http://{host}:{port}"
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.01}, name="fake-forge"
    )
    thread.start()
    try:
        yield RunningForge(app.url, flavour, app.state)
    finally:
        server.shutdown()
        server.hang_up()
        server.server_close()
        thread.join(timeout=10)
