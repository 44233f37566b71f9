"""``forgegen diff``: what changed between two specs, and whether it breaks SDK callers.

Small inline specs pin each kind of change and its verdict; the real specs in
../shared/specs are compared pair by pair (slow: each is validated once per
session) and pin changes a release engineer would meet.
"""

from __future__ import annotations

import itertools
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from forgegen import ir
from forgegen.build import load_spec, sdk_api
from forgegen.release.changes import Change
from forgegen.release.diff import Report, diff
from forgegen.release.diff_report import markdown, to_json
from releasing import api_of, op, path_param, private_cache, query, ref, run, swagger, write_json

__all__ = ["private_cache"]

REPO_MODEL = {
    "type": "object",
    "properties": {
        "id": {"type": "integer", "format": "int64"},
        "name": {"type": "string"},
        "created": {"type": "string", "format": "date-time"},
    },
}
STATE = {"type": "string", "enum": ["open", "closed"]}


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, bool]]:
    return [(c.kind, c.subject, c.breaking) for c in diff(api_of(old), api_of(new)).changes]


def the(old: dict[str, Any], new: dict[str, Any], kind: str) -> Change:
    """The one change of this kind (an inline enum also adds an "enum added")."""
    (found,) = [c for c in diff(api_of(old), api_of(new)).changes if c.kind == kind]
    return found


def only(old: dict[str, Any], new: dict[str, Any]) -> Change:
    report = diff(api_of(old), api_of(new))
    assert len(report.changes) == 1, report.changes
    return report.changes[0]


def repo_get(**params: Any) -> dict[str, Any]:
    return {
        "/repos/{owner}/{repo}": {
            "get": op(
                "repoGet",
                parameters=[path_param("owner"), path_param("repo"), *params.values()],
                schema=ref("Repository"),
            )
        }
    }


BASE = swagger(repo_get(), {"Repository": REPO_MODEL})


# --- operations -------------------------------------------------------------------------------


def test_identical_specs_have_no_changes() -> None:
    report = diff(api_of(BASE), api_of(BASE))
    assert report.changes == ()
    assert report.bump == "none"


def test_a_new_operation_id_on_the_same_route_is_a_rename() -> None:
    new = swagger(repo_get(), {"Repository": REPO_MODEL})
    new["paths"]["/repos/{owner}/{repo}"]["get"]["operationId"] = "repoFetch"
    change = only(BASE, new)
    assert (change.kind, change.breaking) == ("operation renamed", True)
    assert change.subject == "GET /repos/{owner}/{repo}"
    assert "`client.repository.get` → `client.repository.fetch`" in change.detail
    assert "`repoGet` → `repoFetch`" in change.detail


def test_an_operation_id_change_that_keeps_the_method_name_is_not_breaking() -> None:
    new = swagger(repo_get(), {"Repository": REPO_MODEL})
    new["paths"]["/repos/{owner}/{repo}"]["get"]["operationId"] = "RepoGet"
    change = only(BASE, new)
    assert (change.kind, change.breaking) == ("operationId changed", False)


def test_added_and_removed_operations() -> None:
    new = swagger(
        {
            **repo_get(),
            "/version": {"get": op("getVersion", tag="misc", schema={"type": "string"})},
        },
        {"Repository": REPO_MODEL},
    )
    assert changes(BASE, new) == [("operation added", "GET /version", False)]
    assert changes(new, BASE) == [("operation removed", "GET /version", True)]
    assert diff(api_of(BASE), api_of(new)).bump == "minor"
    assert diff(api_of(new), api_of(BASE)).bump == "major"


def test_renamed_path_placeholders_are_the_same_route() -> None:
    old = swagger(
        {
            "/issues/{id}": {
                "get": op("issueGet", tag="issue", parameters=[path_param("id", "integer")])
            }
        }
    )
    new = swagger(
        {
            "/issues/{index}": {
                "get": op("issueGet", tag="issue", parameters=[path_param("index", "integer")])
            }
        }
    )
    change = only(old, new)
    # Same route, same method; only callers passing the argument by keyword notice.
    assert (change.kind, change.subject, change.breaking) == (
        "parameter renamed",
        "GET /issues/{index}",
        True,
    )
    assert "argument `id` → `index`" in change.detail


