"""Read and open issues"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .. import models
from .._runtime import dump, json_list, json_of
from .._pagination import AsyncPaginator, Paginator

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import CreateIssueBody, Issue

__all__ = ["AsyncIssuesApi", "IssuesApi"]


class IssuesApi:
    """Operations tagged ``Issues``: ``client.issues``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def list_issues(
        self,
        owner: str,
        repo: str,
        *,
        page: int | None = None,
        state: Literal["open", "closed"] | None = None,
        max_items: int | None = None,
    ) -> Paginator[Issue]:
        """List the issues of a repository

        Pull requests are listed too; they carry a pull_request key. The page size is fixed by the server.

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            page: (query) 1-based page number
            state: (query) Which issues to return
            max_items: stop after this many items

        Returns ``Paginator[Issue]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues`` (operationId ``listIssues``)
        """
        return Paginator(
            self._client,
            "GET",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            query={"page": page, "state": state},
            page_param="page",
            decode=json_list(models.Issue.from_dict),
            max_items=max_items,
        )

    def create_issue(self, owner: str, repo: str, body: CreateIssueBody) -> Issue:
        """Open an issue

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            body: (JSON body) a ``CreateIssueBody``

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/issues`` (operationId ``createIssue``)
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
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            index: (path) Issue number

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues/{index}`` (operationId ``getIssue``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues/{index}",
            path={"owner": owner, "repo": repo, "index": index},
            decode=json_of(models.Issue.from_dict),
        )


class AsyncIssuesApi:
    """The awaitable twin of ``IssuesApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def list_issues(
        self,
        owner: str,
        repo: str,
        *,
        page: int | None = None,
        state: Literal["open", "closed"] | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Issue]:
        """List the issues of a repository

        Pull requests are listed too; they carry a pull_request key. The page size is fixed by the server.

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            page: (query) 1-based page number
            state: (query) Which issues to return
            max_items: stop after this many items

        Returns ``AsyncPaginator[Issue]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues`` (operationId ``listIssues``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            query={"page": page, "state": state},
            page_param="page",
            decode=json_list(models.Issue.from_dict),
            max_items=max_items,
        )

    async def create_issue(self, owner: str, repo: str, body: CreateIssueBody) -> Issue:
        """Open an issue

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            body: (JSON body) a ``CreateIssueBody``

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /repos/{owner}/{repo}/issues`` (operationId ``createIssue``)
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
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            index: (path) Issue number

        Returns ``Issue``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/issues/{index}`` (operationId ``getIssue``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues/{index}",
            path={"owner": owner, "repo": repo, "index": index},
            decode=json_of(models.Issue.from_dict),
        )
