"""Markdown rendering"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._runtime import dump, text

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import RenderMarkdownBody

__all__ = ["AsyncMiscellaneousApi", "MiscellaneousApi"]


class MiscellaneousApi:
    """Operations tagged ``Miscellaneous``: ``client.miscellaneous``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def render_markdown(self, body: RenderMarkdownBody) -> str:
        """Turn a JSON-wrapped markdown document into HTML

        Args:
            body: (JSON body) a ``RenderMarkdownBody``

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /markdown`` (operationId ``renderMarkdown``)
        """
        return self._client.call("POST", "/markdown", json=dump(body), decode=text)

    def render_markdown_raw(self, body: str) -> str:
        """Render a markdown document sent as plain text

        Args:
            body: (text body)

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


class AsyncMiscellaneousApi:
    """The awaitable twin of ``MiscellaneousApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def render_markdown(self, body: RenderMarkdownBody) -> str:
        """Turn a JSON-wrapped markdown document into HTML

        Args:
            body: (JSON body) a ``RenderMarkdownBody``

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /markdown`` (operationId ``renderMarkdown``)
        """
        return await self._client.call(
            "POST", "/markdown", json=dump(body), decode=text
        )

    async def render_markdown_raw(self, body: str) -> str:
        """Render a markdown document sent as plain text

        Args:
            body: (text body)

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
