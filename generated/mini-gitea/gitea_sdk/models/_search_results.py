"""The ``SearchResults`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt_list, zero_if_none
from ._repository import Repository

__all__ = ["SearchResults"]


@dataclass(slots=True, kw_only=True)
class SearchResults(Model):
    """SearchResults wraps one page of repository search hits."""

    data: list[Repository] | None = None
    ok: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchResults:
        d = dict(data)
        decoded = cls(
            data=opt_list(Repository.from_dict, d.pop("data", None)),
            ok=zero_if_none(d.pop("ok", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
