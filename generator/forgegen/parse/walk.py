"""The walk over ``paths`` that both spec formats share.

Each format's parser subclasses ``Walker`` and says how one operation reads
(``_draft``); finding the operations, resolving path items, and merging
path-level parameters into each operation happen here once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from forgegen.diagnostics import Diagnostics
from forgegen.parse.operations import METHODS, Draft
from forgegen.parse.refs import Resolver, child
from forgegen.parse.schemas import Schemas

__all__ = ["Params", "Walker"]

# (name, location) → (the parameter object, its pointer)
Params = dict[tuple[str, str], tuple[Mapping[str, Any], str]]


class Walker:
    def __init__(
        self, doc: Mapping[str, Any], resolver: Resolver, schemas: Schemas, diagnostics: Diagnostics
    ) -> None:
        self.doc = doc
        self.resolver = resolver
        self.schemas = schemas
        self.diagnostics = diagnostics

    def drafts(self) -> list[Draft]:
        paths = self.doc.get("paths")
        result: list[Draft] = []
        if paths is None:
            return result
        if not isinstance(paths, Mapping):
            raise self.resolver.error("paths must be an object", "/paths")
        for path, item in paths.items():
            item, item_at = self.resolver.resolve(item, child("/paths", path))
            if not isinstance(item, Mapping):
                continue
            shared = self._parameters(item.get("parameters"), child(item_at, "parameters"))
            for method in METHODS:
                op = item.get(method)
                if isinstance(op, Mapping):
                    op_at = child(item_at, method)
                    with self.resolver.reading(op_at):
                        result.append(self._draft(str(path), method, op, op_at, shared))
        return result

    def _parameters(self, params: Any, at: str) -> Params:
        """Parameters by (name, location), references followed."""
        found: Params = {}
        if isinstance(params, list):
            for i, param in enumerate(params):
                param, param_at = self.resolver.resolve(param, child(at, i))
                if isinstance(param, Mapping) and isinstance(param.get("name"), str):
                    found[(param["name"], str(param.get("in")))] = (param, param_at)
        return found

    def _draft(
        self, path: str, method: str, op: Mapping[str, Any], at: str, shared: Params
    ) -> Draft:
        raise NotImplementedError