def test_a_moved_route_whose_method_keeps_its_name_is_matched() -> None:
    old = swagger(
        {
            "/orgs/{org}/hooks/": {
                "post": op("orgCreateHook", tag="organization", parameters=[path_param("org")])
            }
        }
    )
    new = swagger(
        {
            "/orgs/{org}/hooks": {
                "post": op("orgCreateHook", tag="organization", parameters=[path_param("org")])
            }
        }
    )
    change = only(old, new)
    assert (change.kind, change.breaking) == ("operation moved", False)
    assert diff(api_of(old), api_of(new)).bump == "patch"


@pytest.mark.parametrize(
    ("before", "after", "kind", "breaking"),
    [
        (None, query("sort"), "parameter added", False),
        (None, query("sort", required=True), "parameter added", True),
        (query("sort"), None, "parameter removed", True),
        (query("sort"), query("sort", required=True), "parameter now required", True),
        # Required arguments are positional, optional ones keyword-only.
        (query("sort", required=True), query("sort"), "parameter now optional", True),
        (query("limit", "integer"), query("limit", "string"), "parameter retyped", True),
        (query("limit", "integer"), query("limit", "number"), "parameter retyped", False),
        (
            query("state", **STATE),
            query("state", enum=["open", "closed", "all"]),
            "parameter retyped",
            False,
        ),
        (query("state", **STATE), query("state", enum=["open"]), "parameter retyped", True),
        (query("state", **STATE), query("state"), "parameter retyped", False),
        (query("state"), query("state", **STATE), "parameter retyped", True),
    ],
)
def test_parameter_changes(
    before: dict[str, Any] | None, after: dict[str, Any] | None, kind: str, breaking: bool
) -> None:
    old = swagger(repo_get(**({"p": before} if before else {})), {"Repository": REPO_MODEL})
    new = swagger(repo_get(**({"p": after} if after else {})), {"Repository": REPO_MODEL})
    change = only(old, new)
    assert (change.kind, change.breaking) == (kind, breaking)
    assert change.subject == "GET /repos/{owner}/{repo}"


def test_enum_choices_in_another_order_are_no_change() -> None:
    old = swagger(repo_get(p=query("state", enum=["closed", "open"])), {"Repository": REPO_MODEL})
    new = swagger(repo_get(p=query("state", enum=["open", "closed"])), {"Repository": REPO_MODEL})
    assert changes(old, new) == []


def test_literal_changes_name_the_values() -> None:
    old = swagger(repo_get(p=query("state", **STATE)), {"Repository": REPO_MODEL})
    new = swagger(repo_get(p=query("state", enum=["open", "all"])), {"Repository": REPO_MODEL})
    assert only(old, new).detail == (
        "query parameter `state`: accepts `all`; no longer accepts `closed`"
    )


def test_swapped_positional_arguments_break_callers() -> None:
    def spec(first: str, second: str) -> dict[str, Any]:
        params = [query(first, required=True), query(second, required=True)]
        return swagger({"/search": {"get": op("search", tag="misc", parameters=params)}})

    change = only(spec("q", "kind"), spec("kind", "q"))
    assert (change.kind, change.breaking) == ("arguments reordered", True)
    assert change.detail == "positional `q, kind` → `kind, q`"


@pytest.mark.parametrize(
    ("before", "after", "breaking"),
    [
        ({"type": "array", "items": ref("Repository")}, ref("Repository"), True),
        (ref("Repository"), {"type": "string"}, True),
        # Nothing → a model: the method returned None, so no caller used the result.
        (None, ref("Repository"), False),
        (ref("Repository"), None, True),
        # The SDK's enums are str subclasses: read values compare as before.
        ({"type": "string"}, STATE, False),
        (STATE, {"type": "string"}, True),
    ],
)
def test_response_changes(
    before: dict[str, Any] | None, after: dict[str, Any] | None, breaking: bool
) -> None:
    def spec(schema: dict[str, Any] | None) -> dict[str, Any]:
        path = {"/repos": {"post": op("repoCreate", schema=schema)}}
        return swagger(path, {"Repository": REPO_MODEL})

    change = the(spec(before), spec(after), "response retyped")
    assert (change.kind, change.breaking) == ("response retyped", breaking)
    assert (change.method, change.path, change.location) == ("POST", "/repos", "response")
    if not breaking:
        assert change.why, "a change that looks breaking says why it is not"


