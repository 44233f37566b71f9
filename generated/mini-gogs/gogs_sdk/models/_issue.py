"""The ``Issue`` model and its enum ``IssueState`` of the Gogs API, v1.

Import them from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import (
    Model,
    OpenEnum,
    always_set,
    decoded_from,
    opt,
    opt_list,
    parse_datetime,
    zero_if_none,
)
from ._label import Label
from ._milestone import Milestone
from ._user import User

__all__ = [
    "Issue",
    "IssueState",
]


class IssueState(OpenEnum):
    OPEN = "open"
    CLOSED = "closed"


@dataclass(slots=True, kw_only=True)
class Issue(Model):
    id: int = 0
    number: int = 0
    state: IssueState
    title: str = ""
    body: str = ""
    user: User
    labels: list[Label] | None = None
    assignee: User | None = None
    milestone: Milestone | None = None
    comments: int = 0
    pull_request: dict[str, Any] | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            number=zero_if_none(d.pop("number", None), 0),
            state=IssueState(zero_if_none(d.pop("state", None), "")),
            title=zero_if_none(d.pop("title", None), ""),
            body=zero_if_none(d.pop("body", None), ""),
            user=always_set(User.from_dict, d.pop("user", None)),
            labels=opt_list(Label.from_dict, d.pop("labels", None)),
            assignee=opt(User.from_dict, d.pop("assignee", None)),
            milestone=opt(Milestone.from_dict, d.pop("milestone", None)),
            comments=zero_if_none(d.pop("comments", None), 0),
            pull_request=d.pop("pull_request", None),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
