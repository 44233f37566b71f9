"""What both spec formats share once an operation's pieces are read.

The format parsers turn a spec's operation into a ``Draft`` (wire names,
types, responses); this module names everything, orders the arguments and
groups operations by tag. Names are claimed in a fixed order so the same
spec always yields the same names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from forgegen import ir, naming
from forgegen.diagnostics import Diagnostics
from forgegen.parse.schemas import Schemas, note_name

__all__ = [
    "METHODS",
    "Draft",
    "RawParameter",
    "assemble",
    "parameter_type",
    "result_of",
    "with_tag_descriptions",
]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Names the generated client and API classes use themselves.
_CLIENT_ATTRS = ("close", "call", "aclose", "base_url", "responses", "create_token")


@dataclass(frozen=True)
class RawParameter:
    wire_name: str
    location: ir.ParameterLocation
    type: ir.TypeRef
    required: bool
    description: str
    explode: bool
    pointer: str = ""


@dataclass(frozen=True)
class Draft:
    operation_id: str
    method: str
    path: str
    tag: str
    summary: str
    description: str
    parameters: tuple[RawParameter, ...]
    body: ir.Body | None
    responses: tuple[ir.Response, ...]
    deprecated: bool
    pointer: str


def parameter_type(schemas: Schemas, schema: Any, at: str, context: str) -> ir.TypeRef:
    """A parameter's inline string enum becomes a ``Literal``, which needs no
    class; everything else is typed like any schema."""
    if isinstance(schema, Mapping) and "$ref" not in schema:
        choices = _string_enum(schema)
        if choices:
            return ir.TypeRef("literal", values=choices)
        items = schema.get("items")
        if schema.get("type") == "array" and isinstance(items, Mapping) and "$ref" not in items:
            choices = _string_enum(items)
            if choices:
                return ir.TypeRef("list", item=ir.TypeRef("literal", values=choices))
    return schemas.type_of(schema, at, context)


def _string_enum(schema: Mapping[str, Any]) -> tuple[str, ...]:
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        return tuple(dict.fromkeys(enum))
    return ()


def result_of(responses: Iterable[ir.Response]) -> ir.Result:
    """One return type for all 2xx responses of an operation."""
    bodies = [r for r in responses if r.kind != "empty"]
    optional = len(bodies) < len(list(responses))
    if not bodies:
        return ir.Result("empty", None, optional=False)
    first = bodies[0]
    if all(r.kind == first.kind and r.type == first.type for r in bodies):
        return ir.Result(first.kind, first.type, optional)
    return ir.Result("json", ir.TypeRef("any"), optional)


def _method_name(draft: Draft) -> list[str]:
    # An operationId with nothing usable in it names nothing: the route does.
    words = naming.split_words(draft.operation_id)
    if not words:
        words = [draft.method.lower(), *naming.split_words(draft.path)]
    return naming.strip_prefix(words, draft.tag) if draft.tag else words


def _signature(
    draft: Draft, diagnostics: Diagnostics
) -> tuple[tuple[ir.Parameter, ...], ir.Body | None]:
    """Name the arguments in one scope: path parameters in template order,
    then the body (or its form fields), then the rest, required first."""
    # max_items and into: keywords that paged and download methods get (views.py)
    scope = naming.Scope(["self", "max_items", "into"])
    order = {name: i for i, name in enumerate(_template_names(draft.path))}
    in_path = sorted(
        (p for p in draft.parameters if p.location == "path"),
        key=lambda p: order.get(p.wire_name, len(order)),
    )
    others = [p for p in draft.parameters if p.location != "path"]
    ordered = in_path + [p for p in others if p.required] + [p for p in others if not p.required]

    def claim(name: str) -> str:
        return scope.claim(naming.argument(name))

    names = [claim(naming.snake(p.wire_name, fallback="param")) for p in in_path]
    body = draft.body
    if body is not None:
        fields = tuple(replace(f, name=claim(f.name)) for f in body.form_fields)
        body = replace(body, name=claim(body.name), form_fields=fields)
    names += [claim(naming.snake(p.wire_name, fallback="param")) for p in ordered[len(in_path) :]]
    for name, raw in zip(names, ordered, strict=True):
        note_name(diagnostics, raw.pointer or draft.pointer, "parameter", raw.wire_name, name)
    parameters = tuple(
        ir.Parameter(
            name=name,
            wire_name=raw.wire_name,
            location=raw.location,
            type=raw.type,
            required=raw.required or raw.location == "path",
            description=raw.description,
            explode=raw.explode,
            allow_slash=raw.location == "path" and "path" in raw.wire_name.lower(),
        )
        for name, raw in zip(names, ordered, strict=True)
    )
    for name in sorted(set(order) - {p.wire_name for p in in_path}):
        diagnostics.warn(draft.pointer, f"the path names {{{name[:60]}}} but no parameter does")
    return parameters, body


def _template_names(path: str) -> list[str]:
    names, rest = [], path
    while "{" in rest and "}" in rest.split("{", 1)[1]:
        inner, rest = rest.split("{", 1)[1].split("}", 1)
        names.append(inner)
    return names


def assemble(
    drafts: Iterable[Draft], diagnostics: Diagnostics, class_scope: naming.Scope | None = None
) -> tuple[ir.Group, ...]:
    """Operations grouped by tag and named. ``class_scope`` holds the class names
    already taken (the models'), which the groups' classes must not shadow."""
    by_tag: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_tag.setdefault(draft.tag, []).append(draft)
    module_scope = naming.Scope(_CLIENT_ATTRS)
    class_scope = naming.Scope() if class_scope is None else class_scope
    groups = []
    for tag in sorted(by_tag, key=lambda t: (t == "", t.lower(), t)):
        attr = module_scope.claim(naming.module(tag or "default", fallback="default"))
        at = by_tag[tag][0].pointer + "/tags/0"
        note_name(diagnostics, at, "tag", tag, attr)
        if len(naming.snake(tag, fallback="default")) > naming.MODULE_LENGTH:
            diagnostics.note(at, f"the tag is too long for a file name; named {attr}")
        scope = naming.Scope()
        operations = []
        for draft in by_tag[tag]:
            words = _method_name(draft)
            snake = naming.snake("_".join(words), fallback="call")
            if snake in scope:  # the shortened name clashes: fall back to the full id
                full = draft.operation_id if naming.usable(draft.operation_id) else "_".join(words)
                snake = naming.snake(full, fallback="call")
            parameters, body = _signature(draft, diagnostics)
            name = scope.claim(snake)
            at = draft.pointer + "/operationId"
            note_name(diagnostics, at, "operationId", draft.operation_id, name)
            operations.append(
                ir.Operation(
                    operation_id=draft.operation_id,
                    name=name,
                    method=draft.method.upper(),
                    path=draft.path,
                    summary=draft.summary,
                    description=draft.description,
                    parameters=parameters,
                    body=body,
                    responses=draft.responses,
                    result=result_of(draft.responses),
                    deprecated=draft.deprecated,
                    pointer=draft.pointer,
                )
            )
        groups.append(
            ir.Group(
                tag=tag,
                attr=attr,
                module=attr,
                class_name=class_scope.claim(
                    naming.pascal(tag or "default", fallback="Default") + "Api"
                ),
                async_class_name=class_scope.claim(
                    "Async" + naming.pascal(tag or "default", fallback="Default") + "Api"
                ),
                description="",
                operations=tuple(operations),
            )
        )
    return tuple(groups)


def with_tag_descriptions(groups: tuple[ir.Group, ...], tags: Any) -> tuple[ir.Group, ...]:
    """Copy the top-level ``tags`` descriptions onto the groups."""
    if not isinstance(tags, list):
        return groups
    text = {
        t.get("name"): t.get("description")
        for t in tags
        if isinstance(t, Mapping) and isinstance(t.get("description"), str)
    }
    return tuple(replace(g, description=str(text.get(g.tag, ""))) for g in groups)
