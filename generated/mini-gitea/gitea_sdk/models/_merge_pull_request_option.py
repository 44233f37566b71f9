"""The ``MergePullRequestOption`` model and its enum ``MergePullRequestOptionDo`` of the Gitea API, 1.22.6.

Import them from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .._runtime import Model, OpenEnum, decoded_from, need

__all__ = [
    "MergePullRequestOption",
    "MergePullRequestOptionDo",
]


class MergePullRequestOptionDo(OpenEnum):
    MERGE = "merge"
    REBASE = "rebase"
    REBASE_MERGE = "rebase-merge"
    SQUASH = "squash"
    MANUALLY_MERGED = "manually-merged"


@dataclass(slots=True, kw_only=True)
class MergePullRequestOption(Model):
    """MergePullRequestOption chooses how a pull request gets merged."""

    do: MergePullRequestOptionDo = field(metadata={"wire": "Do"})
    merge_commit_id: str | None = field(
        default=None, metadata={"wire": "MergeCommitID"}
    )
    """with manually-merged: the commit that already contains the changes"""
    merge_message_field: str | None = field(
        default=None, metadata={"wire": "MergeMessageField"}
    )
    merge_title_field: str | None = field(
        default=None, metadata={"wire": "MergeTitleField"}
    )
    delete_branch_after_merge: bool | None = None
    force_merge: bool | None = None
    head_commit_id: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MergePullRequestOption:
        d = dict(data)
        decoded = cls(
            do=MergePullRequestOptionDo(need(d, "Do")),
            merge_commit_id=d.pop("MergeCommitID", None),
            merge_message_field=d.pop("MergeMessageField", None),
            merge_title_field=d.pop("MergeTitleField", None),
            delete_branch_after_merge=d.pop("delete_branch_after_merge", None),
            force_merge=d.pop("force_merge", None),
            head_commit_id=d.pop("head_commit_id", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
