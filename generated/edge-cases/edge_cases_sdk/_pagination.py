"""Lazy iteration over every item of a paged list, sync and async.

Servers like this one page lists with a 1-based ``page`` query parameter, cap the page size
at their ``max_response_items`` whatever ``limit`` asks for, and send
``Link`` and ``X-Total-Count`` headers. So a short page proves nothing: the
paginator follows ``Link: rel="next"`` when the server sends one, and
otherwise asks for the next page until one comes back empty, or until
``X-Total-Count`` says every item has been seen.

Some servers (old versions, proxies that drop the query) ignore ``page`` and
answer the first page again and again, without a ``Link`` header: a page that
comes back the same as the one before ends the walk, with a warning.
"""

from __future__ import annotations

import contextlib
import math
import re
import warnings
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    import httpx

    from ._client import AsyncClient, Client

__all__ = ["AsyncPaginator", "Page", "Paginator"]

T = TypeVar("T")

_LINK = re.compile(r'<([^>]*)>\s*;[^,]*?rel="?([^",;]+)"?')


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its items and the response that carried them."""

    number: int
    items: list[T]
    response: httpx.Response

    @property
    def total_count(self) -> int | None:
        """The number of items in the whole list, from ``X-Total-Count``."""
        value = self.response.headers.get("X-Total-Count", "")
        return int(value) if value.isdigit() else None

    @property
    def next_number(self) -> int | None:
        """The next page: from ``Link: rel="next"`` when sent, else the one after,
        unless this page is empty."""
        links = self.response.headers.get("Link")
        if links is not None:
            found: list[tuple[str, str]] = _LINK.findall(links)
            for url, rel in found:
                if rel == "next":
                    pages = parse_qs(urlsplit(url).query).get("page", [])
                    if pages and pages[0].isdigit():
                        return int(pages[0])
                    return self.number + 1
            if any(rel in ("last", "prev", "first") for _, rel in found):
                return None  # the server pages with links, and names no next page
        return self.number + 1 if self.items else None


@dataclass(frozen=True)
class _Request:
    method: str
    template: str
    page_param: str
    path: Mapping[str, Any] | None
    query: Mapping[str, Any]
    headers: Mapping[str, Any] | None
    first: int

    def kwargs(self, number: int) -> dict[str, Any]:
        # The first request goes out as the caller wrote it; later ones name their page.
        page = self.query.get(self.page_param) if number == self.first else number
        return {
            "path": self.path,
            "query": {**self.query, self.page_param: page},
            "headers": self.headers,
        }


def _page_decoder(
    decode: Callable[[httpx.Response], list[T]], number: int
) -> Callable[[httpx.Response], Page[T]]:
    return lambda response: Page(number, decode(response), response)


class _Walk(Generic[T]):
    """Where a walk through the pages stands, and whether to ask for another."""

    def __init__(self, first: Page[T], page_param: str) -> None:
        self.page_param = page_param
        # A walk from a later page: the pages before it are at least as full
        # as it is (only the last page is short), so this never counts too many.
        self.seen = first.number * len(first.items)
        self.last = first

    def next_number(self) -> int | None:
        """The page to ask for next, or None when the list is done."""
        total = self.last.total_count
        if total is not None and self.seen >= total:
            return None  # X-Total-Count: every item is here, so ask no more
        return self.last.next_number

    def take(self, page: Page[T]) -> bool:
        """Whether ``page`` goes on the walk: not when it is the previous one again."""
        if page.items and page.response.content == self.last.response.content:
            warnings.warn(
                f"{page.response.url}: page {page.number} came back the same as page "
                f"{self.last.number}: the server seems to ignore {self.page_param!r}; "
                f"the list stops after {self.seen} items",
                RuntimeWarning,
                stacklevel=3,
            )
            return False
        self.seen += len(page.items)
        self.last = page
        return True


class Paginator(Generic[T]):
    """Every item of a list operation, fetched page by page as you iterate.

    ``for item in paginator`` walks all items; ``pages()`` yields ``Page``
    objects; ``first_page()`` fetches one page only; ``total_count`` comes
    from ``X-Total-Count``. ``max_items`` stops the walk early.
    """

    def __init__(
        self,
        client: Client,
        method: str,
        template: str,
        *,
        decode: Callable[[httpx.Response], list[T]],
        page_param: str,
        path: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        max_items: int | None = None,
    ) -> None:
        query = dict(query or {})
        first = query.get(page_param) or 1
        self._client = client
        self._request = _Request(
            method, template, page_param, path, query, headers, first
        )
        self._decode = decode
        self._max_items = max_items
        self._first: Page[T] | None = None

    def _fetch(self, number: int) -> Page[T]:
        request = self._request
        decode = _page_decoder(self._decode, number)
        return self._client.call(
            request.method, request.template, decode=decode, **request.kwargs(number)
        )

    def first_page(self) -> Page[T]:
        if self._first is None:
            self._first = self._fetch(self._request.first)
        return self._first

    @property
    def total_count(self) -> int | None:
        return self.first_page().total_count

    def pages(self) -> Iterator[Page[T]]:
        walk = _Walk(self.first_page(), self._request.page_param)
        yield walk.last
        while (number := walk.next_number()) is not None:
            page = self._fetch(number)
            if not walk.take(page):
                return
            yield page

    def __iter__(self) -> Iterator[T]:
        left = self._max_items
        for page in self.pages():
            for item in page.items:
                if left is not None and left <= 0:
                    return
                yield item
                left = None if left is None else left - 1
            if left is not None and left <= 0:
                return


class AsyncPaginator(Generic[T]):
    """The awaitable twin of ``Paginator``: ``async for item in paginator``.

    When the first page tells the total (``X-Total-Count``), the remaining
    pages are fetched concurrently, at most ``prefetch`` at a time, and still
    yielded in order. ``total_count`` is known once a page has been fetched.
    """

    def __init__(
        self,
        client: AsyncClient,
        method: str,
        template: str,
        *,
        decode: Callable[[httpx.Response], list[T]],
        page_param: str,
        path: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        max_items: int | None = None,
        prefetch: int = 4,
    ) -> None:
        query = dict(query or {})
        first = query.get(page_param) or 1
        self._client = client
        self._request = _Request(
            method, template, page_param, path, query, headers, first
        )
        self._decode = decode
        self._max_items = max_items
        self._prefetch = prefetch
        self._first: Page[T] | None = None

    async def _fetch(self, number: int) -> Page[T]:
        request = self._request
        decode = _page_decoder(self._decode, number)
        return await self._client.call(
            request.method, request.template, decode=decode, **request.kwargs(number)
        )

    async def first_page(self) -> Page[T]:
        if self._first is None:
            self._first = await self._fetch(self._request.first)
        return self._first

    @property
    def total_count(self) -> int | None:
        return None if self._first is None else self._first.total_count

    def _known_last(self, first: Page[T]) -> int | None:
        """The last page number, when the total and the page size are known."""
        total, size = first.total_count, len(first.items)
        if total is None or not size or first.next_number is None:
            return None
        # Pages are 1-based and full but the last: the total fixes the last one.
        last = math.ceil(total / size)
        if self._max_items is not None:
            last = min(
                last, first.number + math.ceil(max(self._max_items - size, 0) / size)
            )
        return last

    async def pages(self) -> AsyncGenerator[Page[T], None]:
        first = await self.first_page()
        yield first
        last = self._known_last(first)
        if last is not None and self._prefetch > 1:
            walk = _Walk(first, self._request.page_param)
            async with contextlib.aclosing(
                self._prefetched(first.number + 1, last)
            ) as rest:
                async for page in rest:
                    if not walk.take(page):
                        return
                    yield page
            return
        walk = _Walk(first, self._request.page_param)
        while (number := walk.next_number()) is not None:
            page = await self._fetch(number)
            if not walk.take(page):
                return
            yield page

    async def _prefetched(self, start: int, last: int) -> AsyncGenerator[Page[T], None]:
        import asyncio  # loaded by the running event loop; ~25 ms if imported with the module

        gate = asyncio.Semaphore(self._prefetch)

        async def fetch(number: int) -> Page[T]:
            async with gate:
                return await self._fetch(number)

        tasks = [asyncio.ensure_future(fetch(n)) for n in range(start, last + 1)]
        try:
            for task in tasks:
                yield await task
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def __aiter__(self) -> AsyncIterator[T]:
        left = self._max_items
        # aclosing: stopping early must cancel the prefetches still under way
        async with contextlib.aclosing(self.pages()) as pages:
            async for page in pages:
                for item in page.items:
                    if left is not None and left <= 0:
                        return
                    yield item
                    left = None if left is None else left - 1
                if left is not None and left <= 0:
                    return
