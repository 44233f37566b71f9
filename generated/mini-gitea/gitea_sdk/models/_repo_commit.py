"""The ``RepoCommit`` model of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, decoded_from, opt, zero_if_none
from ._commit_user import CommitUser

__all__ = ["RepoCommit"]


@dataclass(slots=True, kw_only=True)
class RepoCommit(Model):
    """RepoCommit is the git-level part of a commit."""

    author: CommitUser | None = None
    committer: CommitUser | None = None
    message: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RepoCommit:
        d = dict(data)
        decoded = cls(
            author=opt(CommitUser.from_dict, d.pop("author", None)),
            committer=opt(CommitUser.from_dict, d.pop("committer", None)),
            message=zero_if_none(d.pop("message", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
