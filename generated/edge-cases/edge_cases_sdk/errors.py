"""Exceptions raised by edge_cases_sdk.

SdkError
├── TransportError          the request never got an answer
├── ResponseError           a success answer whose body does not fit the spec
└── ApiError                the server answered with an error status
    ├── ClientError         4xx
    │   ├── Unauthorized      401
    │   ├── Forbidden         403
    │   ├── NotFound          404 (also: no access to a private resource)
    │   ├── Conflict          409
    │   ├── ValidationFailed  422
    │   └── RateLimited       429
    └── ServerError         5xx
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import httpx  # only named in annotations: importing the errors must not load it

__all__ = [
    "ApiError",
    "ClientError",
    "Conflict",
    "SdkError",
    "Forbidden",
    "NotFound",
    "RateLimited",
    "ResponseError",
    "ServerError",
    "TransportError",
    "Unauthorized",
    "ValidationFailed",
]

_REDACTED_QUERY = frozenset({"token", "access_token", "sudo", "password"})


def _safe_url(url: httpx.URL) -> str:
    """The URL without credentials: query tokens and user info are masked."""
    params = [
        (k, "[redacted]" if k.lower() in _REDACTED_QUERY else v)
        for k, v in url.params.multi_items()
    ]
    return str(url.copy_with(username=None, password=None, params=params or None))


class SdkError(Exception):
    """Base of every error this package raises."""


class TransportError(SdkError):
    """The request failed before an answer came: connection, timeout, TLS."""

    def __init__(self, method: str, url: httpx.URL, reason: str) -> None:
        self.method = method
        self.url = _safe_url(url)
        super().__init__(f"{method} {self.url}: {reason}")


class ResponseError(SdkError):
    """A success status with a body this package cannot read as the spec says.

    Specs have mistakes (a list declared where an object comes);
    the original exception is chained as ``__cause__``.
    """

    def __init__(
        self, method: str, url: httpx.URL, status_code: int, cause: Exception
    ) -> None:
        self.method = method
        self.url = _safe_url(url)
        self.status_code = status_code
        reason = f"{type(cause).__name__}: {cause}"[:200]
        super().__init__(
            f"{method} {self.url}: {status_code} answer not as the spec says ({reason})"
        )


class ApiError(SdkError):
    """The server answered with an error status.

    ``message`` is the server's own explanation (its ``{"message": …}`` body),
    ``errors`` its list of field errors when it sends one, and ``body`` the
    decoded JSON body, or the text when it is not JSON. ``retry_note`` says
    why the request was not (or no more) retried, when it could have been.
    """

    def __init__(self, response: httpx.Response, retry_note: str = "") -> None:
        self.retry_note = retry_note
        self.status_code = response.status_code
        self.method = response.request.method
        self.url = _safe_url(response.request.url)
        self.headers = response.headers
        body: Any
        try:
            body = response.json()
        except ValueError:
            body = response.text
        self.body: Any = body
        payload = cast("dict[str, object]", body) if isinstance(body, dict) else {}
        message = payload.get("message")
        self.message = message if isinstance(message, str) else response.reason_phrase
        # Gitea sends {"message", "errors"}; Gogs sends its field errors as a bare list.
        errors = cast(object, body) if isinstance(body, list) else payload.get("errors")
        # cast to Any: mypy and pyright narrow a list of unknown items differently
        self.errors: list[Any] = cast(Any, errors) if isinstance(errors, list) else []
        note = f"; {retry_note}" if retry_note else ""
        super().__init__(
            f"{self.status_code} {self.message} ({self.method} {self.url}){note}"
        )


class ClientError(ApiError):
    """A 4xx answer: the request was wrong, or not allowed."""


class Unauthorized(ClientError):
    """401: no credentials, or wrong ones."""


class Forbidden(ClientError):
    """403: the credentials do not allow this."""


class NotFound(ClientError):
    """404: the resource does not exist, or the caller may not see it.

    Many servers answer 404 rather than 403 for what the caller may not
    see, so as not to reveal that it exists.
    """


class Conflict(ClientError):
    """409: the resource already exists or changed meanwhile."""


class ValidationFailed(ClientError):
    """422: the request body did not pass the server's checks; see ``errors``."""


class RateLimited(ClientError):
    """429: too many requests; ``retry_after`` says how long to wait, if known."""

    @property
    def retry_after(self) -> float | None:
        value = self.headers.get("Retry-After", "")
        return float(value) if value.replace(".", "", 1).isdigit() else None


class ServerError(ApiError):
    """A 5xx answer: the server failed."""


_BY_STATUS: dict[int, type[ApiError]] = {
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    422: ValidationFailed,
    429: RateLimited,
}


def error_for(response: httpx.Response, retry_note: str = "") -> ApiError:
    """The exception for an error response."""
    if response.status_code in _BY_STATUS:
        return _BY_STATUS[response.status_code](response, retry_note)
    if response.status_code >= 500:
        return ServerError(response, retry_note)
    if response.status_code >= 400:
        return ClientError(response, retry_note)
    return ApiError(response, retry_note)
