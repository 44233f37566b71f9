"""The ``Commit`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, parse_datetime, zero_if_none
from ._repo_commit import RepoCommit
from ._user import User

__all__ = ["Commit"]


@dataclass(slots=True, kw_only=True)
class Commit(Model):
    """Commit is a commit together with the forge accounts of its author and committer."""

    author: User | None = None
    commit: RepoCommit | None = None
    committer: User | None = None
    created: datetime.datetime | None = None
    html_url: str = ""
    sha: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Commit:
        d = dict(data)
        decoded = cls(
            author=opt(User.from_dict, d.pop("author", None)),
            commit=opt(RepoCommit.from_dict, d.pop("commit", None)),
            committer=opt(User.from_dict, d.pop("committer", None)),
            created=opt(parse_datetime, d.pop("created", None)),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            sha=zero_if_none(d.pop("sha", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
