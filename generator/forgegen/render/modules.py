"""The modules of the generated ``models`` package: one per model, with its own enums.

A script that makes one call should not pay for every model of the API:
``@dataclass`` builds each class's methods when its module runs, and that is
most of the cost of importing all of them (hundreds of milliseconds for
Gitea). So each model has a module of its own, which imports at its top the
models its fields decode to, and ``models/__init__.py`` loads a module the
first time one of its names is asked for. Models that refer to each other in
a cycle share one module, so that the imports between modules never go round
in a circle; an enum that only one module's models use lives in that module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from forgegen import ir, naming
from forgegen.render.pycode import Imports
from forgegen.render.views import ModelView

__all__ = ["ModelModule", "model_modules"]


@dataclass(frozen=True)
class ModelModule:
    stem: str  # the file's name without ``.py``: ``_repository``
    models: tuple[ModelView, ...]
    enums: tuple[ir.Enum, ...]
    imports: tuple[tuple[str, tuple[str, ...]], ...]  # (sibling stem, its names)
    runtime: tuple[str, ...]  # names from ``_runtime``
    typing: tuple[str, ...]
    datetime: bool

    @property
    def names(self) -> tuple[str, ...]:
        """What the module defines, in the order it defines them."""
        return (*(e.name for e in self.enums), *(m.model.name for m in self.models))

    @property
    def summary(self) -> str:
        """What the module holds, for its docstring: "The ``User`` model", "The
        ``Hook`` model and its enum ``HookType``"."""
        models = [m.model.name for m in self.models]
        enums = [e.name for e in self.enums]
        if not models:
            return f"The {_listed(enums)} enum{_plural(enums)}"
        text = f"The {_listed(models)} model{_plural(models)}"
        if enums:
            whose = "its" if len(models) == 1 else "their"
            text += f" and {whose} enum{_plural(enums)} {_listed(enums)}"
        return text

    @property
    def uses_field(self) -> bool:
        return any(f.uses_field for m in self.models for f in m.fields)


def _listed(names: Sequence[str]) -> str:
    quoted = [f"``{name}``" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _plural(names: Sequence[str]) -> str:
    return "s" if len(names) > 1 else ""


def _cycles(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The strongly connected components of ``graph`` (Tarjan's algorithm,
    without recursion: a spec may nest deeper than Python's stack)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, edge = work.pop()
            if edge == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = graph[node]
            if edge < len(targets):
                work.append((node, edge + 1))
                target = targets[edge]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component: list[str] = []
                while not component or component[-1] != node:
                    component.append(stack.pop())
                    on_stack.discard(component[-1])
                found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def _stems(groups: Iterable[list[str]]) -> dict[str, str]:
    """A file name per group of names, unique even where the file system
    ignores case (``APIError`` and ``ApiError``)."""
    taken: set[str] = set()
    stems: dict[str, str] = {}
    for group in groups:
        base = "_" + naming.module(group[0], fallback="model")
        stem, n = base, 1
        while stem.lower() in taken:
            n += 1
            stem = f"{base}_{n}"
        taken.add(stem.lower())
        stems.update((name, stem) for name in group)
    return stems


def _with_own_enums(
    groups: list[list[str]],
    graph: Mapping[str, Sequence[str]],
    enums: Mapping[str, ir.Enum],
    order: Mapping[str, int],
) -> list[list[str]]:
    """``groups``, each enum that only one group's models use moved into that group.

    Most enums are a single field's (inline ``enum`` lists): a file of their
    own would double the files of a big spec (GitHub's: 2,559 enums) for no
    import it saves, since the model loads them anyway. An enum imports
    nothing, so moving it cannot make a cycle. Models come first in a group,
    so that the file is named for a model."""
    home = {name: i for i, group in enumerate(groups) for name in group}
    users: dict[str, set[int]] = {}
    for name, targets in graph.items():
        for target in targets:
            if target in enums and home[target] != home[name]:
                users.setdefault(target, set()).add(home[name])
    moved = {enum: found.pop() for enum, found in users.items() if len(found) == 1}
    merged = [[name for name in group if name not in moved] for group in groups]
    for enum, into in moved.items():
        merged[into].append(enum)
    return [sorted(g, key=lambda n: (n in enums, order[n])) for g in merged if g]


def model_modules(api: ir.Api, views: Sequence[ModelView]) -> tuple[ModelModule, ...]:
    """The modules of ``models/`` for the models' ``views`` (``views.models_view``)."""
    names = [e.name for e in api.enums] + [m.name for m in api.models]
    order = {name: i for i, name in enumerate(names)}
    named = {view.model.name: view for view in views}
    graph = {
        name: sorted(named[name].imports.models, key=order.__getitem__) if name in named else []
        for name in names
    }
    cycles = [sorted(c, key=order.__getitem__) for c in _cycles(graph)]
    enums = {e.name: e for e in api.enums}
    groups = sorted(_with_own_enums(cycles, graph, enums, order), key=lambda c: order[c[0]])
    stems = _stems(groups)
    modules = []
    for group in groups:
        stem = stems[group[0]]
        members = [named[name] for name in group if name in named]
        imports = Imports()
        for view in members:
            for kind in ("models", "runtime", "typing"):
                getattr(imports, kind).update(getattr(view.imports, kind))
            imports.datetime |= view.imports.datetime
        siblings: dict[str, list[str]] = {}
        for name in sorted(imports.models - set(group)):
            siblings.setdefault(stems[name], []).append(name)
        runtime = imports.runtime | ({"Model", "decoded_from"} if members else set())
        runtime |= {"OpenEnum"} if any(name in enums for name in group) else set()
        typing_names = imports.typing | {"Any"} if members else set()
        modules.append(
            ModelModule(
                stem=stem,
                models=tuple(members),
                enums=tuple(enums[name] for name in group if name in enums),
                imports=tuple((s, tuple(names)) for s, names in sorted(siblings.items())),
                runtime=tuple(sorted(runtime)),
                typing=tuple(sorted(typing_names)),
                datetime=imports.datetime,
            )
        )
    return tuple(sorted(modules, key=lambda m: m.stem))
