"""Operations compared as SDK methods: names, arguments and return types.

Operations are matched by method and route, never by operationId alone, so a
new operationId on the same route is a rename of the method. Path
placeholders are normalised (``{id}`` and ``{index}`` name the same route),
and an operation whose route (or HTTP method) changed while its SDK method
kept its name is matched too: the SDK hides routes. Required arguments are positional and optional
ones keyword-only, so moving an argument between the two breaks callers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from forgegen import ir
from forgegen.release.changes import (
    Change,
    accepts,
    code,
    same_type,
    str_to_enum,
    type_text,
)

__all__ = ["compare_operations", "result_text"]

_PLACEHOLDER = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class _Method:
    op: ir.Operation
    call: str  # client.<group>.<name>

    @property
    def route(self) -> str:
        return f"{self.op.method} {self.op.path}"


def _index(api: ir.Api) -> dict[tuple[str, str], _Method]:
    """Methods by (METHOD, route with anonymous placeholders); by the exact
    route where two routes only differ in their placeholder names."""
    methods = [_Method(op, f"client.{g.attr}.{op.name}") for g in api.groups for op in g.operations]
    counts: dict[tuple[str, str], int] = {}
    for m in methods:
        key = (m.op.method, _PLACEHOLDER.sub("{}", m.op.path))
        counts[key] = counts.get(key, 0) + 1
    index = {}
    for m in methods:
        key = (m.op.method, _PLACEHOLDER.sub("{}", m.op.path))
        index[key if counts[key] == 1 else (m.op.method, m.op.path)] = m
    return index


def compare_operations(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before, after = _index(old), _index(new)
    pairs = [(before[k], after[k]) for k in sorted(before.keys() & after.keys())]
    added = {k: after[k] for k in sorted(after.keys() - before.keys())}
    # A route that moved while its method kept its name is the same method
    # (method names are unique in an SDK, so this pairs at most one of each).
    by_call = {m.call: k for k, m in added.items()}
    for key in sorted(before.keys() - after.keys()):
        gone = before[key]
        moved = by_call.get(gone.call)
        if moved is not None and moved in added:
            pairs.append((gone, added.pop(moved)))
        else:
            change = Change("operation removed", gone.route, code(gone.call), True)
            yield _on(gone.op, replace(change, before=gone.call))
    for m in added.values():
        yield _on(m.op, Change("operation added", m.route, code(m.call), False, after=m.call))
    for a, b in pairs:
        for change in _operation(a, b):
            yield _on(b.op, change)


def _on(op: ir.Operation, change: Change) -> Change:
    """The change, placed on its operation for tools."""
    return replace(change, operation_id=op.operation_id, method=op.method, path=op.path)


def _operation(a: _Method, b: _Method) -> Iterator[Change]:
    subject = b.route
    if _PLACEHOLDER.sub("{}", a.route) != _PLACEHOLDER.sub("{}", b.route):
        yield Change(
            "operation moved",
            subject,
            f"from {code(a.route)}; {code(b.call)} keeps its name",
            False,
            why="the SDK hides routes",
            before=a.route,
            after=b.route,
        )
    ids = f"operationId {code(a.op.operation_id)} → {code(b.op.operation_id)}"
    if a.call != b.call:
        detail = f"{code(a.call)} → {code(b.call)} ({ids})"
        yield Change("operation renamed", subject, detail, True, before=a.call, after=b.call)
    elif a.op.operation_id != b.op.operation_id:
        yield Change(
            "operationId changed",
            subject,
            f"{ids}; {code(b.call)} is unchanged",
            False,
            before=a.op.operation_id,
            after=b.op.operation_id,
        )
    if b.op.deprecated and not a.op.deprecated:
        yield Change("operation deprecated", subject, code(b.call), False)
    yield from _arguments(a.op, b.op, subject)
    yield from _result(a.op, b.op, subject)


@dataclass(frozen=True)
class _Arg:
    key: str  # how the argument is matched across versions
    name: str  # the Python argument name
    where: str  # "query parameter `state`", "the body" …
    type: ir.TypeRef
    required: bool
    is_path: bool = False


def _args(op: ir.Operation) -> list[_Arg]:
    """The method's arguments in signature order, as views.method_view orders them."""
    args = []
    for i, p in enumerate(op.path_parameters):
        args.append(
            _Arg(f"path#{i}", p.name, f"path parameter {code(p.wire_name)}", p.type, True, True)
        )
    for p in op.parameters:
        if p.location != "path":
            key = f"{p.location}:{p.wire_name}"
            args.append(
                _Arg(key, p.name, f"{p.location} parameter {code(p.wire_name)}", p.type, p.required)
            )
    body = op.body
    if body is not None and body.kind in ("form", "multipart"):
        for f in body.form_fields:
            ftype = ir.TypeRef("bytes") if f.is_file else f.type
            args.append(
                _Arg(
                    f"form:{f.wire_name}",
                    f.name,
                    f"form field {code(f.wire_name)}",
                    ftype,
                    f.required,
                )
            )
    elif body is not None:
        btype = {"text": ir.TypeRef("str"), "binary": ir.TypeRef("bytes")}.get(body.kind, body.type)
        args.append(_Arg("body", body.name, f"the {body.kind} body", btype, body.required))
    return args


