"""The ``ActivityPub`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["ActivityPub"]


@dataclass(slots=True, kw_only=True)
class ActivityPub(Model):
    """ActivityPub is the JSON-LD envelope of a federated object."""

    context: str = field(default="", metadata={"wire": "@context"})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActivityPub:
        d = dict(data)
        decoded = cls(
            context=zero_if_none(d.pop("@context", None), ""), additional_properties=d
        )
        return decoded_from(decoded, data)
