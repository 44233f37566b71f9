"""Per-version spec fixes: where a forge's spec disagrees with what its server answers.

Each fix applies to the forge and versions it names only, is reported as a
note and in the generated README, and ``--no-fixes`` turns them off.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet

from forgegen.diagnostics import Diagnostics
from forgegen.parse import parse
from forgegen.profiles.fixes import FIXES, apply_fixes, fixes_for
from forgegen.profiles.forges import FORGES
from forgegen.release.diff_ops import result_text
from releasing import GITEA, op, private_cache, ref, run, swagger, write_json

from sdk import run_python

__all__ = ["private_cache"]

SETTINGS = {"type": "object", "properties": {"full_name": {"type": "string"}}}
TOPIC = {"type": "object", "properties": {"topic_name": {"type": "string"}}}


def forge_spec(title: str, version: str) -> dict[str, Any]:
    """The three shapes the fixes correct, as Gitea 1.22 publishes them."""
    paths = {
        "/user/settings": {"get": op("getUserSettings", tag="user")},
        "/topics/search": {"get": op("topicSearch")},
        "/admin/runners/registration-token": {
            "get": op("adminGetRunnerRegistrationToken", tag="admin")
        },
    }
    paths["/user/settings"]["get"]["responses"]["200"] = {"$ref": "#/responses/UserSettings"}
    paths["/topics/search"]["get"]["responses"]["200"] = {"$ref": "#/responses/TopicListResponse"}
    token = paths["/admin/runners/registration-token"]["get"]["responses"]
    token["200"] = {"$ref": "#/responses/RegistrationToken"}
    return swagger(
        paths,
        {"UserSettings": SETTINGS, "TopicResponse": TOPIC},
        title=title,
        version=version,
        responses={
            "UserSettings": {
                "description": "UserSettings",
                "schema": {"type": "array", "items": ref("UserSettings")},
            },
            "TopicListResponse": {
                "description": "TopicListResponse",
                "schema": {"type": "array", "items": ref("TopicResponse")},
            },
            "RegistrationToken": {
                "description": "RegistrationToken",
                "headers": {"token": {"type": "string"}},
            },
        },
    )


def results(document: dict[str, Any]) -> dict[str, str]:
    api = parse(document, Diagnostics())
    return {op.path: result_text(op) for op in api.operations}


@pytest.mark.parametrize(
    ("forge", "version", "expected"),
    [
        ("gitea", "1.16.9", []),  # older than any release checked
        ("gitea", "1.17.4", ["gitea-user-settings", "gitea-topic-search", "gitea-media-types"]),
        (
            "gitea",
            "1.22.6",
            [
                "gitea-user-settings",
                "gitea-topic-search",
                "gitea-registration-token",
                "gitea-media-types",
            ],
        ),
        (
            "gitea",
            "1.26.0+dev-12-gabcdef",
            [
                "gitea-user-settings",
                "gitea-topic-search",
                "gitea-registration-token",
                "gitea-media-types",
            ],
        ),
        ("forgejo", "6.0.0", []),
        (
            "forgejo",
            "7.0.15+gitea-1.22.0",
            ["forgejo-topic-search", "forgejo-registration-token", "forgejo-media-types"],
        ),
        ("gogs", "v1", []),
        ("generic", "1.22.6", []),
        ("gitea", "not a version", []),
    ],
)
def test_fixes_apply_only_to_the_versions_they_name(
    forge: str, version: str, expected: list[str]
) -> None:
    assert [f.id for f in fixes_for(forge, version)] == expected


def test_every_fix_names_its_versions_reference_and_what_it_does() -> None:
    assert len({f.id for f in FIXES}) == len(FIXES)
    for fix in FIXES:
        assert fix.forge in ("gitea", "forgejo")
        assert list(SpecifierSet(fix.versions))  # a real range
        assert "go-gitea/gitea" in fix.reference or "forgejo/forgejo" in fix.reference
        assert fix.description.endswith(".")


def test_the_fixed_spec_has_the_types_the_server_sends() -> None:
    document = forge_spec("Gitea API", "1.22.6")
    before = copy.deepcopy(document)
    notes = Diagnostics()
    fixed, applied = apply_fixes(document, "gitea", notes)
    assert document == before  # the caller's document is never changed
    assert [a.id for a in applied] == [
        "gitea-user-settings",
        "gitea-topic-search",
        "gitea-registration-token",
    ]
    assert applied[2].pointers == (
        "/responses/RegistrationToken/schema",
        "/definitions/RegistrationToken",
    )
    assert [d.pointer for d in notes.items] == [
        "/responses/UserSettings/schema",
        "/responses/TopicListResponse/schema",
        "/responses/RegistrationToken/schema",
    ]
    assert "go-gitea/gitea#38581" in notes.items[0].message
    assert results(before) == {
        "/user/settings": "list[UserSettings]",
        "/topics/search": "list[TopicResponse]",
        "/admin/runners/registration-token": "bytes",  # no schema: the raw body
    }
    assert results(dict(fixed)) == {
        "/user/settings": "UserSettings",
        "/topics/search": "TopicListResponse",
        "/admin/runners/registration-token": "RegistrationToken",
    }


def test_a_spec_already_fixed_upstream_is_left_alone() -> None:
    document = forge_spec("Gitea API", "1.22.6")
    fixed, _ = apply_fixes(document, "gitea", Diagnostics())
    notes = Diagnostics()
    again, applied = apply_fixes(fixed, "gitea", notes)
    assert applied == () and again is fixed and notes.items == []


def test_a_spec_without_a_version_number_gets_no_fixes_and_a_note() -> None:
    notes = Diagnostics()
    document = forge_spec("Gitea API", "main")
    assert apply_fixes(document, "gitea", notes) == (document, ())
    assert [d.format() for d in notes.items] == [
        "note: /info/version: 'main' is not a version number: no gitea spec fixes applied"
    ]


def test_build_reports_fixes_in_its_output_the_readme_and_the_manifest(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = run("build", "--spec", GITEA, "--out", out)
    assert result.exit_code == 0
    assert (
        f"note: {GITEA}#/responses/UserSettings/schema: applied spec fix gitea-user-settings "
        "(go-gitea/gitea#38581)"
    ) in result.stderr
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "## Spec fixes" in readme
    assert "| `gitea-user-settings` | go-gitea/gitea\\#38581 |" in readme
    manifest = json.loads((out / ".forgegen.json").read_text(encoding="utf-8"))
    assert manifest["fixes"] == ["gitea-user-settings"]
    user = (out / "gitea_sdk" / "api" / "user.py").read_text(encoding="utf-8")
    assert "def get_user_settings(self) -> UserSettings:" in user


def test_no_fixes_builds_the_spec_as_published(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = run("build", "--no-fixes", "--spec", GITEA, "--out", out)
    assert result.exit_code == 0
    assert "applied spec fix" not in result.stderr
    assert "## Spec fixes" not in (out / "README.md").read_text(encoding="utf-8")
    assert json.loads((out / ".forgegen.json").read_text(encoding="utf-8"))["fixes"] == []
    user = (out / "gitea_sdk" / "api" / "user.py").read_text(encoding="utf-8")
    assert "def get_user_settings(self) -> list[UserSettings]:" in user


def test_the_fixed_sdk_reads_what_the_server_sends(tmp_path: Path) -> None:
    spec = write_json(tmp_path / "gitea.json", forge_spec("Gitea API", "1.22.6"))
    out = tmp_path / "sdk"
    assert run("build", "-q", "--spec", spec, "--out", out).exit_code == 0
    # The bodies Gitea's handlers write (routers/api/v1/user/settings.go,
    # repo/topic.go, shared/runners.go).
    code = """
