"""Operations tagged repository."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Literal

from .. import models
from .._runtime import (
    FileUpload,
    content,
    dump,
    json_items,
    json_list,
    json_of,
    nothing,
    text,
)
from .._pagination import AsyncPaginator, Paginator

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import (
        Attachment,
        Commit,
        CreateActionWorkflowDispatch,
        CreateOrUpdateSecretOption,
        CreateRepoOption,
        MergePullRequestOption,
        Repository,
        WatchInfo,
    )

__all__ = ["AsyncRepositoryApi", "RepositoryApi"]


class RepositoryApi:
    """Operations tagged ``repository``: ``client.repository``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def search(
        self,
        *,
        q: str | None = None,
        topic: bool | None = None,
        include_desc: bool | None = None,
        uid: int | None = None,
        private: bool | None = None,
        sort: str | None = None,
        order: str | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Paginator[Repository]:
        """Search repositories by keyword

        Args:
            q: (query) search keyword
            topic: (query) match the keyword against topics only
            include_desc: (query) also match the keyword against descriptions
            uid: (query) only repositories this user can see or owns
            private: (query) include private repositories the caller may read
            sort: (query) sort field, for instance alpha, created or updated
            order: (query) sort direction, asc or desc
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``Paginator[Repository]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/search`` (operationId ``repoSearch``)
        """
        return Paginator(
            self._client,
            "GET",
            "/repos/search",
            query={
                "q": q,
                "topic": topic,
                "includeDesc": include_desc,
                "uid": uid,
                "private": private,
                "sort": sort,
                "order": order,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_items(models.SearchResults.from_dict, lambda page: page.data),
            max_items=max_items,
        )

    def get(self, owner: str, repo: str) -> Repository:
        """Fetch one repository

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name

        Returns ``Repository``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}`` (operationId ``repoGet``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}",
            path={"owner": owner, "repo": repo},
            decode=json_of(models.Repository.from_dict),
        )

    def update_repo_secret(
        self, owner: str, repo: str, secretname: str, body: CreateOrUpdateSecretOption
    ) -> None:
        """Set an Actions secret, creating it when it does not exist yet

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            secretname: (path) secret name
            body: (JSON body) a ``CreateOrUpdateSecretOption``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``PUT /repos/{owner}/{repo}/actions/secrets/{secretname}`` (operationId ``updateRepoSecret``)
        """
        self._client.call(
            "PUT",
            "/repos/{owner}/{repo}/actions/secrets/{secretname}",
            path={"owner": owner, "repo": repo, "secretname": secretname},
            json=dump(body),
            decode=nothing,
        )

    def actions_dispatch_workflow(
        self,
        owner: str,
        repo: str,
        workflow_id: str,
        body: CreateActionWorkflowDispatch,
    ) -> None:
        """Start a workflow run by hand

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            workflow_id: (path) workflow file name, such as ci.yml
            body: (JSON body) a ``CreateActionWorkflowDispatch``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches`` (operationId ``ActionsDispatchWorkflow``)
        """
        self._client.call(
            "POST",
            "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
            path={"owner": owner, "repo": repo, "workflow_id": workflow_id},
            json=dump(body),
            decode=nothing,
        )

    def get_all_commits(
        self,
        owner: str,
        repo: str,
        *,
        sha: str | None = None,
        path: str | None = None,
        files: bool | None = None,
        page: int | None = None,
        limit: int | None = None,
        not_: str | None = None,
        max_items: int | None = None,
    ) -> Paginator[Commit]:
        """List the commits reachable from a ref

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            sha: (query) branch, tag or commit to start from
            path: (query) only commits that touch this path
            files: (query) include the list of changed files (slower)
            page: (query) 1-based page number
            limit: (query) number of items per page
            not_: (query) leave out commits reachable from this ref
            max_items: stop after this many items

        Returns ``Paginator[Commit]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/commits`` (operationId ``repoGetAllCommits``)
        """
        return Paginator(
            self._client,
            "GET",
            "/repos/{owner}/{repo}/commits",
            path={"owner": owner, "repo": repo},
            query={
                "sha": sha,
                "path": path,
                "files": files,
                "page": page,
                "limit": limit,
                "not": not_,
            },
            page_param="page",
            decode=json_list(models.Commit.from_dict),
            max_items=max_items,
        )

    def download_pull_diff_or_patch(
        self,
        owner: str,
        repo: str,
        index: int,
        diff_type: Literal["diff", "patch"],
        *,
        binary: bool | None = None,
    ) -> str:
        """Download a pull request as a unified diff or a mailbox patch

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) pull request number
            diff_type: (path) output format
            binary: (query) include binary file changes

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/pulls/{index}.{diffType}`` (operationId ``repoDownloadPullDiffOrPatch``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/pulls/{index}.{diffType}",
            path={"owner": owner, "repo": repo, "index": index, "diffType": diff_type},
            query={"binary": binary},
            decode=text,
        )

    def merge_pull_request(
        self, owner: str, repo: str, index: int, body: MergePullRequestOption
    ) -> None:
        """Merge a pull request

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) pull request number
            body: (JSON body) a ``MergePullRequestOption``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/pulls/{index}/merge`` (operationId ``repoMergePullRequest``)
        """
        self._client.call(
            "POST",
            "/repos/{owner}/{repo}/pulls/{index}/merge",
            path={"owner": owner, "repo": repo, "index": index},
            json=dump(body),
            decode=nothing,
        )

    def get_raw_file(
        self,
        owner: str,
        repo: str,
        filepath: str,
        *,
        ref: str | None = None,
        into: IO[bytes] | None = None,
    ) -> bytes:
        """Download the bytes of one file

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            filepath: (path) path of the file inside the repository; may contain slashes
            ref: (query) branch, tag or commit; the default branch when left out
            into: write the body into this binary file as it arrives (the method then returns b'')

        Returns ``bytes``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/raw/{filepath}`` (operationId ``repoGetRawFile``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/raw/{filepath}",
            path={"owner": owner, "repo": repo, "filepath": filepath},
            keep_slash=("filepath",),
            query={"ref": ref},
            into=into,
            decode=content,
        )

    def create_release_attachment(
        self,
        owner: str,
        repo: str,
        id: int,
        *,
        name: str | None = None,
        attachment: FileUpload | None = None,
    ) -> Attachment:
        """Upload a file and attach it to a release

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            id: (path) release id
            name: (query) file name to store; the uploaded file's own name when left out
            attachment: (file) the file to upload

        Returns ``Attachment``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/releases/{id}/assets`` (operationId ``repoCreateReleaseAttachment``)
        """
        return self._client.call(
            "POST",
            "/repos/{owner}/{repo}/releases/{id}/assets",
            path={"owner": owner, "repo": repo, "id": id},
            query={"name": name},
            files={"attachment": attachment},
            decode=json_of(models.Attachment.from_dict),
        )

    def user_current_check_subscription(self, owner: str, repo: str) -> WatchInfo:
        """Tell whether the signed-in user watches a repository

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name

        Returns ``WatchInfo``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/subscription`` (operationId ``userCurrentCheckSubscription``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/subscription",
            path={"owner": owner, "repo": repo},
            decode=json_of(models.WatchInfo.from_dict),
        )

    def create_current_user_repo(self, body: CreateRepoOption) -> Repository:
        """Create a repository owned by the signed-in user

        Args:
            body: (JSON body) a ``CreateRepoOption``

        Returns ``Repository``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /user/repos`` (operationId ``createCurrentUserRepo``)
        """
        return self._client.call(
            "POST",
            "/user/repos",
            json=dump(body),
            decode=json_of(models.Repository.from_dict),
        )


class AsyncRepositoryApi:
    """The awaitable twin of ``RepositoryApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def search(
        self,
        *,
        q: str | None = None,
        topic: bool | None = None,
        include_desc: bool | None = None,
        uid: int | None = None,
        private: bool | None = None,
        sort: str | None = None,
        order: str | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Repository]:
        """Search repositories by keyword

        Args:
            q: (query) search keyword
            topic: (query) match the keyword against topics only
            include_desc: (query) also match the keyword against descriptions
            uid: (query) only repositories this user can see or owns
            private: (query) include private repositories the caller may read
            sort: (query) sort field, for instance alpha, created or updated
            order: (query) sort direction, asc or desc
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``AsyncPaginator[Repository]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/search`` (operationId ``repoSearch``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/repos/search",
            query={
                "q": q,
                "topic": topic,
                "includeDesc": include_desc,
                "uid": uid,
                "private": private,
                "sort": sort,
                "order": order,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_items(models.SearchResults.from_dict, lambda page: page.data),
            max_items=max_items,
        )

    async def get(self, owner: str, repo: str) -> Repository:
        """Fetch one repository

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name

        Returns ``Repository``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}`` (operationId ``repoGet``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}",
            path={"owner": owner, "repo": repo},
            decode=json_of(models.Repository.from_dict),
        )

    async def update_repo_secret(
        self, owner: str, repo: str, secretname: str, body: CreateOrUpdateSecretOption
    ) -> None:
        """Set an Actions secret, creating it when it does not exist yet

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            secretname: (path) secret name
            body: (JSON body) a ``CreateOrUpdateSecretOption``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``PUT /repos/{owner}/{repo}/actions/secrets/{secretname}`` (operationId ``updateRepoSecret``)
        """
        await self._client.call(
            "PUT",
            "/repos/{owner}/{repo}/actions/secrets/{secretname}",
            path={"owner": owner, "repo": repo, "secretname": secretname},
            json=dump(body),
            decode=nothing,
        )

    async def actions_dispatch_workflow(
        self,
        owner: str,
        repo: str,
        workflow_id: str,
        body: CreateActionWorkflowDispatch,
    ) -> None:
        """Start a workflow run by hand

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            workflow_id: (path) workflow file name, such as ci.yml
            body: (JSON body) a ``CreateActionWorkflowDispatch``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches`` (operationId ``ActionsDispatchWorkflow``)
        """
        await self._client.call(
            "POST",
            "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
            path={"owner": owner, "repo": repo, "workflow_id": workflow_id},
            json=dump(body),
            decode=nothing,
        )

    def get_all_commits(
        self,
        owner: str,
        repo: str,
        *,
        sha: str | None = None,
        path: str | None = None,
        files: bool | None = None,
        page: int | None = None,
        limit: int | None = None,
        not_: str | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Commit]:
        """List the commits reachable from a ref

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            sha: (query) branch, tag or commit to start from
            path: (query) only commits that touch this path
            files: (query) include the list of changed files (slower)
            page: (query) 1-based page number
            limit: (query) number of items per page
            not_: (query) leave out commits reachable from this ref
            max_items: stop after this many items

        Returns ``AsyncPaginator[Commit]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/commits`` (operationId ``repoGetAllCommits``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/repos/{owner}/{repo}/commits",
            path={"owner": owner, "repo": repo},
            query={
                "sha": sha,
                "path": path,
                "files": files,
                "page": page,
                "limit": limit,
                "not": not_,
            },
            page_param="page",
            decode=json_list(models.Commit.from_dict),
            max_items=max_items,
        )

    async def download_pull_diff_or_patch(
        self,
        owner: str,
        repo: str,
        index: int,
        diff_type: Literal["diff", "patch"],
        *,
        binary: bool | None = None,
    ) -> str:
        """Download a pull request as a unified diff or a mailbox patch

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) pull request number
            diff_type: (path) output format
            binary: (query) include binary file changes

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/pulls/{index}.{diffType}`` (operationId ``repoDownloadPullDiffOrPatch``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/pulls/{index}.{diffType}",
            path={"owner": owner, "repo": repo, "index": index, "diffType": diff_type},
            query={"binary": binary},
            decode=text,
        )

    async def merge_pull_request(
        self, owner: str, repo: str, index: int, body: MergePullRequestOption
    ) -> None:
        """Merge a pull request

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) pull request number
            body: (JSON body) a ``MergePullRequestOption``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/pulls/{index}/merge`` (operationId ``repoMergePullRequest``)
        """
        await self._client.call(
            "POST",
            "/repos/{owner}/{repo}/pulls/{index}/merge",
            path={"owner": owner, "repo": repo, "index": index},
            json=dump(body),
            decode=nothing,
        )

    async def get_raw_file(
        self,
        owner: str,
        repo: str,
        filepath: str,
        *,
        ref: str | None = None,
        into: IO[bytes] | None = None,
    ) -> bytes:
        """Download the bytes of one file

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            filepath: (path) path of the file inside the repository; may contain slashes
            ref: (query) branch, tag or commit; the default branch when left out
            into: write the body into this binary file as it arrives (the method then returns b'')

        Returns ``bytes``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/raw/{filepath}`` (operationId ``repoGetRawFile``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/raw/{filepath}",
            path={"owner": owner, "repo": repo, "filepath": filepath},
            keep_slash=("filepath",),
            query={"ref": ref},
            into=into,
            decode=content,
        )

    async def create_release_attachment(
        self,
        owner: str,
        repo: str,
        id: int,
        *,
        name: str | None = None,
        attachment: FileUpload | None = None,
    ) -> Attachment:
        """Upload a file and attach it to a release

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            id: (path) release id
            name: (query) file name to store; the uploaded file's own name when left out
            attachment: (file) the file to upload

        Returns ``Attachment``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/releases/{id}/assets`` (operationId ``repoCreateReleaseAttachment``)
        """
        return await self._client.call(
            "POST",
            "/repos/{owner}/{repo}/releases/{id}/assets",
            path={"owner": owner, "repo": repo, "id": id},
            query={"name": name},
            files={"attachment": attachment},
            decode=json_of(models.Attachment.from_dict),
        )

    async def user_current_check_subscription(self, owner: str, repo: str) -> WatchInfo:
        """Tell whether the signed-in user watches a repository

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name

        Returns ``WatchInfo``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/subscription`` (operationId ``userCurrentCheckSubscription``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/subscription",
            path={"owner": owner, "repo": repo},
            decode=json_of(models.WatchInfo.from_dict),
        )

    async def create_current_user_repo(self, body: CreateRepoOption) -> Repository:
        """Create a repository owned by the signed-in user

        Args:
            body: (JSON body) a ``CreateRepoOption``

        Returns ``Repository``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /user/repos`` (operationId ``createCurrentUserRepo``)
        """
        return await self._client.call(
            "POST",
            "/user/repos",
            json=dump(body),
            decode=json_of(models.Repository.from_dict),
        )
