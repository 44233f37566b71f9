"""The ``ServerVersion`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["ServerVersion"]


@dataclass(slots=True, kw_only=True)
class ServerVersion(Model):
    """ServerVersion is the version string of the running server."""

    version: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServerVersion:
        d = dict(data)
        decoded = cls(
            version=zero_if_none(d.pop("version", None), ""), additional_properties=d
        )
        return decoded_from(decoded, data)
