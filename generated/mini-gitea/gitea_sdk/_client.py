"""``Client`` and ``AsyncClient``: the entry points of gitea_sdk.

Both share ``_Core``: configuration, request building, retry decisions and
raw-response capture. Only sending differs, as it must.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import functools
import random
import time
from collections.abc import Callable, Generator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, replace
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, TypeVar

from ._runtime import FileUpload, created_token, expand_path, query_params
from .auth import AuthFlow, BasicAuth, TokenAuth
from .errors import ResponseError, TransportError, error_for

# httpx takes ~70 ms to import, more than the rest of this package, so it is
# imported when the first client is made (in ``_Core.__init__``), not with
# this module: ``from gitea_sdk import Client`` stays cheap, and so does a
# program that never makes a client (a command line's ``--help``). Annotations
# are not evaluated, and every other use of httpx below runs on a client.
if TYPE_CHECKING:
    import ssl

    import httpx

    from .api.activitypub import ActivitypubApi, AsyncActivitypubApi
    from .api.issue import IssueApi, AsyncIssueApi
    from .api.miscellaneous import MiscellaneousApi, AsyncMiscellaneousApi
    from .api.notification import NotificationApi, AsyncNotificationApi
    from .api.organization import OrganizationApi, AsyncOrganizationApi
    from .api.repository import RepositoryApi, AsyncRepositoryApi
    from .api.settings import SettingsApi, AsyncSettingsApi
    from .api.user import UserApi, AsyncUserApi

__all__ = ["AsyncClient", "Client", "Retries"]

T = TypeVar("T")
C = TypeVar("C", bound="_Core")

BASE_PATH = "/api/v1"
USER_AGENT = "gitea_sdk/1.22.6"
DEFAULT_TIMEOUT = 30.0
ENV_PREFIX = "GITEA"  # Client.from_env() reads ENV_PREFIX + "_URL" and "_TOKEN"

_CAPTURED: ContextVar[list[httpx.Response] | None] = ContextVar(
    "_CAPTURED", default=None
)


def api_root(base_url: str) -> str:
    """The API's root URL from an instance URL (``https://host`` or ``https://host/git``)."""
    root = base_url.rstrip("/")
    return root if root.endswith(BASE_PATH) else root + BASE_PATH


@dataclass(frozen=True)
class Retries:
    """When to send a request again, and how long to wait first.

    Only idempotent methods are retried, on connection failures and on the
    statuses a busy or restarting forge answers. The wait doubles from
    ``backoff`` with random jitter, up to ``max_delay``. A ``Retry-After``
    header wins, and is waited in full up to ``max_retry_after`` seconds; a
    server asking for longer is not retried at all (retrying sooner would only
    be refused again), and the error raised says so, as it says when all
    ``attempts`` are spent. Pass ``retries=None`` to a client to never retry.
    """

    attempts: int = 3
    backoff: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 300.0
    statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    methods: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

    def delay(
        self, method: str, attempt: int, response: httpx.Response | None
    ) -> float | None:
        """Seconds to wait before retry number ``attempt + 1``, or None to give up."""
        return self.plan(method, attempt, response)[0]

    def plan(
        self, method: str, attempt: int, response: httpx.Response | None
    ) -> tuple[float | None, str]:
        """``(delay, why)``: the wait before the next try, or None with the
        reason for giving up when the caller should hear it ("" otherwise)."""
        if method not in self.methods:
            return None, ""
        if response is not None and response.status_code not in self.statuses:
            return None, ""
        if attempt >= self.attempts:
            if not attempt:
                return None, ""
            spent = f"gave up after {attempt} retries"
            return None, f"{spent} (Retries.attempts={self.attempts})"
        asked = _retry_after(response)
        if asked is None:
            backoff = self.backoff * 2**attempt * random.uniform(0.5, 1.0)
            return min(backoff, self.max_delay), ""
        if asked > self.max_retry_after:
            return None, (
                f"not retried: the server asked to wait {asked:g} s (Retry-After), "
                f"more than Retries.max_retry_after={self.max_retry_after:g} s"
            )
        return asked, ""


