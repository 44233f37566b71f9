"""jsonschema-rs may only skip jsonschema's meta-schema checks where jsonschema
would find nothing: never more lenient, on the cases where the two could differ."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema.exceptions import SchemaError
from openapi_schema_validator import OAS30Validator, OAS31Validator, oas31_format_checker

from forgegen.validate import fast

CASES: list[dict[str, Any]] = [
    {"type": "string", "maxLength": 3},
    {"maxLength": 10.0},  # draft-04: 10.0 is not an integer
    {"maxLength": True},
    {"pattern": "(?<n>x)"},  # ECMA regex, not Python's
    {"pattern": "\\p{L}"},
    {"pattern": "a{"},
    {"type": "strin"},
    {"enum": [1, True]},
    {"required": ["a", "a"]},
    {"minimum": 1, "exclusiveMinimum": 1},
    {"properties": {"a": {"maxLength": 1.0}}},
    {"items": [{"type": "string"}, {"type": 3}]},
]


def _jsonschema_ok(cls: Any, schema: Any, **kw: Any) -> bool:
    try:
        cls.check_schema(schema, **kw)
    except SchemaError:
        return False
    return True


@pytest.mark.parametrize("schema", CASES, ids=repr)
def test_oas30_fast_check_agrees_with_jsonschema(schema: dict[str, Any]) -> None:
    check = fast.checker(OAS30Validator.META_SCHEMA, OAS30Validator.FORMAT_CHECKER)
    assert check(schema) == _jsonschema_ok(OAS30Validator, schema)


@pytest.mark.parametrize("schema", CASES, ids=repr)
def test_oas31_fast_check_is_never_more_lenient(schema: dict[str, Any]) -> None:
    check = fast.dialect_checker(OAS31Validator.META_SCHEMA["$id"], oas31_format_checker)
    if check(schema):
        assert _jsonschema_ok(OAS31Validator, schema, format_checker=oas31_format_checker)


def test_values_it_cannot_take_go_to_jsonschema() -> None:
    check = fast.checker(OAS30Validator.META_SCHEMA)
    assert check({"type": "string"})
    assert not check({200: {"type": "string"}})  # YAML's number keys
    assert not fast.dialect_checker("https://example.com/unknown", None)({})
