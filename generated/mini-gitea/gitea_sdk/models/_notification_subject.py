"""The ``NotificationSubject`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["NotificationSubject"]


@dataclass(slots=True, kw_only=True)
class NotificationSubject(Model):
    """NotificationSubject is what a notification thread is about."""

    html_url: str = ""
    state: str = ""
    title: str = ""
    type: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NotificationSubject:
        d = dict(data)
        decoded = cls(
            html_url=zero_if_none(d.pop("html_url", None), ""),
            state=zero_if_none(d.pop("state", None), ""),
            title=zero_if_none(d.pop("title", None), ""),
            type=zero_if_none(d.pop("type", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
