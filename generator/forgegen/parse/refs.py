"""Local ``$ref`` resolution. Nothing else is ever followed.

A spec is untrusted: a ``file:``, relative-file or remote reference would
make the generator read local files or call other hosts, so it is refused
with the pointer where it stands, before anything could read it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote

from forgegen.errors import SpecError

__all__ = ["Resolver", "child", "refuse_external_refs"]


def child(at: str, *parts: str | int) -> str:
    """Extend a JSON pointer by raw (unescaped) parts."""
    return at + "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class Resolver:
    def __init__(self, document: Mapping[str, Any], origin: str = "") -> None:
        self._document = document
        self._origin = origin

    def error(self, message: str, at: str) -> SpecError:
        return SpecError(message, pointer=at, origin=self._origin)

    @contextmanager
    def reading(self, at: str) -> Iterator[None]:
        """Turn a malformed node under ``at`` into a located SpecError.

        Validation catches these first; this matters when the user builds
        past validation errors, and keeps a surprise from being a traceback.
        """
        try:
            yield
        except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
            detail = str(exc)[:120] or type(exc).__name__
            raise self.error(f"cannot read this part of the spec ({detail})", at) from None

    def target(self, ref: object, at: str) -> str:
        """The pointer a ``$ref`` names, checked to be local."""
        if not isinstance(ref, str):
            raise self.error("$ref must be a string", at)
        if not ref.startswith("#"):
            raise self.error(
                f"refusing the non-local $ref {ref[:200]!r}: only references inside the "
                "document (#/...) are followed",
                at,
            )
        return unquote(ref[1:])

    def lookup(self, target: str, at: str) -> Any:
        node: Any = self._document
        if target and not target.startswith("/"):
            raise self.error(f"$ref #{target[:200]} is not a JSON pointer", at)
        for raw in target.split("/")[1:]:
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                raise self.error(f"$ref #{target[:200]} points at nothing", at)
        return node

    def resolve(self, node: Any, at: str) -> tuple[Any, str]:
        """Follow ``$ref`` chains from ``node``; return the target and its pointer."""
        seen: set[str] = set()
        while isinstance(node, Mapping) and "$ref" in node:
            target = self.target(node["$ref"], at + "/$ref")
            if target in seen:
                raise self.error("$ref chain loops back on itself", at)
            seen.add(target)
            node, at = self.lookup(target, at + "/$ref"), target
        return node, at


def refuse_external_refs(document: Mapping[str, Any], origin: str = "") -> None:
    """Refuse the document if any ``$ref`` anywhere leaves it.

    Runs before validation, because the validator would follow such a
    reference itself. Iterative, so a deeply nested document cannot blow the
    stack here.
    """
    if not _any_external_ref(document):
        return  # the usual case, found without making a pointer for every node
    resolver = Resolver(document, origin)
    stack: list[tuple[Any, str]] = [(document, "")]
    while stack:
        node, at = stack.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                resolver.target(ref, child(at, "$ref"))
            stack.extend((value, child(at, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, child(at, i)) for i, value in enumerate(node))


def _any_external_ref(document: Mapping[str, Any]) -> bool:
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False