def with_body_model(model: dict[str, Any]) -> dict[str, Any]:
    """Repository read by GET and sent as POST /repos's body."""
    spec = with_model(model)
    body = {"name": "body", "in": "body", "required": True, "schema": ref("Repository")}
    spec["paths"]["/repos"] = {"post": op("repoCreate", parameters=[body])}
    return spec


def test_a_string_becoming_an_enum_breaks_inputs_only() -> None:
    read = the(
        with_model(prop(name={"type": "string"})), with_model(prop(name=STATE)), "field retyped"
    )
    assert (read.kind, read.breaking) == ("field retyped", False)
    assert read.location == "response field Repository.name"
    assert "str subclasses" in read.why
    sent = the(
        with_body_model(prop(name={"type": "string"})),
        with_body_model(prop(name=STATE)),
        "field retyped",
    )
    assert (sent.kind, sent.breaking) == ("field retyped", True)
    assert sent.location == "body and response field Repository.name"
    assert "request" in sent.why
    models = {"Repository": REPO_MODEL}
    argument = only(
        swagger(repo_get(state=query("state")), models),
        swagger(repo_get(state=query("state", **STATE)), models),
    )
    assert (argument.kind, argument.breaking) == ("parameter retyped", True)
    assert argument.location == "query parameter state"
    assert (argument.before, argument.after) == ("str", "Literal['open', 'closed']")
    assert "only the listed values" in argument.why


def test_a_result_that_can_no_longer_be_none_is_not_breaking() -> None:
    def spec(codes: dict[str, Any]) -> dict[str, Any]:
        operation = op("repoCreate")
        operation["responses"] = codes
        return swagger({"/repos": {"post": operation}}, {"Repository": REPO_MODEL})

    both = spec(
        {"201": {"description": "", "schema": ref("Repository")}, "204": {"description": ""}}
    )
    one = spec({"201": {"description": "", "schema": ref("Repository")}})
    assert changes(both, one) == [("response retyped", "POST /repos", False)]
    assert changes(one, both) == [("response retyped", "POST /repos", True)]


def test_body_changes() -> None:
    def spec(body: dict[str, Any] | None) -> dict[str, Any]:
        params = [body] if body else []
        path = {"/repos": {"post": op("repoCreate", parameters=params, schema=ref("Repository"))}}
        return swagger(path, {"Repository": REPO_MODEL, "CreateRepoOption": REPO_MODEL})

    optional = {"name": "body", "in": "body", "schema": ref("CreateRepoOption")}
    required = {**optional, "required": True}
    assert changes(spec(None), spec(optional)) == [("parameter added", "POST /repos", False)]
    assert changes(spec(None), spec(required)) == [("parameter added", "POST /repos", True)]
    assert changes(spec(optional), spec(None)) == [("parameter removed", "POST /repos", True)]
    assert changes(spec(optional), spec(required)) == [
        ("parameter now required", "POST /repos", True)
    ]
    retyped = {**optional, "schema": ref("Repository")}
    assert changes(spec(optional), spec(retyped)) == [("parameter retyped", "POST /repos", True)]


def test_deprecation_is_not_breaking() -> None:
    new = swagger(repo_get(), {"Repository": REPO_MODEL})
    new["paths"]["/repos/{owner}/{repo}"]["get"]["deprecated"] = True
    assert changes(BASE, new) == [("operation deprecated", "GET /repos/{owner}/{repo}", False)]


# --- models, enums, auth ------------------------------------------------------------------------