def _retry_after(response: httpx.Response | None) -> float | None:
    """Seconds the server asked to wait, from ``Retry-After`` (seconds or a date)."""
    value = "" if response is None else response.headers.get("Retry-After", "").strip()
    if value.replace(".", "", 1).isdigit():
        return float(value)
    import email.utils  # only a server that sends a date pays for the import

    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # absent or unreadable: back off as usual
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)  # RFC 9110 dates are GMT
    return max(moment.timestamp() - time.time(), 0.0)


def _as_httpx(auth: AuthFlow | httpx.Auth | None) -> httpx.Auth | None:
    """One of this package's adapters as the ``httpx.Auth`` httpx wants; others as they are."""
    return auth.as_httpx() if isinstance(auth, AuthFlow) else auth


def _deferred_tls() -> ssl.SSLContext:
    """httpx's TLS verification, with the CA bundle read on the first TLS connection."""
    from ._tls import DeferredContext  # ssl loads with the first client, as httpx does

    return DeferredContext()


async def _sleep(seconds: float) -> None:
    # asyncio costs ~25 ms to import: only async clients that retry pay for it
    import asyncio

    await asyncio.sleep(seconds)


def env_config(prefix: str = ENV_PREFIX) -> tuple[str, TokenAuth | None]:
    """The base URL and token in ``<prefix>_URL`` and ``<prefix>_TOKEN``."""
    base_url = os.environ.get(prefix + "_URL", "").strip()
    if not base_url:
        raise ValueError(f"{prefix}_URL is not set: it should name the forge")
    token = os.environ.get(prefix + "_TOKEN", "").strip()
    return base_url, TokenAuth(token) if token else None


class _Core:
    def __init__(
        self,
        base_url: str,
        auth: AuthFlow | httpx.Auth | None,
        retries: Retries | None,
        timeout: float | httpx.Timeout,
        headers: Mapping[str, str] | None,
    ) -> None:
        global httpx  # see the note on the imports above
        import httpx

        # The URL, headers, timeout and auth go with each request, so they also
        # apply to an httpx client of the caller's own.
        self._root = api_root(base_url) + "/"
        self._auth_given = auth
        self._auth = _as_httpx(auth)
        self._retries = retries
        self._timeout = timeout
        self._headers = {"User-Agent": USER_AGENT, **(headers or {})}
        self._shares_http = False

    def __repr__(self) -> str:
        # adapters keep secrets out of their repr; any other auth shows its type only
        auth = self._auth_given
        safe = auth is None or isinstance(auth, AuthFlow)
        shown = repr(auth) if safe else type(auth).__name__
        return f"{type(self).__name__}({self._root.rstrip('/')!r}, auth={shown})"

    def with_options(
        self: C,
        *,
        timeout: float | httpx.Timeout | None = None,
        headers: Mapping[str, str] | None = None,
        max_retries: int | None = None,
    ) -> C:
        """A client like this one, sharing its connection pool, with other options.

        ``timeout`` (seconds, or an ``httpx.Timeout``) replaces the timeout of
        every request, ``headers`` are sent with every request on top of the
        client's, and ``max_retries`` replaces ``Retries.attempts`` (0: never
        retry). Options left out stay as they are::

            client.with_options(timeout=120).repository.get(...)

        The copy is cheap, made per call if need be; closing it leaves the
        pool open for the client it came from, which still owns it.
        """
        clone = object.__new__(type(self))
        # configuration only: a client caches its API groups under public names
        clone.__dict__.update((k, v) for k, v in vars(self).items() if k[0] == "_")
        clone._shares_http = True
        if timeout is not None:
            clone._timeout = timeout
        if headers:
            clone._headers = {**self._headers, **headers}
        if max_retries is not None:
            clone._retries = replace(self._retries or Retries(), attempts=max_retries)
        return clone

    def _build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        template: str,
        *,
        path: Mapping[str, Any] | None,
        keep_slash: tuple[str, ...],
        query: Mapping[str, Any] | None,
        headers: Mapping[str, Any] | None,
        json: Any,
        content: str | bytes | None,
        content_type: str | None,
        data: Mapping[str, Any] | None,
        files: Mapping[str, FileUpload | None] | None,
        timeout: float | httpx.Timeout | None,
    ) -> httpx.Request:
        sent = dict(self._headers)
        sent.update((k, str(v)) for k, v in (headers or {}).items() if v is not None)
        if content_type is not None and content is not None:
            sent["Content-Type"] = content_type
        form = {k: v for k, v in (data or {}).items() if v is not None}
        return http.build_request(
            method,
            self._root + expand_path(template, path or {}, keep_slash).lstrip("/"),
            params=query_params(query or {}),
            headers=sent,
            json=json,
            content=content,
            data=form or None,
            files={k: v for k, v in (files or {}).items() if v is not None} or None,
            timeout=self._timeout if timeout is None else timeout,
        )

    def _auth_for(self, auth: AuthFlow | httpx.Auth | None) -> Any:
        return _as_httpx(auth) or self._auth or httpx.USE_CLIENT_DEFAULT

    def _retry_plan(
        self, method: str, attempt: int, response: httpx.Response | None
    ) -> tuple[float | None, str]:
        if self._retries is None:
            return None, ""
        return self._retries.plan(method, attempt, response)

    def _finish(
        self,
        request: httpx.Request,
        response: httpx.Response,
        decode: Callable[[httpx.Response], T],
        note: str = "",
    ) -> T:
        captured = _CAPTURED.get()
        if captured is not None:
            captured.append(response)
        if not response.is_success:
            raise error_for(response, note)
        try:
            return decode(response)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ResponseError(
                request.method, request.url, response.status_code, exc
            ) from exc

    @contextlib.contextmanager
    def responses(self) -> Generator[list[httpx.Response], None, None]:
        """Collect the raw responses of the calls made inside the block::

        with client.responses() as seen:
            client.repository.get("alice", "hello")
        seen[-1].status_code, seen[-1].headers["X-Total-Count"]
        """
        captured: list[httpx.Response] = []
        token = _CAPTURED.set(captured)
        try:
            yield captured
        finally:
            _CAPTURED.reset(token)


