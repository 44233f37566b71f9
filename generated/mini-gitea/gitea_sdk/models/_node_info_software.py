"""The ``NodeInfoSoftware`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["NodeInfoSoftware"]


@dataclass(slots=True, kw_only=True)
class NodeInfoSoftware(Model):
    """NodeInfoSoftware names the software that runs the server."""

    homepage: str = ""
    name: str = ""
    repository: str = ""
    version: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NodeInfoSoftware:
        d = dict(data)
        decoded = cls(
            homepage=zero_if_none(d.pop("homepage", None), ""),
            name=zero_if_none(d.pop("name", None), ""),
            repository=zero_if_none(d.pop("repository", None), ""),
            version=zero_if_none(d.pop("version", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
