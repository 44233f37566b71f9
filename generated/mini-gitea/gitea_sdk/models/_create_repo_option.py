"""The ``CreateRepoOption`` model and its enums ``CreateRepoOptionObjectFormatName`` and ``CreateRepoOptionTrustModel`` of the Gitea API, 1.22.6.

Import them from ``gitea_sdk.models``, not from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .._runtime import Model, OpenEnum, decoded_from, need, opt

__all__ = [
    "CreateRepoOption",
    "CreateRepoOptionObjectFormatName",
    "CreateRepoOptionTrustModel",
]


class CreateRepoOptionObjectFormatName(OpenEnum):
    SHA_1 = "sha1"
    SHA_256 = "sha256"


class CreateRepoOptionTrustModel(OpenEnum):
    DEFAULT = "default"
    COLLABORATOR = "collaborator"
    COMMITTER = "committer"
    COLLABORATORCOMMITTER = "collaboratorcommitter"


@dataclass(slots=True, kw_only=True)
class CreateRepoOption(Model):
    """CreateRepoOption is the request to create a repository."""

    auto_init: bool | None = None
    """fill the new repository with an initial commit"""
    default_branch: str | None = None
    description: str | None = None
    gitignores: str | None = None
    license: str | None = None
    name: str
    object_format_name: CreateRepoOptionObjectFormatName | None = None
    private: bool | None = None
    readme: str | None = None
    template: bool | None = None
    trust_model: CreateRepoOptionTrustModel | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateRepoOption:
        d = dict(data)
        decoded = cls(
            auto_init=d.pop("auto_init", None),
            default_branch=d.pop("default_branch", None),
            description=d.pop("description", None),
            gitignores=d.pop("gitignores", None),
            license=d.pop("license", None),
            name=need(d, "name"),
            object_format_name=opt(
                CreateRepoOptionObjectFormatName, d.pop("object_format_name", None)
            ),
            private=d.pop("private", None),
            readme=d.pop("readme", None),
            template=d.pop("template", None),
            trust_model=opt(CreateRepoOptionTrustModel, d.pop("trust_model", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
