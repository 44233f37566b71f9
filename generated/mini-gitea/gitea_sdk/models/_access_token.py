"""The ``AccessToken`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["AccessToken"]


@dataclass(slots=True, kw_only=True)
class AccessToken(Model):
    """AccessToken is a personal API token; the full secret is only shown once."""

    id: int = 0
    name: str = ""
    scopes: list[str] | None = None
    sha_1: str = field(default="", repr=False, metadata={"wire": "sha1"})
    token_last_eight: str = field(default="", repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccessToken:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            scopes=d.pop("scopes", None),
            sha_1=zero_if_none(d.pop("sha1", None), ""),
            token_last_eight=zero_if_none(d.pop("token_last_eight", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
