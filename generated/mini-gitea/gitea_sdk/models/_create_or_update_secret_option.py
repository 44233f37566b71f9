"""The ``CreateOrUpdateSecretOption`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, need

__all__ = ["CreateOrUpdateSecretOption"]


@dataclass(slots=True, kw_only=True)
class CreateOrUpdateSecretOption(Model):
    """CreateOrUpdateSecretOption carries the value of a secret."""

    data: str
    """the secret value; it is never returned by the API"""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateOrUpdateSecretOption:
        d = dict(data)
        decoded = cls(data=need(d, "data"), additional_properties=d)
        return decoded_from(decoded, data)
