"""The data models of the Gogs API, v1.

Every model keeps the JSON fields it does not know in
``additional_properties``, and every enum accepts values it does not know,
so this package keeps working against newer servers.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._runtime import (
    Model,
    OpenEnum,
    always_set,
    decoded_from,
    need,
    opt,
    opt_list,
    parse_datetime,
    zero_if_none,
)

__all__ = [
    "AccessToken",
    "Collaborator",
    "CollaboratorPermissions",
    "CreateAccessTokenBody",
    "CreateIssueBody",
    "DeleteEmailsBody",
    "Error",
    "Issue",
    "IssueState",
    "Label",
    "Milestone",
    "MilestoneState",
    "RenderMarkdownBody",
    "RenderMarkdownBodyMode",
    "Repository",
    "RepositoryPermissions",
    "SearchRepositoriesResponse",
    "User",
]


class IssueState(OpenEnum):
    OPEN = "open"
    CLOSED = "closed"


class MilestoneState(OpenEnum):
    OPEN = "open"
    CLOSED = "closed"


class RenderMarkdownBodyMode(OpenEnum):
    MARKDOWN = "markdown"
    GFM = "gfm"


@dataclass(slots=True, kw_only=True)
class AccessToken(Model):
    name: str = ""
    sha_1: str = field(default="", repr=False, metadata={"wire": "sha1"})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccessToken:
        d = dict(data)
        decoded = cls(
            name=zero_if_none(d.pop("name", None), ""),
            sha_1=zero_if_none(d.pop("sha1", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Collaborator(Model):
    """A user together with what they may do in one repository"""

    id: int = 0
    username: str = ""
    login: str = ""
    """Same as username; kept for GitHub compatibility"""
    full_name: str = ""
    email: str = ""
    avatar_url: str = ""
    permissions: CollaboratorPermissions | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Collaborator:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            username=zero_if_none(d.pop("username", None), ""),
            login=zero_if_none(d.pop("login", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            email=zero_if_none(d.pop("email", None), ""),
            avatar_url=zero_if_none(d.pop("avatar_url", None), ""),
            permissions=opt(
                CollaboratorPermissions.from_dict, d.pop("permissions", None)
            ),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class CollaboratorPermissions(Model):
    """The ``permissions`` field of ``Collaborator``."""

    admin: bool = False
    push: bool = False
    pull: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CollaboratorPermissions:
        d = dict(data)
        decoded = cls(
            admin=zero_if_none(d.pop("admin", None), False),
            push=zero_if_none(d.pop("push", None), False),
            pull=zero_if_none(d.pop("pull", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class CreateAccessTokenBody(Model):
    """The request body of ``POST /users/{username}/tokens``."""

    name: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateAccessTokenBody:
        d = dict(data)
        decoded = cls(name=need(d, "name"), additional_properties=d)
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class CreateIssueBody(Model):
    """The request body of ``POST /repos/{owner}/{repo}/issues``."""

    title: str
    body: str | None = None
    assignee: str | None = None
    """Login name of the assignee"""
    milestone: int | None = None
    """Milestone id"""
    labels: list[int] | None = None
    """Label ids"""
    closed: bool | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateIssueBody:
        d = dict(data)
        decoded = cls(
            title=need(d, "title"),
            body=d.pop("body", None),
            assignee=d.pop("assignee", None),
            milestone=d.pop("milestone", None),
            labels=d.pop("labels", None),
            closed=d.pop("closed", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class DeleteEmailsBody(Model):
    """The request body of ``DELETE /user/emails``."""

    emails: list[str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeleteEmailsBody:
        d = dict(data)
        decoded = cls(emails=need(d, "emails"), additional_properties=d)
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Error(Model):
    message: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Error:
        d = dict(data)
        decoded = cls(
            message=d.pop("message", None),
            url=d.pop("url", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Issue(Model):
    id: int = 0
    number: int = 0
    state: IssueState
    title: str = ""
    body: str = ""
    user: User
    labels: list[Label] | None = None
    assignee: User | None = None
    milestone: Milestone | None = None
    comments: int = 0
    pull_request: dict[str, Any] | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            number=zero_if_none(d.pop("number", None), 0),
            state=IssueState(zero_if_none(d.pop("state", None), "")),
            title=zero_if_none(d.pop("title", None), ""),
            body=zero_if_none(d.pop("body", None), ""),
            user=always_set(User.from_dict, d.pop("user", None)),
            labels=opt_list(Label.from_dict, d.pop("labels", None)),
            assignee=opt(User.from_dict, d.pop("assignee", None)),
            milestone=opt(Milestone.from_dict, d.pop("milestone", None)),
            comments=zero_if_none(d.pop("comments", None), 0),
            pull_request=d.pop("pull_request", None),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Label(Model):
    id: int = 0
    name: str = ""
    color: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Label:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            color=zero_if_none(d.pop("color", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Milestone(Model):
    id: int = 0
    title: str = ""
    description: str = ""
    state: MilestoneState
    open_issues: int = 0
    closed_issues: int = 0
    closed_at: datetime.datetime | None = None
    due_on: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            title=zero_if_none(d.pop("title", None), ""),
            description=zero_if_none(d.pop("description", None), ""),
            state=MilestoneState(zero_if_none(d.pop("state", None), "")),
            open_issues=zero_if_none(d.pop("open_issues", None), 0),
            closed_issues=zero_if_none(d.pop("closed_issues", None), 0),
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            due_on=opt(parse_datetime, d.pop("due_on", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class RenderMarkdownBody(Model):
    """The request body of ``POST /markdown``."""

    text: str
    mode: RenderMarkdownBodyMode | None = None
    context: str | None = None
    """repository whose links and issue references apply, as owner/name"""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RenderMarkdownBody:
        d = dict(data)
        decoded = cls(
            text=need(d, "text"),
            mode=opt(RenderMarkdownBodyMode, d.pop("mode", None)),
            context=d.pop("context", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


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


@dataclass(slots=True, kw_only=True)
class RepositoryPermissions(Model):
    """The ``permissions`` field of ``Repository``."""

    admin: bool = False
    push: bool = False
    pull: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RepositoryPermissions:
        d = dict(data)
        decoded = cls(
            admin=zero_if_none(d.pop("admin", None), False),
            push=zero_if_none(d.pop("push", None), False),
            pull=zero_if_none(d.pop("pull", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class SearchRepositoriesResponse(Model):
    """The 200 response of ``GET /repos/search``."""

    data: list[Repository] | None = None
    ok: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchRepositoriesResponse:
        d = dict(data)
        decoded = cls(
            data=opt_list(Repository.from_dict, d.pop("data", None)),
            ok=zero_if_none(d.pop("ok", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class User(Model):
    id: int = 0
    username: str = ""
    login: str = ""
    """Same as username; kept for GitHub compatibility"""
    full_name: str = ""
    email: str = ""
    avatar_url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> User:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            username=zero_if_none(d.pop("username", None), ""),
            login=zero_if_none(d.pop("login", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            email=zero_if_none(d.pop("email", None), ""),
            avatar_url=zero_if_none(d.pop("avatar_url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
