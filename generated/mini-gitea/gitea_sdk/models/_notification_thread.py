"""The ``NotificationThread`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none
from ._notification_subject import NotificationSubject
from ._repository import Repository

__all__ = ["NotificationThread"]


@dataclass(slots=True, kw_only=True)
class NotificationThread(Model):
    """NotificationThread is one notification of the signed-in user."""

    id: int = 0
    pinned: bool = False
    repository: Repository | None = None
    subject: NotificationSubject | None = None
    unread: bool = False
    updated_at: datetime.datetime | None = None
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NotificationThread:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            pinned=zero_if_none(d.pop("pinned", None), False),
            repository=opt(Repository.from_dict, d.pop("repository", None)),
            subject=opt(NotificationSubject.from_dict, d.pop("subject", None)),
            unread=zero_if_none(d.pop("unread", None), False),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
