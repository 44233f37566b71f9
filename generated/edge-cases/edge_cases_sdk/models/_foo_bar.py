"""The ``FooBar`` model of the Edge Cases, 0.1.0.

Import it from ``edge_cases_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from

__all__ = ["FooBar"]


@dataclass(slots=True, kw_only=True)
class FooBar(Model):
    """Collides with foo_bar once both are PascalCased."""

    value: int | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FooBar:
        d = dict(data)
        decoded = cls(value=d.pop("value", None), additional_properties=d)
        return decoded_from(decoded, data)
