"""camelCase, ALLCAPS and colliding names"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from .._runtime import dump, json_array, json_of, json_value
from ..models import A, FooBar, FooBar2, WeirdNames

if TYPE_CHECKING:
    from .._client import AsyncClient, Client

__all__ = ["AsyncNamingApi", "NamingApi"]


class NamingApi:
    """Operations tagged ``naming``: ``client.naming``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def convert_foo_bar(self, body: FooBar2) -> FooBar:
        """Send a foo_bar, get a FooBar back

        ``POST /foo-bar`` (operationId ``convertFooBar``)
        """
        return self._client.call(
            "POST", "/foo-bar", json=dump(body), decode=json_of(FooBar.from_dict)
        )

    def get_matrix(self) -> list[list[float]]:
        """Return a grid of numbers

        ``GET /matrix`` (operationId ``getMatrix``)
        """
        return cast(
            "list[list[float]]", self._client.call("GET", "/matrix", decode=json_array)
        )

    def get_pair_a(self) -> A:
        """Return an A, which holds a B, which holds an A

        ``GET /pairs/a`` (operationId ``getPairA``)
        """
        return self._client.call("GET", "/pairs/a", decode=json_of(A.from_dict))

    def repo_get_by_id(self, id_: int) -> WeirdNames:
        """An operation id with an ALLCAPS run at the end

        Args:
            id_: numeric id

        ``GET /repos/by-id/{id}`` (operationId ``repoGetByID``)
        """
        return self._client.call(
            "GET",
            "/repos/by-id/{id}",
            path={"id": id_},
            decode=json_of(WeirdNames.from_dict),
        )

    def get_widget(self, name: str) -> str:
        """Fetch a widget (lower camelCase id)

        Args:
            name: widget name

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
            name: widget name

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
        """Async ``NamingApi.convert_foo_bar``: Send a foo_bar, get a FooBar back"""
        return await self._client.call(
            "POST", "/foo-bar", json=dump(body), decode=json_of(FooBar.from_dict)
        )

    async def get_matrix(self) -> list[list[float]]:
        """Async ``NamingApi.get_matrix``: Return a grid of numbers"""
        return cast(
            "list[list[float]]",
            await self._client.call("GET", "/matrix", decode=json_array),
        )

    async def get_pair_a(self) -> A:
        """Async ``NamingApi.get_pair_a``: Return an A, which holds a B, which holds an A"""
        return await self._client.call("GET", "/pairs/a", decode=json_of(A.from_dict))

    async def repo_get_by_id(self, id_: int) -> WeirdNames:
        """Async ``NamingApi.repo_get_by_id``: An operation id with an ALLCAPS run at the end"""
        return await self._client.call(
            "GET",
            "/repos/by-id/{id}",
            path={"id": id_},
            decode=json_of(WeirdNames.from_dict),
        )

    async def get_widget(self, name: str) -> str:
        """Async ``NamingApi.get_widget``: Fetch a widget (lower camelCase id)"""
        return cast(
            "str",
            await self._client.call(
                "GET", "/v1/widgets/{name}", path={"name": name}, decode=json_value
            ),
        )

    async def get_widget_2(self, name: str) -> str:
        """Async ``NamingApi.get_widget_2``: Fetch a widget (PascalCase id that differs from getWidget only in case)"""
        return cast(
            "str",
            await self._client.call(
                "GET", "/v2/widgets/{name}", path={"name": name}, decode=json_value
            ),
        )
