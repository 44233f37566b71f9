"""Ways to authenticate, as ``httpx.Auth`` objects to pass as ``auth=``.

Secrets are kept out of ``repr()`` and ``str()`` so they do not end up in
logs or tracebacks.
"""

from __future__ import annotations

import base64
from collections.abc import Generator

import httpx

__all__ = ["BasicAuth", "TokenAuth"]


class TokenAuth(httpx.Auth):
    """An access token, sent as ``Authorization: token <token>``."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "TokenAuth(token='***')"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"token {self._token}"
        yield request


class BasicAuth(httpx.Auth):
    """A user name and password.

    Forges accept a password mostly to create tokens (``Client.create_token``);
    use ``TokenAuth`` for everything else.
    """

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self._password = password

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password='***')"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        pair = f"{self.username}:{self._password}".encode()
        request.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode(
            "ascii"
        )
        yield request