def with_model(model: dict[str, Any], **more: Any) -> dict[str, Any]:
    return swagger(repo_get(), {"Repository": model, **more})


def prop(**changes_: Any) -> dict[str, Any]:
    properties = {**REPO_MODEL["properties"], **changes_}
    return {"type": "object", "properties": {k: v for k, v in properties.items() if v}}


@pytest.mark.parametrize(
    ("model", "kind", "subject", "breaking"),
    [
        (
            prop(topics={"type": "array", "items": {"type": "string"}}),
            "field added",
            "Repository.topics",
            False,
        ),
        (
            {**prop(owner={"type": "string"}), "required": ["owner"]},
            "field added",
            "Repository.owner",
            True,
        ),
        (prop(name=None), "field removed", "Repository.name", True),
        (prop(created={"type": "string"}), "field retyped", "Repository.created", True),
        ({**REPO_MODEL, "required": ["name"]}, "field now required", "Repository.name", True),
    ],
)
def test_field_changes(model: dict[str, Any], kind: str, subject: str, breaking: bool) -> None:
    change = only(BASE, with_model(model))
    assert (change.kind, change.subject, change.breaking) == (kind, subject, breaking)


def test_a_field_that_becomes_optional_or_loosely_typed_is_not_breaking() -> None:
    strict = with_model(
        {**prop(tags={"type": "array", "items": {"type": "integer"}}), "required": ["name"]}
    )
    loose = with_model(prop(tags={"type": "array", "items": {}}))
    assert changes(strict, loose) == [
        ("field now optional", "Repository.name", False),
        ("field retyped", "Repository.tags", False),  # list[int] → list[Any]: the same JSON
    ]
    # A model read as Any comes back as a dict: that breaks.
    modelled = with_model(prop(parent=ref("Repository")))
    untyped = with_model(prop(parent={"description": "anything"}))
    assert changes(modelled, untyped) == [("field retyped", "Repository.parent", True)]


def test_model_and_enum_changes() -> None:
    old = with_model(
        REPO_MODEL, State=STATE, Team={"type": "object", "properties": {"id": {"type": "integer"}}}
    )
    new = with_model(
        REPO_MODEL,
        State={"type": "string", "enum": ["open", "merged"]},
        Label={"type": "object", "properties": {"id": {"type": "integer"}}},
    )
    assert changes(old, new) == [
        ("model added", "Label", False),
        ("model removed", "Team", True),
        ("enum values removed", "State", True),
        ("enum values added", "State", False),  # the SDK's enums accept unknown values
    ]


def test_auth_scheme_changes() -> None:
    def spec(**schemes: Any) -> dict[str, Any]:
        return swagger(repo_get(), {"Repository": REPO_MODEL}, securityDefinitions=schemes)

    basic = {"type": "basic"}
    otp = {"type": "apiKey", "in": "header", "name": "X-GITEA-OTP"}
    assert changes(spec(BasicAuth=basic), spec(BasicAuth=basic, TOTPHeader=otp)) == [
        ("auth added", "TOTPHeader", False)
    ]
    assert changes(spec(BasicAuth=basic), spec()) == [("auth removed", "BasicAuth", True)]
    moved = {**otp, "name": "X-FORGEJO-OTP"}
    change = only(spec(TOTPHeader=otp), spec(TOTPHeader=moved))
    assert (change.kind, change.breaking) == ("auth changed", True)
    assert change.detail == "API key in header `X-GITEA-OTP` → API key in header `X-FORGEJO-OTP`"


def test_swagger_2_and_openapi_3_of_one_api_are_equal() -> None:
    openapi = {
        "openapi": "3.0.3",
        "info": {"title": "Tiny API", "version": "1.0.0"},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/repos/{owner}/{repo}": {
                "get": {
                    "operationId": "repoGet",
                    "tags": ["repository"],
                    "parameters": [
                        {"name": n, "in": "path", "required": True, "schema": {"type": "string"}}
                        for n in ("owner", "repo")
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Repository"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Repository": REPO_MODEL}},
    }
    assert changes(BASE, openapi) == []


