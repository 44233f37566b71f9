"""The ``FooBar2`` model of the Edge Cases, 0.1.0.

Import it from ``edge_cases_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from

__all__ = ["FooBar2"]


@dataclass(slots=True, kw_only=True)
class FooBar2(Model):
    """Collides with FooBar once both are PascalCased."""

    value: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FooBar2:
        d = dict(data)
        decoded = cls(value=d.pop("value", None), additional_properties=d)
        return decoded_from(decoded, data)