def _arguments(a: ir.Operation, b: ir.Operation, subject: str) -> Iterator[Change]:
    old, new = {x.key: x for x in _args(a)}, {x.key: x for x in _args(b)}
    for key, gone in old.items():
        if key not in new:
            detail = f"{gone.where} (argument {code(gone.name)})"
            change = Change("parameter removed", subject, detail, True, before=gone.name)
            yield replace(change, location=gone.where.replace("`", ""))
    for key, y in new.items():
        x = old.get(key)
        at = y.where.replace("`", "")  # a name, not a sentence: no quotes
        if x is None:
            need = "required, positional" if y.required else "optional"
            yield Change(
                "parameter added",
                subject,
                f"{y.where} (argument {code(y.name)}: {code(type_text(y.type))}, {need})",
                y.required,
                why="existing calls do not pass it" if y.required else "",
                location=at,
                after=type_text(y.type),
            )
            continue
        if x.name != y.name:
            yield Change(
                "parameter renamed",
                subject,
                f"{y.where}: argument {code(x.name)} → {code(y.name)}",
                True,
                why="calls passing it by keyword fail",
                location=at,
                before=x.name,
                after=y.name,
            )
        if x.required and not y.required and not y.is_path:
            yield Change(
                "parameter now optional",
                subject,
                f"{y.where}: {code(y.name)} is now keyword-only",
                True,
                why="required arguments are positional, optional ones keyword-only",
                location=at,
                before="required",
                after="optional",
            )
        elif y.required and not x.required:
            yield Change(
                "parameter now required",
                subject,
                f"{y.where}: {code(y.name)}",
                True,
                location=at,
                before="optional",
                after="required",
            )
        if not same_type(x.type, y.type):
            yield replace(
                _retyped(x, y, subject),
                location=at,
                before=type_text(x.type),
                after=type_text(y.type),
            )
    yield from _reordered(_args(a), _args(b), subject)


def _retyped(x: _Arg, y: _Arg, subject: str) -> Change:
    ok = accepts(y.type, x.type)
    if x.type.kind == "literal" and y.type.kind == "literal":
        more = [v for v in y.type.values if v not in x.type.values]
        gone = [v for v in x.type.values if v not in y.type.values]
        parts = ([f"accepts {', '.join(code(v) for v in more)}"] if more else []) + (
            [f"no longer accepts {', '.join(code(v) for v in gone)}"] if gone else []
        )
        if parts:
            return Change("parameter retyped", subject, f"{y.where}: " + "; ".join(parts), not ok)
    detail = f"{y.where}: {code(type_text(x.type))} → {code(type_text(y.type))}"
    why = ""
    if str_to_enum(x.type, y.type):
        why = "an argument now takes only the listed values, not any string"
    elif ok:
        why = "it takes every value it took before"
    return Change("parameter retyped", subject, detail, not ok, why=why)


def _reordered(old: list[_Arg], new: list[_Arg], subject: str) -> Iterator[Change]:
    """The positional arguments both versions have, in another order: callers
    passing them by position would pass them to the wrong parameters."""
    before = [x for x in old if x.required]
    after = [x for x in new if x.required]
    common = {x.key for x in before} & {x.key for x in after}
    if [x.key for x in before if x.key in common] != [x.key for x in after if x.key in common]:
        names = ", ".join(x.name for x in before), ", ".join(x.name for x in after)
        yield Change(
            "arguments reordered",
            subject,
            f"positional {code(names[0])} → {code(names[1])}",
            True,
            why="calls passing them by position pass them to the wrong parameters",
            before=names[0],
            after=names[1],
        )


def result_text(op: ir.Operation) -> str:
    """The method's return annotation."""
    if op.pagination is not None:
        return f"Paginator[{type_text(op.pagination.item)}]"
    result = op.result
    if result.kind == "empty" or result.type is None:
        return "None"
    return type_text(result.type) + (" | None" if result.optional else "")


def _result(a: ir.Operation, b: ir.Operation, subject: str) -> Iterator[Change]:
    old, new = result_text(a), result_text(b)
    if old == new and a.result.kind == b.result.kind:
        return
    where = {"location": "response", "before": old, "after": new}
    if old == new:  # the same type, decoded another way (JSON string ↔ text)
        detail = f"{code(old)}, read as {a.result.kind}, is now read as {b.result.kind}"
        yield Change("response retyped", subject, detail, True, **where)
        return
    breaking, why = _result_breaks(a, b, old, new)
    yield Change("response retyped", subject, f"{code(old)} → {code(new)}", breaking, why, **where)


def _result_breaks(a: ir.Operation, b: ir.Operation, old: str, new: str) -> tuple[bool, str]:
    """Does the new return type break callers, and why (not)?"""
    if old == new + " | None":
        return False, "it is never None now; code that checked for None still works"
    if old == "None":
        return False, "the method returned None before, so no caller used the result"
    ta, tb = _returned(a), _returned(b)
    same_shape = (a.pagination is None) == (b.pagination is None) and (
        a.result.optional == b.result.optional
    )
    if same_shape and ta is not None and tb is not None and str_to_enum(ta, tb):
        return False, "the SDK's enums are str subclasses: the values compare as before"
    return True, ""


def _returned(op: ir.Operation) -> ir.TypeRef | None:
    """The type a method returns (an item's, for a paginator)."""
    return op.pagination.item if op.pagination is not None else op.result.type
