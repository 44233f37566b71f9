"""A tag whose name has spaces and an ampersand"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import models
from .._runtime import json_of, nothing

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import Keywords, WeirdNames

__all__ = ["AsyncRepoSettingsMoreApi", "RepoSettingsMoreApi"]


class RepoSettingsMoreApi:
    """Operations tagged ``Repo Settings & More``: ``client.repo_settings_more``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def get_general_api_settings(self) -> Keywords:
        """An operation id with an ALLCAPS run in the middle

        Returns ``Keywords``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /settings/api`` (operationId ``getGeneralAPISettings``)
        """
        return self._client.call(
            "GET", "/settings/api", decode=json_of(models.Keywords.from_dict)
        )

    def get_thing(self, thing_id: str, *, verbose: bool | None = None) -> WeirdNames:
        """Fetch a thing

        Args:
            thing_id: (path) id of the thing; declared once for the whole path
            verbose: (query) this declaration replaces the path-level one

        Returns ``WeirdNames``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /things/{thing-id}`` (operationId ``getThing``)
        """
        return self._client.call(
            "GET",
            "/things/{thing-id}",
            path={"thing-id": thing_id},
            query={"verbose": verbose},
            decode=json_of(models.WeirdNames.from_dict),
        )

    def delete_things_thing_id(
        self, thing_id: str, *, verbose: bool | None = None, if_match: str | None = None
    ) -> None:
        """Delete a thing; this operation has no operationId

        Args:
            thing_id: (path) id of the thing; declared once for the whole path
            verbose: (query) path-level flag
            if_match: (header) only delete when the thing still has this version

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``DELETE /things/{thing-id}``
        """
        self._client.call(
            "DELETE",
            "/things/{thing-id}",
            path={"thing-id": thing_id},
            query={"verbose": verbose},
            headers={"If-Match": if_match},
            decode=nothing,
        )


class AsyncRepoSettingsMoreApi:
    """The awaitable twin of ``RepoSettingsMoreApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def get_general_api_settings(self) -> Keywords:
        """An operation id with an ALLCAPS run in the middle

        Returns ``Keywords``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /settings/api`` (operationId ``getGeneralAPISettings``)
        """
        return await self._client.call(
            "GET", "/settings/api", decode=json_of(models.Keywords.from_dict)
        )

    async def get_thing(
        self, thing_id: str, *, verbose: bool | None = None
    ) -> WeirdNames:
        """Fetch a thing

        Args:
            thing_id: (path) id of the thing; declared once for the whole path
            verbose: (query) this declaration replaces the path-level one

        Returns ``WeirdNames``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /things/{thing-id}`` (operationId ``getThing``)
        """
        return await self._client.call(
            "GET",
            "/things/{thing-id}",
            path={"thing-id": thing_id},
            query={"verbose": verbose},
            decode=json_of(models.WeirdNames.from_dict),
        )

    async def delete_things_thing_id(
        self, thing_id: str, *, verbose: bool | None = None, if_match: str | None = None
    ) -> None:
        """Delete a thing; this operation has no operationId

        Args:
            thing_id: (path) id of the thing; declared once for the whole path
            verbose: (query) path-level flag
            if_match: (header) only delete when the thing still has this version

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``DELETE /things/{thing-id}``
        """
        await self._client.call(
            "DELETE",
            "/things/{thing-id}",
            path={"thing-id": thing_id},
            query={"verbose": verbose},
            headers={"If-Match": if_match},
            decode=nothing,
        )
