"""Find, read and download from repositories"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from .. import models
from .._runtime import content, json_items, json_of
from .._pagination import AsyncPaginator, Paginator

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import Repository

__all__ = ["AsyncRepositoriesApi", "RepositoriesApi"]


class RepositoriesApi:
    """Operations tagged ``Repositories``: ``client.repositories``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def search_repositories(
        self,
        q: str,
        *,
        uid: int | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> Paginator[Repository]:
        """Search repositories by keyword

        Args:
            q: (query) Keyword to look for
            uid: (query) Only repositories of this user id
            page: (query) 1-based page number
            limit: (query) Most results per page
            max_items: stop after this many items

        Returns ``Paginator[Repository]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/search`` (operationId ``searchRepositories``)
        """
        return Paginator(
            self._client,
            "GET",
            "/repos/search",
            query={"q": q, "uid": uid, "page": page, "limit": limit},
            page_param="page",
            decode=json_items(
                models.SearchRepositoriesResponse.from_dict, lambda page: page.data
            ),
            max_items=max_items,
        )

    def get_repository(self, owner: str, repo: str) -> Repository:
        """Fetch one repository

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository

        Returns ``Repository``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}`` (operationId ``getRepository``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}",
            path={"owner": owner, "repo": repo},
            decode=json_of(models.Repository.from_dict),
        )

    def get_raw_content(
        self,
        owner: str,
        repo: str,
        ref: str,
        filepath: str,
        *,
        into: IO[bytes] | None = None,
    ) -> bytes:
        """Download the bytes of one file

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            ref: (path) Branch, tag or commit
            filepath: (path) Path of the file; may contain slashes
            into: write the body into this binary file as it arrives (the method then returns b'')

        Returns ``bytes``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/raw/{ref}/{filepath}`` (operationId ``getRawContent``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/raw/{ref}/{filepath}",
            path={"owner": owner, "repo": repo, "ref": ref, "filepath": filepath},
            keep_slash=("filepath",),
            into=into,
            decode=content,
        )


class AsyncRepositoriesApi:
    """The awaitable twin of ``RepositoriesApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def search_repositories(
        self,
        q: str,
        *,
        uid: int | None = None,
        page: int | None = None,
        limit: int | None = None,
        max_items: int | None = None,
    ) -> AsyncPaginator[Repository]:
        """Search repositories by keyword

        Args:
            q: (query) Keyword to look for
            uid: (query) Only repositories of this user id
            page: (query) 1-based page number
            limit: (query) Most results per page
            max_items: stop after this many items

        Returns ``AsyncPaginator[Repository]``, every item of every page, lazily. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/search`` (operationId ``searchRepositories``)
        """
        return AsyncPaginator(
            self._client,
            "GET",
            "/repos/search",
            query={"q": q, "uid": uid, "page": page, "limit": limit},
            page_param="page",
            decode=json_items(
                models.SearchRepositoriesResponse.from_dict, lambda page: page.data
            ),
            max_items=max_items,
        )

    async def get_repository(self, owner: str, repo: str) -> Repository:
        """Fetch one repository

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository

        Returns ``Repository``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}`` (operationId ``getRepository``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}",
            path={"owner": owner, "repo": repo},
            decode=json_of(models.Repository.from_dict),
        )

    async def get_raw_content(
        self,
        owner: str,
        repo: str,
        ref: str,
        filepath: str,
        *,
        into: IO[bytes] | None = None,
    ) -> bytes:
        """Download the bytes of one file

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository
            ref: (path) Branch, tag or commit
            filepath: (path) Path of the file; may contain slashes
            into: write the body into this binary file as it arrives (the method then returns b'')

        Returns ``bytes``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/raw/{ref}/{filepath}`` (operationId ``getRawContent``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/raw/{ref}/{filepath}",
            path={"owner": owner, "repo": repo, "ref": ref, "filepath": filepath},
            keep_slash=("filepath",),
            into=into,
            decode=content,
        )
