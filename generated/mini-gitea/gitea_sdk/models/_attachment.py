"""The ``Attachment`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none

__all__ = ["Attachment"]


@dataclass(slots=True, kw_only=True)
class Attachment(Model):
    """Attachment is a file uploaded to a release or an issue."""

    browser_download_url: str = ""
    created_at: datetime.datetime | None = None
    download_count: int = 0
    id: int = 0
    name: str = ""
    size: int = 0
    """size in bytes"""
    uuid: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attachment:
        d = dict(data)
        decoded = cls(
            browser_download_url=zero_if_none(d.pop("browser_download_url", None), ""),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            download_count=zero_if_none(d.pop("download_count", None), 0),
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            size=zero_if_none(d.pop("size", None), 0),
            uuid=zero_if_none(d.pop("uuid", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
