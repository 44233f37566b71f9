"""Operations tagged organization."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import models
from .._runtime import json_of

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import ActionRunner

__all__ = ["AsyncOrganizationApi", "OrganizationApi"]


class OrganizationApi:
    """Operations tagged ``organization``: ``client.organization``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def get_org_runner(self, org: str, runner_id: str) -> ActionRunner:
        """Look up one Actions runner registered to an organization

        Args:
            org: (path) organization name
            runner_id: (path) runner id

        Returns ``ActionRunner``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /orgs/{org}/actions/runners/{runner_id}`` (operationId ``getOrgRunner``)
        """
        return self._client.call(
            "GET",
            "/orgs/{org}/actions/runners/{runner_id}",
            path={"org": org, "runner_id": runner_id},
            decode=json_of(models.ActionRunner.from_dict),
        )


class AsyncOrganizationApi:
    """The awaitable twin of ``OrganizationApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def get_org_runner(self, org: str, runner_id: str) -> ActionRunner:
        """Look up one Actions runner registered to an organization

        Args:
            org: (path) organization name
            runner_id: (path) runner id

        Returns ``ActionRunner``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /orgs/{org}/actions/runners/{runner_id}`` (operationId ``getOrgRunner``)
        """
        return await self._client.call(
            "GET",
            "/orgs/{org}/actions/runners/{runner_id}",
            path={"org": org, "runner_id": runner_id},
            decode=json_of(models.ActionRunner.from_dict),
        )
