"""Accounts, access tokens and e-mail addresses"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import models
from .._runtime import dump, json_list, json_of, nothing

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import AccessToken, CreateAccessTokenBody, DeleteEmailsBody, User

__all__ = ["AsyncUsersApi", "UsersApi"]


class UsersApi:
    """Operations tagged ``Users``: ``client.users``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def get_authenticated_user(self) -> User:
        """Fetch the signed-in user

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user`` (operationId ``getAuthenticatedUser``)
        """
        return self._client.call("GET", "/user", decode=json_of(models.User.from_dict))

    def delete_emails(self, body: DeleteEmailsBody) -> None:
        """Remove e-mail addresses from the signed-in user

        Args:
            body: (JSON body) a ``DeleteEmailsBody``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``DELETE /user/emails`` (operationId ``deleteEmails``)
        """
        self._client.call("DELETE", "/user/emails", json=dump(body), decode=nothing)

    def get_user(self, username: str) -> User:
        """Fetch a user by login name

        Args:
            username: (path) Login name

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}`` (operationId ``getUser``)
        """
        return self._client.call(
            "GET",
            "/users/{username}",
            path={"username": username},
            decode=json_of(models.User.from_dict),
        )

    def list_access_tokens(self, username: str) -> list[AccessToken]:
        """List the access tokens of a user

        Only works with basic authentication.

        Args:
            username: (path) Login name

        Returns ``list[AccessToken]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}/tokens`` (operationId ``listAccessTokens``)
        """
        return self._client.call(
            "GET",
            "/users/{username}/tokens",
            path={"username": username},
            decode=json_list(models.AccessToken.from_dict),
        )

    def create_access_token(
        self, username: str, body: CreateAccessTokenBody
    ) -> AccessToken:
        """Create an access token for a user

        Only works with basic authentication.

        Args:
            username: (path) Login name
            body: (JSON body) a ``CreateAccessTokenBody``

        Returns ``AccessToken``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /users/{username}/tokens`` (operationId ``createAccessToken``)
        """
        return self._client.call(
            "POST",
            "/users/{username}/tokens",
            path={"username": username},
            json=dump(body),
            decode=json_of(models.AccessToken.from_dict),
        )


class AsyncUsersApi:
    """The awaitable twin of ``UsersApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def get_authenticated_user(self) -> User:
        """Fetch the signed-in user

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /user`` (operationId ``getAuthenticatedUser``)
        """
        return await self._client.call(
            "GET", "/user", decode=json_of(models.User.from_dict)
        )

    async def delete_emails(self, body: DeleteEmailsBody) -> None:
        """Remove e-mail addresses from the signed-in user

        Args:
            body: (JSON body) a ``DeleteEmailsBody``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``DELETE /user/emails`` (operationId ``deleteEmails``)
        """
        await self._client.call(
            "DELETE", "/user/emails", json=dump(body), decode=nothing
        )

    async def get_user(self, username: str) -> User:
        """Fetch a user by login name

        Args:
            username: (path) Login name

        Returns ``User``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}`` (operationId ``getUser``)
        """
        return await self._client.call(
            "GET",
            "/users/{username}",
            path={"username": username},
            decode=json_of(models.User.from_dict),
        )

    async def list_access_tokens(self, username: str) -> list[AccessToken]:
        """List the access tokens of a user

        Only works with basic authentication.

        Args:
            username: (path) Login name

        Returns ``list[AccessToken]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /users/{username}/tokens`` (operationId ``listAccessTokens``)
        """
        return await self._client.call(
            "GET",
            "/users/{username}/tokens",
            path={"username": username},
            decode=json_list(models.AccessToken.from_dict),
        )

    async def create_access_token(
        self, username: str, body: CreateAccessTokenBody
    ) -> AccessToken:
        """Create an access token for a user

        Only works with basic authentication.

        Args:
            username: (path) Login name
            body: (JSON body) a ``CreateAccessTokenBody``

        Returns ``AccessToken``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /users/{username}/tokens`` (operationId ``createAccessToken``)
        """
        return await self._client.call(
            "POST",
            "/users/{username}/tokens",
            path={"username": username},
            json=dump(body),
            decode=json_of(models.AccessToken.from_dict),
        )
