"""The validate stage: openapi-spec-validator, every error at its absolute JSON pointer.

openapi-spec-validator runs two passes. The first checks the whole document
against the official meta-schema, so its errors carry paths from the root. The
second walks paths, operations and schemas with "keyword validators" whose
errors are relative to the node being checked (often just ``['type']``) or have
no path at all. We give each keyword validator a subclass that remembers the
node it was called with, so a second-pass error's pointer is that node's path
plus the error's own. The walk steps through ``$ref``s, so its paths say where
a value was *reached*; ``_locate`` maps them to where the value *lives*, and
every pointer we report resolves in the document.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import unquote

from jsonschema.validators import validator_for
from jsonschema_path import SchemaPath
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import (
    OpenAPIV2SpecValidator,
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
    OpenAPIV32SpecValidator,
)
from openapi_spec_validator.schemas import schema_v2, schema_v30, schema_v31, schema_v32
from openapi_spec_validator.validation.exceptions import (
    DuplicateOperationIDError,
    ExtraParametersError,
    OpenAPIValidationError,
)
from openapi_spec_validator.validation.keywords import (
    OpenAPIV30SchemaValidator,
    OpenAPIV31SchemaValidator,
)

from forgegen.diagnostics import Diagnostics, pointer
from forgegen.validate import fast
from forgegen.validate.lookups import direct_lookups

__all__ = ["validate"]

Part = str | int
_MISSING: Any = object()
_MAX_MESSAGE, _MAX_VALUE, _MAX_REF_HOPS = 200, 60, 32
_FILE_NOTE = (
    "type: file in a response schema is valid Swagger 2.0 (openapi-spec-validator "
    "checks it as an OpenAPI 3.0 schema); accepted"
)
# Second-pass errors that are about one child of the node they were found on.
_CHILD = {ExtraParametersError: "required", DuplicateOperationIDError: "operationId"}


def validate(
    document: Mapping[str, Any],
    diagnostics: Diagnostics,
    passes: Sequence[str] = ("schema", "keywords"),
) -> bool:
    """Validate ``document``, recording each problem at its absolute JSON pointer.

    ``passes`` picks openapi-spec-validator's passes: ``"schema"`` (against
    the meta-schema) and ``"keywords"`` (the keyword walk), so that they can
    run in two processes at once (``verdicts`` merges them). Returns False
    when a pass stopped on a broken spec before it was done: nothing after it
    would have run.
    """
    with direct_lookups():  # the same walk, faster before Python 3.12
        return _validate(document, diagnostics, passes)


def _validate(document: Any, diagnostics: Diagnostics, passes: Sequence[str]) -> bool:
    if not isinstance(document, Mapping):
        diagnostics.error("", "the document is not a JSON object")
        return False
    chosen = _choose(document, diagnostics)
    if chosen is None:
        return False
    tracker = _Tracker(document)
    reported: set[str] = set()  # both passes often flag the same node: say it once

    def report(parts: Iterable[Part], message: str, *, note: bool = False) -> None:
        at = pointer(_locate(document, parts))
        if at not in reported:
            reported.add(at)
            (diagnostics.note if note else diagnostics.error)(at, _clip(message, _MAX_MESSAGE))

    try:
        for err in _errors(chosen, tracker.validator(chosen)(document), passes):
            found = tracker.found.pop(id(err), None)
            if found is None:  # first pass: the path is already absolute
                for leaf, message in _specific(err):
                    report(leaf.absolute_path, message)
                continue
            _, keyword, base = found
            where = _locate(document, (*base, *err.path))
            swagger2_schema = chosen is OpenAPIV2SpecValidator and keyword == "schema"
            if swagger2_schema and _is_file_response(document, where):  # a false positive
                # Nothing hides behind it: the first pass checked this schema against
                # Swagger 2.0's own, closed `fileSchema`, and reported what else is wrong.
                report(where, _FILE_NOTE, note=True)
                continue
            child = [c for kind, c in _CHILD.items() if isinstance(err, kind)]
            for leaf, message in _specific(err):  # paths relative to the node, as err's
                report((*base, *leaf.absolute_path, *child), message)
    except Exception as exc:  # a broken spec ends in a diagnostic, never a traceback
        crash = tracker.crash[1] if tracker.crash and tracker.crash[0] is exc else ()
        ref = getattr(exc, "ref", None)  # referencing's Unresolvable and its kin
        if isinstance(ref, str):
            where = _locate(document, crash)
            hit = _find(document, where, lambda n: ["$ref"] if _names(n.get("$ref"), ref) else [])
            report(hit or where, f"unresolvable $ref {ref!r}")
        elif key := _find(document, [], lambda n: [k for k in n if not isinstance(k, str)][:1]):
            # YAML reads `200:` as a number; the validator then fails with a TypeError.
            report(key, f"key {key[-1]!r} is not a string, as JSON keys are (quote it)")
        elif isinstance(exc, RecursionError):
            report(crash, "too deeply nested to validate, or a $ref cycle")
        else:
            report(crash, f"validation stopped here: {type(exc).__name__}: {exc}")
        return False
    return True


def _errors(chosen: Any, spec_validator: Any, passes: Sequence[str]) -> Iterator[Any]:
    """The chosen passes' errors: the meta-schema's, then the keyword validators'."""
    meta_schema = dict(_META_SCHEMAS[chosen])  # a lazy proxy, which json cannot write
    document = spec_validator.schema
    if "schema" in passes and not fast.checker(meta_schema)(document):
        # jsonschema, as openapi-spec-validator's own backend does: its errors know
        # where each alternative of a oneOf failed (jsonschema-rs's do not).
        for err in _full_checker(chosen).iter_errors(document):
            yield (
                err
                if isinstance(err, OpenAPIValidationError)
                else (OpenAPIValidationError.create_from(err))
            )
    if "keywords" in passes:
        yield from spec_validator.root_validator(spec_validator.schema_path)


