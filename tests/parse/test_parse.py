"""parse/: what the IR says about small specs written inline."""

from __future__ import annotations

from typing import Any

import pytest

from forgegen import ir
from forgegen.diagnostics import Diagnostics
from forgegen.errors import SpecError
from forgegen.parse import parse, refuse_external_refs


def swagger(
    paths: dict[str, Any], definitions: dict[str, Any] | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "basePath": "/api/v1",
        "paths": paths,
        "definitions": definitions or {},
        **extra,
    }


def only_operation(api: ir.Api) -> ir.Operation:
    (op,) = api.operations
    return op


def test_path_level_parameters_merge_and_operation_level_wins() -> None:
    api = parse(
        swagger(
            {
                "/things/{thing-id}": {
                    "parameters": [
                        {"name": "thing-id", "in": "path", "required": True, "type": "integer"},
                        {"name": "verbose", "in": "query", "type": "boolean"},
                    ],
                    "get": {
                        "operationId": "getThing",
                        "parameters": [{"name": "verbose", "in": "query", "type": "string"}],
                        "responses": {"204": {"description": "ok"}},
                    },
                }
            }
        ),
        Diagnostics(),
    )
    op = only_operation(api)
    assert [(p.name, p.wire_name, p.type.kind) for p in op.parameters] == [
        ("thing_id", "thing-id", "int"),
        ("verbose", "verbose", "str"),
    ]
    assert op.result == ir.Result("empty", None, optional=False)


def test_response_ref_to_a_schema_keeps_its_type_with_a_note() -> None:
    diagnostics = Diagnostics()
    api = parse(
        swagger(
            {
                "/r": {
                    "get": {
                        "operationId": "getR",
                        "responses": {"200": {"$ref": "#/definitions/Runner"}},
                    }
                }
            },
            {"Runner": {"type": "object", "properties": {"id": {"type": "integer"}}}},
        ),
        diagnostics,
    )
    assert only_operation(api).result.type == ir.TypeRef("model", "Runner")
    assert [d.pointer for d in diagnostics.items] == ["/paths/~1r/get/responses/200/$ref"]


def test_non_json_bodies_and_responses() -> None:
    api = parse(
        swagger(
            {
                "/markdown/raw": {
                    "post": {
                        "operationId": "renderMarkdownRaw",
                        "consumes": ["text/plain"],
                        "produces": ["text/html"],
                        "parameters": [
                            {
                                "name": "body",
                                "in": "body",
                                "required": True,
                                "schema": {"type": "string"},
                            }
                        ],
                        "responses": {"200": {"description": "html", "schema": {"type": "string"}}},
                    }
                },
                "/raw/{filepath}": {
                    "get": {
                        "operationId": "getRaw",
                        "produces": ["application/octet-stream"],
                        "parameters": [
                            {"name": "filepath", "in": "path", "required": True, "type": "string"}
                        ],
                        "responses": {"200": {"description": "file", "schema": {"type": "file"}}},
                    }
                },
                "/assets": {
                    "post": {
                        "operationId": "upload",
                        "consumes": ["multipart/form-data"],
                        "parameters": [
                            {
                                "name": "attachment",
                                "in": "formData",
                                "type": "file",
                                "required": True,
                            },
                            {"name": "label", "in": "formData", "type": "string"},
                        ],
                        "responses": {
                            "201": {"description": "made"},
                            "204": {"description": "none"},
                        },
                    }
                },
            }
        ),
        Diagnostics(),
    )
    ops = {op.operation_id: op for op in api.operations}
    markdown = ops["renderMarkdownRaw"]
    assert markdown.body is not None and markdown.body.kind == "text"
    assert markdown.result.kind == "text"
    raw = ops["getRaw"]
    assert raw.result.kind == "bytes"
    assert raw.parameters[0].allow_slash
    upload = ops["upload"]
    assert upload.body is not None and upload.body.kind == "multipart"
    assert [(f.name, f.is_file, f.required) for f in upload.body.form_fields] == [
        ("attachment", True, True),
        ("label", False, False),
    ]


def test_several_success_codes_make_an_optional_result() -> None:
    api = parse(
        swagger(
            {
                "/s": {
                    "put": {
                        "operationId": "putS",
                        "responses": {
                            "201": {"description": "made", "schema": {"$ref": "#/definitions/S"}},
                            "204": {"description": "unchanged"},
                        },
                    }
                }
            },
            {"S": {"type": "object", "properties": {"a": {"type": "string"}}}},
        ),
        Diagnostics(),
    )
    assert only_operation(api).result == ir.Result("json", ir.TypeRef("model", "S"), optional=True)


