"""The ``Repository`` model and its enum ``RepositoryObjectFormatName`` of the Gitea API, 1.22.6.

Import them from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import (
    Model,
    OpenEnum,
    always_set,
    decoded_from,
    opt,
    parse_datetime,
    zero_if_none,
)
from ._permission import Permission
from ._user import User

__all__ = [
    "Repository",
    "RepositoryObjectFormatName",
]


class RepositoryObjectFormatName(OpenEnum):
    """hash algorithm of the repository"""

    SHA_1 = "sha1"
    SHA_256 = "sha256"


@dataclass(slots=True, kw_only=True)
class Repository(Model):
    """Repository is a git repository hosted on the forge."""

    archived: bool = False
    archived_at: datetime.datetime | None = None
    clone_url: str = ""
    created_at: datetime.datetime | None = None
    default_branch: str = ""
    description: str = ""
    empty: bool = False
    fork: bool = False
    forks_count: int = 0
    full_name: str = ""
    html_url: str = ""
    id: int = 0
    internal: bool = False
    mirror: bool = False
    name: str = ""
    object_format_name: RepositoryObjectFormatName
    """hash algorithm of the repository"""
    open_issues_count: int = 0
    owner: User
    parent: Repository | None = None
    permissions: Permission | None = None
    private: bool = False
    size: int = 0
    """size in KiB"""
    ssh_url: str = ""
    stars_count: int = 0
    template: bool = False
    updated_at: datetime.datetime | None = None
    website: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Repository:
        d = dict(data)
        decoded = cls(
            archived=zero_if_none(d.pop("archived", None), False),
            archived_at=opt(parse_datetime, d.pop("archived_at", None)),
            clone_url=zero_if_none(d.pop("clone_url", None), ""),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            default_branch=zero_if_none(d.pop("default_branch", None), ""),
            description=zero_if_none(d.pop("description", None), ""),
            empty=zero_if_none(d.pop("empty", None), False),
            fork=zero_if_none(d.pop("fork", None), False),
            forks_count=zero_if_none(d.pop("forks_count", None), 0),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            id=zero_if_none(d.pop("id", None), 0),
            internal=zero_if_none(d.pop("internal", None), False),
            mirror=zero_if_none(d.pop("mirror", None), False),
            name=zero_if_none(d.pop("name", None), ""),
            object_format_name=RepositoryObjectFormatName(
                zero_if_none(d.pop("object_format_name", None), "")
            ),
            open_issues_count=zero_if_none(d.pop("open_issues_count", None), 0),
            owner=always_set(User.from_dict, d.pop("owner", None)),
            parent=opt(Repository.from_dict, d.pop("parent", None)),
            permissions=opt(Permission.from_dict, d.pop("permissions", None)),
            private=zero_if_none(d.pop("private", None), False),
            size=zero_if_none(d.pop("size", None), 0),
            ssh_url=zero_if_none(d.pop("ssh_url", None), ""),
            stars_count=zero_if_none(d.pop("stars_count", None), 0),
            template=zero_if_none(d.pop("template", None), False),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            website=zero_if_none(d.pop("website", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
