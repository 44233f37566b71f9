"""JSON Schema (Swagger 2.0 and OpenAPI 3.x flavours) → ``TypeRef``s, models, enums.

Named schemas (``definitions`` / ``components/schemas``) become models or
enums under their own names; inline objects and enums are hoisted into named
classes whose names say where they stood (``RepoSearchResponse``,
``MergePullRequestOptionDo``). A class name is claimed before its fields are
read, so recursive and mutually recursive schemas terminate.

Every response field is optional: forges mark almost nothing ``required``
and send ``null`` freely; only ``required`` fields (request options, in
practice) are not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from forgegen import ir, naming
from forgegen.diagnostics import Diagnostic, Diagnostics, Severity
from forgegen.parse.refs import Resolver, child

__all__ = ["Schemas", "note_name"]

_SCALARS: dict[str, ir.TypeKind] = {
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "file": "bytes",
}
_STRING_FORMATS: dict[str, ir.TypeKind] = {
    "date-time": "datetime",
    "date": "date",
    "binary": "bytes",
}
ANY = ir.TypeRef("any")

# Fields whose values are credentials, by their wire names: kept out of repr().
_SECRET = re.compile(r"token|secret|password|passwd|sha1|private_key", re.IGNORECASE)

# Names the generated models module uses itself, and those the API modules import
# next to the models; a model must not shadow them.
_MODULE_NAMES = (
    "Any",
    "Enum",
    "Mapping",
    "Model",
    "OpenEnum",
    "Self",
    "dataclass",
    "field",
    "AsyncClient",
    "AsyncPaginator",
    "Client",
    "FileUpload",
    "Literal",
    "Paginator",
    "TYPE_CHECKING",
)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def note_name(diagnostics: Diagnostics, at: str, what: str, wire: str, name: str) -> None:
    """Say so when a spec name had nothing usable and a generic one stands in."""
    if not wire or naming.usable(wire):
        return
    message = f"the {what} {wire[:60]!r} has nothing a Python name can use; named {name}"
    # A path-level parameter is read once per operation: say it once.
    if Diagnostic(Severity.NOTE, at, message) not in diagnostics.items:
        diagnostics.note(at, message)


class Schemas:
    def __init__(
        self,
        resolver: Resolver,
        diagnostics: Diagnostics,
        definitions: Mapping[str, Any],
        definitions_at: str,
        scope: naming.Scope,
    ) -> None:
        self._resolver = resolver
        self._diagnostics = diagnostics
        self._definitions_at = definitions_at
        self._scope = scope
        for name in _MODULE_NAMES:
            scope.claim(name)
        self._models: dict[str, ir.Model] = {}
        self._enums: dict[str, ir.Enum] = {}
        # pointer of a named schema → its TypeRef, filled before its fields are read
        self._named: dict[str, ir.TypeRef] = {}
        # pointers of the schemas being typed that are not classes (arrays, maps,
        # aliases): one met again inside itself has no name to refer to
        self._pending: set[str] = set()
        if not isinstance(definitions, Mapping):
            raise resolver.error("the named schemas must be an object", definitions_at)
        for wire in sorted(definitions, key=str):
            at = child(definitions_at, wire)
            with resolver.reading(at):
                self._named_type(definitions[wire], at)

    @property
    def models(self) -> tuple[ir.Model, ...]:
        return tuple(sorted(self._models.values(), key=lambda m: m.name.lower()))

    @property
    def enums(self) -> tuple[ir.Enum, ...]:
        return tuple(sorted(self._enums.values(), key=lambda e: e.name.lower()))

    def type_of(self, schema: Any, at: str, context: str) -> ir.TypeRef:
        """The type of ``schema`` found at pointer ``at``; ``context`` names
        any class hoisted out of it."""
        if isinstance(schema, Mapping) and "$ref" in schema:
            target, target_at = self._resolver.resolve(schema, at)
            return self._named_type(target, target_at)
        return self._build(schema, at, context)

    def _named_type(self, schema: Any, at: str) -> ir.TypeRef:
        if at in self._named:
            return self._named[at]
        if at in self._pending:
            # An array of itself, a map of itself: Python has no class to name
            # here, so the inner level keeps its JSON shape.
            message = "the schema contains itself through arrays or maps only: inner levels are Any"
            if Diagnostic(Severity.NOTE, at, message) not in self._diagnostics.items:
                self._diagnostics.note(at, message)
            return ANY
        self._pending.add(at)
        try:
            prefix = self._definitions_at + "/"
            if at.startswith(prefix) and "/" not in at[len(prefix) :]:
                wire = at[len(prefix) :].replace("~1", "/").replace("~0", "~")
                # a named array or map is typed once, like a class
                found = self._named[at] = self._build(schema, at, wire, named=True)
                return found
            return self.type_of(schema, at, at.rsplit("/", 1)[-1])
        finally:
            self._pending.discard(at)

    def _build(self, schema: Any, at: str, context: str, *, named: bool = False) -> ir.TypeRef:
        if not isinstance(schema, Mapping):
            # OpenAPI 3.1 allows true (anything) and false (nothing) as schemas.
            if not isinstance(schema, bool) and schema is not None:
                self._diagnostics.warn(at, "a schema should be an object; typed as Any")
            return ANY
        kind = schema.get("type")
        if isinstance(kind, list):  # OpenAPI 3.1: ["string", "null"]
            kinds = [k for k in kind if k != "null"]
            # one type besides null is that type; several are a union, typed as Any
            kind = kinds[0] if len(kinds) == 1 else "null" if not kinds else None
            if kind is None:
                return ANY
        for combinator in ("allOf", "oneOf", "anyOf"):
            parts = schema.get(combinator)
            if isinstance(parts, list) and parts:
                if combinator == "allOf" and len(parts) == 1 and not schema.get("properties"):
                    return self.type_of(parts[0], child(at, combinator, 0), context)
                if combinator == "allOf":
                    return self._model(schema, at, context, named=named)
                return ANY
        if kind == "object" or (kind is None and "properties" in schema):
            if isinstance(schema.get("properties"), Mapping) and schema["properties"]:
                return self._model(schema, at, context, named=named)
            extra = schema.get("additionalProperties")
            if isinstance(extra, Mapping) and extra:
                value = self.type_of(extra, child(at, "additionalProperties"), context + "Value")
                return ir.TypeRef("map", item=value)
            return ir.TypeRef("map", item=ANY)
        if kind == "array":
            items = schema.get("items")
            if isinstance(items, list):  # tuple-typed arrays: rare, typed loosely
                return ir.TypeRef("list", item=ANY)
            item = self.type_of(items, child(at, "items"), context + "Item")
            return ir.TypeRef("list", item=item)
        enum = schema.get("enum")
        strings = isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum)
        if strings and kind in (None, "string"):
            return self._enum(schema, at, context, named=named)
        if kind == "string" or (kind is None and isinstance(enum, list)):
            return ir.TypeRef(_STRING_FORMATS.get(_text(schema.get("format")), "str"))
        if isinstance(kind, str) and kind in _SCALARS:
            return ir.TypeRef(_SCALARS[kind])
        if kind not in (None, "null"):
            self._diagnostics.warn(
                child(at, "type"), f"unknown type {str(kind)[:60]!r}; typed as Any"
            )
        return ANY

    def _claim(self, at: str, context: str, kind: ir.TypeKind) -> ir.TypeRef:
        ref = ir.TypeRef(kind, name=self._scope.claim(naming.pascal(context)))
        self._named[at] = ref
        note_name(self._diagnostics, at, "schema name", context, ref.name)
        return ref

    def _model(
        self, schema: Mapping[str, Any], at: str, context: str, *, named: bool
    ) -> ir.TypeRef:
        if at in self._named:
            return self._named[at]
        ref = self._claim(at, context, "model")
        properties: dict[str, tuple[Any, str]] = {}
        required: set[str] = set()
        for part, part_at in self._parts(schema, at):
            props = part.get("properties")
            if isinstance(props, Mapping):
                for wire, sub in props.items():
                    properties[str(wire)] = (sub, child(part_at, "properties", wire))
            if isinstance(part.get("required"), list):
                required.update(str(r) for r in part["required"])
        # what the generated class defines itself, and what its annotations name
        scope = naming.Scope(
            ["additional_properties", "from_dict", "to_dict", "field", "datetime", "dataclass"]
        )
        fields = []
        for wire, (sub, sub_at) in properties.items():
            prop_name = naming.pascal(wire, fallback="Field")
            ftype = self.type_of(sub, sub_at, ref.name + prop_name)
            description = _text(sub.get("description")) if isinstance(sub, Mapping) else ""
            name = scope.claim(naming.snake(wire, fallback="field"))
            note_name(self._diagnostics, sub_at, "property", wire, name)
            fields.append(
                ir.Field(
                    name=name,
                    wire_name=wire,
                    type=ftype,
                    required=wire in required,
                    description=description,
                    secret=bool(_SECRET.search(wire)),
                )
            )
        self._models[ref.name] = ir.Model(
            name=ref.name,
            wire_name=context if named else at,
            fields=tuple(fields),
            description=_text(schema.get("description")) or _text(schema.get("title")),
            pointer=at,
        )
        return ref

    def _parts(
        self, schema: Mapping[str, Any], at: str, seen: set[str] | None = None
    ) -> list[tuple[Mapping[str, Any], str]]:
        """The schema itself plus every ``allOf`` member, references followed;
        a member met again (``A: allOf [B]``, ``B: allOf [A]``) counts once."""
        seen = {at} if seen is None else seen
        parts: list[tuple[Mapping[str, Any], str]] = [(schema, at)]
        members = schema.get("allOf")
        if isinstance(members, list):
            for i, member in enumerate(members):
                target, target_at = self._resolver.resolve(member, child(at, "allOf", i))
                if isinstance(target, Mapping) and target_at not in seen:
                    seen.add(target_at)
                    parts.extend(self._parts(target, target_at, seen))
        return parts

    def _enum(self, schema: Mapping[str, Any], at: str, context: str, *, named: bool) -> ir.TypeRef:
        if at in self._named:
            return self._named[at]
        ref = self._claim(at, context, "enum")
        # Members are upper case, so Enum's own ``name`` and ``value`` are safe.
        scope = naming.Scope()
        values: list[ir.EnumValue] = []
        seen: set[str] = set()
        for i, value in enumerate(schema["enum"]):
            if value in seen:
                continue
            seen.add(value)
            name = scope.claim(naming.constant(value))
            if name.startswith("VALUE"):  # not when a symbol named it (PLUS, EMPTY)
                note_name(self._diagnostics, child(at, "enum", i), "enum value", value, name)
            values.append(ir.EnumValue(name, value))
        self._enums[ref.name] = ir.Enum(
            name=ref.name,
            values=tuple(values),
            description=_text(schema.get("description")),
            pointer=at,
        )
        return ref
