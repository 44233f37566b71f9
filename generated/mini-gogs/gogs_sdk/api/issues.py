"""Read and open issues"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .._runtime import dump, json_list, json_of
from ..models import CreateIssueBody, Issue

if TYPE_CHECKING:
    from .._client import AsyncClient, Client

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
    ) -> list[Issue]:
        """List the issues of a repository

        Pull requests are listed too; they carry a pull_request key. The page size is fixed by the server.

        Args:
            owner: Owner of the repository
            repo: Name of the repository
            page: 1-based page number
            state: Which issues to return

        ``GET /repos/{owner}/{repo}/issues`` (operationId ``listIssues``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            query={"page": page, "state": state},
            decode=json_list(Issue.from_dict),
        )

    def create_issue(self, owner: str, repo: str, body: CreateIssueBody) -> Issue:
        """Open an issue

        Args:
            owner: Owner of the repository
            repo: Name of the repository

        ``POST /repos/{owner}/{repo}/issues`` (operationId ``createIssue``)
        """
        return self._client.call(
            "POST",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            json=dump(body),
            decode=json_of(Issue.from_dict),
        )

    def get_issue(self, owner: str, repo: str, index: int) -> Issue:
        """Fetch one issue by its number

        Args:
            owner: Owner of the repository
            repo: Name of the repository
            index: Issue number

        ``GET /repos/{owner}/{repo}/issues/{index}`` (operationId ``getIssue``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues/{index}",
            path={"owner": owner, "repo": repo, "index": index},
            decode=json_of(Issue.from_dict),
        )


class AsyncIssuesApi:
    """The awaitable twin of ``IssuesApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def list_issues(
        self,
        owner: str,
        repo: str,
        *,
        page: int | None = None,
        state: Literal["open", "closed"] | None = None,
    ) -> list[Issue]:
        """List the issues of a repository

        Pull requests are listed too; they carry a pull_request key. The page size is fixed by the server.

        Args:
            owner: Owner of the repository
            repo: Name of the repository
            page: 1-based page number
            state: Which issues to return

        ``GET /repos/{owner}/{repo}/issues`` (operationId ``listIssues``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            query={"page": page, "state": state},
            decode=json_list(Issue.from_dict),
        )

    async def create_issue(self, owner: str, repo: str, body: CreateIssueBody) -> Issue:
        """Open an issue

        Args:
            owner: Owner of the repository
            repo: Name of the repository

        ``POST /repos/{owner}/{repo}/issues`` (operationId ``createIssue``)
        """
        return await self._client.call(
            "POST",
            "/repos/{owner}/{repo}/issues",
            path={"owner": owner, "repo": repo},
            json=dump(body),
            decode=json_of(Issue.from_dict),
        )

    async def get_issue(self, owner: str, repo: str, index: int) -> Issue:
        """Fetch one issue by its number

        Args:
            owner: Owner of the repository
            repo: Name of the repository
            index: Issue number

        ``GET /repos/{owner}/{repo}/issues/{index}`` (operationId ``getIssue``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/issues/{index}",
            path={"owner": owner, "repo": repo, "index": index},
            decode=json_of(Issue.from_dict),
        )
