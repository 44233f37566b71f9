"""Ways to authenticate, as ``httpx.Auth`` objects to pass as ``auth=``.

Secrets are kept out of ``repr()`` and ``str()`` so they do not end up in
logs or tracebacks.
"""

from __future__ import annotations

import base64
import logging
import re
import warnings
from collections.abc import Generator
from typing import Literal

import httpx

__all__ = ["BasicAuth", "BearerAuth", "QueryTokenAuth", "Sudo", "TokenAuth"]


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
    """A user name and password, with a one-time code for accounts that use
    two-factor authentication (sent as ``X-GITEA-OTP``).

    Forges accept a password mostly to create tokens (``Client.create_token``);
    use ``TokenAuth`` for everything else.
    """

    def __init__(self, username: str, password: str, otp: str | None = None) -> None:
        self.username = username
        self._password = password
        self._otp = otp

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password='***')"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        pair = f"{self.username}:{self._password}".encode()
        request.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode(
            "ascii"
        )
        if self._otp is not None:
            request.headers["X-GITEA-OTP"] = self._otp
        yield request


class BearerAuth(httpx.Auth):
    """An OAuth2 access token, sent as ``Authorization: Bearer <token>``."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "BearerAuth(token='***')"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


class _RedactQueryTokens(logging.Filter):
    """Masks query tokens in httpx's request log lines, which print the URL."""

    params = (
        "access_token",
        "token",
    )
    pattern = re.compile("([?&](?:" + "|".join(map(re.escape, params)) + ")=)[^&#]*")

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                self.pattern.sub(r"\1***", str(a)) if isinstance(a, httpx.URL) else a
                for a in record.args
            )
        return True


def _redact_httpx_logs() -> None:
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactQueryTokens) for f in logger.filters):
        logger.addFilter(_RedactQueryTokens())


class QueryTokenAuth(httpx.Auth):
    """An access token in the URL query (``?access_token=…``).

    Deprecated by the forge, and a token in a URL ends up in proxy and server
    logs: prefer ``TokenAuth``. Creating one warns with a DeprecationWarning,
    and masks the token in httpx's own log lines.
    """

    def __init__(
        self, token: str, param: Literal["access_token", "token"] = "access_token"
    ) -> None:
        warnings.warn(
            "tokens in the URL query are deprecated by the forge; use TokenAuth",
            DeprecationWarning,
            stacklevel=2,
        )
        self._token = token
        self._param = param
        _redact_httpx_logs()

    def __repr__(self) -> str:
        return f"QueryTokenAuth(param={self._param!r}, token='***')"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.url = request.url.copy_merge_params({self._param: self._token})
        yield request


class Sudo(httpx.Auth):
    """Act as another user: an admin's credentials plus the user to act as.

    Sudo(TokenAuth(admin_token), "alice")                 # Sudo header
    Sudo(TokenAuth(admin_token), "alice", via="query")    # ?sudo=alice
    """

    def __init__(
        self,
        auth: httpx.Auth,
        username: str,
        *,
        via: Literal["header", "query"] = "header",
    ) -> None:
        self._auth = auth
        self.username = username
        self.via = via
        # the wrapped auth may need to see the body (a signature over it, say)
        self.requires_request_body = auth.requires_request_body
        self.requires_response_body = auth.requires_response_body

    def __repr__(self) -> str:
        return f"Sudo({self._auth!r}, {self.username!r}, via={self.via!r})"

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        if self.via == "header":
            request.headers["Sudo"] = self.username
        else:
            request.url = request.url.copy_merge_params({"sudo": self.username})
        yield from self._auth.auth_flow(request)