import httpx
from gitea_sdk import Client

BODIES = {
    "/api/v1/user/settings": {"full_name": "Alice"},
    "/api/v1/topics/search": {"topics": [{"topic_name": "go"}, {"topic_name": "rust"}]},
    "/api/v1/admin/runners/registration-token": {"token": "AAA"},
}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=BODIES[request.url.path]))
http = httpx.Client(base_url="https://forge.test/api/v1/", transport=transport)
with Client("https://forge.test", http_client=http) as client:
    print(client.user.get_user_settings().full_name)
    print([t.topic_name for t in client.repository.topic_search().topics])
    print(client.admin.get_runner_registration_token().token)
"""
    result = run_python(code, cwd=out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Alice", "['go', 'rust']", "AAA"]


def kinds(document: dict[str, Any]) -> dict[str, str]:
    """How each operation's answer is read: json, text, bytes or empty."""
    api = parse(document, Diagnostics())
    return {f"{op.method} {op.path}": op.result.kind for op in api.operations}


def forge_openapi3(title: str, version: str) -> dict[str, Any]:
    """``forge_spec`` as Gitea's own OpenAPI 3 conversion writes it, plus the
    bodies it relabels as JSON (markdown, a diff) or declares empty (an archive)."""
    text = {"type": "string"}
    settings = {"type": "array", "items": {"$ref": "#/components/schemas/UserSettings"}}
    topics = {"type": "array", "items": {"$ref": "#/components/schemas/TopicResponse"}}

    def answering(operation_id: str, tag: str, ref: str) -> dict[str, Any]:
        return {"operationId": operation_id, "tags": [tag], "responses": {"200": {"$ref": ref}}}

    shared = "#/components/responses/"
    archive = answering("repoGetArchive", "repository", shared + "string")
    archive["responses"]["200"] = {"description": "success"}
    return {
        "openapi": "3.0.3",
        "info": {"title": title, "version": version},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/user/settings": {
                "get": answering("getUserSettings", "user", shared + "UserSettings")
            },
            "/topics/search": {
                "get": answering("topicSearch", "repository", shared + "TopicListResponse")
            },
            "/admin/runners/registration-token": {
                "get": answering(
                    "adminGetRunnerRegistrationToken", "admin", shared + "RegistrationToken"
                )
            },
            "/markdown": {
                "post": answering("renderMarkdown", "miscellaneous", shared + "MarkdownRender")
            },
            "/repos/{owner}/{repo}/pulls/{index}.{diffType}": {
                "get": answering("repoDownloadPullDiffOrPatch", "repository", shared + "string")
            },
            "/repos/{owner}/{repo}/archive/{archive}": {"get": archive},
            "/version": {"get": answering("getVersion", "miscellaneous", shared + "string")},
        },
        "components": {
            "schemas": {"UserSettings": SETTINGS, "TopicResponse": TOPIC},
            "responses": {
                "UserSettings": {"description": "", "content": {JSON: {"schema": settings}}},
                "TopicListResponse": {"description": "", "content": {JSON: {"schema": topics}}},
                "RegistrationToken": {
                    "description": "RegistrationToken",
                    "headers": {"token": {"schema": text}},
                },
                "MarkdownRender": {"description": "", "content": {JSON: {"schema": text}}},
                "string": {"description": "", "content": {JSON: {"schema": text}}},
            },
        },
    }


