"""The ``DeleteEmailsBody`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, need

__all__ = ["DeleteEmailsBody"]


@dataclass(slots=True, kw_only=True)
class DeleteEmailsBody(Model):
    """The request body of ``DELETE /user/emails``."""

    emails: list[str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeleteEmailsBody:
        d = dict(data)
        decoded = cls(emails=need(d, "emails"), additional_properties=d)
        return decoded_from(decoded, data)
