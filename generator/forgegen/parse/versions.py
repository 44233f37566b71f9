"""Several versions of one API → one ``ir.Api`` that knows their history.

Each version is parsed on its own; this module merges the results. The newest
version that has a thing decides its shape (an operation's parameters and
result, a model's field types); what only older versions have is kept, so one
SDK can talk to every server in the range. What appeared after the oldest
version is marked ``since``; an operation the newest version lacks is marked
``until`` (the first version without it). A field that some version's model
lacks is optional, whatever the newest version says.

Operations are matched by method and path, with path parameter names ignored
(``/repos/{owner}/{repo}`` and ``/repos/{username}/{reponame}`` are one route);
models, their fields and enums by their Python names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from forgegen import ir, naming
from forgegen.errors import SpecError

__all__ = ["label", "merge", "release"]

_RELEASE = re.compile(r"v?(\d+)(?:\.(\d+))?")


def label(version: str, origin: str = "") -> str:
    """The release line a spec version belongs to: ``1.24.7`` → ``1.24``,
    ``11.0.1+gitea-1.22.0`` → ``11.0``, ``v1`` → ``1``; what servers' versions
    are compared with."""
    match = _RELEASE.match(version.strip())
    if match is None:
        where = f"{origin}#/info/version" if origin else "/info/version"
        raise SpecError(
            f"{where} is {version!r}: several specs are ordered by their versions, "
            "and this one has no number to order by"
        )
    return ".".join(part for part in match.groups() if part is not None)


def release(version: str, origin: str = "") -> tuple[int, ...]:
    """The release line as numbers, to order specs by: ``1.24.7`` → ``(1, 24)``."""
    return _key(label(version, origin))


def _key(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _route(op: ir.Operation) -> tuple[str, str]:
    return op.method, re.sub(r"\{[^}]*\}", "{}", op.path)


def merge(apis: Sequence[ir.Api]) -> ir.Api:
    """One API with every operation, model and enum of ``apis``, any order.

    A single API comes back as it is: history needs at least two versions."""
    if len(apis) < 2:
        return apis[0]
    labelled = sorted(((label(api.version), api) for api in apis), key=lambda p: _key(p[0]))
    labels = [name for name, _ in labelled]
    twice = sorted({name for name in labels if labels.count(name) > 1})
    if twice:
        raise SpecError(f"two specs of the same release {', '.join(twice)}: pass one of each")
    newest_first = list(reversed(labelled))
    return replace(
        labelled[-1][1],
        groups=_groups(labelled, newest_first),
        models=_models(labelled, newest_first),
        enums=_enums(newest_first),
        security=_security(newest_first),
        versions=tuple(labels),
    )


def _security(newest_first: list[tuple[str, ir.Api]]) -> tuple[ir.SecurityScheme, ...]:
    seen: dict[str, ir.SecurityScheme] = {}
    for _, api in newest_first:
        for scheme in api.security:
            seen.setdefault(scheme.key, scheme)
    return tuple(seen.values())


def _history(labels: list[str], present: list[bool]) -> tuple[str | None, str | None]:
    """(since, until) of a thing present in the versions that ``present`` marks."""
    first = present.index(True)
    since = labels[first] if first else None
    until = None
    if not present[-1]:
        last = len(present) - 1 - present[::-1].index(True)
        until = labels[last + 1]
    return since, until


def _groups(
    labelled: list[tuple[str, ir.Api]], newest_first: list[tuple[str, ir.Api]]
) -> tuple[ir.Group, ...]:
    labels = [name for name, _ in labelled]
    # Per version: each route's parameters as (location, wire name).
    taken = [
        {_route(op): {(p.location, p.wire_name) for p in op.parameters} for op in api.operations}
        for _, api in labelled
    ]
    # The newest version that has an operation describes it; its tag places it.
    chosen: dict[tuple[str, str], tuple[ir.Group, ir.Operation]] = {}
    for _, api in newest_first:
        for group in api.groups:
            for op in group.operations:
                chosen.setdefault(_route(op), (group, op))
    by_tag: dict[str, tuple[ir.Group, list[ir.Operation]]] = {}
    for group, op in chosen.values():
        by_tag.setdefault(group.tag, (group, []))[1].append(op)
    groups = []
    attrs = naming.Scope()
    for tag in sorted(by_tag, key=lambda t: (t == "", t.lower(), t)):
        group, ops = by_tag[tag]
        present = {id(op): [_route(op) in seen for seen in taken] for op in ops}
        # The newest versions' operations claim their names first: an old
        # method that clashes with a current one is the one renamed.
        newest = sorted(ops, key=lambda op: present[id(op)][::-1].index(True))
        names = naming.Scope()
        claimed = {id(op): names.claim(op.name) for op in newest}
        merged = []
        for op in ops:
            since, until = _history(labels, present[id(op)])
            params = _parameters(op, [seen.get(_route(op)) for seen in taken], labels)
            merged.append(
                replace(op, name=claimed[id(op)], parameters=params, since=since, until=until)
            )
        merged.sort(key=lambda op: op.until is not None)  # stable: removed ones last
        groups.append(replace(group, attr=attrs.claim(group.attr), operations=tuple(merged)))
    return tuple(groups)


def _parameters(
    op: ir.Operation, taken: list[set[tuple[ir.ParameterLocation, str]] | None], labels: list[str]
) -> tuple[ir.Parameter, ...]:
    """``op``'s parameters, each marked with the first version that has it."""
    first = next(i for i, there in enumerate(taken) if there is not None)
    marked = []
    for p in op.parameters:
        if p.location == "path":  # the route matched: it has them all, maybe named otherwise
            marked.append(p)
            continue
        key = (p.location, p.wire_name)
        at = next(i for i, there in enumerate(taken) if there is not None and key in there)
        marked.append(replace(p, since=labels[at] if at > first else None))
    return tuple(marked)


