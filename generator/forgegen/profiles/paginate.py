"""Which operations page, and how: a fact of the forge, not of its spec.

No spec declares pagination: list operations simply take ``page`` (and, on
Gitea and Forgejo, ``limit``) query parameters and answer a list, or a
wrapper object with one list field (``{"ok": true, "data": [...]}``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from forgegen import ir
from forgegen.profiles.forges import Profile

__all__ = ["mark_pagination"]


def _items(
    models: Mapping[str, ir.Model], result: ir.Result
) -> tuple[ir.TypeRef, str | None] | None:
    """The item type and wrapper field of a list result, or None."""
    rtype = result.type
    if result.kind != "json" or rtype is None:
        return None
    if rtype.kind == "list" and rtype.item is not None:
        return rtype.item, None
    if rtype.kind != "model":
        return None
    model = models.get(rtype.name)
    if model is None:
        return None
    lists = [f for f in model.fields if f.type.kind == "list" and f.type.item is not None]
    if len(lists) != 1 or lists[0].type.item is None:
        return None
    return lists[0].type.item, lists[0].name


def _pagination(
    models: Mapping[str, ir.Model], op: ir.Operation, profile: Profile
) -> ir.Pagination | None:
    if op.method != "GET":
        return None
    query = {p.wire_name: p for p in op.parameters if p.location == "query"}
    page = query.get("page")
    undeclared = f"{op.method} {op.path}" in profile.undeclared_paging
    if (page is None or page.type.kind != "int") and not undeclared:
        return None
    limit = query.get("limit")
    if profile.paging == "page+limit" and limit is None and profile.name != "generic":
        # Gitea's page-only lists (git trees, wiki revisions) page with
        # other parameters; iterating them by page alone would be wrong.
        return None
    found = _items(models, op.result)
    if found is None:
        return None
    item, wrapper = found
    return ir.Pagination("page", limit.wire_name if limit else None, item, wrapper)


def mark_pagination(api: ir.Api, profile: Profile) -> ir.Api:
    models = {m.name: m for m in api.models}
    groups = tuple(
        replace(
            g,
            operations=tuple(
                replace(op, pagination=_pagination(models, op, profile)) for op in g.operations
            ),
        )
        for g in api.groups
    )
    return replace(api, groups=groups)
