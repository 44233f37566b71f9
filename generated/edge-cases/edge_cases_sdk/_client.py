"""``Client`` and ``AsyncClient``: the entry points of edge_cases_sdk.

Both share ``_Core``: configuration, request building, retry decisions and
raw-response capture. Only sending differs, as it must.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import random
import time
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, TypeVar

from ._runtime import FileUpload, expand_path, query_params
from .auth import AuthFlow
from .errors import ResponseError, TransportError, error_for

# httpx takes ~70 ms to import, more than the rest of this package, so it is
# imported when the first client is made (in ``_Core.__init__``), not with
# this module: ``from edge_cases_sdk import Client`` stays cheap, and so does a
# program that never makes a client (a command line's ``--help``). Annotations
# are not evaluated, and every other use of httpx below runs on a client.
if TYPE_CHECKING:
    import httpx

    from .api.keywords import KeywordsApi, AsyncKeywordsApi
    from .api.naming import NamingApi, AsyncNamingApi
    from .api.repo_settings_more import RepoSettingsMoreApi, AsyncRepoSettingsMoreApi
    from .api.default import DefaultApi, AsyncDefaultApi

__all__ = ["AsyncClient", "Client", "Retries"]

T = TypeVar("T")

BASE_PATH = "/api"
USER_AGENT = "edge_cases_sdk/0.1.0"
DEFAULT_TIMEOUT = 30.0

_CAPTURED: ContextVar[list[httpx.Response] | None] = ContextVar(
    "_CAPTURED", default=None
)


def api_root(base_url: str) -> str:
    """The API's root URL from a server URL (``https://host`` or ``https://host/sub``)."""
    root = base_url.rstrip("/")
    return root if root.endswith(BASE_PATH) else root + BASE_PATH


@dataclass(frozen=True)
class Retries:
    """When to send a request again, and how long to wait first.

    Only idempotent methods are retried, on connection failures and on the
    statuses a busy or restarting server answers. The wait doubles from
    ``backoff`` with random jitter, up to ``max_delay``; a ``Retry-After``
    header wins. Pass ``retries=None`` to a client to never retry.
    """

    attempts: int = 3
    backoff: float = 0.5
    max_delay: float = 30.0
    statuses: frozenset[int] = frozenset({429, 502, 503, 504})
    methods: frozenset[str] = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})

    def delay(
        self, method: str, attempt: int, response: httpx.Response | None
    ) -> float | None:
        """Seconds to wait before retry number ``attempt + 1``, or None to give up."""
        if attempt >= self.attempts or method not in self.methods:
            return None
        if response is not None and response.status_code not in self.statuses:
            return None
        waited = _retry_after(response)
        if waited is None:
            waited = self.backoff * 2**attempt * random.uniform(0.5, 1.0)
        return min(waited, self.max_delay)


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


async def _sleep(seconds: float) -> None:
    # asyncio costs ~25 ms to import: only async clients that retry pay for it
    import asyncio

    await asyncio.sleep(seconds)


