"""The ``Activity`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none
from ._repository import Repository
from ._user import User

__all__ = ["Activity"]


@dataclass(slots=True, kw_only=True)
class Activity(Model):
    """Activity is one entry of an activity feed."""

    act_user: User | None = None
    act_user_id: int = 0
    content: str = ""
    created: datetime.datetime | None = None
    id: int = 0
    is_private: bool = False
    op_type: str = ""
    ref_name: str = ""
    repo: Repository | None = None
    repo_id: int = 0
    user_id: int = 0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Activity:
        d = dict(data)
        decoded = cls(
            act_user=opt(User.from_dict, d.pop("act_user", None)),
            act_user_id=zero_if_none(d.pop("act_user_id", None), 0),
            content=zero_if_none(d.pop("content", None), ""),
            created=opt(parse_datetime, d.pop("created", None)),
            id=zero_if_none(d.pop("id", None), 0),
            is_private=zero_if_none(d.pop("is_private", None), False),
            op_type=zero_if_none(d.pop("op_type", None), ""),
            ref_name=zero_if_none(d.pop("ref_name", None), ""),
            repo=opt(Repository.from_dict, d.pop("repo", None)),
            repo_id=zero_if_none(d.pop("repo_id", None), 0),
            user_id=zero_if_none(d.pop("user_id", None), 0),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
