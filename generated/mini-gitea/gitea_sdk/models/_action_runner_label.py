"""The ``ActionRunnerLabel`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["ActionRunnerLabel"]


@dataclass(slots=True, kw_only=True)
class ActionRunnerLabel(Model):
    """ActionRunnerLabel is one label a runner advertises."""

    id: int = 0
    name: str = ""
    type: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActionRunnerLabel:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            type=zero_if_none(d.pop("type", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
