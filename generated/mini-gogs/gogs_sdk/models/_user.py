"""The ``User`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["User"]


@dataclass(slots=True, kw_only=True)
class User(Model):
    id: int = 0
    username: str = ""
    login: str = ""
    """Same as username; kept for GitHub compatibility"""
    full_name: str = ""
    email: str = ""
    avatar_url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> User:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            username=zero_if_none(d.pop("username", None), ""),
            login=zero_if_none(d.pop("login", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            email=zero_if_none(d.pop("email", None), ""),
            avatar_url=zero_if_none(d.pop("avatar_url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
