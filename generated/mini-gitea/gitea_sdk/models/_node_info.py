"""The ``NodeInfo`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, decoded_from, opt, zero_if_none
from ._node_info_software import NodeInfoSoftware

__all__ = ["NodeInfo"]


@dataclass(slots=True, kw_only=True)
class NodeInfo(Model):
    """NodeInfo describes the server software for federation peers."""

    metadata: dict[str, Any] | None = None
    open_registrations: bool = field(
        default=False, metadata={"wire": "openRegistrations"}
    )
    protocols: list[str] | None = None
    software: NodeInfoSoftware | None = None
    version: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NodeInfo:
        d = dict(data)
        decoded = cls(
            metadata=d.pop("metadata", None),
            open_registrations=zero_if_none(d.pop("openRegistrations", None), False),
            protocols=d.pop("protocols", None),
            software=opt(NodeInfoSoftware.from_dict, d.pop("software", None)),
            version=zero_if_none(d.pop("version", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
