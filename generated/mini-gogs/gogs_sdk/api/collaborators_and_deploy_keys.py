"""Who besides the owner may work on a repository"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import models
from .._runtime import json_list

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import Collaborator

__all__ = ["AsyncCollaboratorsAndDeployKeysApi", "CollaboratorsAndDeployKeysApi"]


class CollaboratorsAndDeployKeysApi:
    """Operations tagged ``Collaborators and Deploy Keys``: ``client.collaborators_and_deploy_keys``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def list_collaborators(self, owner: str, repo: str) -> list[Collaborator]:
        """List the collaborators of a repository

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository

        Returns ``list[Collaborator]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/collaborators`` (operationId ``listCollaborators``)
        """
        return self._client.call(
            "GET",
            "/repos/{owner}/{repo}/collaborators",
            path={"owner": owner, "repo": repo},
            decode=json_list(models.Collaborator.from_dict),
        )


class AsyncCollaboratorsAndDeployKeysApi:
    """The awaitable twin of ``CollaboratorsAndDeployKeysApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def list_collaborators(self, owner: str, repo: str) -> list[Collaborator]:
        """List the collaborators of a repository

        Args:
            owner: (path) Owner of the repository
            repo: (path) Name of the repository

        Returns ``list[Collaborator]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/{owner}/{repo}/collaborators`` (operationId ``listCollaborators``)
        """
        return await self._client.call(
            "GET",
            "/repos/{owner}/{repo}/collaborators",
            path={"owner": owner, "repo": repo},
            decode=json_list(models.Collaborator.from_dict),
        )