# --- reports ------------------------------------------------------------------------------------


def test_markdown_and_json_reports(tmp_path: Path) -> None:
    old = write_json(tmp_path / "old.json", BASE)
    new_doc = with_model(prop(name=None, topics={"type": "string"}))
    new_doc["info"]["version"] = "1.1.0"
    new = write_json(tmp_path / "new.json", new_doc)
    result = run("diff", old, new)
    assert result.exit_code == 0
    assert result.stdout == (
        "# API changes: Tiny API 1.0.0 → Tiny API 1.1.0\n"
        "\n"
        "Recommended version bump: **major** (1 breaking, 1 non-breaking change).\n"
        "\n"
        "## Breaking changes (1)\n"
        "\n"
        "### Models\n"
        "\n"
        "- **field removed** `Repository.name`: wire name `name`\n"
        "\n"
        "## Other changes (1)\n"
        "\n"
        "### Models\n"
        "\n"
        "- **field added** `Repository.topics`: `str`, optional\n"
    )
    assert "recommended bump: major" in result.stderr
    data = json.loads(run("diff", "--format", "json", old, new).stdout)
    assert data["bump"] == "major"
    assert (data["breaking"], data["non_breaking"]) == (1, 1)
    assert data["old"] == {"title": "Tiny API", "version": "1.0.0", "format": "swagger 2.0"}
    assert data["changes"][0] == {
        "kind": "field removed",
        "subject": "Repository.name",
        "operation_id": None,
        "method": None,
        "path": None,
        "location": "response field Repository.name",
        "before": "name",
        "after": None,
        "breaking": True,
        "why": None,
        "message": "field removed Repository.name: wire name 'name'",
    }
    assert "`" not in json.dumps(data) and "**" not in json.dumps(data)  # no Markdown


def test_json_changes_name_their_operation_and_place(tmp_path: Path) -> None:
    old = write_json(tmp_path / "old.json", BASE)
    new = write_json(
        tmp_path / "new.json",
        swagger(repo_get(q=query("q", required=True)), {"Repository": REPO_MODEL}),
    )
    (change,) = json.loads(run("diff", "--format", "json", old, new).stdout)["changes"]
    assert change == {
        "kind": "parameter added",
        "subject": "GET /repos/{owner}/{repo}",
        "operation_id": "repoGet",
        "method": "GET",
        "path": "/repos/{owner}/{repo}",
        "location": "query parameter q",
        "before": None,
        "after": "str",
        "breaking": True,
        "why": "existing calls do not pass it",
        "message": "parameter added GET /repos/{owner}/{repo}: query parameter 'q' "
        "(argument 'q': 'str', required, positional) (existing calls do not pass it)",
    }


def test_fail_on(tmp_path: Path) -> None:
    old = write_json(tmp_path / "old.json", BASE)
    added = write_json(tmp_path / "added.json", with_model(prop(topics={"type": "string"})))
    removed = write_json(tmp_path / "removed.json", with_model(prop(name=None)))
    assert run("diff", "--fail-on", "breaking", old, added).exit_code == 0
    assert run("diff", "--fail-on", "any", old, old).exit_code == 0
    failed = run("diff", "--fail-on", "breaking", old, removed)
    assert failed.exit_code == 7  # not 1, which is an internal error
    assert "1 breaking change(s)" in failed.stderr
    assert run("diff", "--fail-on", "any", old, added).exit_code == 7


def test_diff_command_errors(tmp_path: Path) -> None:
    old = write_json(tmp_path / "old.json", BASE)
    assert run("diff", old, tmp_path / "missing.json").exit_code == 3
    assert run("diff", old).exit_code == 2
    assert run("diff", "-", "-").exit_code == 2
    assert run("diff", "--format", "yaml", old, old).exit_code == 2
    broken = write_json(
        tmp_path / "broken.json", {**BASE, "paths": {"/x": {"get": {"responses": 5}}}}
    )
    assert run("diff", old, broken).exit_code == 4


