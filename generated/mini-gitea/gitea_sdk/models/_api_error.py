"""The ``APIError`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from

__all__ = ["APIError"]


@dataclass(slots=True, kw_only=True)
class APIError(Model):
    """APIError is the JSON body the server sends with most failures."""

    message: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> APIError:
        d = dict(data)
        decoded = cls(
            message=d.pop("message", None),
            url=d.pop("url", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
