"""A fast "is it valid?" answer for the validator's meta-schema checks.

jsonschema, which openapi-spec-validator uses, is thorough and slow: on
GitHub's 13 MB spec its check of the whole document against the OpenAPI
meta-schema takes 6.6 s, and its check of each of the 1,989 schemas against
the schema dialect's another 3 s or so. jsonschema-rs (a compiled validator,
and a backend openapi-spec-validator itself can use) answers the same
questions in a few hundredths of a second, but its errors carry less than
ours need (no ``context`` to follow into the alternative of a ``oneOf`` that
got furthest). So it only says yes or "ask jsonschema": when it finds the
instance valid, the slow check is skipped; on anything else (a problem, a
value it cannot take, a failure to compile) jsonschema runs as before and
reports every error at its pointer. jsonschema-rs must therefore never be
more lenient than jsonschema; the formats jsonschema checks are checked by
jsonschema's own functions (``formats``), and tests/validate/test_fast.py
holds the cases where the two could differ.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from typing import Any

import jsonschema_rs
from jsonschema.validators import validator_for

try:  # the OpenAPI dialects' meta-schemas, read (never changed) to hand to jsonschema-rs
    from openapi_schema_validator._specifications import REGISTRY as _RESOURCES
except ImportError:  # moved: 3.1's schemas are checked by the library alone, as before
    _RESOURCES = None

__all__ = ["Checker", "checker", "dialect_checker"]

Checker = Callable[[Any], bool]


def checker(meta_schema: Mapping[str, Any], formats: Any = None) -> Checker:
    """A function telling whether an instance is valid under ``meta_schema``
    (True) or must be checked by jsonschema (False).

    ``formats`` is a jsonschema ``FormatChecker`` whose formats to assert,
    with its own functions, as jsonschema would; None asserts none, as
    jsonschema without a format checker."""
    key = json.dumps(meta_schema, sort_keys=True, default=str)
    return _compiled(key, formats)


@functools.lru_cache(maxsize=16)
def dialect_checker(dialect: Any, formats: Any) -> Checker:
    """``checker`` for the meta-schema of the JSON Schema dialect named
    ``dialect`` (OpenAPI 3.1's schemas say theirs), as the library finds it."""
    if not isinstance(dialect, str):
        return _unsure
    cls = validator_for({"$schema": dialect}, default=None)
    meta_schema = getattr(cls, "META_SCHEMA", None)
    return _unsure if meta_schema is None else checker(meta_schema, formats)


@functools.lru_cache(maxsize=16)
def _compiled(meta_schema_json: str, formats: Any) -> Checker:
    options: dict[str, Any] = {"validate_formats": False}
    if formats is not None:
        checks = {name: functools.partial(_conforms, formats, name) for name in formats.checkers}
        options = {"validate_formats": True, "formats": checks}
    try:
        validator = jsonschema_rs.validator_for(
            json.loads(meta_schema_json), retriever=_retrieve, **options
        )
    except Exception:  # a meta-schema it cannot compile: jsonschema decides everything
        return _unsure

    def is_valid(instance: Any) -> bool:
        try:
            return bool(validator.is_valid(instance))
        except Exception:  # YAML's dates, keys that are not strings, cycles...
            return False

    return is_valid


def _conforms(formats: Any, name: str, value: Any) -> bool:
    return bool(formats.conforms(value, name))


def _unsure(instance: Any) -> bool:
    return False


def _retrieve(uri: str) -> Any:
    """The meta-schemas jsonschema-rs does not have built in; nothing is fetched."""
    if _RESOURCES is None:
        raise ValueError(f"not fetched: {uri}")
    return _RESOURCES.contents(uri)