def test_names_from_the_spec_stay_inside_code_spans() -> None:
    hostile = "evil`\n# Heading [link](http://x)"
    old = with_model(prop(**{hostile: {"type": "string"}}))
    text = markdown(diff(api_of(old), api_of(BASE)))
    (line,) = [x for x in text.splitlines() if x.startswith("- **field removed**")]
    assert line == (
        "- **field removed** `Repository.evil_heading_link_http_x`: "
        "wire name `evil' # Heading [link](http://x)`"  # the backtick cannot close the span
    )
    assert "\n# Heading" not in text


# --- the real specs -------------------------------------------------------------------------------

GITEA = [f"gitea/1.{n}.json" for n in range(17, 28)]
FORGEJO = [f"forgejo/{n}.json" for n in range(7, 16)]
PAIRS = [
    *itertools.pairwise(GITEA),
    *itertools.pairwise(FORGEJO),
    ("gitea/1.22.json", "forgejo/7.json"),
]
_APIS: dict[tuple[str, bool], ir.Api] = {}


def real(shared_specs: Path, name: str, *, fixes: bool = True) -> ir.Api:
    """Each real spec validated, fixed and parsed once per session."""
    if (name, fixes) not in _APIS:
        loaded = load_spec(str(shared_specs / name), fixes=fixes)
        _APIS[name, fixes] = sdk_api(loaded)
    return _APIS[name, fixes]


def real_diff(shared_specs: Path, old: str, new: str, *, fixes: bool = True) -> Report:
    return diff(real(shared_specs, old, fixes=fixes), real(shared_specs, new, fixes=fixes))


def find(report: Report, kind: str, subject: str) -> Change:
    found = [c for c in report.changes if c.kind == kind and c.subject == subject]
    assert len(found) == 1, [c for c in report.changes if c.subject == subject]
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_consecutive_pair_of_real_specs(shared_specs: Path, old: str, new: str) -> None:
    report = real_diff(shared_specs, old, new)
    assert report.changes, "every release changes something"
    text = markdown(report)
    assert text == markdown(real_diff(shared_specs, old, new))  # deterministic
    assert text.startswith("# API changes: ")
    data = json.loads(to_json(report))
    assert len(data["changes"]) == len(report.changes)
    assert data["bump"] == report.bump
    # A method that is removed is never also reported as added under the same name.
    removed = {c.detail for c in report.changes if c.kind == "operation removed"}
    added = {c.detail for c in report.changes if c.kind == "operation added"}
    assert not removed & added
    # Everything the SDK's callers could notice breaking pushes the bump to major.
    assert (report.bump == "major") == bool(report.breaking)


OAS3 = "gitea/1.27-openapi3.json"


@pytest.mark.slow
def test_the_openapi3_twin_changes_no_method(shared_specs: Path) -> None:
    # The same release in the other format: what differs is only which enum
    # classes hold the values (tests/test_openapi3_twin.py says why).
    report = real_diff(shared_specs, "gitea/1.27.json", OAS3)
    routes = [c for c in report.changes if c.subject.split(" ")[0].isupper()]
    assert routes == []
    assert {c.kind for c in report.changes} == {"enum added", "enum removed", "field retyped"}
    enums = [{e.name for e in real(shared_specs, n).enums} for n in ("gitea/1.27.json", OAS3)]
    for change in report.changes:
        if change.kind == "field retyped":  # from one enum class to another
            old_name, new_name = change.detail.strip("`").split("` → `")
            assert old_name in enums[0] and new_name in enums[1], change


