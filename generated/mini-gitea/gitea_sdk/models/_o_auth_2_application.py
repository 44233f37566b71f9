"""The ``OAuth2Application`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none

__all__ = ["OAuth2Application"]


@dataclass(slots=True, kw_only=True)
class OAuth2Application(Model):
    """OAuth2Application is a client registered for the OAuth2 flow."""

    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    confidential_client: bool = False
    created: datetime.datetime | None = None
    id: int = 0
    name: str = ""
    redirect_uris: list[str] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuth2Application:
        d = dict(data)
        decoded = cls(
            client_id=zero_if_none(d.pop("client_id", None), ""),
            client_secret=zero_if_none(d.pop("client_secret", None), ""),
            confidential_client=zero_if_none(d.pop("confidential_client", None), False),
            created=opt(parse_datetime, d.pop("created", None)),
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            redirect_uris=d.pop("redirect_uris", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
