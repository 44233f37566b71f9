"""Operations tagged activitypub."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import models
from .._runtime import json_of

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import ActivityPub

__all__ = ["AsyncActivitypubApi", "ActivitypubApi"]


class ActivitypubApi:
    """Operations tagged ``activitypub``: ``client.activitypub``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def person(self, user_id: int) -> ActivityPub:
        """Fetch the ActivityPub actor of a user

        Args:
            user_id: (path) numeric id of the user

        Returns ``ActivityPub``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /activitypub/user-id/{user-id}`` (operationId ``activitypubPerson``)
        """
        return self._client.call(
            "GET",
            "/activitypub/user-id/{user-id}",
            path={"user-id": user_id},
            decode=json_of(models.ActivityPub.from_dict),
        )


class AsyncActivitypubApi:
    """The awaitable twin of ``ActivitypubApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def person(self, user_id: int) -> ActivityPub:
        """Fetch the ActivityPub actor of a user

        Args:
            user_id: (path) numeric id of the user

        Returns ``ActivityPub``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /activitypub/user-id/{user-id}`` (operationId ``activitypubPerson``)
        """
        return await self._client.call(
            "GET",
            "/activitypub/user-id/{user-id}",
            path={"user-id": user_id},
            decode=json_of(models.ActivityPub.from_dict),
        )
