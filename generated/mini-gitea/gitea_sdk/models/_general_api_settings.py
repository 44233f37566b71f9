"""The ``GeneralAPISettings`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, zero_if_none

__all__ = ["GeneralAPISettings"]


@dataclass(slots=True, kw_only=True)
class GeneralAPISettings(Model):
    """GeneralAPISettings holds the paging and size limits of the API."""

    default_git_trees_per_page: int = 0
    default_max_blob_size: int = 0
    default_paging_num: int = 0
    max_response_items: int = 0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GeneralAPISettings:
        d = dict(data)
        decoded = cls(
            default_git_trees_per_page=zero_if_none(
                d.pop("default_git_trees_per_page", None), 0
            ),
            default_max_blob_size=zero_if_none(d.pop("default_max_blob_size", None), 0),
            default_paging_num=zero_if_none(d.pop("default_paging_num", None), 0),
            max_response_items=zero_if_none(d.pop("max_response_items", None), 0),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
