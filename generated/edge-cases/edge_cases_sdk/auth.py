"""Ways to authenticate: adapters to pass to a client as ``auth=``.

They are plain ``AuthFlow`` objects rather than ``httpx.Auth`` ones, so that
importing them does not import httpx (~70 ms, more than the rest of the
package): a client wraps one into an ``httpx.Auth`` when it is made. Any
``httpx.Auth`` works as ``auth=`` too.
``as_httpx()`` makes one of these usable by an httpx client of your own.

Secrets are kept out of ``repr()`` and ``str()`` so they do not end up in
logs or tracebacks.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

__all__ = ["BasicAuth", "TokenAuth"]


class AuthFlow:
    """The base of every adapter here: httpx's auth protocol, without httpx.

    ``auth_flow`` is a generator, as in ``httpx.Auth``: it edits the request
    and yields it; the response is sent back in, so a flow may yield a
    request again (to sign it anew after a redirect, say). Set
    ``requires_request_body`` to see the body of a streamed request, and
    ``requires_response_body`` to read the response's.
    """

    requires_request_body = False
    requires_response_body = False

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        raise NotImplementedError

    def as_httpx(self) -> httpx.Auth:
        """This adapter as an ``httpx.Auth``, for an httpx client of your own."""
        return _httpx_adapter()(self)


@functools.cache
def _httpx_adapter() -> Callable[[AuthFlow], httpx.Auth]:
    """The ``httpx.Auth`` subclass that runs an ``AuthFlow``.

    Defined on first use (and only once) rather than with the module, since
    subclassing ``httpx.Auth`` means importing httpx.
    """
    import httpx

    class HttpxAuth(httpx.Auth):
        def __init__(self, auth: AuthFlow) -> None:
            self.auth = auth
            self.requires_request_body = auth.requires_request_body
            self.requires_response_body = auth.requires_response_body

        def __repr__(self) -> str:
            return f"HttpxAuth({self.auth!r})"

        def auth_flow(
            self, request: httpx.Request
        ) -> Generator[httpx.Request, httpx.Response, None]:
            return self.auth.auth_flow(request)

    return HttpxAuth


class TokenAuth(AuthFlow):
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


class BasicAuth(AuthFlow):
    """A user name and password.

    Servers accept a password mostly to create tokens (``Client.create_token``);
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
        encoded = base64.b64encode(pair).decode("ascii")
        request.headers["Authorization"] = "Basic " + encoded
        yield request
