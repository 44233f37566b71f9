"""Known places where a forge's spec disagrees with what its server answers.

Each ``Fix`` names the forge and the range of its versions it applies to,
the upstream report it comes from, and a function that patches the spec
document in place and returns the JSON pointers it changed. A fix checks
the shape it corrects before touching anything, so on a spec that upstream
has already corrected it changes nothing and is not reported.

The build applies them after validation and before parsing; every applied
fix is a note in the build output and a row in the generated README, and
``--no-fixes`` turns them all off.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from forgegen.diagnostics import Diagnostics

__all__ = ["FIXES", "Applied", "Fix", "apply_fixes", "fixes_for"]

Document = dict[str, Any]


@dataclass(frozen=True)
class Fix:
    id: str
    forge: str  # a forges.FORGES key
    versions: str  # a PEP 440 specifier set over the forge's own version, e.g. ">=1.17"
    reference: str  # the upstream report, e.g. go-gitea/gitea#38581
    description: str  # one sentence: what the server really does
    apply: Callable[[Document], list[str]]  # patches in place; the JSON pointers it changed

    def covers(self, forge: str, version: Version) -> bool:
        return forge == self.forge and SpecifierSet(self.versions).contains(
            version, prereleases=True
        )


@dataclass(frozen=True)
class Applied:
    """A fix that changed the spec, and where."""

    fix: Fix
    pointers: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.fix.id

    @property
    def reference(self) -> str:
        return self.fix.reference

    @property
    def description(self) -> str:
        return self.fix.description


def _response(document: Document, name: str) -> dict[str, Any] | None:
    responses = document.get("responses")
    found = responses.get(name) if isinstance(responses, dict) else None
    return found if isinstance(found, dict) else None


def _array_of(schema: Any, ref: str) -> bool:
    return (
        isinstance(schema, Mapping)
        and schema.get("type") == "array"
        and isinstance(schema.get("items"), Mapping)
        and schema["items"].get("$ref") == ref
    )


def _define(document: Document, name: str, schema: dict[str, Any]) -> bool:
    """Add a definition, unless the spec already has one of that name."""
    definitions = document.setdefault("definitions", {})
    if not isinstance(definitions, dict) or name in definitions:
        return False
    definitions[name] = schema
    return True


def _user_settings(document: Document) -> list[str]:
    # The handler writes one UserSettings object (routers/api/v1/user/settings.go).
    response = _response(document, "UserSettings")
    if response is None or not _array_of(response.get("schema"), "#/definitions/UserSettings"):
        return []
    response["schema"] = {"$ref": "#/definitions/UserSettings"}
    return ["/responses/UserSettings/schema"]


def _topic_search(document: Document) -> list[str]:
    # The handler writes {"topics": [TopicResponse, …]} (routers/api/v1/repo/topic.go).
    response = _response(document, "TopicListResponse")
    if response is None or not _array_of(response.get("schema"), "#/definitions/TopicResponse"):
        return []
    wrapper = {
        "description": "TopicListResponse is what a topic search answers.",
        "type": "object",
        "properties": {
            "topics": {"type": "array", "items": {"$ref": "#/definitions/TopicResponse"}}
        },
    }
    if not _define(document, "TopicListResponse", wrapper):
        return []
    response["schema"] = {"$ref": "#/definitions/TopicListResponse"}
    return ["/responses/TopicListResponse/schema", "/definitions/TopicListResponse"]


def _registration_token(document: Document) -> list[str]:
    # go-swagger made the struct's field a header because the response struct
    # lacks "in: body"; the handler writes {"token": "…"} as JSON
    # (routers/api/v1/shared/runners.go).
    response = _response(document, "RegistrationToken")
    headers = response.get("headers") if response is not None else None
    if response is None or "schema" in response or not isinstance(headers, dict):
        return []
    if set(headers) != {"token"}:
        return []
    body = {
        "description": "RegistrationToken is a token to register an Actions runner with.",
        "type": "object",
        "properties": {"token": {"type": "string"}},
    }
    if not _define(document, "RegistrationToken", body):
        return []
    del response["headers"]
    response["schema"] = {"$ref": "#/definitions/RegistrationToken"}
    return ["/responses/RegistrationToken/schema", "/definitions/RegistrationToken"]


_ARRAY_DECLARED = "go-gitea/gitea#38581"
# No tracker issue yet: the reference is the handler that writes the body.
_HEADER_BODY = "go-gitea/gitea: routers/api/v1/shared/runners.go"

# Lower bounds are the oldest release whose spec was checked (Gitea 1.17;
# runner registration tokens exist since Gitea 1.22; Forgejo 7). Upper bounds
# stay open: each fix checks the shape it corrects, so a spec fixed upstream
# is left alone.
FIXES: tuple[Fix, ...] = (
    Fix(
        "gitea-user-settings",
        "gitea",
        ">=1.17",
        _ARRAY_DECLARED,
        "GET and PATCH /user/settings answer one UserSettings object, not an array.",
        _user_settings,
    ),
    Fix(
        "gitea-topic-search",
        "gitea",
        ">=1.17",
        _ARRAY_DECLARED,
        'GET /topics/search answers {"topics": [...]}, not an array.',
        _topic_search,
    ),
    Fix(
        "forgejo-topic-search",
        "forgejo",
        ">=7",
        _ARRAY_DECLARED,
        'GET /topics/search answers {"topics": [...]}, not an array (inherited from Gitea).',
        _topic_search,
    ),
    Fix(
        "gitea-registration-token",
        "gitea",
        ">=1.22",
        _HEADER_BODY,
        'The runner registration-token endpoints answer {"token": "..."} as JSON; '
        "the spec declares the token as a response header.",
        _registration_token,
    ),
    Fix(
        "forgejo-registration-token",
        "forgejo",
        ">=7",
        _HEADER_BODY.replace("go-gitea/gitea", "forgejo/forgejo"),
        'The runner registration-token endpoints answer {"token": "..."} as JSON; '
        "the spec declares the token as a response header.",
        _registration_token,
    ),
)


def _version(text: str) -> Version | None:
    try:
        return Version(text.strip())
    except InvalidVersion:
        return None


def fixes_for(forge: str, version: str, registry: tuple[Fix, ...] = FIXES) -> list[Fix]:
    """The fixes that name this forge and a range containing this version."""
    parsed = _version(version)
    if parsed is None:
        return []
    return [fix for fix in registry if fix.covers(forge, parsed)]


def apply_fixes(
    document: Mapping[str, Any],
    forge: str,
    diagnostics: Diagnostics,
    registry: tuple[Fix, ...] = FIXES,
) -> tuple[Mapping[str, Any], tuple[Applied, ...]]:
    """The document with every fix for its forge and version applied (a copy:
    the caller's document is never changed), and the fixes that changed it."""
    info = document.get("info")
    version = info.get("version") if isinstance(info, Mapping) else None
    version = version if isinstance(version, str) else ""
    if any(fix.forge == forge for fix in registry) and _version(version) is None:
        diagnostics.note(
            "/info/version",
            f"{version[:40]!r} is not a version number: no {forge} spec fixes applied",
        )
    fixes = fixes_for(forge, version, registry)
    if not fixes:
        return document, ()
    patched: Document = copy.deepcopy(dict(document))
    applied = []
    for fix in fixes:
        pointers = fix.apply(patched)
        if pointers:
            applied.append(Applied(fix, tuple(pointers)))
            diagnostics.note(
                pointers[0], f"applied spec fix {fix.id} ({fix.reference}): {fix.description}"
            )
    return (patched, tuple(applied)) if applied else (document, ())
