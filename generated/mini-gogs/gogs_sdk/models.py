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

from ._runtime import Model, OpenEnum, need, opt, opt_list, parse_datetime

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
    name: str | None = None
    sha_1: str | None = field(default=None, repr=False, metadata={"wire": "sha1"})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccessToken:
        d = dict(data)
        return cls(
            name=d.pop("name", None), sha_1=d.pop("sha1", None), additional_properties=d
        )


@dataclass(slots=True, kw_only=True)
class Collaborator(Model):
    """A user together with what they may do in one repository"""

    id: int | None = None
    username: str | None = None
    login: str | None = None
    """Same as username; kept for GitHub compatibility"""
    full_name: str | None = None
    email: str | None = None
    avatar_url: str | None = None
    permissions: CollaboratorPermissions | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Collaborator:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            username=d.pop("username", None),
            login=d.pop("login", None),
            full_name=d.pop("full_name", None),
            email=d.pop("email", None),
            avatar_url=d.pop("avatar_url", None),
            permissions=opt(
                CollaboratorPermissions.from_dict, d.pop("permissions", None)
            ),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class CollaboratorPermissions(Model):
    """The ``permissions`` field of ``Collaborator``."""

    admin: bool | None = None
    push: bool | None = None
    pull: bool | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CollaboratorPermissions:
        d = dict(data)
        return cls(
            admin=d.pop("admin", None),
            push=d.pop("push", None),
            pull=d.pop("pull", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class CreateAccessTokenBody(Model):
    """The request body of ``POST /users/{username}/tokens``."""

    name: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateAccessTokenBody:
        d = dict(data)
        return cls(name=need(d, "name"), additional_properties=d)


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
        return cls(
            title=need(d, "title"),
            body=d.pop("body", None),
            assignee=d.pop("assignee", None),
            milestone=d.pop("milestone", None),
            labels=d.pop("labels", None),
            closed=d.pop("closed", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class DeleteEmailsBody(Model):
    """The request body of ``DELETE /user/emails``."""

    emails: list[str]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DeleteEmailsBody:
        d = dict(data)
        return cls(emails=need(d, "emails"), additional_properties=d)


@dataclass(slots=True, kw_only=True)
class Error(Model):
    message: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Error:
        d = dict(data)
        return cls(
            message=d.pop("message", None),
            url=d.pop("url", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Issue(Model):
    id: int | None = None
    number: int | None = None
    state: IssueState | None = None
    title: str | None = None
    body: str | None = None
    user: User | None = None
    labels: list[Label] | None = None
    assignee: User | None = None
    milestone: Milestone | None = None
    comments: int | None = None
    pull_request: dict[str, Any] | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            number=d.pop("number", None),
            state=opt(IssueState, d.pop("state", None)),
            title=d.pop("title", None),
            body=d.pop("body", None),
            user=opt(User.from_dict, d.pop("user", None)),
            labels=opt_list(Label.from_dict, d.pop("labels", None)),
            assignee=opt(User.from_dict, d.pop("assignee", None)),
            milestone=opt(Milestone.from_dict, d.pop("milestone", None)),
            comments=d.pop("comments", None),
            pull_request=d.pop("pull_request", None),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Label(Model):
    id: int | None = None
    name: str | None = None
    color: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Label:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            name=d.pop("name", None),
            color=d.pop("color", None),
            url=d.pop("url", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Milestone(Model):
    id: int | None = None
    title: str | None = None
    description: str | None = None
    state: MilestoneState | None = None
    open_issues: int | None = None
    closed_issues: int | None = None
    closed_at: datetime.datetime | None = None
    due_on: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            title=d.pop("title", None),
            description=d.pop("description", None),
            state=opt(MilestoneState, d.pop("state", None)),
            open_issues=d.pop("open_issues", None),
            closed_issues=d.pop("closed_issues", None),
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            due_on=opt(parse_datetime, d.pop("due_on", None)),
            additional_properties=d,
        )


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
        return cls(
            text=need(d, "text"),
            mode=opt(RenderMarkdownBodyMode, d.pop("mode", None)),
            context=d.pop("context", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Repository(Model):
    id: int | None = None
    owner: User | None = None
    name: str | None = None
    full_name: str | None = None
    description: str | None = None
    private: bool | None = None
    fork: bool | None = None
    parent: Repository | None = None
    """The repository this one was forked from"""
    empty: bool | None = None
    mirror: bool | None = None
    size: int | None = None
    html_url: str | None = None
    ssh_url: str | None = None
    clone_url: str | None = None
    website: str | None = None
    stars_count: int | None = None
    forks_count: int | None = None
    open_issues_count: int | None = None
    default_branch: str | None = None
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    permissions: RepositoryPermissions | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Repository:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            owner=opt(User.from_dict, d.pop("owner", None)),
            name=d.pop("name", None),
            full_name=d.pop("full_name", None),
            description=d.pop("description", None),
            private=d.pop("private", None),
            fork=d.pop("fork", None),
            parent=opt(Repository.from_dict, d.pop("parent", None)),
            empty=d.pop("empty", None),
            mirror=d.pop("mirror", None),
            size=d.pop("size", None),
            html_url=d.pop("html_url", None),
            ssh_url=d.pop("ssh_url", None),
            clone_url=d.pop("clone_url", None),
            website=d.pop("website", None),
            stars_count=d.pop("stars_count", None),
            forks_count=d.pop("forks_count", None),
            open_issues_count=d.pop("open_issues_count", None),
            default_branch=d.pop("default_branch", None),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            permissions=opt(
                RepositoryPermissions.from_dict, d.pop("permissions", None)
            ),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class RepositoryPermissions(Model):
    """The ``permissions`` field of ``Repository``."""

    admin: bool | None = None
    push: bool | None = None
    pull: bool | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RepositoryPermissions:
        d = dict(data)
        return cls(
            admin=d.pop("admin", None),
            push=d.pop("push", None),
            pull=d.pop("pull", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class SearchRepositoriesResponse(Model):
    """The 200 response of ``GET /repos/search``."""

    data: list[Repository] | None = None
    ok: bool | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchRepositoriesResponse:
        d = dict(data)
        return cls(
            data=opt_list(Repository.from_dict, d.pop("data", None)),
            ok=d.pop("ok", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class User(Model):
    id: int | None = None
    username: str | None = None
    login: str | None = None
    """Same as username; kept for GitHub compatibility"""
    full_name: str | None = None
    email: str | None = None
    avatar_url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> User:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            username=d.pop("username", None),
            login=d.pop("login", None),
            full_name=d.pop("full_name", None),
            email=d.pop("email", None),
            avatar_url=d.pop("avatar_url", None),
            additional_properties=d,
        )
