"""Operations tagged issue."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Literal

from .. import models
from .._runtime import dump, json_list, json_of, nothing
from .._pagination import AsyncPaginator, Paginator

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import CreateIssueOption, EditReactionOption, Issue, IssueMeta

__all__ = ["AsyncIssueApi", "IssueApi"]


class IssueApi:
    """Operations tagged ``issue``: ``client.issue``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def list_issues(
        self,
        owner: str,
        repo: str,
        *,
        state: Literal["closed", "open", "all"] | None = None,
        labels: str | None = None,
        q: str | None = None,
        type: Literal["issues", "pulls"] | None = None,
        since: datetime.datetime | None = None,
        before: datetime.datetime | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Paginator[Issue]:
        """List the issues of a repository

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            state: (query) which issues to return, by state
            labels: (query) comma-separated label names to filter by
            q: (query) search keyword
            type: (query) return only issues or only pull requests
            since: (query) only issues updated after this instant (RFC 3339)
            before: (query) only issues updated before this instant (RFC 3339)
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``Paginator[Issue]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues`` (operationId ``issueListIssues``)
        """
        return Paginator(
            self._client,
            "GET",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            query={
                "state": state,
                "labels": labels,
                "q": q,
                "type": type,
                "since": since,
                "before": before,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_list(models.Issue.from_dict),
            max_items=max_items,
        )

    def create_issue(self, owner: str, repo: str, body: CreateIssueOption) -> Issue:
        """Open a new issue

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            body: (JSON body) a ``CreateIssueOption``

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/issues`` (operationId ``issueCreateIssue``)
        """
        return self._client.call(
            "POST",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            json=dump(body),
            decode=json_of(models.Issue.from_dict),
        )

    def get_issue(self, owner: str, repo: str, index: int) -> Issue:
        """Fetch one issue by its number

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) issue number within the repository

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues/{index}`` (operationId ``issueGetIssue``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues/{index}",
            path={"owner": owner, "repo": repo, "index": index},
            decode=json_of(models.Issue.from_dict),
        )

    def create_issue_blocking(
        self, owner: str, repo: str, index: str, *, body: IssueMeta | None = None
    ) -> Issue:
        """Mark another issue as blocked by this one

        Args:
            owner: (path) user or organization that owns the blocking issue's repository
            repo: (path) repository of the blocking issue
            index: (path) number of the blocking issue
            body: (JSON body) the issue that becomes blocked; it may live in another repository

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/issues/{index}/blocks`` (operationId ``issueCreateIssueBlocking``)
        """
        return self._client.call(
            "POST",
            "/repos/{owner}/{repo}/issues/{index}/blocks",
            path={"owner": owner, "repo": repo, "index": index},
            json=dump(body),
            decode=json_of(models.Issue.from_dict),
        )

    def delete_issue_reaction(
        self,
        owner: str,
        repo: str,
        index: int,
        *,
        body: EditReactionOption | None = None,
    ) -> None:
        """Withdraw a reaction from an issue

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) issue number within the repository
            body: (JSON body) a ``EditReactionOption``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``DELETE /repos/{owner}/{repo}/issues/{index}/reactions`` (operationId ``issueDeleteIssueReaction``)
        """
        self._client.call(
            "DELETE",
            "/repos/{owner}/{repo}/issues/{index}/reactions",
            path={"owner": owner, "repo": repo, "index": index},
            json=dump(body),
            decode=nothing,
        )


class AsyncIssueApi:
    """The awaitable twin of ``IssueApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def list_issues(
        self,
        owner: str,
        repo: str,
        *,
        state: Literal["closed", "open", "all"] | None = None,
        labels: str | None = None,
        q: str | None = None,
        type: Literal["issues", "pulls"] | None = None,
        since: datetime.datetime | None = None,
        before: datetime.datetime | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Issue]:
        """List the issues of a repository

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            state: (query) which issues to return, by state
            labels: (query) comma-separated label names to filter by
            q: (query) search keyword
            type: (query) return only issues or only pull requests
            since: (query) only issues updated after this instant (RFC 3339)
            before: (query) only issues updated before this instant (RFC 3339)
            page: (query) 1-based page number
            limit: (query) number of items per page
            max_items: stop after this many items

        Returns ``AsyncPaginator[Issue]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues`` (operationId ``issueListIssues``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            query={
                "state": state,
                "labels": labels,
                "q": q,
                "type": type,
                "since": since,
                "before": before,
                "page": page,
                "limit": limit,
            },
            page_param="page",
            decode=json_list(models.Issue.from_dict),
            max_items=max_items,
        )

    async def create_issue(
        self, owner: str, repo: str, body: CreateIssueOption
    ) -> Issue:
        """Open a new issue

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            body: (JSON body) a ``CreateIssueOption``

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/issues`` (operationId ``issueCreateIssue``)
        """
        return await self._client.call(
            "POST",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            json=dump(body),
            decode=json_of(models.Issue.from_dict),
        )

    async def get_issue(self, owner: str, repo: str, index: int) -> Issue:
        """Fetch one issue by its number

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) issue number within the repository

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues/{index}`` (operationId ``issueGetIssue``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues/{index}",
            path={"owner": owner, "repo": repo, "index": index},
            decode=json_of(models.Issue.from_dict),
        )

    async def create_issue_blocking(
        self, owner: str, repo: str, index: str, *, body: IssueMeta | None = None
    ) -> Issue:
        """Mark another issue as blocked by this one

        Args:
            owner: (path) user or organization that owns the blocking issue's repository
            repo: (path) repository of the blocking issue
            index: (path) number of the blocking issue
            body: (JSON body) the issue that becomes blocked; it may live in another repository

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/issues/{index}/blocks`` (operationId ``issueCreateIssueBlocking``)
        """
        return await self._client.call(
            "POST",
            "/repos/{owner}/{repo}/issues/{index}/blocks",
            path={"owner": owner, "repo": repo, "index": index},
            json=dump(body),
            decode=json_of(models.Issue.from_dict),
        )

    async def delete_issue_reaction(
        self,
        owner: str,
        repo: str,
        index: int,
        *,
        body: EditReactionOption | None = None,
    ) -> None:
        """Withdraw a reaction from an issue

        Args:
            owner: (path) user or organization that owns the repository
            repo: (path) repository name
            index: (path) issue number within the repository
            body: (JSON body) a ``EditReactionOption``

        Returns nothing. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``DELETE /repos/{owner}/{repo}/issues/{index}/reactions`` (operationId ``issueDeleteIssueReaction``)
        """
        await self._client.call(
            "DELETE",
            "/repos/{owner}/{repo}/issues/{index}/reactions",
            path={"owner": owner, "repo": repo, "index": index},
            json=dump(body),
            decode=nothing,
        )
