"""The ``CreateRepoOptionObjectFormatName`` enum of the Gitea API, 1.22.6.

Import it from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations


from .._runtime import OpenEnum

__all__ = ["CreateRepoOptionObjectFormatName"]


class CreateRepoOptionObjectFormatName(OpenEnum):
    SHA_1 = "sha1"
    SHA_256 = "sha256"