_META_SCHEMAS = {
    OpenAPIV2SpecValidator: schema_v2,
    OpenAPIV30SpecValidator: schema_v30,
    OpenAPIV31SpecValidator: schema_v31,
    OpenAPIV32SpecValidator: schema_v32,
}


@functools.cache
def _full_checker(chosen: Any) -> Any:
    meta_schema = dict(_META_SCHEMAS[chosen])
    return validator_for(meta_schema)(meta_schema)


def _choose(document: Mapping[str, Any], diagnostics: Diagnostics) -> Any:
    """The validator class for the document's version, or None after saying why not."""
    if "swagger" in document:
        if document["swagger"] == "2.0":
            return OpenAPIV2SpecValidator
        diagnostics.error("/swagger", f"unsupported Swagger version {document['swagger']!r}")
    elif "openapi" in document:
        version = document["openapi"]
        match = re.fullmatch(r"3\.([012])(\.\d+)*", version) if isinstance(version, str) else None
        if match:
            return {"0": OpenAPIV30SpecValidator, "1": OpenAPIV31SpecValidator}.get(
                match[1], OpenAPIV32SpecValidator
            )
        diagnostics.error("/openapi", f"unsupported OpenAPI version {version!r}")
    else:
        diagnostics.error("", "neither 'swagger' nor 'openapi' is set: not an API spec")
    return None


