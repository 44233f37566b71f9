"""Which response fields a forge always sends: a fact of its Go structs, not of its spec.

Gitea's and Forgejo's specs mark almost nothing ``required``, so a faithful
SDK would make every field Optional and every ``repo.owner.login`` a type
error. But Gitea, Forgejo and Gogs answer with Go structs, and Go's JSON
encoder writes every field: a string, number, boolean or enum is never
missing unless ``omitempty`` left out its zero value, and is null only where
the struct holds a pointer. So in a model that only responses use:

- scalars are plain (``login: str``); one left out or null decodes to its
  zero value (``""``, ``0``, ``False``), and ``to_dict`` gives back what the
  server sent. The pointers known to be null (``NULLABLE``) stay Optional;
- objects, lists, maps and timestamps stay Optional (nil pointers and slices
  are sent as null), but for the references a forge always sets
  (``ALWAYS_SET``): one of those missing all the same decodes to None rather
  than failing the whole answer.

Models a request body uses keep the spec's rule: a caller need not fill
every field of an option; so do fields that older versions of a range SDK
lack (``since``). The generic profile changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from forgegen import ir
from forgegen.profiles.forges import Profile

__all__ = ["ALWAYS_SET", "NULLABLE", "mark_presence"]

GO_FORGES = frozenset({"gitea", "forgejo", "gogs"})
_SCALARS = frozenset({"str", "int", "float", "bool", "enum"})

# (model, JSON field): object references the forges always fill in.
ALWAYS_SET = frozenset(
    {
        ("Repository", "owner"),
        ("Issue", "user"),
        ("PullRequest", "user"),
        ("Comment", "user"),
        ("Release", "author"),
    }
)
# (model, JSON field): scalars held in Go pointers, seen as null from real
# servers (../shared/responses): a directory's contents, an unmerged PR.
NULLABLE = frozenset(
    {
        ("ContentsResponse", "content"),
        ("ContentsResponse", "download_url"),
        ("ContentsResponse", "encoding"),
        ("ContentsResponse", "submodule_git_url"),
        ("ContentsResponse", "target"),
        ("PullRequest", "merge_commit_sha"),
    }
)


def mark_presence(api: ir.Api, profile: Profile) -> ir.Api:
    """``api`` with the fields its forge always sends marked ``always``."""
    if profile.name not in GO_FORGES:
        return api
    models = {m.name: m for m in api.models}
    answered = _reach(models, _response_types(api))
    sent = _reach(models, _body_types(api))
    marked = tuple(
        replace(m, fields=tuple(_mark(m.name, f) for f in m.fields))
        if m.name in answered and m.name not in sent
        else m
        for m in api.models
    )
    return replace(api, models=marked)


def _mark(model: str, field: ir.Field) -> ir.Field:
    # A field newer than some version of an SDK's range is missing from older servers.
    if field.required or field.since is not None:
        return field
    key = (model, field.wire_name)
    if field.type.kind in _SCALARS and key not in NULLABLE:
        return replace(field, always=True)
    if key in ALWAYS_SET and field.type.kind == "model":
        return replace(field, always=True)
    return field


def _response_types(api: ir.Api) -> Iterable[ir.TypeRef]:
    for op in api.operations:
        if op.result.type is not None:
            yield op.result.type
        if op.pagination is not None:
            yield op.pagination.item


def _body_types(api: ir.Api) -> Iterable[ir.TypeRef]:
    for op in api.operations:
        if op.body is not None:
            yield op.body.type
            yield from (f.type for f in op.body.form_fields)


def _reach(models: Mapping[str, ir.Model], roots: Iterable[ir.TypeRef]) -> set[str]:
    """The names of the models that values of ``roots`` can hold, at any depth."""
    found: set[str] = set()
    stack = list(roots)
    while stack:
        t = stack.pop()
        if t.item is not None:
            stack.append(t.item)
        if t.kind == "model" and t.name not in found and t.name in models:
            found.add(t.name)
            stack.extend(f.type for f in models[t.name].fields)
    return found
