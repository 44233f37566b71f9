"""The ``Issue`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import (
    Model,
    always_set,
    decoded_from,
    opt,
    opt_list,
    parse_datetime,
    zero_if_none,
)
from ._attachment import Attachment
from ._label import Label
from ._milestone import Milestone
from ._pull_request_meta import PullRequestMeta
from ._user import User

__all__ = ["Issue"]


@dataclass(slots=True, kw_only=True)
class Issue(Model):
    """Issue is an issue or a pull request seen as an issue."""

    assets: list[Attachment] | None = None
    assignee: User | None = None
    assignees: list[User] | None = None
    body: str = ""
    closed_at: datetime.datetime | None = None
    comments: int = 0
    created_at: datetime.datetime | None = None
    due_date: datetime.datetime | None = None
    html_url: str = ""
    id: int = 0
    is_locked: bool = False
    labels: list[Label] | None = None
    milestone: Milestone | None = None
    number: int = 0
    pull_request: PullRequestMeta | None = None
    ref: str = ""
    state: str = ""
    title: str = ""
    updated_at: datetime.datetime | None = None
    url: str = ""
    user: User

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        d = dict(data)
        decoded = cls(
            assets=opt_list(Attachment.from_dict, d.pop("assets", None)),
            assignee=opt(User.from_dict, d.pop("assignee", None)),
            assignees=opt_list(User.from_dict, d.pop("assignees", None)),
            body=zero_if_none(d.pop("body", None), ""),
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            comments=zero_if_none(d.pop("comments", None), 0),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            due_date=opt(parse_datetime, d.pop("due_date", None)),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            id=zero_if_none(d.pop("id", None), 0),
            is_locked=zero_if_none(d.pop("is_locked", None), False),
            labels=opt_list(Label.from_dict, d.pop("labels", None)),
            milestone=opt(Milestone.from_dict, d.pop("milestone", None)),
            number=zero_if_none(d.pop("number", None), 0),
            pull_request=opt(PullRequestMeta.from_dict, d.pop("pull_request", None)),
            ref=zero_if_none(d.pop("ref", None), ""),
            state=zero_if_none(d.pop("state", None), ""),
            title=zero_if_none(d.pop("title", None), ""),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            url=zero_if_none(d.pop("url", None), ""),
            user=always_set(User.from_dict, d.pop("user", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
