"""The ``CollaboratorPermissions`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["CollaboratorPermissions"]


@dataclass(slots=True, kw_only=True)
class CollaboratorPermissions(Model):
    """The ``permissions`` field of ``Collaborator``."""

    admin: bool = False
    push: bool = False
    pull: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CollaboratorPermissions:
        d = dict(data)
        decoded = cls(
            admin=zero_if_none(d.pop("admin", None), False),
            push=zero_if_none(d.pop("push", None), False),
            pull=zero_if_none(d.pop("pull", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
