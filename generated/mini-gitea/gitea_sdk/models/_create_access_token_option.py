"""The ``CreateAccessTokenOption`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, need

__all__ = ["CreateAccessTokenOption"]


@dataclass(slots=True, kw_only=True)
class CreateAccessTokenOption(Model):
    """CreateAccessTokenOption is the request to mint a token."""

    name: str
    scopes: list[str] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateAccessTokenOption:
        d = dict(data)
        decoded = cls(
            name=need(d, "name"), scopes=d.pop("scopes", None), additional_properties=d
        )
        return decoded_from(decoded, data)
