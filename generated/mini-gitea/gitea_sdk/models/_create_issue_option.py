"""The ``CreateIssueOption`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, need, opt, parse_datetime

__all__ = ["CreateIssueOption"]


@dataclass(slots=True, kw_only=True)
class CreateIssueOption(Model):
    """CreateIssueOption is the request to open an issue."""

    assignee: str | None = None
    """deprecated: use assignees"""
    assignees: list[str] | None = None
    body: str | None = None
    closed: bool | None = None
    due_date: datetime.datetime | None = None
    labels: list[int] | None = None
    """label ids"""
    milestone: int | None = None
    """milestone id"""
    ref: str | None = None
    title: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateIssueOption:
        d = dict(data)
        decoded = cls(
            assignee=d.pop("assignee", None),
            assignees=d.pop("assignees", None),
            body=d.pop("body", None),
            closed=d.pop("closed", None),
            due_date=opt(parse_datetime, d.pop("due_date", None)),
            labels=d.pop("labels", None),
            milestone=d.pop("milestone", None),
            ref=d.pop("ref", None),
            title=need(d, "title"),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