def _models(
    labelled: list[tuple[str, ir.Api]], newest_first: list[tuple[str, ir.Api]]
) -> tuple[ir.Model, ...]:
    labels = [name for name, _ in labelled]
    by_name: dict[str, list[ir.Model | None]] = {}
    for i, (_, api) in enumerate(labelled):
        for model in api.models:
            by_name.setdefault(model.name, [None] * len(labelled))[i] = model
    merged = []
    order = [m.name for _, api in newest_first for m in api.models]
    for name in dict.fromkeys(order):
        versions = by_name[name]
        newest = next(m for m in reversed(versions) if m is not None)
        first = next(i for i, m in enumerate(versions) if m is not None)
        # By Python name: a field whose JSON name changed case between
        # versions is one attribute, read under the newest version's name.
        fields: dict[str, ir.Field] = {}
        for each in reversed(versions):
            for f in each.fields if each else ():
                fields.setdefault(f.name, f)
        kept = []
        for name, f in fields.items():
            have = [m is not None and any(x.name == name for x in m.fields) for m in versions]
            always = all(h for h, m in zip(have, versions, strict=True) if m is not None)
            at = have.index(True)
            kept.append(
                replace(f, required=f.required and always, since=labels[at] if at > first else None)
            )
        merged.append(replace(newest, fields=tuple(kept)))
    return tuple(merged)


def _enums(newest_first: list[tuple[str, ir.Api]]) -> tuple[ir.Enum, ...]:
    found: dict[str, ir.Enum] = {}
    for _, api in newest_first:
        for enum in api.enums:
            known = found.get(enum.name)
            if known is None:
                found[enum.name] = enum
                continue
            wires = {v.value for v in known.values}
            names = naming.Scope(v.name for v in known.values)
            extra = tuple(
                replace(v, name=names.claim(v.name)) for v in enum.values if v.value not in wires
            )
            found[enum.name] = replace(known, values=known.values + extra)
    return tuple(found.values())
