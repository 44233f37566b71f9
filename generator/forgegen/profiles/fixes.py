"""Known places where a forge's spec disagrees with what its server answers.

Each ``Fix`` names the forge and the range of its versions it applies to,
the upstream report it comes from, and a function that patches the spec
document in place and returns the JSON pointers it changed. A fix checks
the shape it corrects before touching anything, so on a spec that upstream
has already corrected it changes nothing and is not reported.

A fix reaches the document through ``documents.Spec``, by what it means (an
operation's method and path, a response's or schema's name), so the same fix
applies to a Swagger 2.0 document and to its OpenAPI 3 twin.

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
from forgegen.profiles import forges
from forgegen.profiles.documents import Located, Spec

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


def _array_of(schema: Any, ref: str) -> bool:
    return (
        isinstance(schema, Mapping)
        and schema.get("type") == "array"
        and isinstance(schema.get("items"), Mapping)
        and schema["items"].get("$ref") == ref
    )


def _answer_of(spec: Spec, method: str, path: str, ref: str) -> list[Located]:
    """The 200 responses of an operation that declare an array of ``ref``."""
    op = spec.operation(method, path)
    if op is None:
        return []
    return [
        response
        for status, response, _ in spec.successes(op)
        if status == "200" and _array_of(spec.body_schema(response.node), ref)
    ]


def _user_settings(document: Document) -> list[str]:
    # The handler writes one UserSettings object (routers/api/v1/user/settings.go).
    spec = Spec(document)
    ref = spec.schema_ref("UserSettings")
    changed = []
    for method in ("GET", "PATCH"):  # both share one response: it is fixed once
        for response in _answer_of(spec, method, "/user/settings", ref):
            changed.append(spec.set_body_schema(response, {"$ref": ref}))
    return changed


def _topic_search(document: Document) -> list[str]:
    # The handler writes {"topics": [TopicResponse, …]} (routers/api/v1/repo/topic.go).
    spec = Spec(document)
    item = spec.schema_ref("TopicResponse")
    found = _answer_of(spec, "GET", "/topics/search", item)
    if not found:
        return []
    wrapper = {
        "description": "TopicListResponse is what a topic search answers.",
        "type": "object",
        "properties": {"topics": {"type": "array", "items": {"$ref": item}}},
    }
    defined = spec.define("TopicListResponse", wrapper)
    if defined is None:
        return []
    return [spec.set_body_schema(found[0], {"$ref": spec.schema_ref("TopicListResponse")}), defined]


def _registration_token(document: Document) -> list[str]:
    # go-swagger made the struct's field a header because the response struct
    # lacks "in: body"; the handler writes {"token": "…"} as JSON
    # (routers/api/v1/shared/runners.go). Gitea's OpenAPI 3 conversion keeps the header.
    spec = Spec(document)
    response = spec.response("RegistrationToken")
    headers = response.node.get("headers") if response is not None else None
    if response is None or not isinstance(headers, dict) or set(headers) != {"token"}:
        return []
    if spec.body_schema(response.node) is not None or "content" in response.node:
        return []
    body = {
        "description": "RegistrationToken is a token to register an Actions runner with.",
        "type": "object",
        "properties": {"token": {"type": "string"}},
    }
    defined = spec.define("RegistrationToken", body)
    if defined is None:
        return []
    del response.node["headers"]
    return [spec.set_body_schema(response, {"$ref": spec.schema_ref("RegistrationToken")}), defined]


def _answers(profile: forges.Profile) -> Callable[[Document], list[str]]:
    """A fix that re-declares the endpoints the profile knows to answer HTML,
    plain text or a file, wherever their spec says JSON or no body."""

    def apply(document: Document) -> list[str]:
        spec = Spec(document)
        changed = []
        for route, media in profile.answers:
            method, path = route.split(" ", 1)
            op = spec.operation(method, path)
            if op is None:
                continue
            for status, response, _ in list(spec.successes(op)):
                if status != "204" and media not in spec.media_types(op, response.node):
                    changed.append(spec.declare_media(op, status, response, media))
        return changed

    return apply


_ARRAY_DECLARED = "go-gitea/gitea#38581"
_WRONG_TYPES = "go-gitea/gitea#21997"
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
    Fix(
        "gitea-media-types",
        "gitea",
        ">=1.17",
        _WRONG_TYPES,
        "Markdown, markup, diffs, patches and keys answer HTML or plain text, and archives, "
        "raw files and job logs answer the file itself, where the spec says JSON or no body.",
        _answers(forges.FORGES["gitea"]),
    ),
    Fix(
        "forgejo-media-types",
        "forgejo",
        ">=7",
        _WRONG_TYPES,
        "Markdown, markup, diffs, patches and keys answer HTML or plain text, and archives, "
        "raw files and job logs answer the file itself, where the spec says JSON or no body.",
        _answers(forges.FORGES["forgejo"]),
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