class _Tracker:
    """Knows, for each second-pass error, the keyword and the node it was found on."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        # id(error) -> (error, keyword, parts); holding the error keeps its id unique.
        self.found: dict[int, tuple[Any, str, tuple[Part, ...]]] = {}
        self.crash: tuple[BaseException, tuple[Part, ...]] | None = None
        # id(schema) -> schema, for the schemas jsonschema-rs found valid
        self.fine: dict[int, Any] = {}

    def validator(self, cls: Any) -> Any:
        keywords = {name: self._wrap(name, kw) for name, kw in cls.keyword_validators.items()}
        # No resolver handlers: a $ref to a URL or a file: is never fetched or read.
        return type(cls.__name__, (cls,), {"keyword_validators": keywords, "resolver_handlers": {}})

    def _meta_check(self, cls: Any) -> fast.Checker | None:
        """``fast``'s check of a schema as ``cls``, a keyword validator, checks it
        against the meta-schema; None where it does not check schemas."""
        if issubclass(cls, OpenAPIV30SchemaValidator):
            return fast.checker(OAS30Validator.META_SCHEMA, OAS30Validator.FORMAT_CHECKER)
        if not issubclass(cls, OpenAPIV31SchemaValidator):  # 3.2's is a subclass
            return None
        default = self.document.get("jsonSchemaDialect", cls.default_jsonschema_dialect_id)
        formats = cls.schema_validator_format_checker
        return lambda value: fast.dialect_checker(value.get("$schema", default), formats)(value)

    def _wrap(self, keyword: str, cls: Any) -> Any:
        tracker = self
        # The value validator checks a node's `default`, not the node itself.
        suffix: tuple[Part, ...] = ("default",) if keyword == "default" else ()

        # Each schema's check against its dialect's meta-schema, asked of jsonschema-rs first.
        meta_check = self._meta_check(cls)

        def __call__(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            node = next(a for a in (*args, *kwargs.values()) if isinstance(a, SchemaPath))
            try:
                # Inside the try: reading a $ref cycle fails here, and the crash
                # belongs to this node, not to the one around it.
                if meta_check is not None and len(args) < 3 and not kwargs.get("meta_checked"):
                    value = node.read_value()
                    # The library checks each schema once, by id; so do we (the value is
                    # kept, so that its id stays its own).
                    fine = id(value) in tracker.fine
                    if fine or (isinstance(value, Mapping) and meta_check(value)):
                        tracker.fine[id(value)] = value
                        kwargs = {**kwargs, "meta_checked": True}
                for err in cls.__call__(self, *args, **kwargs):
                    if not isinstance(err, OpenAPIValidationError):
                        # The library re-creates other errors at the top; do it here,
                        # so the object we remember is the one that comes out.
                        err = OpenAPIValidationError.create_from(err)
                    if id(err) not in tracker.found:  # the innermost node wins
                        tracker.found[id(err)] = (err, keyword, (*node.parts, *suffix))
                    yield err
            except Exception as exc:
                if tracker.crash is None or tracker.crash[0] is not exc:
                    tracker.crash = (exc, tuple(node.parts))
                raise

        def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
            cls.__init__(self, *args, **kwargs)
            for name in ("visited_schema_ids", "meta_checked_schema_ids"):
                if isinstance(getattr(self, name, None), list):
                    setattr(self, name, _Ids(getattr(self, name)))

        return type(cls.__name__, (cls,), {"__call__": __call__, "__init__": __init__})


class _Ids(set[int]):
    """The schema validator keeps the ids of the schemas it has seen in lists
    and looks each new one up there: quadratic, 10 s of GitHub's spec. A set
    that takes ``append`` does the same job in constant time."""

    def append(self, value: int) -> None:
        self.add(value)


def _specific(err: Any) -> list[tuple[Any, str]]:
    """Follow a oneOf/anyOf failure into the alternative that got furthest, if that is
    clear; return the errors to point at, each with the message to say there."""
    if not err.context:
        return [(err, _message(err))]
    alternatives = _alternatives(err)
    # An object without `$ref` is plainly not trying to be a Reference Object.
    wanted = [g for g in alternatives if not all(_missing_ref(e) for e in g)] or alternatives
    score = {id(g): (min(map(_reach, g)), -len(g)) for g in wanted}
    best = [g for g in wanted if score[id(g)] == max(score.values())]
    if len(best) == 1:  # every error in it is a real problem
        return [found for e in best[0] for found in _specific(e)]
    picks = [max(g, key=_reach) for g in best]
    if len({tuple(p.absolute_path) for p in picks}) > 1:
        return [(err, _message(err))]  # equally good alternatives disagree on where
    if len({p.message for p in picks}) > 1:  # ... or only on what is wrong there
        value = _clip(repr(picks[0].instance), _MAX_VALUE)
        return [(picks[0], f"{value} is not valid under any of the given schemas")]
    return _specific(picks[0])


def _alternatives(err: Any) -> list[list[Any]]:
    """The errors under a oneOf/anyOf failure, grouped by the alternative that failed."""
    groups: dict[Any, list[Any]] = {}
    for sub in err.context:
        groups.setdefault(next(iter(sub.relative_schema_path), None), []).append(sub)
    return list(groups.values())


def _reach(err: Any) -> int:
    """How deep into the instance validation got before failing this way."""
    if not err.context:
        return len(err.absolute_path)
    return max(min(map(_reach, g)) for g in _alternatives(err))


def _missing_ref(err: Any) -> bool:
    return bool(err.validator == "required" and "'$ref'" in err.message)


def _is_file_response(document: Any, where: Sequence[Part]) -> bool:
    """True for `[/paths/<path>/<method>]/responses/<code>/schema/type` valued `file`."""
    return (
        len(where) in (4, 7)
        and (where[-4], *where[-2:]) == ("responses", "schema", "type")
        and where[0] == ("responses" if len(where) == 4 else "paths")
        and _resolve(document, where) == "file"
    )


def _child(node: Any, part: Part) -> Any:
    if isinstance(node, Mapping):
        return node.get(part, _MISSING)
    if isinstance(node, Sequence) and not isinstance(node, str):
        index = part if isinstance(part, int) else int(part) if part.isdigit() else -1
        return node[index] if 0 <= index < len(node) else _MISSING
    return _MISSING


def _resolve(document: Any, parts: Iterable[Part]) -> Any:
    node = document
    for part in parts:
        if (node := _child(node, part)) is _MISSING:
            break
    return node


def _ref_target(node: Any) -> list[Part] | None:
    """The parts of a local `$ref` (`#/definitions/A`) held by ``node``, if any."""
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, str) or not ref.startswith("#"):
        return None
    fragment = unquote(ref[1:])
    if fragment and not fragment.startswith("/"):
        return None  # a plain-name anchor; we cannot follow it
    return [p.replace("~1", "/").replace("~0", "~") for p in fragment.split("/")[1:]]


def _locate(document: Any, parts: Iterable[Part]) -> list[Part]:
    """Map a path walked through `$ref`s to where the node lives; always resolvable,
    as it stops at the deepest node it can find."""
    node: Any = document
    where: list[Part] = []
    for part in parts:
        child, hops = _child(node, part), 0
        while child is _MISSING and hops < _MAX_REF_HOPS:
            target = _ref_target(node)
            resolved = _MISSING if target is None else _resolve(document, target)
            if resolved is _MISSING:
                return where
            node, where, hops = resolved, list(target or ()), hops + 1
            child = _child(node, part)
        if child is _MISSING:
            return where
        node, where = child, [*where, part]
    return where


def _find(
    document: Any, where: list[Part], match: Callable[[Mapping[Any, Any]], list[Any]]
) -> list[Part] | None:
    """The first object ``match`` picks a key of: under ``where`` first, then anywhere."""
    for start in (where, []):
        stack: list[tuple[Any, list[Part]]] = [(_resolve(document, start), start)]
        seen: set[int] = set()  # YAML anchors can make shared, even cyclic, nodes
        while stack:
            node, path = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, Mapping):
                if hit := match(node):
                    return [*path, *hit]
                stack.extend((v, [*path, k]) for k, v in node.items())
            elif isinstance(node, list):
                stack.extend((v, [*path, i]) for i, v in enumerate(node))
    return None


def _names(value: Any, ref: str) -> bool:
    """Whether a `$ref` value is the reference ``ref`` (as referencing reports it)."""
    return isinstance(value, str) and ref in (value, unquote(value).lstrip("#"))


def _message(err: Any) -> str:
    message = str(getattr(err, "message", err))
    if len(message) > _MAX_MESSAGE:
        # jsonschema starts most messages with the repr of the value, however big
        value = repr(getattr(err, "instance", None))
        if message.startswith(value):
            message = _clip(value, _MAX_VALUE) + message[len(value) :]
    return message


def _clip(text: str, limit: int) -> str:
    """Cut the middle out: a message's point is often at its end."""
    keep = limit - 1
    return text if len(text) <= limit else text[: keep - keep // 3] + "…" + text[-(keep // 3) :]
