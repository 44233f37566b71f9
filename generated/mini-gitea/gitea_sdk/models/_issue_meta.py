"""The ``IssueMeta`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from

__all__ = ["IssueMeta"]


@dataclass(slots=True, kw_only=True)
class IssueMeta(Model):
    """IssueMeta points at an issue, possibly in another repository."""

    index: int | None = None
    owner: str | None = None
    repo: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IssueMeta:
        d = dict(data)
        decoded = cls(
            index=d.pop("index", None),
            owner=d.pop("owner", None),
            repo=d.pop("repo", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
