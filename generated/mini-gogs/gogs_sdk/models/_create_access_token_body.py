"""The ``CreateAccessTokenBody`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, need

__all__ = ["CreateAccessTokenBody"]


@dataclass(slots=True, kw_only=True)
class CreateAccessTokenBody(Model):
    """The request body of ``POST /users/{username}/tokens``."""

    name: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateAccessTokenBody:
        d = dict(data)
        decoded = cls(name=need(d, "name"), additional_properties=d)
        return decoded_from(decoded, data)
