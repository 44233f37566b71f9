"""The ``CreateRepoOptionTrustModel`` enum of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations


from .._runtime import OpenEnum

__all__ = ["CreateRepoOptionTrustModel"]


class CreateRepoOptionTrustModel(OpenEnum):
    DEFAULT = "default"
    COLLABORATOR = "collaborator"
    COMMITTER = "committer"
    COLLABORATORCOMMITTER = "collaboratorcommitter"
