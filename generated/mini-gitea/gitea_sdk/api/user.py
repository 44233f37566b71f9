"""Operations tagged user."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from .. import models
from .._runtime import dump, json_list, json_of
from .._pagination import AsyncPaginator, Paginator

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import (
        AccessToken,
        Activity,
        CreateAccessTokenOption,
        OAuth2Application,
        User,
        UserSettings,
    )

__all__ = ["AsyncUserApi", "UserApi"]


class UserApi:
    """Operations tagged ``user``: ``client.user``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def get_current(self) -> User:
        """Fetch the signed-in user

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user`` (operationId ``userGetCurrent``)
        """
        return self._client.call("GET", "/user", decode=json_of(models.User.from_dict))

    def get_oauth_2_application(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Paginator[OAuth2Application]:
        """List the OAuth2 applications of the signed-in user

        Args:
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``Paginator[OAuth2Application]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user/applications/oauth2`` (operationId ``userGetOauth2Application``)
        """
        return Paginator(
            self._client,
            "GET",
            "/user/applications/oauth2",
            query={"page": page, "limit": limit},
            page_param="page",
            decode=json_list(models.OAuth2Application.from_dict),
            max_items=max_items,
        )

    def get_o_auth_2_application(self, id: int) -> OAuth2Application:
        """Fetch one OAuth2 application of the signed-in user

        Args:
            id: (path) application id

        Returns ``OAuth2Application``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user/applications/oauth2/{id}`` (operationId ``userGetOAuth2Application``)
        """
        return self._client.call(
            "GET",
            "/user/applications/oauth2/{id}",
            path={"id": id},
            decode=json_of(models.OAuth2Application.from_dict),
        )

    def get_user_settings(self) -> UserSettings:
        """Read the preferences of the signed-in user

        Returns ``UserSettings``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user/settings`` (operationId ``getUserSettings``)
        """
        return self._client.call(
            "GET", "/user/settings", decode=json_of(models.UserSettings.from_dict)
        )

    def get(self, username: str) -> User:
        """Fetch a user by login name

        Args:
            username: (path) login name of the user

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}`` (operationId ``userGet``)
        """
        return self._client.call(
            "GET",
            "/users/{username}",
            path={"username": username},
            decode=json_of(models.User.from_dict),
        )

    def list_activity_feeds(
        self,
        username: str,
        *,
        only_performed_by: bool | None = None,
        date: datetime.date | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Paginator[Activity]:
        """List what a user has been doing

        Args:
            username: (path) login name of the user
            only_performed_by: (query) only actions the user did themselves
            date: (query) only actions on this calendar day (YYYY-MM-DD)
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``Paginator[Activity]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}/activities/feeds`` (operationId ``userListActivityFeeds``)
        """
        return Paginator(
            self._client,
            "GET",
            "/users/{username}/activities/feeds",
            path={"username": username},
            query={
                "only-performed-by": only_performed_by,
                "date": date,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_list(models.Activity.from_dict),
            max_items=max_items,
        )

    def create_token(self, username: str, body: CreateAccessTokenOption) -> AccessToken:
        """Create a personal access token (the server wants basic auth here)

        Args:
            username: (path) login name of the user
            body: (JSON body) a ``CreateAccessTokenOption``

        Returns ``AccessToken``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /users/{username}/tokens`` (operationId ``userCreateToken``)
        """
        return self._client.call(
            "POST",
            "/users/{username}/tokens",
            path={"username": username},
            json=dump(body),
            decode=json_of(models.AccessToken.from_dict),
        )


class AsyncUserApi:
    """The awaitable twin of ``UserApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def get_current(self) -> User:
        """Fetch the signed-in user

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user`` (operationId ``userGetCurrent``)
        """
        return await self._client.call(
            "GET", "/user", decode=json_of(models.User.from_dict)
        )

    def get_oauth_2_application(
        self,
        *,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[OAuth2Application]:
        """List the OAuth2 applications of the signed-in user

        Args:
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``AsyncPaginator[OAuth2Application]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user/applications/oauth2`` (operationId ``userGetOauth2Application``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/user/applications/oauth2",
            query={"page": page, "limit": limit},
            page_param="page",
            decode=json_list(models.OAuth2Application.from_dict),
            max_items=max_items,
        )

    async def get_o_auth_2_application(self, id: int) -> OAuth2Application:
        """Fetch one OAuth2 application of the signed-in user

        Args:
            id: (path) application id

        Returns ``OAuth2Application``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user/applications/oauth2/{id}`` (operationId ``userGetOAuth2Application``)
        """
        return await self._client.call(
            "GET",
            "/user/applications/oauth2/{id}",
            path={"id": id},
            decode=json_of(models.OAuth2Application.from_dict),
        )

    async def get_user_settings(self) -> UserSettings:
        """Read the preferences of the signed-in user

        Returns ``UserSettings``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user/settings`` (operationId ``getUserSettings``)
        """
        return await self._client.call(
            "GET", "/user/settings", decode=json_of(models.UserSettings.from_dict)
        )

    async def get(self, username: str) -> User:
        """Fetch a user by login name

        Args:
            username: (path) login name of the user

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}`` (operationId ``userGet``)
        """
        return await self._client.call(
            "GET",
            "/users/{username}",
            path={"username": username},
            decode=json_of(models.User.from_dict),
        )

    def list_activity_feeds(
        self,
        username: str,
        *,
        only_performed_by: bool | None = None,
        date: datetime.date | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Activity]:
        """List what a user has been doing

        Args:
            username: (path) login name of the user
            only_performed_by: (query) only actions the user did themselves
            date: (query) only actions on this calendar day (YYYY-MM-DD)
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``AsyncPaginator[Activity]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}/activities/feeds`` (operationId ``userListActivityFeeds``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/users/{username}/activities/feeds",
            path={"username": username},
            query={
                "only-performed-by": only_performed_by,
                "date": date,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_list(models.Activity.from_dict),
            max_items=max_items,
        )

    async def create_token(
        self, username: str, body: CreateAccessTokenOption
    ) -> AccessToken:
        """Create a personal access token (the server wants basic auth here)

        Args:
            username: (path) login name of the user
            body: (JSON body) a ``CreateAccessTokenOption``

        Returns ``AccessToken``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /users/{username}/tokens`` (operationId ``userCreateToken``)
        """
        return await self._client.call(
            "POST",
            "/users/{username}/tokens",
            path={"username": username},
            json=dump(body),
            decode=json_of(models.AccessToken.from_dict),
        )
