"""The ``Permission`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["Permission"]


@dataclass(slots=True, kw_only=True)
class Permission(Model):
    """Permission is what the caller may do with a repository."""

    admin: bool = False
    pull: bool = False
    push: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Permission:
        d = dict(data)
        decoded = cls(
            admin=zero_if_none(d.pop("admin", None), False),
            pull=zero_if_none(d.pop("pull", None), False),
            push=zero_if_none(d.pop("push", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
