"""The ``RenderMarkdownBody`` model and its enum ``RenderMarkdownBodyMode`` of the Gogs API, v1.

Import them from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, OpenEnum, decoded_from, need, opt

__all__ = [
    "RenderMarkdownBody",
    "RenderMarkdownBodyMode",
]


class RenderMarkdownBodyMode(OpenEnum):
    MARKDOWN = "markdown"
    GFM = "gfm"


@dataclass(slots=True, kw_only=True)
class RenderMarkdownBody(Model):
    """The request body of ``POST /markdown``."""

    text: str
    mode: RenderMarkdownBodyMode | None = None
    context: str | None = None
    """repository whose links and issue references apply, as owner/name"""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RenderMarkdownBody:
        d = dict(data)
        decoded = cls(
            text=need(d, "text"),
            mode=opt(RenderMarkdownBodyMode, d.pop("mode", None)),
            context=d.pop("context", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
