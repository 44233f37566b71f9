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
from dataclasses import dataclass

from forgegen import ir
from forgegen.release.changes import Change, accepts, code, same_type, type_text

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
            yield Change("operation removed", gone.route, code(gone.call), True)
    for m in added.values():
        yield Change("operation added", m.route, code(m.call), False)
    for a, b in pairs:
        yield from _operation(a, b)


def _operation(a: _Method, b: _Method) -> Iterator[Change]:
    subject = b.route
    if _PLACEHOLDER.sub("{}", a.route) != _PLACEHOLDER.sub("{}", b.route):
        yield Change(
            "operation moved",
            subject,
            f"from {code(a.route)}; {code(b.call)} keeps its name",
            False,
        )
    ids = f"operationId {code(a.op.operation_id)} → {code(b.op.operation_id)}"
    if a.call != b.call:
        yield Change("operation renamed", subject, f"{code(a.call)} → {code(b.call)} ({ids})", True)
    elif a.op.operation_id != b.op.operation_id:
        yield Change("operationId changed", subject, f"{ids}; {code(b.call)} is unchanged", False)
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
            yield Change("parameter removed", subject, detail, True)
    for key, y in new.items():
        x = old.get(key)
        if x is None:
            need = "required, positional" if y.required else "optional"
            yield Change(
                "parameter added",
                subject,
                f"{y.where} (argument {code(y.name)}: {code(type_text(y.type))}, {need})",
                y.required,
            )
            continue
        if x.name != y.name:
            yield Change(
                "parameter renamed",
                subject,
                f"{y.where}: argument {code(x.name)} → {code(y.name)}",
                True,
            )
        if x.required and not y.required and not y.is_path:
            # Required arguments are positional, optional ones keyword-only.
            yield Change(
                "parameter now optional",
                subject,
                f"{y.where}: {code(y.name)} is now keyword-only",
                True,
            )
        elif y.required and not x.required:
            yield Change("parameter now required", subject, f"{y.where}: {code(y.name)}", True)
        if not same_type(x.type, y.type):
            yield _retyped(x, y, subject)
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
    return Change("parameter retyped", subject, detail, not ok)


def _reordered(old: list[_Arg], new: list[_Arg], subject: str) -> Iterator[Change]:
    """The positional arguments both versions have, in another order: callers
    passing them by position would pass them to the wrong parameters."""
    before = [x for x in old if x.required]
    after = [x for x in new if x.required]
    common = {x.key for x in before} & {x.key for x in after}
    if [x.key for x in before if x.key in common] != [x.key for x in after if x.key in common]:
        names = ", ".join(x.name for x in before), ", ".join(x.name for x in after)
        yield Change(
            "arguments reordered", subject, f"positional {code(names[0])} → {code(names[1])}", True
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
    if old == new:  # the same type, decoded another way (JSON string ↔ text)
        detail = f"{code(old)}, read as {a.result.kind}, is now read as {b.result.kind}"
        yield Change("response retyped", subject, detail, True)
        return
    # Only dropping "| None" keeps every caller's code working.
    yield Change("response retyped", subject, f"{code(old)} → {code(new)}", old != new + " | None")