def test_recursive_definitions_and_inline_hoisting() -> None:
    api = parse(
        swagger(
            {},
            {
                "A": {"type": "object", "properties": {"b": {"$ref": "#/definitions/B"}}},
                "B": {
                    "type": "object",
                    "properties": {
                        "a": {"$ref": "#/definitions/A"},
                        "mode": {"type": "string", "enum": ["fast-forward", "merge"]},
                        "inner": {"type": "object", "properties": {"x": {"type": "integer"}}},
                        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                        "when": {"type": "string", "format": "date-time"},
                    },
                },
            },
        ),
        Diagnostics(),
    )
    assert [m.name for m in api.models] == ["A", "B", "BInner"]
    assert [e.name for e in api.enums] == ["BMode"]
    assert [v.name for v in api.enums[0].values] == ["FAST_FORWARD", "MERGE"]
    fields = {f.name: f.type for f in api.models[1].fields}
    assert fields["a"] == ir.TypeRef("model", "A")
    assert fields["tags"] == ir.TypeRef("map", item=ir.TypeRef("str"))
    assert fields["when"].kind == "datetime"


def test_method_names_drop_the_tag_prefix_and_resolve_collisions() -> None:
    def op(op_id: str, tag: str = "user") -> dict[str, Any]:
        return {
            "get": {"operationId": op_id, "tags": [tag], "responses": {"204": {"description": ""}}}
        }

    api = parse(
        swagger(
            {
                "/a": op("userGetOAuth2Application"),
                "/b": op("userGetOauth2Application"),
                "/c": op("userList"),
                "/d": op("list", tag="user"),
                "/e": {"get": {"responses": {"204": {"description": ""}}}},
            }
        ),
        Diagnostics(),
    )
    names = {(g.attr, o.operation_id): o.name for g in api.groups for o in g.operations}
    assert names == {
        ("user", "userGetOAuth2Application"): "get_o_auth_2_application",
        ("user", "userGetOauth2Application"): "get_oauth_2_application",
        ("user", "userList"): "list_",
        ("user", "list"): "list_2",
        ("default", ""): "get_e",
    }


def test_openapi3_request_bodies_servers_and_security() -> None:
    api = parse(
        {
            "openapi": "3.0.3",
            "info": {"title": "Gogs API", "version": "v1"},
            "servers": [{"url": "https://gogs.example.com/api/v1"}],
            "components": {
                "securitySchemes": {
                    "BasicAuth": {"type": "http", "scheme": "basic"},
                    "AccessToken": {"type": "apiKey", "in": "header", "name": "Authorization"},
                },
                "schemas": {
                    "Issue": {"type": "object", "properties": {"title": {"type": "string"}}}
                },
            },
            "paths": {
                "/user/emails": {
                    "delete": {
                        "operationId": "deleteEmails",
                        "requestBody": {
                            "required": True,
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "emails": {"type": "array", "items": {"type": "string"}}
                                        },
                                    }
                                }
                            },
                        },
                        "responses": {"204": {"description": "gone"}},
                    }
                },
                "/issues": {
                    "get": {
                        "operationId": "listIssues",
                        "parameters": [
                            {"name": "page", "in": "query", "schema": {"type": "integer"}}
                        ],
                        "responses": {
                            "200": {
                                "description": "ok",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Issue"},
                                        }
                                    }
                                },
                            }
                        },
                    }
                },
            },
        },
        Diagnostics(),
    )
    assert api.base_path == "/api/v1"
    assert {(s.key, s.kind) for s in api.security} == {
        ("BasicAuth", "basic"),
        ("AccessToken", "apikey"),
    }
    ops = {o.operation_id: o for o in api.operations}
    body = ops["deleteEmails"].body
    assert body is not None and body.kind == "json" and body.required
    assert body.type == ir.TypeRef("model", "DeleteEmailsBody")
    listed = ops["listIssues"].result.type
    assert listed == ir.TypeRef("list", item=ir.TypeRef("model", "Issue"))


