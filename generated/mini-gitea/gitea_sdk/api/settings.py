"""Operations tagged settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import models
from .._runtime import json_of

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import GeneralAPISettings

__all__ = ["AsyncSettingsApi", "SettingsApi"]


class SettingsApi:
    """Operations tagged ``settings``: ``client.settings``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def get_general_api_settings(self) -> GeneralAPISettings:
        """Read the API limits of this instance

        Returns ``GeneralAPISettings``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /settings/api`` (operationId ``getGeneralAPISettings``)
        """
        return self._client.call(
            "GET", "/settings/api", decode=json_of(models.GeneralAPISettings.from_dict)
        )


class AsyncSettingsApi:
    """The awaitable twin of ``SettingsApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def get_general_api_settings(self) -> GeneralAPISettings:
        """Read the API limits of this instance

        Returns ``GeneralAPISettings``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /settings/api`` (operationId ``getGeneralAPISettings``)
        """
        return await self._client.call(
            "GET", "/settings/api", decode=json_of(models.GeneralAPISettings.from_dict)
        )
