"""What can go wrong while loading a spec, and the limits that bound the loading.

``source`` and ``fetch`` both raise through ``fail``, so every failure reads
``<place>: <what happened>; hint: <what to do>`` on one line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from forgegen.errors import SourceError, SpecError

__all__ = ["SPEC_HINT", "YAML_HINT", "Limits", "fail", "not_a_spec"]

YAML_HINT = "fix the YAML, or pass the spec as JSON"
SPEC_HINT = "pass an instance root URL, the URL of its swagger.v1.json, or a spec file"

# What went wrong and what to do about it, by kind (fetch.py's too); `fail` fills
# in the details.
_PROBLEMS: dict[str, tuple[str, str]] = {
    "no-file": ("no such file", "check the path, or pass an http(s) URL"),
    "dir": ("is a directory, not a spec file", "name the .json or .yaml file inside it"),
    "denied": ("permission denied", "check the file's permissions"),
    "unreadable": ("cannot read the file ({error})", "check the path"),
    "bad-url": ("not a usable URL ({error})", "pass an http:// or https:// URL, or a file path"),
    "too-big": ("the document is over {max_bytes} bytes", "if it is real, raise --max-size"),
    "timeout": ("no complete answer in {timeout:g} s", "is the instance up? or raise the timeout"),
    "refused": ("connection refused", "is the forge running, and are the host and port right?"),
    "dns": ("cannot resolve the host name", "check the host name and your DNS or proxy"),
    "tls-cert": ("TLS certificate not trusted ({error})", "point SSL_CERT_FILE at its CA"),
    "tls": ("TLS handshake failed ({error})", "is this port serving HTTPS? try http://"),
    "connect": ("cannot connect ({error})", "check the URL and your network"),
    "download": ("the download failed ({error})", "try again, or download it and pass the file"),
    "loop": ("redirect loop ({chain})", "the server or a proxy in front of it is misconfigured"),
    "redirects": ("more than {limit} redirects", "pass the final URL directly"),
    "redirect-scheme": (
        "redirected to {target}, which is not an http(s) URL",
        "forgegen follows redirects to http and https only; pass the spec as a file",
    ),
    "sign-in": ("{status}: the instance requires sign-in", "download it signed in; pass the file"),
    "not-found": (
        "{status}",
        "check the path: Gitea and Forgejo serve <instance root>/swagger.v1.json, "
        "unless ENABLE_SWAGGER = false",
    ),
    "no-spec": (
        "no API spec found (404 for {tried})",
        "the instance may have ENABLE_SWAGGER = false in its [api] settings, or this is not "
        "its root URL (Gogs serves no spec: pass the file from its docs)",
    ),
    "server": ("{status}: the server failed", "the forge or its proxy is in trouble; try later"),
    "status": ("unexpected {status}", "check the URL"),
    "html-root": (
        "got an HTML page, not a spec, and no API spec under it either (404 for {tried})",
        "pass the URL of the spec itself (its swagger.v1.json), or the instance's root URL",
    ),
    "html": ("got an HTML page (a login page?), not a spec", "check the URL; is sign-in needed?"),
    "empty": ("the document is empty{note}", SPEC_HINT),
    "not-utf8": ("not UTF-8 (byte 0x{byte:02x} at offset {offset}){note}", "save it as UTF-8"),
    "json": ("{what} at line {line}, column {column}: {error}{note}", "fetch the spec again"),
    "yaml": ("invalid YAML{where}: {error}{note}", YAML_HINT),
    "yaml-tag": (
        "invalid YAML{where}: {error}",
        "only plain YAML is read, no !!python tags, nor tags for types JSON lacks "
        "(!!binary, !!set, !!timestamp)",
    ),
    "deep": (
        "the document is nested too deeply{where}",
        "no real spec comes close to {depth} levels; is this the right document?",
    ),
    "bomb": ("the document expands to over {budget} values (YAML alias bomb?)", YAML_HINT),
    "recursive": ("the YAML contains itself through an alias", YAML_HINT),
    "not-object": ("expected an API spec (an object), got {kind}{note}", SPEC_HINT),
    "not-spec": ('not an API spec: no "swagger" or "openapi" at the top{note}', SPEC_HINT),
    "version": ("unsupported {field}: {value}", 'forgegen reads Swagger "2.0" and OpenAPI "3.x"'),
}


@dataclass(frozen=True)
class Limits:
    timeout: float
    max_bytes: int
    max_depth: int
    progress: Callable[[str], None] | None


def fail(place: str, problem: str, /, **details: Any) -> SourceError:
    return SourceError(_message(place, problem, details))


def not_a_spec(place: str, problem: str, /, **details: Any) -> SpecError:
    """The document was read, but it is not a spec we can build from: exit 4, not 3."""
    return SpecError(_message(place, problem, details))


def _message(place: str, problem: str, details: dict[str, Any]) -> str:
    what, hint = _PROBLEMS[problem]
    text = f"{place}: {what.format(**details)}; hint: {hint.format(**details)}"
    # Exception texts and spec values can hold newlines; the CLI prints one line.
    return " ".join(text.split())