class _Core:
    def __init__(
        self, auth: AuthFlow | httpx.Auth | None, retries: Retries | None
    ) -> None:
        global httpx  # see the note on the imports above
        import httpx

        # auth goes with each request, so it also applies to a client of the caller's own
        self._auth = _as_httpx(auth)
        self._retries = retries

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
    ) -> httpx.Request:
        sent = {k: str(v) for k, v in (headers or {}).items() if v is not None}
        if content_type is not None and content is not None:
            sent["Content-Type"] = content_type
        form = {k: v for k, v in (data or {}).items() if v is not None}
        return http.build_request(
            method,
            expand_path(template, path or {}, keep_slash).lstrip("/"),
            params=query_params(query or {}),
            headers=sent,
            json=json,
            content=content,
            data=form or None,
            files={k: v for k, v in (files or {}).items() if v is not None} or None,
        )

    def _auth_for(self, auth: AuthFlow | httpx.Auth | None) -> Any:
        return _as_httpx(auth) or self._auth or httpx.USE_CLIENT_DEFAULT

    def _retry_delay(
        self, method: str, attempt: int, response: httpx.Response | None
    ) -> float | None:
        if self._retries is None:
            return None
        return self._retries.delay(method, attempt, response)

    def _finish(
        self,
        request: httpx.Request,
        response: httpx.Response,
        decode: Callable[[httpx.Response], T],
    ) -> T:
        captured = _CAPTURED.get()
        if captured is not None:
            captured.append(response)
        if not response.is_success:
            raise error_for(response)
        try:
            return decode(response)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ResponseError(
                request.method, request.url, response.status_code, exc
            ) from exc

    @contextlib.contextmanager
    def responses(self) -> Iterator[list[httpx.Response]]:
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
    """A synchronous client for the Edge Cases (spec version 0.1.0).

    Use it as a context manager, or call ``close()`` when done::

        with Client("https://api.example.com", auth=TokenAuth("…")) as client:
            ...

    ``base_url`` is the server's address; ``/api`` is added to it.
    ``auth`` is an adapter of ``edge_cases_sdk.auth`` or any ``httpx.Auth``.
    Requests time out after ``timeout`` seconds and are retried as ``retries``
    says. Pass ``http_client`` to bring an ``httpx.Client`` of your own (its
    base URL must then be the API root).
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
        super().__init__(auth, retries)
        self._http = http_client or httpx.Client(
            base_url=api_root(base_url) + "/",
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, **(headers or {})},
            follow_redirects=True,
        )

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
        )
        attempt = 0
        while True:
            try:
                response = self._http.send(
                    request, auth=self._auth_for(auth), stream=into is not None
                )
            except httpx.TransportError as exc:
                delay = self._retry_delay(method, attempt, None)
                if delay is None:
                    raise TransportError(
                        method, request.url, str(exc) or type(exc).__name__
                    ) from None
            else:
                if into is not None and response.is_success:
                    for chunk in response.iter_bytes():
                        into.write(chunk)
                    return self._finish(request, response, decode)
                response.read()
                delay = None
                if not response.is_success:
                    delay = self._retry_delay(method, attempt, response)
                if delay is None:
                    return self._finish(request, response, decode)
            time.sleep(delay)
            attempt += 1

    @functools.cached_property
    def keywords(self) -> KeywordsApi:
        """Operations tagged ``keywords``."""
        from .api.keywords import KeywordsApi

        return KeywordsApi(self)

    @functools.cached_property
    def naming(self) -> NamingApi:
        """Operations tagged ``naming``."""
        from .api.naming import NamingApi

        return NamingApi(self)

    @functools.cached_property
    def repo_settings_more(self) -> RepoSettingsMoreApi:
        """Operations tagged ``Repo Settings & More``."""
        from .api.repo_settings_more import RepoSettingsMoreApi

        return RepoSettingsMoreApi(self)

    @functools.cached_property
    def default(self) -> DefaultApi:
        """Operations without a tag."""
        from .api.default import DefaultApi

        return DefaultApi(self)


class AsyncClient(_Core):
    """The asynchronous twin of ``Client``: the same groups and methods, awaited.

    async with AsyncClient("https://api.example.com") as client:
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
        super().__init__(auth, retries)
        self._http = http_client or httpx.AsyncClient(
            base_url=api_root(base_url) + "/",
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, **(headers or {})},
            follow_redirects=True,
        )

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
        )
        attempt = 0
        while True:
            try:
                response = await self._http.send(
                    request, auth=self._auth_for(auth), stream=into is not None
                )
            except httpx.TransportError as exc:
                delay = self._retry_delay(method, attempt, None)
                if delay is None:
                    raise TransportError(
                        method, request.url, str(exc) or type(exc).__name__
                    ) from None
            else:
                if into is not None and response.is_success:
                    async for chunk in response.aiter_bytes():
                        into.write(chunk)
                    return self._finish(request, response, decode)
                await response.aread()
                delay = None
                if not response.is_success:
                    delay = self._retry_delay(method, attempt, response)
                if delay is None:
                    return self._finish(request, response, decode)
            await _sleep(delay)
            attempt += 1

    @functools.cached_property
    def keywords(self) -> AsyncKeywordsApi:
        """Operations tagged ``keywords``."""
        from .api.keywords import AsyncKeywordsApi

        return AsyncKeywordsApi(self)

    @functools.cached_property
    def naming(self) -> AsyncNamingApi:
        """Operations tagged ``naming``."""
        from .api.naming import AsyncNamingApi

        return AsyncNamingApi(self)

    @functools.cached_property
    def repo_settings_more(self) -> AsyncRepoSettingsMoreApi:
        """Operations tagged ``Repo Settings & More``."""
        from .api.repo_settings_more import AsyncRepoSettingsMoreApi

        return AsyncRepoSettingsMoreApi(self)

    @functools.cached_property
    def default(self) -> AsyncDefaultApi:
        """Operations without a tag."""
        from .api.default import AsyncDefaultApi

        return AsyncDefaultApi(self)
