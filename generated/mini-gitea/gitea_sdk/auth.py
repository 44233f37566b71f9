"""Ways to authenticate: adapters to pass to a client as ``auth=``.

They are plain ``AuthFlow`` objects rather than ``httpx.Auth`` ones, so that
importing them does not import httpx (~70 ms, more than the rest of the
package): a client wraps one into an ``httpx.Auth`` when it is made. Any
``httpx.Auth`` works as ``auth=`` too, such as the SSH adapters of ``ssh_auth``.
``as_httpx()`` makes one of these usable by an httpx client of your own.

Secrets are kept out of ``repr()`` and ``str()`` so they do not end up in
logs or tracebacks.
"""

from __future__ import annotations

import base64
import functools
import re
import warnings
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import logging

    import httpx

__all__ = ["BasicAuth", "BearerAuth", "QueryTokenAuth", "Sudo", "TokenAuth"]


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
        encoded = base64.b64encode(pair).decode("ascii")
        request.headers["Authorization"] = "Basic " + encoded
        if self._otp is not None:
            request.headers["X-GITEA-OTP"] = self._otp
        yield request


class BearerAuth(AuthFlow):
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


class _RedactQueryTokens:
    """Masks query tokens in httpx's request log lines, which print the URL.

    A logging filter need only have this ``filter`` method; not subclassing
    ``logging.Filter`` keeps logging's import for when a QueryTokenAuth is made.
    """

    params = ("access_token", "token")
    pattern = re.compile("([?&](?:" + "|".join(map(re.escape, params)) + ")=)[^&#]*")

    def filter(self, record: logging.LogRecord) -> bool:
        import httpx  # already loaded: this filter sits on httpx's own logger

        if isinstance(record.args, tuple):
            record.args = tuple(
                self.pattern.sub(r"\1***", str(a)) if isinstance(a, httpx.URL) else a
                for a in record.args
            )
        return True


def _redact_httpx_logs() -> None:
    import logging

    logger = logging.getLogger("httpx")
    if not any(isinstance(f, _RedactQueryTokens) for f in logger.filters):
        logger.addFilter(_RedactQueryTokens())


class QueryTokenAuth(AuthFlow):
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


class Sudo(AuthFlow):
    """Act as another user: an admin's credentials plus the user to act as.

    Sudo(TokenAuth(admin_token), "alice")                 # Sudo header
    Sudo(TokenAuth(admin_token), "alice", via="query")    # ?sudo=alice
    """

    def __init__(
        self,
        auth: AuthFlow | httpx.Auth,
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
