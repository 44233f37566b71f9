"""The ``SearchRepositoriesResponse`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt_list, zero_if_none
from ._repository import Repository

__all__ = ["SearchRepositoriesResponse"]


@dataclass(slots=True, kw_only=True)
class SearchRepositoriesResponse(Model):
    """The 200 response of ``GET /repos/search``."""

    data: list[Repository] | None = None
    ok: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchRepositoriesResponse:
        d = dict(data)
        decoded = cls(
            data=opt_list(Repository.from_dict, d.pop("data", None)),
            ok=zero_if_none(d.pop("ok", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
