"""One change between two versions of an API, and the words that describe it.

Shared by the comparisons of operations (``diff_ops``) and of models
(``diff``): a change's text names things the way the SDK spells them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from forgegen import ir

__all__ = ["ANY", "Change", "accepts", "code", "plain", "same_type", "str_to_enum", "type_text"]

ANY = ir.TypeRef("any")

# The section of the release notes a change goes in, by the first word of its kind.
_CATEGORIES = {
    "operation": 0,
    "parameter": 0,
    "arguments": 0,
    "body": 0,
    "response": 0,
    "model": 1,
    "field": 1,
    "enum": 2,
    "auth": 3,
}
_SCALARS = {
    "str": "str",
    "int": "int",
    "float": "float",
    "bool": "bool",
    "any": "Any",
    "datetime": "datetime",
    "date": "date",
    "bytes": "bytes",
}


@dataclass(frozen=True)
class Change:
    kind: str  # "operation removed", "parameter now required", "enum values added" …
    subject: str  # the route ("GET /repos/{owner}/{repo}"), model, Model.attribute, enum, scheme
    detail: str  # one line; names from the spec stand in `backticks`
    breaking: bool  # can code that calls the old SDK fail with the new one?
    why: str = ""  # why it is (or is not) breaking, where that is not plain from the kind
    # Where it is, for tools (``diff --format json``): the operation, if any…
    operation_id: str = ""
    method: str = ""
    path: str = ""
    # …and the part of it: "query parameter state", "body", "response",
    # "response field Repository.name" (empty for a whole operation, model or enum).
    location: str = ""
    before: str | None = None  # the old name, type or requirement, as the SDK spells it
    after: str | None = None

    @property
    def category(self) -> int:
        return _CATEGORIES.get(self.kind.split(" ", 1)[0].removesuffix("Id"), 0)

    @property
    def message(self) -> str:
        """The change in one line of plain text: no Markdown, for JSON and logs."""
        text = f"{self.kind} {self.subject}: {plain(self.detail)}"
        return f"{text} ({self.why})" if self.why else text


def plain(text: str) -> str:
    """Text with its code spans (made by ``code``) as plain quoted names."""
    return re.sub(r"`([^`]*)`", r"'\1'", text)


def str_to_enum(old: ir.TypeRef, new: ir.TypeRef) -> bool:
    """Is ``new`` ``old`` with plain strings narrowed to an enum or ``Literal``?

    The SDK's enums are ``str`` subclasses that accept unknown values, so a
    value read from the server still compares equal to the same string:
    breaking only where callers pass the value in."""
    if old.kind == "str":
        return new.kind in ("enum", "literal")
    if old.kind == new.kind and old.is_container:
        return str_to_enum(old.item or ANY, new.item or ANY)
    return False


def code(value: object) -> str:
    """A name from the spec as a code span: one line, no backtick of its own."""
    return "`" + " ".join(str(value).split()).replace("`", "'") + "`"


def type_text(t: ir.TypeRef | None) -> str:
    """A type as the SDK's annotations spell it."""
    if t is None:
        return "None"
    if t.kind in ("model", "enum"):
        return t.name
    if t.kind == "literal":
        return "Literal[" + ", ".join(repr(v) for v in t.values) + "]"
    if t.kind == "list":
        return f"list[{type_text(t.item or ANY)}]"
    if t.kind == "map":
        return f"dict[str, {type_text(t.item or ANY)}]"
    return _SCALARS.get(t.kind, t.kind)


def same_type(a: ir.TypeRef, b: ir.TypeRef) -> bool:
    """Equal types, a ``Literal``'s choices compared as a set."""
    if a.kind == b.kind == "literal":
        return set(a.values) == set(b.values)
    if a.kind == b.kind and a.is_container:
        return same_type(a.item or ANY, b.item or ANY)
    return a == b


def accepts(new: ir.TypeRef, old: ir.TypeRef) -> bool:
    """Does an argument of type ``new`` take every value one of type ``old`` took?"""
    if same_type(new, old) or new.kind == "any":
        return True
    if old.kind == "literal" and new.kind == "literal":
        return set(old.values) <= set(new.values)
    if old.kind == "literal" and new.kind == "str":
        return True
    if old.kind == "int" and new.kind == "float":
        return True
    if old.kind == new.kind and old.kind in ("list", "map"):
        return accepts(new.item or ANY, old.item or ANY)
    return False
