"""The ``Label`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["Label"]


@dataclass(slots=True, kw_only=True)
class Label(Model):
    """Label is a tag that can be put on issues and pull requests."""

    color: str = ""
    description: str = ""
    exclusive: bool = False
    id: int = 0
    name: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Label:
        d = dict(data)
        decoded = cls(
            color=zero_if_none(d.pop("color", None), ""),
            description=zero_if_none(d.pop("description", None), ""),
            exclusive=zero_if_none(d.pop("exclusive", None), False),
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
