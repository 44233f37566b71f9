"""The ``UserSettings`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["UserSettings"]


@dataclass(slots=True, kw_only=True)
class UserSettings(Model):
    """UserSettings are the preferences a user can change."""

    description: str = ""
    diff_view_style: str = ""
    full_name: str = ""
    hide_activity: bool = False
    hide_email: bool = False
    language: str = ""
    location: str = ""
    theme: str = ""
    website: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UserSettings:
        d = dict(data)
        decoded = cls(
            description=zero_if_none(d.pop("description", None), ""),
            diff_view_style=zero_if_none(d.pop("diff_view_style", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            hide_activity=zero_if_none(d.pop("hide_activity", None), False),
            hide_email=zero_if_none(d.pop("hide_email", None), False),
            language=zero_if_none(d.pop("language", None), ""),
            location=zero_if_none(d.pop("location", None), ""),
            theme=zero_if_none(d.pop("theme", None), ""),
            website=zero_if_none(d.pop("website", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
