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

from ._runtime import Model, OpenEnum, need, opt, opt_list, parse_datetime

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

    id: int | None = None
    name: str | None = None
    scopes: list[str] | None = None
    sha_1: str | None = field(default=None, repr=False, metadata={"wire": "sha1"})
    token_last_eight: str | None = field(default=None, repr=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccessToken:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            name=d.pop("name", None),
            scopes=d.pop("scopes", None),
            sha_1=d.pop("sha1", None),
            token_last_eight=d.pop("token_last_eight", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class ActionRunner(Model):
    """ActionRunner is a machine that picks up Actions jobs."""

    busy: bool | None = None
    ephemeral: bool | None = None
    id: int | None = None
    labels: list[ActionRunnerLabel] | None = None
    name: str | None = None
    status: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActionRunner:
        d = dict(data)
        return cls(
            busy=d.pop("busy", None),
            ephemeral=d.pop("ephemeral", None),
            id=d.pop("id", None),
            labels=opt_list(ActionRunnerLabel.from_dict, d.pop("labels", None)),
            name=d.pop("name", None),
            status=d.pop("status", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class ActionRunnerLabel(Model):
    """ActionRunnerLabel is one label a runner advertises."""

    id: int | None = None
    name: str | None = None
    type: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActionRunnerLabel:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            name=d.pop("name", None),
            type=d.pop("type", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Activity(Model):
    """Activity is one entry of an activity feed."""

    act_user: User | None = None
    act_user_id: int | None = None
    content: str | None = None
    created: datetime.datetime | None = None
    id: int | None = None
    is_private: bool | None = None
    op_type: str | None = None
    ref_name: str | None = None
    repo: Repository | None = None
    repo_id: int | None = None
    user_id: int | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Activity:
        d = dict(data)
        return cls(
            act_user=opt(User.from_dict, d.pop("act_user", None)),
            act_user_id=d.pop("act_user_id", None),
            content=d.pop("content", None),
            created=opt(parse_datetime, d.pop("created", None)),
            id=d.pop("id", None),
            is_private=d.pop("is_private", None),
            op_type=d.pop("op_type", None),
            ref_name=d.pop("ref_name", None),
            repo=opt(Repository.from_dict, d.pop("repo", None)),
            repo_id=d.pop("repo_id", None),
            user_id=d.pop("user_id", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class ActivityPub(Model):
    """ActivityPub is the JSON-LD envelope of a federated object."""

    context: str | None = field(default=None, metadata={"wire": "@context"})

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActivityPub:
        d = dict(data)
        return cls(context=d.pop("@context", None), additional_properties=d)


@dataclass(slots=True, kw_only=True)
class APIError(Model):
    """APIError is the JSON body the server sends with most failures."""

    message: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> APIError:
        d = dict(data)
        return cls(
            message=d.pop("message", None),
            url=d.pop("url", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Attachment(Model):
    """Attachment is a file uploaded to a release or an issue."""

    browser_download_url: str | None = None
    created_at: datetime.datetime | None = None
    download_count: int | None = None
    id: int | None = None
    name: str | None = None
    size: int | None = None
    """size in bytes"""
    uuid: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attachment:
        d = dict(data)
        return cls(
            browser_download_url=d.pop("browser_download_url", None),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            download_count=d.pop("download_count", None),
            id=d.pop("id", None),
            name=d.pop("name", None),
            size=d.pop("size", None),
            uuid=d.pop("uuid", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Commit(Model):
    """Commit is a commit together with the forge accounts of its author and committer."""

    author: User | None = None
    commit: RepoCommit | None = None
    committer: User | None = None
    created: datetime.datetime | None = None
    html_url: str | None = None
    sha: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Commit:
        d = dict(data)
        return cls(
            author=opt(User.from_dict, d.pop("author", None)),
            commit=opt(RepoCommit.from_dict, d.pop("commit", None)),
            committer=opt(User.from_dict, d.pop("committer", None)),
            created=opt(parse_datetime, d.pop("created", None)),
            html_url=d.pop("html_url", None),
            sha=d.pop("sha", None),
            url=d.pop("url", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class CommitUser(Model):
    """CommitUser is a name and address as recorded in a git commit."""

    date: str | None = None
    email: str | None = None
    name: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CommitUser:
        d = dict(data)
        return cls(
            date=d.pop("date", None),
            email=d.pop("email", None),
            name=d.pop("name", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class CreateAccessTokenOption(Model):
    """CreateAccessTokenOption is the request to mint a token."""

    name: str
    scopes: list[str] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateAccessTokenOption:
        d = dict(data)
        return cls(
            name=need(d, "name"), scopes=d.pop("scopes", None), additional_properties=d
        )


@dataclass(slots=True, kw_only=True)
class CreateActionWorkflowDispatch(Model):
    """CreateActionWorkflowDispatch names the ref to run and the workflow inputs."""

    inputs: dict[str, str] | None = None
    ref: str

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateActionWorkflowDispatch:
        d = dict(data)
        return cls(
            inputs=d.pop("inputs", None), ref=need(d, "ref"), additional_properties=d
        )


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
        return cls(
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


@dataclass(slots=True, kw_only=True)
class CreateOrUpdateSecretOption(Model):
    """CreateOrUpdateSecretOption carries the value of a secret."""

    data: str
    """the secret value; it is never returned by the API"""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateOrUpdateSecretOption:
        d = dict(data)
        return cls(data=need(d, "data"), additional_properties=d)


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
        return cls(
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


@dataclass(slots=True, kw_only=True)
class EditReactionOption(Model):
    """EditReactionOption names one reaction, such as +1 or heart."""

    content: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EditReactionOption:
        d = dict(data)
        return cls(content=d.pop("content", None), additional_properties=d)


@dataclass(slots=True, kw_only=True)
class GeneralAPISettings(Model):
    """GeneralAPISettings holds the paging and size limits of the API."""

    default_git_trees_per_page: int | None = None
    default_max_blob_size: int | None = None
    default_paging_num: int | None = None
    max_response_items: int | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> GeneralAPISettings:
        d = dict(data)
        return cls(
            default_git_trees_per_page=d.pop("default_git_trees_per_page", None),
            default_max_blob_size=d.pop("default_max_blob_size", None),
            default_paging_num=d.pop("default_paging_num", None),
            max_response_items=d.pop("max_response_items", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Issue(Model):
    """Issue is an issue or a pull request seen as an issue."""

    assets: list[Attachment] | None = None
    assignee: User | None = None
    assignees: list[User] | None = None
    body: str | None = None
    closed_at: datetime.datetime | None = None
    comments: int | None = None
    created_at: datetime.datetime | None = None
    due_date: datetime.datetime | None = None
    html_url: str | None = None
    id: int | None = None
    is_locked: bool | None = None
    labels: list[Label] | None = None
    milestone: Milestone | None = None
    number: int | None = None
    pull_request: PullRequestMeta | None = None
    ref: str | None = None
    state: str | None = None
    title: str | None = None
    updated_at: datetime.datetime | None = None
    url: str | None = None
    user: User | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Issue:
        d = dict(data)
        return cls(
            assets=opt_list(Attachment.from_dict, d.pop("assets", None)),
            assignee=opt(User.from_dict, d.pop("assignee", None)),
            assignees=opt_list(User.from_dict, d.pop("assignees", None)),
            body=d.pop("body", None),
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            comments=d.pop("comments", None),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            due_date=opt(parse_datetime, d.pop("due_date", None)),
            html_url=d.pop("html_url", None),
            id=d.pop("id", None),
            is_locked=d.pop("is_locked", None),
            labels=opt_list(Label.from_dict, d.pop("labels", None)),
            milestone=opt(Milestone.from_dict, d.pop("milestone", None)),
            number=d.pop("number", None),
            pull_request=opt(PullRequestMeta.from_dict, d.pop("pull_request", None)),
            ref=d.pop("ref", None),
            state=d.pop("state", None),
            title=d.pop("title", None),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            url=d.pop("url", None),
            user=opt(User.from_dict, d.pop("user", None)),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class IssueMeta(Model):
    """IssueMeta points at an issue, possibly in another repository."""

    index: int | None = None
    owner: str | None = None
    repo: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IssueMeta:
        d = dict(data)
        return cls(
            index=d.pop("index", None),
            owner=d.pop("owner", None),
            repo=d.pop("repo", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Label(Model):
    """Label is a tag that can be put on issues and pull requests."""

    color: str | None = None
    description: str | None = None
    exclusive: bool | None = None
    id: int | None = None
    name: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Label:
        d = dict(data)
        return cls(
            color=d.pop("color", None),
            description=d.pop("description", None),
            exclusive=d.pop("exclusive", None),
            id=d.pop("id", None),
            name=d.pop("name", None),
            url=d.pop("url", None),
            additional_properties=d,
        )


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
        return cls(
            do=MergePullRequestOptionDo(need(d, "Do")),
            merge_commit_id=d.pop("MergeCommitID", None),
            merge_message_field=d.pop("MergeMessageField", None),
            merge_title_field=d.pop("MergeTitleField", None),
            delete_branch_after_merge=d.pop("delete_branch_after_merge", None),
            force_merge=d.pop("force_merge", None),
            head_commit_id=d.pop("head_commit_id", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Milestone(Model):
    """Milestone groups issues towards a goal."""

    closed_at: datetime.datetime | None = None
    due_on: datetime.datetime | None = None
    id: int | None = None
    state: str | None = None
    title: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Milestone:
        d = dict(data)
        return cls(
            closed_at=opt(parse_datetime, d.pop("closed_at", None)),
            due_on=opt(parse_datetime, d.pop("due_on", None)),
            id=d.pop("id", None),
            state=d.pop("state", None),
            title=d.pop("title", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class NodeInfo(Model):
    """NodeInfo describes the server software for federation peers."""

    metadata: dict[str, Any] | None = None
    open_registrations: bool | None = field(
        default=None, metadata={"wire": "openRegistrations"}
    )
    protocols: list[str] | None = None
    software: NodeInfoSoftware | None = None
    version: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NodeInfo:
        d = dict(data)
        return cls(
            metadata=d.pop("metadata", None),
            open_registrations=d.pop("openRegistrations", None),
            protocols=d.pop("protocols", None),
            software=opt(NodeInfoSoftware.from_dict, d.pop("software", None)),
            version=d.pop("version", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class NodeInfoSoftware(Model):
    """NodeInfoSoftware names the software that runs the server."""

    homepage: str | None = None
    name: str | None = None
    repository: str | None = None
    version: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NodeInfoSoftware:
        d = dict(data)
        return cls(
            homepage=d.pop("homepage", None),
            name=d.pop("name", None),
            repository=d.pop("repository", None),
            version=d.pop("version", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class NotificationSubject(Model):
    """NotificationSubject is what a notification thread is about."""

    html_url: str | None = None
    state: str | None = None
    title: str | None = None
    type: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NotificationSubject:
        d = dict(data)
        return cls(
            html_url=d.pop("html_url", None),
            state=d.pop("state", None),
            title=d.pop("title", None),
            type=d.pop("type", None),
            url=d.pop("url", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class NotificationThread(Model):
    """NotificationThread is one notification of the signed-in user."""

    id: int | None = None
    pinned: bool | None = None
    repository: Repository | None = None
    subject: NotificationSubject | None = None
    unread: bool | None = None
    updated_at: datetime.datetime | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NotificationThread:
        d = dict(data)
        return cls(
            id=d.pop("id", None),
            pinned=d.pop("pinned", None),
            repository=opt(Repository.from_dict, d.pop("repository", None)),
            subject=opt(NotificationSubject.from_dict, d.pop("subject", None)),
            unread=d.pop("unread", None),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            url=d.pop("url", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class OAuth2Application(Model):
    """OAuth2Application is a client registered for the OAuth2 flow."""

    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    confidential_client: bool | None = None
    created: datetime.datetime | None = None
    id: int | None = None
    name: str | None = None
    redirect_uris: list[str] | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OAuth2Application:
        d = dict(data)
        return cls(
            client_id=d.pop("client_id", None),
            client_secret=d.pop("client_secret", None),
            confidential_client=d.pop("confidential_client", None),
            created=opt(parse_datetime, d.pop("created", None)),
            id=d.pop("id", None),
            name=d.pop("name", None),
            redirect_uris=d.pop("redirect_uris", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Permission(Model):
    """Permission is what the caller may do with a repository."""

    admin: bool | None = None
    pull: bool | None = None
    push: bool | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Permission:
        d = dict(data)
        return cls(
            admin=d.pop("admin", None),
            pull=d.pop("pull", None),
            push=d.pop("push", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class PullRequestMeta(Model):
    """PullRequestMeta is present on an issue that is a pull request."""

    draft: bool | None = None
    html_url: str | None = None
    merged: bool | None = None
    merged_at: datetime.datetime | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PullRequestMeta:
        d = dict(data)
        return cls(
            draft=d.pop("draft", None),
            html_url=d.pop("html_url", None),
            merged=d.pop("merged", None),
            merged_at=opt(parse_datetime, d.pop("merged_at", None)),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class RepoCommit(Model):
    """RepoCommit is the git-level part of a commit."""

    author: CommitUser | None = None
    committer: CommitUser | None = None
    message: str | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RepoCommit:
        d = dict(data)
        return cls(
            author=opt(CommitUser.from_dict, d.pop("author", None)),
            committer=opt(CommitUser.from_dict, d.pop("committer", None)),
            message=d.pop("message", None),
            url=d.pop("url", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class Repository(Model):
    """Repository is a git repository hosted on the forge."""

    archived: bool | None = None
    archived_at: datetime.datetime | None = None
    clone_url: str | None = None
    created_at: datetime.datetime | None = None
    default_branch: str | None = None
    description: str | None = None
    empty: bool | None = None
    fork: bool | None = None
    forks_count: int | None = None
    full_name: str | None = None
    html_url: str | None = None
    id: int | None = None
    internal: bool | None = None
    mirror: bool | None = None
    name: str | None = None
    object_format_name: RepositoryObjectFormatName | None = None
    """hash algorithm of the repository"""
    open_issues_count: int | None = None
    owner: User | None = None
    parent: Repository | None = None
    permissions: Permission | None = None
    private: bool | None = None
    size: int | None = None
    """size in KiB"""
    ssh_url: str | None = None
    stars_count: int | None = None
    template: bool | None = None
    updated_at: datetime.datetime | None = None
    website: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Repository:
        d = dict(data)
        return cls(
            archived=d.pop("archived", None),
            archived_at=opt(parse_datetime, d.pop("archived_at", None)),
            clone_url=d.pop("clone_url", None),
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            default_branch=d.pop("default_branch", None),
            description=d.pop("description", None),
            empty=d.pop("empty", None),
            fork=d.pop("fork", None),
            forks_count=d.pop("forks_count", None),
            full_name=d.pop("full_name", None),
            html_url=d.pop("html_url", None),
            id=d.pop("id", None),
            internal=d.pop("internal", None),
            mirror=d.pop("mirror", None),
            name=d.pop("name", None),
            object_format_name=opt(
                RepositoryObjectFormatName, d.pop("object_format_name", None)
            ),
            open_issues_count=d.pop("open_issues_count", None),
            owner=opt(User.from_dict, d.pop("owner", None)),
            parent=opt(Repository.from_dict, d.pop("parent", None)),
            permissions=opt(Permission.from_dict, d.pop("permissions", None)),
            private=d.pop("private", None),
            size=d.pop("size", None),
            ssh_url=d.pop("ssh_url", None),
            stars_count=d.pop("stars_count", None),
            template=d.pop("template", None),
            updated_at=opt(parse_datetime, d.pop("updated_at", None)),
            website=d.pop("website", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class SearchResults(Model):
    """SearchResults wraps one page of repository search hits."""

    data: list[Repository] | None = None
    ok: bool | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchResults:
        d = dict(data)
        return cls(
            data=opt_list(Repository.from_dict, d.pop("data", None)),
            ok=d.pop("ok", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class ServerVersion(Model):
    """ServerVersion is the version string of the running server."""

    version: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServerVersion:
        d = dict(data)
        return cls(version=d.pop("version", None), additional_properties=d)


@dataclass(slots=True, kw_only=True)
class User(Model):
    """User is an account on the forge."""

    active: bool | None = None
    avatar_url: str | None = None
    created: datetime.datetime | None = None
    description: str | None = None
    email: str | None = None
    full_name: str | None = None
    html_url: str | None = None
    id: int | None = None
    is_admin: bool | None = None
    last_login: datetime.datetime | None = None
    login: str | None = None
    login_name: str | None = None
    restricted: bool | None = None
    visibility: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> User:
        d = dict(data)
        return cls(
            active=d.pop("active", None),
            avatar_url=d.pop("avatar_url", None),
            created=opt(parse_datetime, d.pop("created", None)),
            description=d.pop("description", None),
            email=d.pop("email", None),
            full_name=d.pop("full_name", None),
            html_url=d.pop("html_url", None),
            id=d.pop("id", None),
            is_admin=d.pop("is_admin", None),
            last_login=opt(parse_datetime, d.pop("last_login", None)),
            login=d.pop("login", None),
            login_name=d.pop("login_name", None),
            restricted=d.pop("restricted", None),
            visibility=d.pop("visibility", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class UserSettings(Model):
    """UserSettings are the preferences a user can change."""

    description: str | None = None
    diff_view_style: str | None = None
    full_name: str | None = None
    hide_activity: bool | None = None
    hide_email: bool | None = None
    language: str | None = None
    location: str | None = None
    theme: str | None = None
    website: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> UserSettings:
        d = dict(data)
        return cls(
            description=d.pop("description", None),
            diff_view_style=d.pop("diff_view_style", None),
            full_name=d.pop("full_name", None),
            hide_activity=d.pop("hide_activity", None),
            hide_email=d.pop("hide_email", None),
            language=d.pop("language", None),
            location=d.pop("location", None),
            theme=d.pop("theme", None),
            website=d.pop("website", None),
            additional_properties=d,
        )


@dataclass(slots=True, kw_only=True)
class WatchInfo(Model):
    """WatchInfo tells whether and how the caller watches a repository."""

    created_at: datetime.datetime | None = None
    ignored: bool | None = None
    reason: Any | None = None
    repository_url: str | None = None
    subscribed: bool | None = None
    url: str | None = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WatchInfo:
        d = dict(data)
        return cls(
            created_at=opt(parse_datetime, d.pop("created_at", None)),
            ignored=d.pop("ignored", None),
            reason=d.pop("reason", None),
            repository_url=d.pop("repository_url", None),
            subscribed=d.pop("subscribed", None),
            url=d.pop("url", None),
            additional_properties=d,
        )
