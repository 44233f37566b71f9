"""The ``Milestone`` model and its enum ``MilestoneState`` of the Gogs API, v1.

Import them from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, OpenEnum, decoded_from, opt, parse_datetime, zero_if_none

__all__ = [
    "Milestone",
    "MilestoneState",
]


class MilestoneState(OpenEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(slots=True, kw_only=True)
class Milestone(Model):
    id: int = 0
    title: str = ""
    description: str = ""
    state: MilestoneState
    open_issues: int = 0
    closed_issues: int = 0
    closed_at: datetime.datetime | None = None
    due_on: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            title=zero_if_none(d.pop("title", None), ""),
            description=zero_if_none(d.pop("description", None), ""),
            state=MilestoneState(zero_if_none(d.pop("state", None), "")),
            open_issues=zero_if_none(d.pop("open_issues", None), 0),
            closed_issues=zero_if_none(d.pop("closed_issues", None), 0),
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            due_on=opt(parse_datetime, d.pop("due_on", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
