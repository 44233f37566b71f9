"""Download a spec from a forge's http(s) URL, for ``source.load``.

A URL naming a ``.json``/``.yaml``/``.yml`` file is fetched as it is. Any other
is fetched as it is first too (``/swagger.v1`` behind a proxy, ``?raw=1``
links), and only when that answers 404 or an HTML page is it taken as an
instance root (sub-path kept, a pasted Swagger UI address trimmed) under which
``swagger.v1.json``, then ``openapi3.v1.json``, is looked for. Up to
``_MAX_REDIRECTS`` http(s) redirects are followed, loops and other schemes refused;
one deadline bounds the whole download, discovery and redirects included, and the
body is streamed under the size cap. httpx's exceptions and bad statuses become
one-line ``SourceError``s with a hint, and URLs in them have passwords and
token-like parameters masked. Parsing the bytes is ``source.py``'s job.
"""

from __future__ import annotations

import contextlib
import re
import socket
import ssl
import time
from collections.abc import Iterator

import httpx

from forgegen.errors import SourceError
from forgegen.load.problems import Limits, fail

__all__ = ["fetch"]

# Gitea and Forgejo serve Swagger 2.0 under the instance root (sub-path included);
# Gitea 1.27+ also serves its own OpenAPI 3 conversion at openapi3.v1.json (its
# routes and integration tests use that name). Swagger stays first: both give
# the same methods (tests/test_openapi3_twin.py) and only Swagger keeps the enum
# descriptions; the OpenAPI 3 name is found where Swagger is not served.
_SPEC_NAMES = ("swagger.v1.json", "openapi3.v1.json")
_SPEC_SUFFIXES = (".json", ".yaml", ".yml")
_MAX_REDIRECTS = 5
_ACCEPT = {"Accept": "application/json, application/yaml;q=0.9, */*;q=0.1"}
_SECRET_PARAM = re.compile(r"token|key|secret|pass|auth|sudo", re.IGNORECASE)


def _shown(url: httpx.URL) -> str:
    """The URL as messages and provenance show it: passwords and token-like parameters masked."""
    if url.password:
        url = url.copy_with(username=url.username, password="***")
    if url.query:
        masked = [(k, "***" if _SECRET_PARAM.search(k) else v) for k, v in url.params.multi_items()]
        url = url.copy_with(params=masked)
    return str(url).replace("%2A%2A%2A", "***")


def _candidates(url: httpx.URL) -> list[httpx.URL]:
    """The discovery names under the instance root (sub-path kept)."""
    root = url.path if url.path.endswith("/") else url.path + "/"
    # Users paste the address of the Swagger UI page; the spec lives at the root.
    root = root.removesuffix("api/swagger/")
    return [url.copy_with(path=root + name, query=None, fragment=None) for name in _SPEC_NAMES]


def fetch(spec: str, limits: Limits) -> tuple[bytes, str, str]:
    """Download the spec; returns the raw bytes, the final URL shown, and its content type."""
    try:
        url = httpx.URL(spec)
    except httpx.InvalidURL as exc:
        raise fail(spec, "bad-url", error=exc) from None
    if url.scheme not in ("http", "https") or not url.host:
        http = url.scheme in ("http", "https")
        error = "it names no host" if http else "only http and https are supported"
        raise fail(spec, "bad-url", error=error)
    deadline = time.monotonic() + limits.timeout
    with httpx.Client(headers=_ACCEPT) as client:
        if url.path.lower().endswith(_SPEC_SUFFIXES):
            found = _get(client, url, deadline, limits, discovering=False)
            assert found is not None  # only discovery gives up on a 404
            return found
        direct = _get(client, url, deadline, limits, discovering=True)
        if direct is not None and not _is_html(direct):
            return direct
        candidates = _candidates(url)
        for candidate in candidates:
            found = _get(client, candidate, deadline, limits, discovering=True)
            if found is not None:
                return found
    tried = " and ".join(_shown(c) for c in candidates)
    if direct is not None:  # an HTML page, and no spec under it either
        raise fail(direct[1], "html-root", tried=tried)
    raise fail(_shown(url), "no-spec", tried=tried)


