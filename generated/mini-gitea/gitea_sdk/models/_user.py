"""The ``User`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none

__all__ = ["User"]


@dataclass(slots=True, kw_only=True)
class User(Model):
    """User is an account on the forge."""

    active: bool = False
    avatar_url: str = ""
    created: datetime.datetime | None = None
    description: str = ""
    email: str = ""
    full_name: str = ""
    html_url: str = ""
    id: int = 0
    is_admin: bool = False
    last_login: datetime.datetime | None = None
    login: str = ""
    login_name: str = ""
    restricted: bool = False
    visibility: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> User:
        d = dict(data)
        decoded = cls(
            active=zero_if_none(d.pop("active", None), False),
            avatar_url=zero_if_none(d.pop("avatar_url", None), ""),
            created=opt(parse_datetime, d.pop("created", None)),
            description=zero_if_none(d.pop("description", None), ""),
            email=zero_if_none(d.pop("email", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            id=zero_if_none(d.pop("id", None), 0),
            is_admin=zero_if_none(d.pop("is_admin", None), False),
            last_login=opt(parse_datetime, d.pop("last_login", None)),
            login=zero_if_none(d.pop("login", None), ""),
            login_name=zero_if_none(d.pop("login_name", None), ""),
            restricted=zero_if_none(d.pop("restricted", None), False),
            visibility=zero_if_none(d.pop("visibility", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
