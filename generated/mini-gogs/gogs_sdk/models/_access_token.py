"""The ``AccessToken`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["AccessToken"]


@dataclass(slots=True, kw_only=True)
class AccessToken(Model):
    name: str = ""
    sha_1: str = field(default="", repr=False, metadata={"wire": "sha1"})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccessToken:
        d = dict(data)
        decoded = cls(
            name=zero_if_none(d.pop("name", None), ""),
            sha_1=zero_if_none(d.pop("sha1", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