def _is_html(found: tuple[bytes, str, str]) -> bool:
    """An HTML page (an instance's home or login page), not a document to parse."""
    body, _, content_type = found
    start = body.removeprefix(b"\xef\xbb\xbf").lstrip()[:15].lower()
    media = content_type.split(";")[0].strip().lower()
    return start.startswith((b"<!doctype html", b"<html")) or (
        media == "text/html" and not start.startswith((b"{", b"["))
    )


def _get(
    client: httpx.Client, url: httpx.URL, deadline: float, limits: Limits, *, discovering: bool
) -> tuple[bytes, str, str] | None:
    """GET one spec URL, following a few redirects; None for a 404 while discovering."""
    chain = [url]
    while True:
        place = _shown(url)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise fail(place, "timeout", timeout=limits.timeout)
        if limits.progress is not None:
            limits.progress(f"fetching {place}")
        with _mapped_errors(place, limits), client.stream("GET", url, timeout=remaining) as resp:
            if not resp.is_redirect:
                if resp.status_code == 404 and discovering:
                    return None
                _check_status(resp, place)
                body = _read_body(resp, place, deadline, limits)
                return body, place, resp.headers.get("content-type", "")
            target = url.join(resp.headers["location"])
        url = _next_hop(chain, target)


def _next_hop(chain: list[httpx.URL], target: httpx.URL) -> httpx.URL:
    place = _shown(chain[0])
    if target.scheme not in ("http", "https"):  # file:, ftp:… are never followed
        raise fail(place, "redirect-scheme", target=repr(str(target)[:200]))
    if target in chain:
        loop = [*chain[chain.index(target) :], target]
        raise fail(place, "loop", chain=" -> ".join(_shown(u) for u in loop))
    if len(chain) > _MAX_REDIRECTS:
        raise fail(place, "redirects", limit=_MAX_REDIRECTS)
    chain.append(target)
    return target


def _check_status(resp: httpx.Response, place: str) -> None:
    code = resp.status_code
    status = f"HTTP {code} {resp.reason_phrase}".strip()
    if code >= 300:
        kind = {401: "sign-in", 403: "sign-in", 404: "not-found"}.get(code, "status")
        raise fail(place, "server" if code >= 500 else kind, status=status)


def _read_body(resp: httpx.Response, place: str, deadline: float, limits: Limits) -> bytes:
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise fail(place, "too-big", max_bytes=limits.max_bytes)
    chunks: list[bytes] = []
    total = 0
    # Streamed, so a huge or endless body costs at most max_bytes of memory; the
    # deadline also stops a server that drips bytes just fast enough to dodge timeouts.
    for chunk in resp.iter_bytes():
        total += len(chunk)
        if total > limits.max_bytes:
            raise fail(place, "too-big", max_bytes=limits.max_bytes)
        if time.monotonic() > deadline:
            raise fail(place, "timeout", timeout=limits.timeout)
        chunks.append(chunk)
    return b"".join(chunks)


@contextlib.contextmanager
def _mapped_errors(place: str, limits: Limits) -> Iterator[None]:
    """Turn httpx's exceptions into one-line SourceErrors (never a traceback)."""
    try:
        yield
    except httpx.TimeoutException:
        raise fail(place, "timeout", timeout=limits.timeout) from None
    except httpx.ConnectError as exc:
        raise _connect_failure(place, exc) from None
    except httpx.HTTPError as exc:  # protocol errors, a bad gzip stream, a cut connection...
        raise fail(place, "download", error=f"{type(exc).__name__}: {exc}") from None


def _connect_failure(place: str, exc: BaseException) -> SourceError:
    # httpx wraps httpcore's error, which wraps the socket's: the root cause says which.
    cause: BaseException | None = exc
    seen: list[BaseException] = []
    while cause is not None and cause not in seen:
        if isinstance(cause, socket.gaierror):
            return fail(place, "dns")
        if isinstance(cause, ssl.SSLCertVerificationError):
            return fail(place, "tls-cert", error=cause.verify_message)
        if isinstance(cause, ssl.SSLError):
            return fail(place, "tls", error=cause.reason or cause)
        if isinstance(cause, ConnectionRefusedError):
            return fail(place, "refused")
        seen.append(cause)
        cause = cause.__cause__ or cause.__context__
    return fail(place, "connect", error=exc)
