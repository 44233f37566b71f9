"""What changed between two versions of an API, and whether it breaks callers.

Two ``ir.Api`` are compared as the generated SDK shows them to its callers:
methods and their signatures (``diff_ops``), model classes and their
attributes (fields matched by wire name), enums and auth schemes. Each
``Change`` says whether code written against the old SDK can fail with the
new one; the ``Report`` recommends a semantic-version bump.
``diff_report`` prints a report as Markdown or JSON; its order is fixed, so
equal inputs give equal bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Literal

from forgegen import ir
from forgegen.release.changes import ANY, Change, code, str_to_enum, type_text
from forgegen.release.diff_ops import compare_operations

__all__ = ["Bump", "Change", "Report", "Side", "diff"]

Bump = Literal["major", "minor", "patch", "none"]

# Non-breaking changes that add nothing a caller could use: a patch release.
PATCH_KINDS = frozenset(
    {"operation moved", "operationId changed", "operation deprecated", "field now optional"}
)


@dataclass(frozen=True)
class Side:
    title: str
    version: str
    spec_format: str


@dataclass(frozen=True)
class Report:
    old: Side
    new: Side
    changes: tuple[Change, ...]

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaking)

    @property
    def bump(self) -> Bump:
        """The semantic-version bump an SDK release with these changes needs."""
        if any(c.breaking for c in self.changes):
            return "major"
        if any(c.kind not in PATCH_KINDS for c in self.changes):
            return "minor"
        return "patch" if self.changes else "none"


def diff(old: ir.Api, new: ir.Api) -> Report:
    changes = [
        *compare_operations(old, new),
        *_models(old, new),
        *_enums(old, new),
        *_security(old, new),
    ]
    # Changes to one subject stay together; kinds keep the order they were found in.
    order = {id(c): i for i, c in enumerate(changes)}
    changes.sort(key=lambda c: (c.category, _subject_key(c), not c.breaking, order[id(c)]))
    return Report(_side(old), _side(new), tuple(changes))


def _subject_key(change: Change) -> tuple[str, str]:
    """Routes by path, then method, so the methods of one path stay together."""
    method, _, path = change.subject.partition(" ")
    return (path, method) if change.category == 0 and path.startswith("/") else (change.subject, "")


def _side(api: ir.Api) -> Side:
    return Side(api.title, api.version, api.spec_format)


def _models(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before = {m.name: m for m in old.models}
    after = {m.name: m for m in new.models}
    for name in sorted(before.keys() - after.keys()):
        yield Change("model removed", name, _count(before[name].fields, "field"), True)
    for name in sorted(after.keys() - before.keys()):
        yield Change("model added", name, _count(after[name].fields, "field"), False)
    sent = _sent(old) | _sent(new)
    received = _received(old) | _received(new)
    for name in sorted(before.keys() & after.keys()):
        role = (
            ("body and response" if name in received else "body")
            if name in sent
            else ("response" if name in received else "model")
        )
        for change in _fields(before[name], after[name], sent=name in sent):
            yield replace(change, location=f"{role} field {change.subject}")


def _types(t: ir.TypeRef | None) -> Iterator[ir.TypeRef]:
    while t is not None:
        yield t
        t = t.item


def _reach(api: ir.Api, roots: Iterable[ir.TypeRef | None]) -> set[str]:
    """The models reachable from these types, through the models' fields."""
    models = {m.name: m for m in api.models}
    seen: set[str] = set()
    todo = [t.name for root in roots for t in _types(root) if t.kind == "model"]
    while todo:
        name = todo.pop()
        if name in seen or name not in models:
            continue
        seen.add(name)
        todo += [t.name for f in models[name].fields for t in _types(f.type) if t.kind == "model"]
    return seen


def _sent(api: ir.Api) -> set[str]:
    """Models that callers build and send: in bodies, form fields and parameters."""
    roots: list[ir.TypeRef | None] = []
    for op in api.operations:
        roots += [p.type for p in op.parameters]
        if op.body is not None:
            roots += [op.body.type, *(f.type for f in op.body.form_fields)]
    return _reach(api, roots)


def _received(api: ir.Api) -> set[str]:
    roots = [op.pagination.item if op.pagination else op.result.type for op in api.operations]
    return _reach(api, roots)


