"""The ``CommitUser`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["CommitUser"]


@dataclass(slots=True, kw_only=True)
class CommitUser(Model):
    """CommitUser is a name and address as recorded in a git commit."""

    date: str = ""
    email: str = ""
    name: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CommitUser:
        d = dict(data)
        decoded = cls(
            date=zero_if_none(d.pop("date", None), ""),
            email=zero_if_none(d.pop("email", None), ""),
            name=zero_if_none(d.pop("name", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
