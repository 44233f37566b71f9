"""Operations tagged notification."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

from .. import models
from .._runtime import json_list
from .._pagination import AsyncPaginator, Paginator

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import NotificationThread

__all__ = ["AsyncNotificationApi", "NotificationApi"]


class NotificationApi:
    """Operations tagged ``notification``: ``client.notification``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def get_list(
        self,
        *,
        all: bool | None = None,
        status_types: list[str] | None = None,
        subject_type: (
            list[Literal["issue", "pull", "commit", "repository"]] | None
        ) = None,
        since: datetime.datetime | None = None,
        before: datetime.datetime | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Paginator[NotificationThread]:
        """List the notification threads of the signed-in user

        Args:
            all: (query) include threads that were already read
            status_types: (query) keep only threads in these states (unread, read, pinned)
            subject_type: (query) keep only threads about these kinds of subject
            since: (query) only threads updated after this instant (RFC 3339)
            before: (query) only threads updated before this instant (RFC 3339)
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``Paginator[NotificationThread]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /notifications`` (operationId ``notifyGetList``)
        """
        return Paginator(
            self._client,
            "GET",
            "/notifications",
            query={
                "all": all,
                "status-types": status_types,
                "subject-type": subject_type,
                "since": since,
                "before": before,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_list(models.NotificationThread.from_dict),
            max_items=max_items,
        )


class AsyncNotificationApi:
    """The awaitable twin of ``NotificationApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def get_list(
        self,
        *,
        all: bool | None = None,
        status_types: list[str] | None = None,
        subject_type: (
            list[Literal["issue", "pull", "commit", "repository"]] | None
        ) = None,
        since: datetime.datetime | None = None,
        before: datetime.datetime | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[NotificationThread]:
        """List the notification threads of the signed-in user

        Args:
            all: (query) include threads that were already read
            status_types: (query) keep only threads in these states (unread, read, pinned)
            subject_type: (query) keep only threads about these kinds of subject
            since: (query) only threads updated after this instant (RFC 3339)
            before: (query) only threads updated before this instant (RFC 3339)
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``AsyncPaginator[NotificationThread]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /notifications`` (operationId ``notifyGetList``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/notifications",
            query={
                "all": all,
                "status-types": status_types,
                "subject-type": subject_type,
                "since": since,
                "before": before,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_list(models.NotificationThread.from_dict),
            max_items=max_items,
        )
