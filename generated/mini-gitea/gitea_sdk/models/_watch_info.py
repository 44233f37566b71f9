"""The ``WatchInfo`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none

__all__ = ["WatchInfo"]


@dataclass(slots=True, kw_only=True)
class WatchInfo(Model):
    """WatchInfo tells whether and how the caller watches a repository."""

    created_at: datetime.datetime | None = None
    ignored: bool = False
    reason: Any | None = None
    repository_url: str = ""
    subscribed: bool = False
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WatchInfo:
        d = dict(data)
        decoded = cls(
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            ignored=zero_if_none(d.pop("ignored", None), False),
            reason=d.pop("reason", None),
            repository_url=zero_if_none(d.pop("repository_url", None), ""),
            subscribed=zero_if_none(d.pop("subscribed", None), False),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
