"""validate/validator.py: openapi-spec-validator with absolute JSON pointers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forgegen.diagnostics import Diagnostics, Severity, pointer
from forgegen.validate.validator import validate

INFO = {"title": "t", "version": "1"}
SWAGGER = {"swagger": "2.0", "info": INFO}
OK = {"200": {"description": "ok"}}
FILE_NOTE = "type: file in a response schema is valid Swagger 2.0"

REAL_SPECS = [
    *(f"gitea/1.{n}.json" for n in range(17, 28)),
    "gitea/1.27-openapi3.json",
    *(f"forgejo/{n}.json" for n in range(7, 16)),
    "gogs/openapi.json",
]
# Gitea 1.23+ and Forgejo 9+ serve raw and media files with `type: file` responses
# (Swagger 2.0 only: the OpenAPI 3 twin says `format: binary`).
FILE_RESPONSES = {f"gitea/1.{n}.json" for n in range(23, 28)} | {
    f"forgejo/{n}.json" for n in range(9, 16)
}
FILE_NOTES = [
    "/paths/~1repos~1{owner}~1{repo}~1media~1{filepath}/get/responses/200/schema/type",
    "/paths/~1repos~1{owner}~1{repo}~1raw~1{filepath}/get/responses/200/schema/type",
]


def resolve(document: Any, at: str) -> Any:
    """RFC 6901, written here independently of the code under test."""
    node = document
    for token in at.split("/")[1:] if at else []:
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def check(document: Any) -> Diagnostics:
    """Validate, and insist that every pointer reported names a node that exists."""
    diagnostics = Diagnostics()
    validate(document, diagnostics)
    for item in diagnostics.items:
        resolve(document, item.pointer)  # KeyError/IndexError: a pointer into nowhere
        assert len(item.message) <= 200, item.message
    return diagnostics


def errors(diagnostics: Diagnostics) -> dict[str, str]:
    return {d.pointer: d.message for d in diagnostics.of(Severity.ERROR)}


def notes(diagnostics: Diagnostics) -> list[str]:
    return sorted(d.pointer for d in diagnostics.of(Severity.NOTE))


def swagger(operation: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {**SWAGGER, "paths": {"/a": {"get": operation}}, **extra}


def returning(schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return swagger({"responses": {"200": {"description": "ok", "schema": schema}}}, **extra)


# --- the real specs ---------------------------------------------------------------


# The oldest and newest of each format and forge run by default; the rest are slow.
EVERY_RUN = {"gitea/1.17.json", "gitea/1.27.json", "gitea/1.27-openapi3.json", "forgejo/15.json"}


@pytest.mark.parametrize(
    "spec",
    [
        spec
        if spec in EVERY_RUN or spec.startswith("gogs")
        else pytest.param(spec, marks=pytest.mark.slow)
        for spec in REAL_SPECS
    ],
)
def test_real_spec_has_no_errors_and_only_the_known_notes(shared_specs: Path, spec: str) -> None:
    document = json.loads((shared_specs / spec).read_text(encoding="utf-8"))
    diagnostics = check(document)
    assert errors(diagnostics) == {}
    assert notes(diagnostics) == (FILE_NOTES if spec in FILE_RESPONSES else [])
    for note in diagnostics.of(Severity.NOTE):
        assert resolve(document, note.pointer) == "file"
        assert note.message.startswith(FILE_NOTE) and note.message.endswith("accepted")


def test_every_shared_spec_is_covered(shared_specs: Path) -> None:
    found = {p.relative_to(shared_specs).as_posix() for p in shared_specs.glob("*/*.json")}
    assert found == set(REAL_SPECS)


# --- small specs: where the pointers land -------------------------------------------


def test_missing_info_is_reported_at_the_root() -> None:
    document = {"swagger": "2.0", "paths": {}}
    assert list(errors(check(document))) in (["/info"], [""])


@pytest.mark.parametrize(
    ("parameter", "at"),
    [
        ({"name": "x", "in": 5, "type": "string"}, "/in"),
        ({"name": "x", "in": "query", "type": "strin"}, "/type"),
        ({"name": "x", "in": "cookie", "type": "string"}, "/in"),
        ({"name": "x", "in": "query", "type": "string", "required": "yes"}, "/required"),
    ],
)
def test_a_wrong_value_deep_in_a_path_is_named_exactly(parameter: dict[str, Any], at: str) -> None:
    found = errors(check(swagger({"parameters": [parameter], "responses": OK})))
    assert "/paths/~1a/get/parameters/0" + at in found


def test_type_file_in_a_definition_is_an_error_even_when_reached_by_ref() -> None:
    definitions = {"A": {"type": "object", "properties": {"f": {"type": "file"}}}}
    for document in (
        returning({"$ref": "#/definitions/A"}, definitions=definitions),
        swagger({"responses": OK}, definitions=definitions),
    ):
        diagnostics = check(document)
        assert list(errors(diagnostics)) == ["/definitions/A/properties/f/type"]
        assert notes(diagnostics) == []


def test_type_file_at_a_response_schema_root_is_accepted_with_a_note() -> None:
    document = swagger(
        {
            "responses": {
                "200": {"description": "raw", "schema": {"type": "file"}},
                "201": {"$ref": "#/responses/F"},
            }
        },
        responses={"F": {"description": "file", "schema": {"type": "file"}}},
    )
    diagnostics = check(document)
    assert errors(diagnostics) == {}
    assert notes(diagnostics) == [
        "/paths/~1a/get/responses/200/schema/type",
        "/responses/F/schema/type",
    ]


def test_type_file_in_a_response_schema_below_the_root_is_an_error() -> None:
    diagnostics = check(returning({"type": "array", "items": {"type": "file"}}))
    assert list(errors(diagnostics)) == ["/paths/~1a/get/responses/200/schema/items/type"]
    assert notes(diagnostics) == []


def test_type_file_in_openapi_3_is_an_error() -> None:
    content = {"application/octet-stream": {"schema": {"type": "file"}}}
    document = {
        "openapi": "3.0.3",
        "info": INFO,
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}},
    }
    diagnostics = check(document)
    assert "/paths/~1a/get/responses/200/content/application~1octet-stream/schema/type" in errors(
        diagnostics
    )
    assert notes(diagnostics) == []


def test_errors_next_to_a_type_file_response_are_still_reported() -> None:
    # The validator stops checking a schema at its first error; here that is the false
    # one, but the first pass has checked the schema against Swagger 2.0's `fileSchema`.
    diagnostics = check(returning({"type": "file", "format": 5, "readOnly": "yes"}))
    at = "/paths/~1a/get/responses/200/schema"
    assert sorted(errors(diagnostics)) == [f"{at}/format", f"{at}/readOnly"]
    assert notes(diagnostics) == [f"{at}/type"]


def test_openapi_3_0_error_deep_in_components() -> None:
    inner = {"type": "object", "properties": {"c": {"type": "strin"}}}
    document = {
        "openapi": "3.0.3",
        "info": INFO,
        "paths": {},
        "components": {"schemas": {"A": {"type": "object", "properties": {"b": inner}}}},
    }
    assert list(errors(check(document))) == ["/components/schemas/A/properties/b/properties/c/type"]


def test_openapi_3_1_valid_document() -> None:
    schema = {"type": ["string", "null"], "examples": ["x"]}
    content = {"application/json": {"schema": schema}}
    document = {
        "openapi": "3.1.0",
        "info": INFO,
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}},
        "components": {
            "schemas": {"B": {"$ref": "#/components/schemas/C"}, "C": {"type": "integer"}}
        },
    }
    assert check(document).items == []


def test_openapi_3_1_error_in_a_schema_reached_by_ref() -> None:
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}
    document = {
        "openapi": "3.1.0",
        "info": INFO,
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": content}}}}},
        "components": {
            "schemas": {
                "A": {"type": "object", "properties": {"b": {"type": "object", "default": 3}}}
            }
        },
    }
    assert list(errors(check(document))) == ["/components/schemas/A/properties/b/default"]


def test_second_pass_errors_land_on_the_node_they_are_about() -> None:
    a = {
        "type": "object",
        "allOf": [{"type": "object"}],
        "required": ["missing"],
        "properties": {"n": {"type": "integer", "default": "zz"}},
    }
    document = {
        **SWAGGER,
        "paths": {
            "/a": {
                "get": {
                    "operationId": "same",
                    "parameters": [{"name": "p", "in": "query", "type": "integer", "default": "s"}],
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": "#/definitions/A"}}
                    },
                }
            },
            "/b": {"get": {"operationId": "same", "responses": OK}},
            "/c/{id}": {"get": {"responses": OK}},
        },
        "definitions": {"A": a},
    }
    assert sorted(errors(check(document))) == [
        "/definitions/A/properties/n/default",
        "/definitions/A/required",
        "/paths/~1a/get/parameters/0/default",
        "/paths/~1b/get/operationId",
        "/paths/~1c~1{id}/get",
    ]


# --- documents the validator cannot cope with ---------------------------------------


@pytest.mark.parametrize(
    ("document", "at"),
    [
        ({"paths": {}}, ""),
        ({"swagger": "1.2", "info": INFO}, "/swagger"),
        ({"openapi": "4.0.0", "info": INFO}, "/openapi"),
        ({"openapi": 3.0, "info": INFO}, "/openapi"),
        ([], ""),
    ],
)
def test_not_a_supported_spec(document: Any, at: str) -> None:
    assert list(errors(check(document))) == [at]


def test_unresolvable_ref_points_at_the_ref() -> None:
    definitions = {"A": {"type": "object", "properties": {"f": {"$ref": "#/definitions/Nope"}}}}
    for document, at in [
        (returning({"$ref": "#/definitions/Missing"}), "/paths/~1a/get/responses/200/schema/$ref"),
        (
            returning({"$ref": "#/definitions/A"}, definitions=definitions),
            "/definitions/A/properties/f/$ref",
        ),
    ]:
        found = errors(check(document))
        assert list(found) == [at]
        assert "unresolvable $ref" in found[at]


@pytest.mark.parametrize("ref", ["file:///etc/passwd", "http://127.0.0.1:9/spec.json#/A"])
def test_external_refs_are_never_followed(ref: str) -> None:
    found = errors(check(returning({"$ref": ref})))
    assert list(found) == ["/paths/~1a/get/responses/200/schema/$ref"]
    assert "root:" not in found["/paths/~1a/get/responses/200/schema/$ref"]


def test_a_ref_cycle_becomes_a_diagnostic_not_a_traceback() -> None:
    document = returning(
        {"$ref": "#/definitions/A"}, definitions={"A": {"$ref": "#/definitions/A"}}
    )
    assert check(document).has_errors


def test_deep_nesting_becomes_a_diagnostic_not_a_traceback() -> None:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(1000):
        schema = {"type": "array", "items": schema}
    assert check(returning(schema)).has_errors


def test_a_number_as_a_key_is_named() -> None:
    # What YAML makes of an unquoted `200:`; the validator itself fails on it.
    diagnostics = Diagnostics()
    validate(swagger({"responses": {200: {"description": "ok"}}}), diagnostics)
    assert list(errors(diagnostics)) == ["/paths/~1a/get/responses/200"]


def test_a_validator_crash_becomes_a_diagnostic() -> None:
    # `in: 5` fails the first pass, then trips the second pass's own code.
    document = swagger({"parameters": [{"name": "x", "in": 5, "type": "string"}], "responses": OK})
    found = errors(check(document))
    assert "/paths/~1a/get/parameters/0/in" in found
    assert any("validation stopped" in message for message in found.values())


def test_messages_stay_short() -> None:
    big = {f"field{i}": {"type": "string", "description": "x" * 50} for i in range(50)}
    document = swagger({"responses": {"200": {"descriptio": "x", "schema": {"properties": big}}}})
    message = errors(check(document))["/paths/~1a/get/responses/200"]
    assert message.endswith("is not valid under any of the given schemas")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(["file", "#/definitions/A", "x"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["type", "$ref", "in", "name", "schema", "items"]), inner)
    ),
    max_leaves=8,
)
SITES = [
    ("paths", "/a/{id}", "get", "parameters", 0),
    ("paths", "/a/{id}", "get", "parameters", 0, "in"),
    ("paths", "/a/{id}", "get", "responses", "200"),
    ("paths", "/a/{id}", "get", "responses", "200", "schema"),
    ("definitions", "A"),
    ("definitions", "A", "properties", "b"),
    ("definitions", "A", "properties", "b", "items"),
]


@settings(max_examples=150, deadline=None, database=None)
@given(site=st.sampled_from(SITES), value=JSON)
def test_any_damage_yields_resolvable_pointers_never_a_traceback(
    site: tuple[Any, ...], value: Any
) -> None:
    parameter = {"name": "id", "in": "path", "required": True, "type": "string"}
    response = {"description": "ok", "schema": {"$ref": "#/definitions/A"}}
    b = {"type": "array", "items": {"type": "string"}}
    document = swagger(
        {"parameters": [parameter], "responses": {"200": response}},
        definitions={"A": {"type": "object", "properties": {"b": b}}},
    )
    document["paths"]["/a/{id}"] = document["paths"].pop("/a")
    resolve(document, pointer(site[:-1]))[site[-1]] = value
    check(document)
