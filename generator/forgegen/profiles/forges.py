"""The forges forgegen knows: what their docs say that their specs do not.

A profile is chosen from the spec (its title, then its OTP header name) or
by ``--forge``; the generated README says which one was used.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from forgegen import ir, naming

__all__ = ["FORGES", "Profile", "default_package", "detect", "under_instance"]


@dataclass(frozen=True)
class Profile:
    name: str
    package: str  # the default name of the generated package
    otp_header: str | None  # sent with basic auth by accounts with two-factor auth
    query_tokens: bool  # ?token= / ?access_token= still accepted (deprecated)
    sudo: bool  # the Sudo header and ?sudo= parameter
    bearer: bool  # OAuth2 access tokens as Authorization: Bearer
    paging: str  # "page+limit": 1-based page and a capped limit; "page": fixed page size
    facts: tuple[str, ...]  # what the generated README tells the user about this forge
    # "METHOD /path" of lists the server pages although the spec declares no page
    undeclared_paging: frozenset[str] = frozenset()
    # ("METHOD /path", media type) of endpoints that answer HTML, plain text or
    # a file, whatever their spec declares (fixes.py re-declares them)
    answers: tuple[tuple[str, str], ...] = ()


_GITEA_FACTS = (
    "Tokens go in `Authorization: token …` (`TokenAuth`); OAuth2 access tokens as a bearer "
    "(`BearerAuth`).",
    "Basic auth is meant for creating tokens (`client.create_token`); accounts with two-factor "
    "auth add a one-time code.",
    "`?token=` and `?access_token=` still work but are deprecated (`QueryTokenAuth` warns).",
    "Admins can act as another user with `Sudo`.",
    "Lists take a 1-based `page` and a `limit` that the server caps at `max_response_items` "
    "(50 by default); they send `Link` and `X-Total-Count`.",
    "A private resource the caller may not see answers 404, not 403.",
)

_HTML, _TEXT, _FILE = "text/html", "text/plain", "application/octet-stream"
_REPO = "/repos/{owner}/{repo}"
# From the handlers (routers/api/v1/misc/markup.go, repo/pull.go, repo/commits.go,
# repo/file.go, repo/actions.go, misc/signing.go, user/gpg_key.go): they write
# HTML, text or the file itself. Gitea's OpenAPI 3 document declares most of them
# application/json, and archives, job logs and editorconfig declare no body at all
# (editorconfig's body has no declared shape either: its raw bytes are what the
# Swagger SDKs have always returned).
_GITEA_ANSWERS = (
    ("POST /markdown", _HTML),
    ("POST /markdown/raw", _HTML),
    ("POST /markup", _HTML),
    (f"GET {_REPO}/git/commits/{{sha}}.{{diffType}}", _TEXT),
    (f"GET {_REPO}/pulls/{{index}}.{{diffType}}", _TEXT),
    ("GET /user/gpg_key_token", _TEXT),
    ("GET /signing-key.gpg", _TEXT),
    ("GET /signing-key.pub", _TEXT),
    ("GET /signing-key.ssh", _TEXT),
    (f"GET {_REPO}/signing-key.gpg", _TEXT),
    (f"GET {_REPO}/signing-key.pub", _TEXT),
    (f"GET {_REPO}/archive/{{archive}}", _FILE),
    (f"GET {_REPO}/raw/{{filepath}}", _FILE),
    (f"GET {_REPO}/media/{{filepath}}", _FILE),
    (f"GET {_REPO}/editorconfig/{{filepath}}", _FILE),
    (f"GET {_REPO}/actions/jobs/{{job_id}}/logs", _FILE),
)

FORGES: dict[str, Profile] = {
    "gitea": Profile(
        "gitea",
        "gitea_sdk",
        "X-GITEA-OTP",
        True,
        True,
        True,
        "page+limit",
        _GITEA_FACTS,
        answers=_GITEA_ANSWERS,
    ),
    "forgejo": Profile(
        "forgejo",
        "forgejo_sdk",
        "X-FORGEJO-OTP",
        True,
        True,
        True,
        "page+limit",
        _GITEA_FACTS,
        answers=_GITEA_ANSWERS,
    ),
    "gogs": Profile(
        "gogs",
        "gogs_sdk",
        None,
        False,
        False,
        False,
        "page",
        (
            "Tokens go in `Authorization: token …` (`TokenAuth`); tokens in the URL query are "
            "rejected.",
            "Basic auth is meant for creating tokens (`client.create_token`).",
            "Lists take a 1-based `page`; the server fixes the page size and sends `Link`.",
            "A private resource the caller may not see answers 404, not 403.",
        ),
        # Gogs' own handler reads ?page= here (10 per page); its spec omits it.
        frozenset({"GET /repos/{owner}/{repo}/issues"}),
    ),
    "generic": Profile("generic", "forge_sdk", None, False, False, False, "page+limit", ()),
}


def detect(document: Mapping[str, Any]) -> Profile:
    """Guess the forge from the spec's title, then from its OTP header name."""
    info = document.get("info")
    title = str(info.get("title", "")).lower() if isinstance(info, Mapping) else ""
    for name in ("forgejo", "gitea", "gogs"):
        if name in title:
            return FORGES[name]
    schemes = document.get("securityDefinitions")
    if isinstance(schemes, Mapping):
        headers = {
            str(s.get("name", "")).upper() for s in schemes.values() if isinstance(s, Mapping)
        }
        if "X-FORGEJO-OTP" in headers:
            return FORGES["forgejo"]
        if "X-GITEA-OTP" in headers:
            return FORGES["gitea"]
    return FORGES["generic"]


def default_package(profile: Profile, document: Mapping[str, Any]) -> str:
    """The forge's package name, or one made from a generic spec's title."""
    if profile.name != "generic":
        return profile.package
    info = document.get("info")
    title = str(info.get("title", "")) if isinstance(info, Mapping) else ""
    return naming.package_from_title(title)


def under_instance(api: ir.Api, profile: Profile) -> ir.Api:
    """A forge's API lives under its instance's URL, sub-path included: an
    OpenAPI 3 server URL such as ``/api/v1`` (Gitea's ``/openapi3.v1.json``) is
    added to the instance URL as Swagger 2.0's ``basePath`` is, not resolved
    against it as RFC 3986 would (which would drop a ``/git`` sub-path)."""
    url = api.server_url
    if profile.name == "generic" or not url.startswith("/") or url.startswith("//"):
        return api
    return replace(api, base_path=url.rstrip("/"), server_url="")
