"""Operations tagged miscellaneous."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import models
from .._runtime import json_of, text

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import NodeInfo, ServerVersion

__all__ = ["AsyncMiscellaneousApi", "MiscellaneousApi"]


class MiscellaneousApi:
    """Operations tagged ``miscellaneous``: ``client.miscellaneous``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def render_markdown_raw(self, body: str) -> str:
        """Turn a plain markdown document into HTML

        Args:
            body: (text body) the markdown source, sent as the raw request body

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /markdown/raw`` (operationId ``renderMarkdownRaw``)
        """
        return self._client.call(
            "POST",
            "/markdown/raw",
            content=body,
            content_type="text/plain",
            decode=text,
        )

    def get_node_info(self) -> NodeInfo:
        """Describe this server in the NodeInfo format

        Returns ``NodeInfo``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /nodeinfo`` (operationId ``getNodeInfo``)
        """
        return self._client.call(
            "GET", "/nodeinfo", decode=json_of(models.NodeInfo.from_dict)
        )

    def get_version(self) -> ServerVersion:
        """Report the server version

        Returns ``ServerVersion``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /version`` (operationId ``getVersion``)
        """
        return self._client.call(
            "GET", "/version", decode=json_of(models.ServerVersion.from_dict)
        )


class AsyncMiscellaneousApi:
    """The awaitable twin of ``MiscellaneousApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def render_markdown_raw(self, body: str) -> str:
        """Turn a plain markdown document into HTML

        Args:
            body: (text body) the markdown source, sent as the raw request body

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /markdown/raw`` (operationId ``renderMarkdownRaw``)
        """
        return await self._client.call(
            "POST",
            "/markdown/raw",
            content=body,
            content_type="text/plain",
            decode=text,
        )

    async def get_node_info(self) -> NodeInfo:
        """Describe this server in the NodeInfo format

        Returns ``NodeInfo``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /nodeinfo`` (operationId ``getNodeInfo``)
        """
        return await self._client.call(
            "GET", "/nodeinfo", decode=json_of(models.NodeInfo.from_dict)
        )

    async def get_version(self) -> ServerVersion:
        """Report the server version

        Returns ``ServerVersion``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /version`` (operationId ``getVersion``)
        """
        return await self._client.call(
            "GET", "/version", decode=json_of(models.ServerVersion.from_dict)
        )
