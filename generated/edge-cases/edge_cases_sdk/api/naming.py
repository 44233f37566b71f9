"""camelCase, ALLCAPS and colliding names"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from .. import models
from .._runtime import dump, json_array, json_of, json_value

if TYPE_CHECKING:
    from .._client import AsyncClient, Client
    from ..models import A, FooBar, FooBar2, WeirdNames

__all__ = ["AsyncNamingApi", "NamingApi"]


class NamingApi:
    """Operations tagged ``naming``: ``client.naming``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def convert_foo_bar(self, body: FooBar2) -> FooBar:
        """Send a foo_bar, get a FooBar back

        Args:
            body: (JSON body) a ``FooBar2``

        Returns ``FooBar``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /foo-bar`` (operationId ``convertFooBar``)
        """
        return self._client.call(
            "POST", "/foo-bar", json=dump(body), decode=json_of(models.FooBar.from_dict)
        )

    def get_matrix(self) -> list[list[float]]:
        """Return a grid of numbers

        Returns ``list[list[float]]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /matrix`` (operationId ``getMatrix``)
        """
        return cast(
            "list[list[float]]", self._client.call("GET", "/matrix", decode=json_array)
        )

    def get_pair_a(self) -> A:
        """Return an A, which holds a B, which holds an A

        Returns ``A``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /pairs/a`` (operationId ``getPairA``)
        """
        return self._client.call("GET", "/pairs/a", decode=json_of(models.A.from_dict))

    def repo_get_by_id(self, id: int) -> WeirdNames:
        """An operation id with an ALLCAPS run at the end

        Args:
            id: (path) numeric id

        Returns ``WeirdNames``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/by-id/{id}`` (operationId ``repoGetByID``)
        """
        return self._client.call(
            "GET",
            "/repos/by-id/{id}",
            path={"id": id},
            decode=json_of(models.WeirdNames.from_dict),
        )

    def get_widget(self, name: str) -> str:
        """Fetch a widget (lower camelCase id)

        Args:
            name: (path) widget name

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /v1/widgets/{name}`` (operationId ``getWidget``)
        """
        return cast(
            "str",
            self._client.call(
                "GET", "/v1/widgets/{name}", path={"name": name}, decode=json_value
            ),
        )

    def get_widget_2(self, name: str) -> str:
        """Fetch a widget (PascalCase id that differs from getWidget only in case)

        Args:
            name: (path) widget name

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /v2/widgets/{name}`` (operationId ``GetWidget``)
        """
        return cast(
            "str",
            self._client.call(
                "GET", "/v2/widgets/{name}", path={"name": name}, decode=json_value
            ),
        )


class AsyncNamingApi:
    """The awaitable twin of ``NamingApi``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def convert_foo_bar(self, body: FooBar2) -> FooBar:
        """Send a foo_bar, get a FooBar back

        Args:
            body: (JSON body) a ``FooBar2``

        Returns ``FooBar``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``POST /foo-bar`` (operationId ``convertFooBar``)
        """
        return await self._client.call(
            "POST", "/foo-bar", json=dump(body), decode=json_of(models.FooBar.from_dict)
        )

    async def get_matrix(self) -> list[list[float]]:
        """Return a grid of numbers

        Returns ``list[list[float]]``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /matrix`` (operationId ``getMatrix``)
        """
        return cast(
            "list[list[float]]",
            await self._client.call("GET", "/matrix", decode=json_array),
        )

    async def get_pair_a(self) -> A:
        """Return an A, which holds a B, which holds an A

        Returns ``A``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /pairs/a`` (operationId ``getPairA``)
        """
        return await self._client.call(
            "GET", "/pairs/a", decode=json_of(models.A.from_dict)
        )

    async def repo_get_by_id(self, id: int) -> WeirdNames:
        """An operation id with an ALLCAPS run at the end

        Args:
            id: (path) numeric id

        Returns ``WeirdNames``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /repos/by-id/{id}`` (operationId ``repoGetByID``)
        """
        return await self._client.call(
            "GET",
            "/repos/by-id/{id}",
            path={"id": id},
            decode=json_of(models.WeirdNames.from_dict),
        )

    async def get_widget(self, name: str) -> str:
        """Fetch a widget (lower camelCase id)

        Args:
            name: (path) widget name

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /v1/widgets/{name}`` (operationId ``getWidget``)
        """
        return cast(
            "str",
            await self._client.call(
                "GET", "/v1/widgets/{name}", path={"name": name}, decode=json_value
            ),
        )

    async def get_widget_2(self, name: str) -> str:
        """Fetch a widget (PascalCase id that differs from getWidget only in case)

        Args:
            name: (path) widget name

        Returns ``str``. Raises ``ApiError`` (by status: ``NotFound``…), ``TransportError``, ``ResponseError``.

        ``GET /v2/widgets/{name}`` (operationId ``GetWidget``)
        """
        return cast(
            "str",
            await self._client.call(
                "GET", "/v2/widgets/{name}", path={"name": name}, decode=json_value
            ),
        )
