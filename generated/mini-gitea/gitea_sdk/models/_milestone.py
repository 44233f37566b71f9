"""The ``Milestone`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none

__all__ = ["Milestone"]


@dataclass(slots=True, kw_only=True)
class Milestone(Model):
    """Milestone groups issues towards a goal."""

    closed_at: datetime.datetime | None = None
    due_on: datetime.datetime | None = None
    id: int = 0
    state: str = ""
    title: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        d = dict(data)
        decoded = cls(
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            due_on=opt(parse_datetime, d.pop("due_on", None)),
            id=zero_if_none(d.pop("id", None), 0),
            state=zero_if_none(d.pop("state", None), ""),
            title=zero_if_none(d.pop("title", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
