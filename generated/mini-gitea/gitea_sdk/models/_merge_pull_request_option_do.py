"""The ``MergePullRequestOptionDo`` enum of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations


from .._runtime import OpenEnum

__all__ = ["MergePullRequestOptionDo"]


class MergePullRequestOptionDo(OpenEnum):
    MERGE = "merge"
    REBASE = "rebase"
    REBASE_MERGE = "rebase-merge"
    SQUASH = "squash"
    MANUALLY_MERGED = "manually-merged"
