"""The ``A`` and ``B`` models of the Edge Cases, 0.1.0.

Import them from ``edge_cases_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt

__all__ = [
    "A",
    "B",
]


@dataclass(slots=True, kw_only=True)
class A(Model):
    """A points at a B."""

    b: B | None = None
    name: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> A:
        d = dict(data)
        decoded = cls(
            b=opt(B.from_dict, d.pop("b", None)),
            name=d.pop("name", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class B(Model):
    """B points back at an A."""

    a: A | None = None
    size: int | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> B:
        d = dict(data)
        decoded = cls(
            a=opt(A.from_dict, d.pop("a", None)),
            size=d.pop("size", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