@pytest.mark.parametrize(
    "ref",
    [
        "http://evil.example/x.json#/definitions/A",
        "file:///etc/passwd",
        "other.json#/A",
        "//host/x",
    ],
)
def test_non_local_refs_are_refused_where_they_stand(ref: str) -> None:
    document = swagger({}, {"A": {"type": "object", "properties": {"x": {"$ref": ref}}}})
    with pytest.raises(SpecError) as caught:
        refuse_external_refs(document, "spec.json")
    assert caught.value.pointer == "/definitions/A/properties/x/$ref"
    assert "spec.json#/definitions/A/properties/x/$ref" in caught.value.message


def test_a_missing_ref_target_is_a_located_error() -> None:
    document = swagger(
        {}, {"A": {"type": "object", "properties": {"x": {"$ref": "#/definitions/Nope"}}}}
    )
    with pytest.raises(SpecError) as caught:
        parse(document, Diagnostics(), "spec.json")
    assert caught.value.pointer == "/definitions/A/properties/x/$ref"
    assert "points at nothing" in caught.value.message


def test_names_with_nothing_usable_get_a_generic_name_and_a_note() -> None:
    document = swagger(
        {
            "/x/{@@}": {
                "get": {
                    "operationId": "!!!",
                    "tags": ["..."],
                    "parameters": [
                        {"name": "@@", "in": "path", "required": True, "type": "string"},
                        {"name": "%", "in": "query", "type": "string"},
                    ],
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": "#/definitions/~1"}}
                    },
                }
            }
        },
        {"/": {"type": "object", "properties": {"***": {"type": "string", "enum": ["+", "a"]}}}},
    )
    diagnostics = Diagnostics()
    api = parse(document, diagnostics)
    op = only_operation(api)
    assert (op.name, [p.name for p in op.parameters]) == ("get_x", ["param", "param_2"])
    assert (api.groups[0].module, api.groups[0].class_name) == ("default", "DefaultApi")
    notes = {d.pointer: d.message for d in diagnostics.items}
    at = "/paths/~1x~1{@@}/get"
    assert notes[f"{at}/operationId"] == (
        "the operationId '!!!' has nothing a Python name can use; named get_x"
    )
    assert notes[f"{at}/tags/0"].startswith("the tag '...' has nothing")
    assert notes[f"{at}/parameters/0/name"].endswith("named param")
    assert notes[f"{at}/parameters/1/name"].endswith("named param_2")
    assert notes["/definitions/~1"].endswith("named Schema")
    assert notes["/definitions/~1/properties/***"].endswith("named field_2")
    # a symbol has a name of its own: "+" is PLUS, which needs no note
    assert "/definitions/~1/properties/***/enum/0" not in notes
    assert [v.name for v in api.enums[0].values] == ["PLUS", "A"]


def test_tags_make_module_names_that_are_file_names_everywhere() -> None:
    tags = ["con", "NUL", "lpt1", "t" * 300, "responses", "create_token", "close"]
    paths = {
        f"/t{i}": {"get": {"tags": [t], "responses": {"204": {"description": "x"}}}}
        for i, t in enumerate(tags)
    }
    diagnostics = Diagnostics()
    api = parse(swagger(paths), diagnostics)
    modules = {g.tag: g.module for g in api.groups}
    assert modules == {
        "con": "con_",
        "NUL": "nul_",
        "lpt1": "lpt_1",
        "t" * 300: "t" * 64,
        # names the generated Client has itself
        "responses": "responses_2",
        "create_token": "create_token_2",
        "close": "close_2",
    }
    assert any("too long for a file name" in d.message for d in diagnostics.items)


def test_models_never_shadow_what_the_generated_modules_import() -> None:
    definitions = {
        name: {"type": "object", "properties": {"x": {"type": "string"}}}
        for name in ("Client", "AsyncClient", "Paginator", "Literal", "FileUpload", "RepositoryApi")
    }
    paths = {"/r": {"get": {"tags": ["repository"], "responses": {"204": {"description": "x"}}}}}
    api = parse(swagger(paths, definitions), Diagnostics())
    models = sorted(m.name for m in api.models)
    assert models == [
        "AsyncClient2",
        "Client2",
        "FileUpload2",
        "Literal2",
        "Paginator2",
        "RepositoryApi",
    ]
    assert (api.groups[0].class_name, api.groups[0].async_class_name) == (
        "RepositoryApi2",
        "AsyncRepositoryApi",
    )