class Client(_Core):
    """A synchronous client for the Gitea API (spec version 1.22.6).

    Use it as a context manager, or call ``close()`` when done::

        with Client("https://forge.example.com", auth=TokenAuth("…")) as client:
            ...

    ``base_url`` is the instance's address; ``/api/v1`` is added to it.
    ``auth`` is an adapter of ``gitea_sdk.auth`` or any ``httpx.Auth``.
    Requests time out after ``timeout`` seconds and are retried as ``retries``
    says; ``headers`` go with every request. Pass ``http_client`` to bring an
    ``httpx.Client`` of your own (proxies, certificates, transports): the base
    URL, timeout, headers and auth given here still apply to every request it
    sends. ``with_options()`` makes a copy with another timeout, more headers
    or other retries; ``from_env()`` reads the URL and token from the
    environment.
    """

    def __init__(
        self,
        base_url: str,
        *,
        auth: AuthFlow | httpx.Auth | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retries: Retries | None = Retries(),
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(base_url, auth, retries, timeout, headers)
        self._http = http_client or httpx.Client(
            follow_redirects=True, verify=_deferred_tls()
        )

    @classmethod
    def from_env(cls, prefix: str = ENV_PREFIX, **options: Any) -> Client:
        """A client for the forge named by ``<prefix>_URL``, with the token in
        ``<prefix>_TOKEN`` (``TokenAuth``) if that is set; ``prefix`` defaults to
        ``GITEA``. ``options`` are the constructor's. Only this method reads the
        environment; the constructor never does."""
        base_url, auth = env_config(prefix)
        options.setdefault("auth", auth)
        return cls(base_url, **options)

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        # a copy from with_options() leaves the pool to the client it came from
        if not self._shares_http:
            self._http.close()

    def call(
        self,
        method: str,
        template: str,
        *,
        decode: Callable[[httpx.Response], T],
        path: Mapping[str, Any] | None = None,
        keep_slash: tuple[str, ...] = (),
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        content_type: str | None = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, FileUpload | None] | None = None,
        auth: AuthFlow | httpx.Auth | None = None,
        into: IO[bytes] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> T:
        """Send one request, retrying as configured, and decode its answer.

        With ``into``, a successful body is streamed into that binary file
        chunk by chunk instead of being held in memory.

        The generated methods call this; it is public for operations a newer
        server has and this package does not know yet.
        """
        request = self._build(
            self._http,
            method,
            template,
            path=path,
            keep_slash=keep_slash,
            query=query,
            headers=headers,
            json=json,
            content=content,
            content_type=content_type,
            data=data,
            files=files,
            timeout=timeout,
        )
        attempt = 0
        while True:
            try:
                response = self._http.send(
                    request, auth=self._auth_for(auth), stream=into is not None
                )
            except httpx.TransportError as exc:
                delay, note = self._retry_plan(method, attempt, None)
                if delay is None:
                    reason = str(exc) or type(exc).__name__
                    raise TransportError(
                        method, request.url, f"{reason}; {note}" if note else reason
                    ) from None
            else:
                if into is not None and response.is_success:
                    for chunk in response.iter_bytes():
                        into.write(chunk)
                    return self._finish(request, response, decode)
                response.read()
                delay, note = None, ""
                if not response.is_success:
                    delay, note = self._retry_plan(method, attempt, response)
                if delay is None:
                    return self._finish(request, response, decode, note)
            time.sleep(delay)
            attempt += 1

    def create_token(
        self,
        username: str,
        password: str,
        name: str,
        *,
        scopes: list[str] | None = None,
        otp: str | None = None,
    ) -> str:
        """Create an access token with the user's password and return it.

        The forge shows a token only this once: keep it. Use it afterwards
        with ``TokenAuth``. Accounts with two-factor authentication pass
        their current one-time code as ``otp``.
        """
        body = {"name": name} if scopes is None else {"name": name, "scopes": scopes}
        return self.call(
            "POST",
            "/users/{username}/tokens",
            path={"username": username},
            json=body,
            decode=created_token,
            auth=BasicAuth(username, password, otp=otp),
        )

    @functools.cached_property
    def activitypub(self) -> ActivitypubApi:
        """Operations tagged ``activitypub``."""
        from .api.activitypub import ActivitypubApi

        return ActivitypubApi(self)

    @functools.cached_property
    def issue(self) -> IssueApi:
        """Operations tagged ``issue``."""
        from .api.issue import IssueApi

        return IssueApi(self)

    @functools.cached_property
    def miscellaneous(self) -> MiscellaneousApi:
        """Operations tagged ``miscellaneous``."""
        from .api.miscellaneous import MiscellaneousApi

        return MiscellaneousApi(self)

    @functools.cached_property
    def notification(self) -> NotificationApi:
        """Operations tagged ``notification``."""
        from .api.notification import NotificationApi

        return NotificationApi(self)

    @functools.cached_property
    def organization(self) -> OrganizationApi:
        """Operations tagged ``organization``."""
        from .api.organization import OrganizationApi

        return OrganizationApi(self)

    @functools.cached_property
    def repository(self) -> RepositoryApi:
        """Operations tagged ``repository``."""
        from .api.repository import RepositoryApi

        return RepositoryApi(self)

    @functools.cached_property
    def settings(self) -> SettingsApi:
        """Operations tagged ``settings``."""
        from .api.settings import SettingsApi

        return SettingsApi(self)

    @functools.cached_property
    def user(self) -> UserApi:
        """Operations tagged ``user``."""
        from .api.user import UserApi

        return UserApi(self)


class AsyncClient(_Core):
    """The asynchronous twin of ``Client``: the same groups and methods, awaited.

    async with AsyncClient("https://forge.example.com") as client:
        ...
    """

    def __init__(
        self,
        base_url: str,
        *,
        auth: AuthFlow | httpx.Auth | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retries: Retries | None = Retries(),
        headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(base_url, auth, retries, timeout, headers)
        self._http = http_client or httpx.AsyncClient(
            follow_redirects=True, verify=_deferred_tls()
        )

    @classmethod
    def from_env(cls, prefix: str = ENV_PREFIX, **options: Any) -> AsyncClient:
        """A client for the forge named by ``<prefix>_URL``, with the token in
        ``<prefix>_TOKEN`` (``TokenAuth``) if that is set; ``prefix`` defaults to
        ``GITEA``. ``options`` are the constructor's. Only this method reads the
        environment; the constructor never does."""
        base_url, auth = env_config(prefix)
        options.setdefault("auth", auth)
        return cls(base_url, **options)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        # a copy from with_options() leaves the pool to the client it came from
        if not self._shares_http:
            await self._http.aclose()

    async def call(
        self,
        method: str,
        template: str,
        *,
        decode: Callable[[httpx.Response], T],
        path: Mapping[str, Any] | None = None,
        keep_slash: tuple[str, ...] = (),
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        content_type: str | None = None,
        data: Mapping[str, Any] | None = None,
        files: Mapping[str, FileUpload | None] | None = None,
        auth: AuthFlow | httpx.Auth | None = None,
        into: IO[bytes] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> T:
        """Send one request, retrying as configured, and decode its answer.

        With ``into``, a successful body is streamed into that binary file
        chunk by chunk instead of being held in memory."""
        request = self._build(
            self._http,
            method,
            template,
            path=path,
            keep_slash=keep_slash,
            query=query,
            headers=headers,
            json=json,
            content=content,
            content_type=content_type,
            data=data,
            files=files,
            timeout=timeout,
        )
        attempt = 0
        while True:
            try:
                response = await self._http.send(
                    request, auth=self._auth_for(auth), stream=into is not None
                )
            except httpx.TransportError as exc:
                delay, note = self._retry_plan(method, attempt, None)
                if delay is None:
                    reason = str(exc) or type(exc).__name__
                    raise TransportError(
                        method, request.url, f"{reason}; {note}" if note else reason
                    ) from None
            else:
                if into is not None and response.is_success:
                    async for chunk in response.aiter_bytes():
                        into.write(chunk)
                    return self._finish(request, response, decode)
                await response.aread()
                delay, note = None, ""
                if not response.is_success:
                    delay, note = self._retry_plan(method, attempt, response)
                if delay is None:
                    return self._finish(request, response, decode, note)
            await _sleep(delay)
            attempt += 1

    async def create_token(
        self,
        username: str,
        password: str,
        name: str,
        *,
        scopes: list[str] | None = None,
        otp: str | None = None,
    ) -> str:
        """Create an access token with the user's password and return it (see ``Client.create_token``)."""
        body = {"name": name} if scopes is None else {"name": name, "scopes": scopes}
        return await self.call(
            "POST",
            "/users/{username}/tokens",
            path={"username": username},
            json=body,
            decode=created_token,
            auth=BasicAuth(username, password, otp=otp),
        )

    @functools.cached_property
    def activitypub(self) -> AsyncActivitypubApi:
        """Operations tagged ``activitypub``."""
        from .api.activitypub import AsyncActivitypubApi

        return AsyncActivitypubApi(self)

    @functools.cached_property
    def issue(self) -> AsyncIssueApi:
        """Operations tagged ``issue``."""
        from .api.issue import AsyncIssueApi

        return AsyncIssueApi(self)

    @functools.cached_property
    def miscellaneous(self) -> AsyncMiscellaneousApi:
        """Operations tagged ``miscellaneous``."""
        from .api.miscellaneous import AsyncMiscellaneousApi

        return AsyncMiscellaneousApi(self)

    @functools.cached_property
    def notification(self) -> AsyncNotificationApi:
        """Operations tagged ``notification``."""
        from .api.notification import AsyncNotificationApi

        return AsyncNotificationApi(self)

    @functools.cached_property
    def organization(self) -> AsyncOrganizationApi:
        """Operations tagged ``organization``."""
        from .api.organization import AsyncOrganizationApi

        return AsyncOrganizationApi(self)

    @functools.cached_property
    def repository(self) -> AsyncRepositoryApi:
        """Operations tagged ``repository``."""
        from .api.repository import AsyncRepositoryApi

        return AsyncRepositoryApi(self)

    @functools.cached_property
    def settings(self) -> AsyncSettingsApi:
        """Operations tagged ``settings``."""
        from .api.settings import AsyncSettingsApi

        return AsyncSettingsApi(self)

    @functools.cached_property
    def user(self) -> AsyncUserApi:
        """Operations tagged ``user``."""
        from .api.user import AsyncUserApi

        return AsyncUserApi(self)
