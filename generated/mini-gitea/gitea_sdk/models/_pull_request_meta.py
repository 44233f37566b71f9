"""The ``PullRequestMeta`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none

__all__ = ["PullRequestMeta"]


@dataclass(slots=True, kw_only=True)
class PullRequestMeta(Model):
    """PullRequestMeta is present on an issue that is a pull request."""

    draft: bool = False
    html_url: str = ""
    merged: bool = False
    merged_at: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PullRequestMeta:
        d = dict(data)
        decoded = cls(
            draft=zero_if_none(d.pop("draft", None), False),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            merged=zero_if_none(d.pop("merged", None), False),
            merged_at=opt(parse_datetime, d.pop("merged_at", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