@pytest.mark.slow
def test_pinned_breaking_changes(shared_specs: Path) -> None:
    # Gitea 1.20 renamed adminGetAllUsers: same route, another method name.
    renamed = find(
        real_diff(shared_specs, "gitea/1.19.json", "gitea/1.20.json"),
        "operation renamed",
        "GET /admin/users",
    )
    assert renamed.breaking
    assert "`client.admin.get_all_users` → `client.admin.search_users`" in renamed.detail
    # Gitea 1.22 dropped the per_page query parameter of the release list.
    report = real_diff(shared_specs, "gitea/1.21.json", "gitea/1.22.json")
    removed = find(report, "parameter removed", "GET /repos/{owner}/{repo}/releases")
    assert removed.breaking and "`per_page`" in removed.detail
    # … and PushMirror timestamps became datetimes.
    retyped = find(report, "field retyped", "PushMirror.created")
    assert retyped.breaking and retyped.detail == "`str` → `datetime`"
    # … and a release asset's file became optional, so keyword-only.
    optional = find(
        report, "parameter now optional", "POST /repos/{owner}/{repo}/releases/{id}/assets"
    )
    assert optional.breaking
    # Forgejo 7 has no user blocking API of Gitea 1.22's shape.
    fork = real_diff(shared_specs, "gitea/1.22.json", "forgejo/7.json")
    assert find(fork, "operation removed", "GET /user/blocks").breaking
    assert find(fork, "auth changed", "TOTPHeader").breaking  # X-GITEA-OTP → X-FORGEJO-OTP
    assert fork.bump == "major"


@pytest.mark.slow
def test_pinned_non_breaking_changes(shared_specs: Path) -> None:
    report = real_diff(shared_specs, "gitea/1.17.json", "gitea/1.18.json")
    # New package types for GET /packages/{owner}: the Literal only grows.
    grown = find(report, "parameter retyped", "GET /packages/{owner}")
    assert not grown.breaking
    assert grown.detail == "query parameter `type`: accepts `pub`, `vagrant`"
    # POST /orgs/{org}/hooks/ lost its trailing slash; the method did not change.
    moved = find(report, "operation moved", "POST /orgs/{org}/hooks")
    assert not moved.breaking
    assert find(report, "field added", "Repository.allow_rebase_update").breaking is False
    assert (
        find(report, "operation added", "GET /repos/{owner}/{repo}/push_mirrors").breaking is False
    )
    # New migration services: the SDK's enums take values they do not know.
    services = real_diff(shared_specs, "gitea/1.19.json", "gitea/1.20.json")
    added = find(services, "enum values added", "MigrateRepoOptionsService")
    assert not added.breaking and "`gogs`" in added.detail
    # Gitea 1.20 → 1.21 only added things.
    assert real_diff(shared_specs, "gitea/1.20.json", "gitea/1.21.json").bump == "minor"


@pytest.mark.slow
def test_spec_fixes_remove_a_false_difference(shared_specs: Path) -> None:
    # Gitea declares /user/settings as an array, Forgejo as the object both send.
    fixed = real_diff(shared_specs, "gitea/1.22.json", "forgejo/7.json")
    assert not [c for c in fixed.changes if c.subject == "GET /user/settings"]
    raw = real_diff(shared_specs, "gitea/1.22.json", "forgejo/7.json", fixes=False)
    change = find(raw, "response retyped", "GET /user/settings")
    assert change.breaking and change.detail == "`list[UserSettings]` → `UserSettings`"


@pytest.mark.slow
def test_diff_command_on_real_specs(shared_specs: Path) -> None:
    old, new = shared_specs / "gitea/1.24.json", shared_specs / "gitea/1.25.json"
    result = run("diff", "--fail-on", "breaking", old, new)
    assert result.exit_code == 7
    assert result.stdout.startswith("# API changes: Gitea API 1.24.7 → Gitea API 1.25.4\n")
    assert (
        "spec fixes: gitea-user-settings, gitea-topic-search, gitea-registration-token"
        in result.stderr
    )


def test_diff_reads_specs_from_urls(tmp_path: Path) -> None:
    body = json.dumps(with_model(prop(topics={"type": "string"}))).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200 if self.path == "/swagger.v1.json" else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body if self.path == "/swagger.v1.json" else b"{}")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        old = write_json(tmp_path / "old.json", BASE)
        url = f"http://127.0.0.1:{server.server_address[1]}/"  # an instance root
        result = run("diff", "--format", "json", old, url)
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.output
    (change,) = json.loads(result.stdout)["changes"]
    assert (change["kind"], change["subject"]) == ("field added", "Repository.topics")
