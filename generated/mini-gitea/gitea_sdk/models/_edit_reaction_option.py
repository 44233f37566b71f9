"""The ``EditReactionOption`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from

__all__ = ["EditReactionOption"]


@dataclass(slots=True, kw_only=True)
class EditReactionOption(Model):
    """EditReactionOption names one reaction, such as +1 or heart."""

    content: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EditReactionOption:
        d = dict(data)
        decoded = cls(content=d.pop("content", None), additional_properties=d)
        return decoded_from(decoded, data)
