"""The ``Label`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["Label"]


@dataclass(slots=True, kw_only=True)
class Label(Model):
    id: int = 0
    name: str = ""
    color: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Label:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            color=zero_if_none(d.pop("color", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
