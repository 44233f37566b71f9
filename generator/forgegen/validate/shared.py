"""What the specs of one range of versions share, so that it is validated once.

Consecutive versions of a forge's spec are mostly the same: of the 2,752 path
items in Gitea 1.17 to 1.27, 591 differ, and 697 of 2,099 definitions. A
range build validates the newest spec whole, then each older one without
the path items and definitions that a newer spec of the range had word for
word, at the same name: their errors would be the ones already reported.

The meta-schema pass checks each path item and definition on its own, so it
is given neither; the keyword pass follows ``$ref``s, so it keeps every
definition and drops shared path items only. What this can miss is an error
that spans a shared and a changed part of one older spec (an operationId
used twice across them): the price of building the Gitea 1.17-1.27 range in
1.87x the time of one version (benchmarks/versions.py) instead of validating
eleven specs whole.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

__all__ = ["Seen"]

# Where each format keeps its named schemas: (top-level key, key below it).
_SCHEMAS = (("definitions", None), ("components", "schemas"))
_Key = tuple[str, str, str]  # (section, name, content hash)


class Seen:
    """Path items and schemas already validated in this build, by name and content."""

    def __init__(self) -> None:
        self._known: set[_Key] = set()

    def reduce(
        self, document: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, Any], str | None]:
        """``document`` for the meta-schema pass and for the keyword pass, without
        what was seen, and a digest that says what was left out (None: nothing);
        then remember what it has."""
        dropped: list[_Key] = []

        def kept(section: str, node: Any) -> Any:
            if not isinstance(node, Mapping):
                return node
            out = {}
            for name, value in node.items():
                key = (section, str(name), _digest(value))
                if key in self._known:
                    dropped.append(key)
                else:
                    self._known.add(key)
                    out[name] = value
            return out

        keywords = {**document, "paths": kept("paths", document.get("paths"))}
        schema = dict(keywords)
        for top, below in _SCHEMAS:
            node = document.get(top)
            if top not in document:
                continue
            if below is None:
                schema[top] = kept(top, node)
            elif isinstance(node, Mapping):
                schema[top] = {**node, below: kept(top, node.get(below))}
        if "paths" not in document:
            del keywords["paths"], schema["paths"]
        if not dropped:
            return schema, keywords, None
        return schema, keywords, hashlib.sha256(json.dumps(sorted(dropped)).encode()).hexdigest()


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()
