"""The ``Repository`` model of the Gogs API, v1.

Import it from ``gogs_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import (
    Model,
    always_set,
    decoded_from,
    opt,
    parse_datetime,
    zero_if_none,
)
from ._repository_permissions import RepositoryPermissions
from ._user import User

__all__ = ["Repository"]


@dataclass(slots=True, kw_only=True)
class Repository(Model):
    id: int = 0
    owner: User
    name: str = ""
    full_name: str = ""
    description: str = ""
    private: bool = False
    fork: bool = False
    parent: Repository | None = None
    """The repository this one was forked from"""
    empty: bool = False
    mirror: bool = False
    size: int = 0
    html_url: str = ""
    ssh_url: str = ""
    clone_url: str = ""
    website: str = ""
    stars_count: int = 0
    forks_count: int = 0
    open_issues_count: int = 0
    default_branch: str = ""
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    permissions: RepositoryPermissions | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Repository:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            owner=always_set(User.from_dict, d.pop("owner", None)),
            name=zero_if_none(d.pop("name", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            description=zero_if_none(d.pop("description", None), ""),
            private=zero_if_none(d.pop("private", None), False),
            fork=zero_if_none(d.pop("fork", None), False),
            parent=opt(Repository.from_dict, d.pop("parent", None)),
            empty=zero_if_none(d.pop("empty", None), False),
            mirror=zero_if_none(d.pop("mirror", None), False),
            size=zero_if_none(d.pop("size", None), 0),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            ssh_url=zero_if_none(d.pop("ssh_url", None), ""),
            clone_url=zero_if_none(d.pop("clone_url", None), ""),
            website=zero_if_none(d.pop("website", None), ""),
            stars_count=zero_if_none(d.pop("stars_count", None), 0),
            forks_count=zero_if_none(d.pop("forks_count", None), 0),
            open_issues_count=zero_if_none(d.pop("open_issues_count", None), 0),
            default_branch=zero_if_none(d.pop("default_branch", None), ""),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            permissions=opt(
                RepositoryPermissions.from_dict, d.pop("permissions", None)
            ),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
