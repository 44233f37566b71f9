"""The ``Error`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from

__all__ = ["Error"]


@dataclass(slots=True, kw_only=True)
class Error(Model):
    message: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Error:
        d = dict(data)
        decoded = cls(
            message=d.pop("message", None),
            url=d.pop("url", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
