"""Operations without a tag."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .. import models
from .._runtime import json_list

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import Color

__all__ = ["AsyncDefaultApi", "DefaultApi"]


class DefaultApi:
    """Operations without a tag: ``client.default``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def list_colors(
        self, *, kind: Literal["a-b", "a_b", "A B", "1st"] | None = None
    ) -> list[Color]:
        """List colors; this operation has no tags

        Args:
            kind: (query) only colors of this kind

        Returns ``list[Color]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /colors`` (operationId ``listColors``)
        """
        return self._client.call(
            "GET", "/colors", query={"kind": kind}, decode=json_list(models.Color)
        )


class AsyncDefaultApi:
    """The awaitable twin of ``DefaultApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def list_colors(
        self, *, kind: Literal["a-b", "a_b", "A B", "1st"] | None = None
    ) -> list[Color]:
        """List colors; this operation has no tags

        Args:
            kind: (query) only colors of this kind

        Returns ``list[Color]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /colors`` (operationId ``listColors``)
        """
        return await self._client.call(
            "GET", "/colors", query={"kind": kind}, decode=json_list(models.Color)
        )