def _fields(a: ir.Model, b: ir.Model, *, sent: bool) -> Iterator[Change]:
    """Field changes; ``sent``: callers build the model for requests, not only read it."""
    old = {f.wire_name: f for f in a.fields}
    new = {f.wire_name: f for f in b.fields}
    for wire, gone in old.items():
        if wire not in new:
            detail = f"wire name {code(wire)}"
            yield Change("field removed", f"{a.name}.{gone.name}", detail, True, before=gone.name)
    for wire, g in new.items():
        subject = f"{b.name}.{g.name}"
        f = old.get(wire)
        if f is None:
            need = "required: constructing the model needs it" if g.required else "optional"
            detail = f"{code(type_text(g.type))}, {need}"
            yield Change("field added", subject, detail, g.required, after=type_text(g.type))
            continue
        if f.name != g.name:
            detail = f"attribute {code(f.name)} → {code(g.name)} (wire name {code(wire)})"
            yield Change("field renamed", subject, detail, True, before=f.name, after=g.name)
        if f.type != g.type:
            detail = f"{code(type_text(f.type))} → {code(type_text(g.type))}"
            breaking, why = _field_retyped(f.type, g.type, sent)
            yield Change(
                "field retyped",
                subject,
                detail,
                breaking,
                why,
                before=type_text(f.type),
                after=type_text(g.type),
            )
        if g.required and not f.required:
            text = "constructing the model needs it"
            yield Change(
                "field now required", subject, text, True, before="optional", after="required"
            )
        elif f.required and not g.required:
            text = "it may now be None"
            yield Change(
                "field now optional", subject, text, False, before="required", after="optional"
            )


def _field_retyped(old: ir.TypeRef, new: ir.TypeRef, sent: bool) -> tuple[bool, str]:
    if _loosened(new, old):
        return False, "it reads and writes the same JSON"
    if str_to_enum(old, new):
        if sent:
            return True, "callers building this model for a request must now pass the enum"
        return False, "read from responses only, and the SDK's enums are str subclasses"
    return True, ""


def _loosened(new: ir.TypeRef, old: ir.TypeRef) -> bool:
    """Is ``new`` the same shape with parts of ``old`` now ``Any``, which
    reads and writes the same JSON? (A model or datetime read as ``Any``
    would come back as a dict or a string instead.)"""
    if new.kind == "any":
        return not _decoded(old)
    if new.kind == old.kind and new.kind in ("list", "map"):
        return _loosened(new.item or ANY, old.item or ANY)
    return False


def _decoded(t: ir.TypeRef) -> bool:
    if t.is_container:
        return _decoded(t.item or ANY)
    return t.kind in ("model", "enum", "datetime", "date")


def _count(items: tuple[object, ...], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _enums(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before = {e.name: e for e in old.enums}
    after = {e.name: e for e in new.enums}
    for name in sorted(before.keys() - after.keys()):
        yield Change("enum removed", name, f"class {code(name)}", True)
    for name in sorted(after.keys() - before.keys()):
        yield Change("enum added", name, _values(v.value for v in after[name].values), False)
    for name in sorted(before.keys() & after.keys()):
        was = [v.value for v in before[name].values]
        now = [v.value for v in after[name].values]
        more = [v for v in now if v not in was]
        gone = [v for v in was if v not in now]
        if more:
            # The SDK's enums accept values they do not know, so old code keeps working.
            yield Change("enum values added", name, _values(more), False)
        if gone:
            yield Change("enum values removed", name, _values(gone), True)


def _values(values: Iterable[str]) -> str:
    return ", ".join(code(v) for v in values) or "no values"


def _security(old: ir.Api, new: ir.Api) -> Iterator[Change]:
    before = {s.key: s for s in old.security}
    after = {s.key: s for s in new.security}
    for key in sorted(before.keys() - after.keys()):
        yield Change("auth removed", key, _scheme(before[key]), True)
    for key in sorted(after.keys() - before.keys()):
        yield Change("auth added", key, _scheme(after[key]), False)
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        if (a.kind, a.location, a.parameter) != (b.kind, b.location, b.parameter):
            yield Change("auth changed", key, f"{_scheme(a)} → {_scheme(b)}", True)


def _scheme(s: ir.SecurityScheme) -> str:
    if s.kind == "apikey":
        return f"API key in {s.location} {code(s.parameter)}"
    return {"basic": "HTTP basic", "bearer": "bearer token", "oauth2": "OAuth2"}[s.kind]