JSON = "application/json"


def test_the_same_fixes_find_their_targets_in_openapi_3() -> None:
    document = forge_openapi3("Gitea API", "1.27.0")
    before = copy.deepcopy(document)
    notes = Diagnostics()
    fixed, applied = apply_fixes(document, "gitea", notes)
    assert document == before
    assert [a.id for a in applied] == [
        "gitea-user-settings",
        "gitea-topic-search",
        "gitea-registration-token",
        "gitea-media-types",
    ]
    assert applied[2].pointers == (
        "/components/responses/RegistrationToken/content/application~1json/schema",
        "/components/schemas/RegistrationToken",
    )
    assert applied[3].pointers == (
        "/paths/~1markdown/post/responses/200",
        "/paths/~1repos~1{owner}~1{repo}~1pulls~1{index}.{diffType}/get/responses/200",
        "/paths/~1repos~1{owner}~1{repo}~1archive~1{archive}/get/responses/200",
    )
    assert results(dict(fixed)) == {
        "/user/settings": "UserSettings",
        "/topics/search": "TopicListResponse",
        "/admin/runners/registration-token": "RegistrationToken",
        "/markdown": "str",
        "/repos/{owner}/{repo}/pulls/{index}.{diffType}": "str",
        "/repos/{owner}/{repo}/archive/{archive}": "bytes",
        "/version": "str",
    }
    found = kinds(dict(fixed))
    assert kinds(before)["POST /markdown"] == "json"  # as published: decoded as JSON
    assert found["POST /markdown"] == "text"
    assert found["GET /repos/{owner}/{repo}/pulls/{index}.{diffType}"] == "text"
    assert found["GET /repos/{owner}/{repo}/archive/{archive}"] == "bytes"
    # The shared response other operations use is left as it was: only the
    # operations the profile names are re-declared.
    assert found["GET /version"] == "json"
    assert fixed["components"]["responses"]["string"] == before["components"]["responses"]["string"]
    again, reapplied = apply_fixes(fixed, "gitea", Diagnostics())
    assert reapplied == () and again is fixed


GITEA_SPECS = [*(f"gitea/1.{n}.json" for n in range(17, 28)), "gitea/1.27-openapi3.json"]
FORGEJO_SPECS = [f"forgejo/{n}.json" for n in range(7, 16)]


@pytest.mark.parametrize("name", GITEA_SPECS + FORGEJO_SPECS)
def test_real_specs_are_fixed(shared_specs: Path, name: str) -> None:
    document = json.loads((shared_specs / name).read_text(encoding="utf-8"))
    forge = name.split("/")[0]
    fixed, applied = apply_fixes(document, forge, Diagnostics())
    found = results(dict(fixed))
    # Forgejo 13 corrected the topic search and runner token answers upstream.
    upstream = name in [f"forgejo/{n}.json" for n in range(13, 16)]
    assert found["/user/settings"] == "UserSettings"  # Forgejo's spec had it right already
    assert found["/topics/search"] == ("TopicSearchResponse" if upstream else "TopicListResponse")
    tokens = [p for p in found if p.endswith("/runners/registration-token")]
    # Runner registration tokens came with Gitea 1.22.
    assert bool(tokens) == (name not in [f"gitea/1.{n}.json" for n in range(17, 22)])
    assert tokens == [] or {found[p] for p in tokens} == {"RegistrationToken"}
    expected = {
        "gitea-user-settings" if forge == "gitea" else None,
        None if upstream else f"{forge}-topic-search",
        f"{forge}-registration-token" if tokens and not upstream else None,
        f"{forge}-media-types",
    } - {None}
    assert {a.id for a in applied} == expected
    read = kinds(dict(fixed))
    for route, media in FORGES[forge].answers:
        if route in read:
            assert read[route] == ("text" if media.startswith("text/") else "bytes"), route


def test_gogs_has_no_fixes(shared_specs: Path) -> None:
    document = json.loads((shared_specs / "gogs/openapi.json").read_text(encoding="utf-8"))
    notes = Diagnostics()
    assert apply_fixes(document, "gogs", notes) == (document, ())
    assert notes.items == []
