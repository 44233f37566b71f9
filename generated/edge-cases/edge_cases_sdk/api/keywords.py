"""Python keywords, builtins and dunders as names"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

from .. import models
from .._runtime import csv, dump, json_of

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import Keywords

__all__ = ["AsyncKeywordsApi", "KeywordsApi"]


class KeywordsApi:
    """Operations tagged ``keywords``: ``client.keywords``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def import_(
        self,
        body: Keywords,
        *,
        from_: datetime.datetime | None = None,
        class_: str | None = None,
        self_: bool | None = None,
        type: Literal["full", "delta"] | None = None,
        match: str | None = None,
        list_: list[str] | None = None,
        x_request_id: str | None = None,
    ) -> Keywords:
        """An operation whose id is a Python keyword

        Parameters are named from, class, self, type, match and list.
        The description holds \"\"" and ''' and ends with a backslash \\

        Args:
            body: (JSON body) a ``Keywords``
            from_: (query) start of the window
            class_: (query) a class name
            self_: (query) clashes with the method's own self
            type: (query) kind of import
            match: (query) a soft keyword as a name
            list_: (query) sent as one comma-separated value
            x_request_id: (header) correlation id echoed in the logs

        Returns ``Keywords``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /import`` (operationId ``import``)
        """
        return self._client.call(
            "POST",
            "/import",
            query={
                "from": from_,
                "class": class_,
                "self": self_,
                "type": type,
                "match": match,
                "list": csv(list_),
            },
            headers={"X-Request-ID": x_request_id},
            json=dump(body),
            decode=json_of(models.Keywords.from_dict),
        )


class AsyncKeywordsApi:
    """The awaitable twin of ``KeywordsApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def import_(
        self,
        body: Keywords,
        *,
        from_: datetime.datetime | None = None,
        class_: str | None = None,
        self_: bool | None = None,
        type: Literal["full", "delta"] | None = None,
        match: str | None = None,
        list_: list[str] | None = None,
        x_request_id: str | None = None,
    ) -> Keywords:
        """An operation whose id is a Python keyword

        Parameters are named from, class, self, type, match and list.
        The description holds \"\"" and ''' and ends with a backslash \\

        Args:
            body: (JSON body) a ``Keywords``
            from_: (query) start of the window
            class_: (query) a class name
            self_: (query) clashes with the method's own self
            type: (query) kind of import
            match: (query) a soft keyword as a name
            list_: (query) sent as one comma-separated value
            x_request_id: (header) correlation id echoed in the logs

        Returns ``Keywords``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /import`` (operationId ``import``)
        """
        return await self._client.call(
            "POST",
            "/import",
            query={
                "from": from_,
                "class": class_,
                "self": self_,
                "type": type,
                "match": match,
                "list": csv(list_),
            },
            headers={"X-Request-ID": x_request_id},
            json=dump(body),
            decode=json_of(models.Keywords.from_dict),
        )
