"""The ``CreateIssueBody`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, need

__all__ = ["CreateIssueBody"]


@dataclass(slots=True, kw_only=True)
class CreateIssueBody(Model):
    """The request body of ``POST /repos/{owner}/{repo}/issues``."""

    title: str
    body: str | None = None
    assignee: str | None = None
    """Login name of the assignee"""
    milestone: int | None = None
    """Milestone id"""
    labels: list[int] | None = None
    """Label ids"""
    closed: bool | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateIssueBody:
        d = dict(data)
        decoded = cls(
            title=need(d, "title"),
            body=d.pop("body", None),
            assignee=d.pop("assignee", None),
            milestone=d.pop("milestone", None),
            labels=d.pop("labels", None),
            closed=d.pop("closed", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
