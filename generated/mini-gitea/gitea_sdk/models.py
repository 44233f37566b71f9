"""The data models of the Gitea API, 1.22.6.

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
    "APIError",
    "AccessToken",
    "ActionRunner",
    "ActionRunnerLabel",
    "Activity",
    "ActivityPub",
    "Attachment",
    "Commit",
    "CommitUser",
    "CreateAccessTokenOption",
    "CreateActionWorkflowDispatch",
    "CreateIssueOption",
    "CreateOrUpdateSecretOption",
    "CreateRepoOption",
    "CreateRepoOptionObjectFormatName",
    "CreateRepoOptionTrustModel",
    "EditReactionOption",
    "GeneralAPISettings",
    "Issue",
    "IssueMeta",
    "Label",
    "MergePullRequestOption",
    "MergePullRequestOptionDo",
    "Milestone",
    "NodeInfo",
    "NodeInfoSoftware",
    "NotificationSubject",
    "NotificationThread",
    "OAuth2Application",
    "Permission",
    "PullRequestMeta",
    "RepoCommit",
    "Repository",
    "RepositoryObjectFormatName",
    "SearchResults",
    "ServerVersion",
    "User",
    "UserSettings",
    "WatchInfo",
]


class CreateRepoOptionObjectFormatName(OpenEnum):
    SHA_1 = "sha1"
    SHA_256 = "sha256"


class CreateRepoOptionTrustModel(OpenEnum):
    DEFAULT = "default"
    COLLABORATOR = "collaborator"
    COMMITTER = "committer"
    COLLABORATORCOMMITTER = "collaboratorcommitter"


class MergePullRequestOptionDo(OpenEnum):
    MERGE = "merge"
    REBASE = "rebase"
    REBASE_MERGE = "rebase-merge"
    SQUASH = "squash"
    MANUALLY_MERGED = "manually-merged"


class RepositoryObjectFormatName(OpenEnum):
    """hash algorithm of the repository"""

    SHA_1 = "sha1"
    SHA_256 = "sha256"


@dataclass(slots=True, kw_only=True)
class AccessToken(Model):
    """AccessToken is a personal API token; the full secret is only shown once."""

    id: int = 0
    name: str = ""
    scopes: list[str] | None = None
    sha_1: str = field(default="", repr=False, metadata={"wire": "sha1"})
    token_last_eight: str = field(default="", repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccessToken:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            scopes=d.pop("scopes", None),
            sha_1=zero_if_none(d.pop("sha1", None), ""),
            token_last_eight=zero_if_none(d.pop("token_last_eight", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class ActionRunner(Model):
    """ActionRunner is a machine that picks up Actions jobs."""

    busy: bool = False
    ephemeral: bool = False
    id: int = 0
    labels: list[ActionRunnerLabel] | None = None
    name: str = ""
    status: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActionRunner:
        d = dict(data)
        decoded = cls(
            busy=zero_if_none(d.pop("busy", None), False),
            ephemeral=zero_if_none(d.pop("ephemeral", None), False),
            id=zero_if_none(d.pop("id", None), 0),
            labels=opt_list(ActionRunnerLabel.from_dict, d.pop("labels", None)),
            name=zero_if_none(d.pop("name", None), ""),
            status=zero_if_none(d.pop("status", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class ActionRunnerLabel(Model):
    """ActionRunnerLabel is one label a runner advertises."""

    id: int = 0
    name: str = ""
    type: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActionRunnerLabel:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            type=zero_if_none(d.pop("type", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Activity(Model):
    """Activity is one entry of an activity feed."""

    act_user: User | None = None
    act_user_id: int = 0
    content: str = ""
    created: datetime.datetime | None = None
    id: int = 0
    is_private: bool = False
    op_type: str = ""
    ref_name: str = ""
    repo: Repository | None = None
    repo_id: int = 0
    user_id: int = 0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Activity:
        d = dict(data)
        decoded = cls(
            act_user=opt(User.from_dict, d.pop("act_user", None)),
            act_user_id=zero_if_none(d.pop("act_user_id", None), 0),
            content=zero_if_none(d.pop("content", None), ""),
            created=opt(parse_datetime, d.pop("created", None)),
            id=zero_if_none(d.pop("id", None), 0),
            is_private=zero_if_none(d.pop("is_private", None), False),
            op_type=zero_if_none(d.pop("op_type", None), ""),
            ref_name=zero_if_none(d.pop("ref_name", None), ""),
            repo=opt(Repository.from_dict, d.pop("repo", None)),
            repo_id=zero_if_none(d.pop("repo_id", None), 0),
            user_id=zero_if_none(d.pop("user_id", None), 0),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class ActivityPub(Model):
    """ActivityPub is the JSON-LD envelope of a federated object."""

    context: str = field(default="", metadata={"wire": "@context"})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActivityPub:
        d = dict(data)
        decoded = cls(
            context=zero_if_none(d.pop("@context", None), ""), additional_properties=d
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class APIError(Model):
    """APIError is the JSON body the server sends with most failures."""

    message: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> APIError:
        d = dict(data)
        decoded = cls(
            message=d.pop("message", None),
            url=d.pop("url", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Attachment(Model):
    """Attachment is a file uploaded to a release or an issue."""

    browser_download_url: str = ""
    created_at: datetime.datetime | None = None
    download_count: int = 0
    id: int = 0
    name: str = ""
    size: int = 0
    """size in bytes"""
    uuid: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attachment:
        d = dict(data)
        decoded = cls(
            browser_download_url=zero_if_none(d.pop("browser_download_url", None), ""),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            download_count=zero_if_none(d.pop("download_count", None), 0),
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            size=zero_if_none(d.pop("size", None), 0),
            uuid=zero_if_none(d.pop("uuid", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


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


@dataclass(slots=True, kw_only=True)
class CommitUser(Model):
    """CommitUser is a name and address as recorded in a git commit."""

    date: str = ""
    email: str = ""
    name: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CommitUser:
        d = dict(data)
        decoded = cls(
            date=zero_if_none(d.pop("date", None), ""),
            email=zero_if_none(d.pop("email", None), ""),
            name=zero_if_none(d.pop("name", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class CreateAccessTokenOption(Model):
    """CreateAccessTokenOption is the request to mint a token."""

    name: str
    scopes: list[str] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateAccessTokenOption:
        d = dict(data)
        decoded = cls(
            name=need(d, "name"), scopes=d.pop("scopes", None), additional_properties=d
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class CreateActionWorkflowDispatch(Model):
    """CreateActionWorkflowDispatch names the ref to run and the workflow inputs."""

    inputs: dict[str, str] | None = None
    ref: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateActionWorkflowDispatch:
        d = dict(data)
        decoded = cls(
            inputs=d.pop("inputs", None), ref=need(d, "ref"), additional_properties=d
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class CreateIssueOption(Model):
    """CreateIssueOption is the request to open an issue."""

    assignee: str | None = None
    """deprecated: use assignees"""
    assignees: list[str] | None = None
    body: str | None = None
    closed: bool | None = None
    due_date: datetime.datetime | None = None
    labels: list[int] | None = None
    """label ids"""
    milestone: int | None = None
    """milestone id"""
    ref: str | None = None
    title: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateIssueOption:
        d = dict(data)
        decoded = cls(
            assignee=d.pop("assignee", None),
            assignees=d.pop("assignees", None),
            body=d.pop("body", None),
            closed=d.pop("closed", None),
            due_date=opt(parse_datetime, d.pop("due_date", None)),
            labels=d.pop("labels", None),
            milestone=d.pop("milestone", None),
            ref=d.pop("ref", None),
            title=need(d, "title"),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class CreateOrUpdateSecretOption(Model):
    """CreateOrUpdateSecretOption carries the value of a secret."""

    data: str
    """the secret value; it is never returned by the API"""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateOrUpdateSecretOption:
        d = dict(data)
        decoded = cls(data=need(d, "data"), additional_properties=d)
        return decoded_from(decoded, data)


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


@dataclass(slots=True, kw_only=True)
class EditReactionOption(Model):
    """EditReactionOption names one reaction, such as +1 or heart."""

    content: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EditReactionOption:
        d = dict(data)
        decoded = cls(content=d.pop("content", None), additional_properties=d)
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class GeneralAPISettings(Model):
    """GeneralAPISettings holds the paging and size limits of the API."""

    default_git_trees_per_page: int = 0
    default_max_blob_size: int = 0
    default_paging_num: int = 0
    max_response_items: int = 0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GeneralAPISettings:
        d = dict(data)
        decoded = cls(
            default_git_trees_per_page=zero_if_none(
                d.pop("default_git_trees_per_page", None), 0
            ),
            default_max_blob_size=zero_if_none(d.pop("default_max_blob_size", None), 0),
            default_paging_num=zero_if_none(d.pop("default_paging_num", None), 0),
            max_response_items=zero_if_none(d.pop("max_response_items", None), 0),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Issue(Model):
    """Issue is an issue or a pull request seen as an issue."""

    assets: list[Attachment] | None = None
    assignee: User | None = None
    assignees: list[User] | None = None
    body: str = ""
    closed_at: datetime.datetime | None = None
    comments: int = 0
    created_at: datetime.datetime | None = None
    due_date: datetime.datetime | None = None
    html_url: str = ""
    id: int = 0
    is_locked: bool = False
    labels: list[Label] | None = None
    milestone: Milestone | None = None
    number: int = 0
    pull_request: PullRequestMeta | None = None
    ref: str = ""
    state: str = ""
    title: str = ""
    updated_at: datetime.datetime | None = None
    url: str = ""
    user: User

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        d = dict(data)
        decoded = cls(
            assets=opt_list(Attachment.from_dict, d.pop("assets", None)),
            assignee=opt(User.from_dict, d.pop("assignee", None)),
            assignees=opt_list(User.from_dict, d.pop("assignees", None)),
            body=zero_if_none(d.pop("body", None), ""),
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            comments=zero_if_none(d.pop("comments", None), 0),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            due_date=opt(parse_datetime, d.pop("due_date", None)),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            id=zero_if_none(d.pop("id", None), 0),
            is_locked=zero_if_none(d.pop("is_locked", None), False),
            labels=opt_list(Label.from_dict, d.pop("labels", None)),
            milestone=opt(Milestone.from_dict, d.pop("milestone", None)),
            number=zero_if_none(d.pop("number", None), 0),
            pull_request=opt(PullRequestMeta.from_dict, d.pop("pull_request", None)),
            ref=zero_if_none(d.pop("ref", None), ""),
            state=zero_if_none(d.pop("state", None), ""),
            title=zero_if_none(d.pop("title", None), ""),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            url=zero_if_none(d.pop("url", None), ""),
            user=always_set(User.from_dict, d.pop("user", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class IssueMeta(Model):
    """IssueMeta points at an issue, possibly in another repository."""

    index: int | None = None
    owner: str | None = None
    repo: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IssueMeta:
        d = dict(data)
        decoded = cls(
            index=d.pop("index", None),
            owner=d.pop("owner", None),
            repo=d.pop("repo", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Label(Model):
    """Label is a tag that can be put on issues and pull requests."""

    color: str = ""
    description: str = ""
    exclusive: bool = False
    id: int = 0
    name: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Label:
        d = dict(data)
        decoded = cls(
            color=zero_if_none(d.pop("color", None), ""),
            description=zero_if_none(d.pop("description", None), ""),
            exclusive=zero_if_none(d.pop("exclusive", None), False),
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


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


@dataclass(slots=True, kw_only=True)
class Milestone(Model):
    """Milestone groups issues towards a goal."""

    closed_at: datetime.datetime | None = None
    due_on: datetime.datetime | None = None
    id: int = 0
    state: str = ""
    title: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        d = dict(data)
        decoded = cls(
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            due_on=opt(parse_datetime, d.pop("due_on", None)),
            id=zero_if_none(d.pop("id", None), 0),
            state=zero_if_none(d.pop("state", None), ""),
            title=zero_if_none(d.pop("title", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class NodeInfo(Model):
    """NodeInfo describes the server software for federation peers."""

    metadata: dict[str, Any] | None = None
    open_registrations: bool = field(
        default=False, metadata={"wire": "openRegistrations"}
    )
    protocols: list[str] | None = None
    software: NodeInfoSoftware | None = None
    version: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NodeInfo:
        d = dict(data)
        decoded = cls(
            metadata=d.pop("metadata", None),
            open_registrations=zero_if_none(d.pop("openRegistrations", None), False),
            protocols=d.pop("protocols", None),
            software=opt(NodeInfoSoftware.from_dict, d.pop("software", None)),
            version=zero_if_none(d.pop("version", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class NodeInfoSoftware(Model):
    """NodeInfoSoftware names the software that runs the server."""

    homepage: str = ""
    name: str = ""
    repository: str = ""
    version: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NodeInfoSoftware:
        d = dict(data)
        decoded = cls(
            homepage=zero_if_none(d.pop("homepage", None), ""),
            name=zero_if_none(d.pop("name", None), ""),
            repository=zero_if_none(d.pop("repository", None), ""),
            version=zero_if_none(d.pop("version", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class NotificationSubject(Model):
    """NotificationSubject is what a notification thread is about."""

    html_url: str = ""
    state: str = ""
    title: str = ""
    type: str = ""
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NotificationSubject:
        d = dict(data)
        decoded = cls(
            html_url=zero_if_none(d.pop("html_url", None), ""),
            state=zero_if_none(d.pop("state", None), ""),
            title=zero_if_none(d.pop("title", None), ""),
            type=zero_if_none(d.pop("type", None), ""),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class NotificationThread(Model):
    """NotificationThread is one notification of the signed-in user."""

    id: int = 0
    pinned: bool = False
    repository: Repository | None = None
    subject: NotificationSubject | None = None
    unread: bool = False
    updated_at: datetime.datetime | None = None
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NotificationThread:
        d = dict(data)
        decoded = cls(
            id=zero_if_none(d.pop("id", None), 0),
            pinned=zero_if_none(d.pop("pinned", None), False),
            repository=opt(Repository.from_dict, d.pop("repository", None)),
            subject=opt(NotificationSubject.from_dict, d.pop("subject", None)),
            unread=zero_if_none(d.pop("unread", None), False),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class OAuth2Application(Model):
    """OAuth2Application is a client registered for the OAuth2 flow."""

    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    confidential_client: bool = False
    created: datetime.datetime | None = None
    id: int = 0
    name: str = ""
    redirect_uris: list[str] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuth2Application:
        d = dict(data)
        decoded = cls(
            client_id=zero_if_none(d.pop("client_id", None), ""),
            client_secret=zero_if_none(d.pop("client_secret", None), ""),
            confidential_client=zero_if_none(d.pop("confidential_client", None), False),
            created=opt(parse_datetime, d.pop("created", None)),
            id=zero_if_none(d.pop("id", None), 0),
            name=zero_if_none(d.pop("name", None), ""),
            redirect_uris=d.pop("redirect_uris", None),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class Permission(Model):
    """Permission is what the caller may do with a repository."""

    admin: bool = False
    pull: bool = False
    push: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Permission:
        d = dict(data)
        decoded = cls(
            admin=zero_if_none(d.pop("admin", None), False),
            pull=zero_if_none(d.pop("pull", None), False),
            push=zero_if_none(d.pop("push", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class PullRequestMeta(Model):
    """PullRequestMeta is present on an issue that is a pull request."""

    draft: bool = False
    html_url: str = ""
    merged: bool = False
    merged_at: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PullRequestMeta:
        d = dict(data)
        decoded = cls(
            draft=zero_if_none(d.pop("draft", None), False),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            merged=zero_if_none(d.pop("merged", None), False),
            merged_at=opt(parse_datetime, d.pop("merged_at", None)),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


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


@dataclass(slots=True, kw_only=True)
class SearchResults(Model):
    """SearchResults wraps one page of repository search hits."""

    data: list[Repository] | None = None
    ok: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchResults:
        d = dict(data)
        decoded = cls(
            data=opt_list(Repository.from_dict, d.pop("data", None)),
            ok=zero_if_none(d.pop("ok", None), False),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class ServerVersion(Model):
    """ServerVersion is the version string of the running server."""

    version: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServerVersion:
        d = dict(data)
        decoded = cls(
            version=zero_if_none(d.pop("version", None), ""), additional_properties=d
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class User(Model):
    """User is an account on the forge."""

    active: bool = False
    avatar_url: str = ""
    created: datetime.datetime | None = None
    description: str = ""
    email: str = ""
    full_name: str = ""
    html_url: str = ""
    id: int = 0
    is_admin: bool = False
    last_login: datetime.datetime | None = None
    login: str = ""
    login_name: str = ""
    restricted: bool = False
    visibility: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> User:
        d = dict(data)
        decoded = cls(
            active=zero_if_none(d.pop("active", None), False),
            avatar_url=zero_if_none(d.pop("avatar_url", None), ""),
            created=opt(parse_datetime, d.pop("created", None)),
            description=zero_if_none(d.pop("description", None), ""),
            email=zero_if_none(d.pop("email", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            html_url=zero_if_none(d.pop("html_url", None), ""),
            id=zero_if_none(d.pop("id", None), 0),
            is_admin=zero_if_none(d.pop("is_admin", None), False),
            last_login=opt(parse_datetime, d.pop("last_login", None)),
            login=zero_if_none(d.pop("login", None), ""),
            login_name=zero_if_none(d.pop("login_name", None), ""),
            restricted=zero_if_none(d.pop("restricted", None), False),
            visibility=zero_if_none(d.pop("visibility", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class UserSettings(Model):
    """UserSettings are the preferences a user can change."""

    description: str = ""
    diff_view_style: str = ""
    full_name: str = ""
    hide_activity: bool = False
    hide_email: bool = False
    language: str = ""
    location: str = ""
    theme: str = ""
    website: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UserSettings:
        d = dict(data)
        decoded = cls(
            description=zero_if_none(d.pop("description", None), ""),
            diff_view_style=zero_if_none(d.pop("diff_view_style", None), ""),
            full_name=zero_if_none(d.pop("full_name", None), ""),
            hide_activity=zero_if_none(d.pop("hide_activity", None), False),
            hide_email=zero_if_none(d.pop("hide_email", None), False),
            language=zero_if_none(d.pop("language", None), ""),
            location=zero_if_none(d.pop("location", None), ""),
            theme=zero_if_none(d.pop("theme", None), ""),
            website=zero_if_none(d.pop("website", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)


@dataclass(slots=True, kw_only=True)
class WatchInfo(Model):
    """WatchInfo tells whether and how the caller watches a repository."""

    created_at: datetime.datetime | None = None
    ignored: bool = False
    reason: Any | None = None
    repository_url: str = ""
    subscribed: bool = False
    url: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WatchInfo:
        d = dict(data)
        decoded = cls(
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            ignored=zero_if_none(d.pop("ignored", None), False),
            reason=d.pop("reason", None),
            repository_url=zero_if_none(d.pop("repository_url", None), ""),
            subscribed=zero_if_none(d.pop("subscribed", None), False),
            url=zero_if_none(d.pop("url", None), ""),
            additional_properties=d,
        )
        return decoded_from(decoded, data)
