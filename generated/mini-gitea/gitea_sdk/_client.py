"""``Client`` and ``AsyncClient``: the entry points of gitea_sdk."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._runtime import FileUpload, expand_path, query_params
from .errors import TransportError, error_for

if TYPE_CHECKING:
    from .api.activitypub import ActivitypubApi, AsyncActivitypubApi
    from .api.issue import IssueApi, AsyncIssueApi
    from .api.miscellaneous import MiscellaneousApi, AsyncMiscellaneousApi
    from .api.notification import NotificationApi, AsyncNotificationApi
    from .api.organization import OrganizationApi, AsyncOrganizationApi
    from .api.repository import RepositoryApi, AsyncRepositoryApi
    from .api.settings import SettingsApi, AsyncSettingsApi
    from .api.user import UserApi, AsyncUserApi

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")

BASE_PATH = "/api/v1"
USER_AGENT = "gitea_sdk/1.22.6"
DEFAULT_TIMEOUT = 30.0


def api_root(base_url: str) -> str:
    """The API's root URL from an instance URL (``https://host`` or ``https://host/git``)."""
    root = base_url.rstrip("/")
    return root if root.endswith(BASE_PATH) else root + BASE_PATH


def _build(
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


class Client:
    """A synchronous client for the Gitea API (spec version 1.22.6).

    Use it as a context manager, or call ``close()`` when done::

        with Client("https://forge.example.com", auth=TokenAuth("…")) as client:
            ...

    ``base_url`` is the instance's address; ``/api/v1`` is added to it.
    Pass ``http_client`` to bring an ``httpx.Client`` of your own (its base URL
    must then be the API root).
    """

    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        # auth goes with each request, so it also applies to a client of the caller's own
        self._auth = auth
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
    ) -> T:
        """Send one request and decode its answer; the generated methods call this."""
        request = _build(
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
        try:
            response = self._http.send(
                request, auth=self._auth or httpx.USE_CLIENT_DEFAULT
            )
        except httpx.TransportError as exc:
            raise TransportError(
                method, request.url, str(exc) or type(exc).__name__
            ) from None
        if not response.is_success:
            response.read()
            raise error_for(response)
        return decode(response)

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


class AsyncClient:
    """The asynchronous twin of ``Client``: the same groups and methods, awaited.

    async with AsyncClient("https://forge.example.com") as client:
        ...
    """

    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        # auth goes with each request, so it also applies to a client of the caller's own
        self._auth = auth
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
    ) -> T:
        """Send one request and decode its answer; the generated methods await this."""
        request = _build(
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
        try:
            response = await self._http.send(
                request, auth=self._auth or httpx.USE_CLIENT_DEFAULT
            )
        except httpx.TransportError as exc:
            raise TransportError(
                method, request.url, str(exc) or type(exc).__name__
            ) from None
        if not response.is_success:
            await response.aread()
            raise error_for(response)
        return decode(response)

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
