"""Code laid out the way black lays it out, before black sees it.

Black formats every build's output and is the slowest stage of a cold build,
and it is much slower on code it has to rearrange (it then runs a second,
checking pass): on Gitea 1.25's SDK it took 10.8 s of CPU for the templates'
raw output and 3.3 s once every module came laid out from here. Black still
formats the result, so a layout this module gets wrong costs time, never
correctness; tests check that black leaves the rendered modules as they are.
Templates reach these functions as Jinja globals (``render.environment``),
so no template repeats a rule of black's.

Black's rules, for the shapes forgegen emits: a statement that fits in 88
columns stays on one line. Otherwise it is split at its last bracket pair.
The contents go on one indented line of their own if they fit there and are
a call's arguments, a def's parameters or a subscript; if they do not fit,
or are a collection display (which black always explodes), every item gets
a line of its own and a trailing comma, and each item that is still too long
is split again by the same rules. A def's lone parameter gets a trailing
comma too. A parameter whose annotation is too long gets its annotation
parenthesised and split at ``|``, or without a ``|``, split at its subscript.
An assignment too long splits its value in parentheses first.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from forgegen.literals import docstring

__all__ = [
    "LINE_LENGTH",
    "Brackets",
    "Nested",
    "Parameter",
    "assign",
    "docstring_literal",
    "import_from",
    "lay_out",
    "lay_out_line",
    "parameters",
]

LINE_LENGTH = 88
_STEP = 4


@dataclass(frozen=True)
class Brackets:
    """``opening`` items ``closing``: a call's arguments, a def's parameters, a display."""

    opening: str
    items: tuple[Item, ...]
    closing: str
    display: bool = False  # a dict, list or tuple display: exploded whenever it is split
    signature: bool = False  # a def's parameters: a lone one gets a comma when split


@dataclass(frozen=True)
class Nested:
    """An item that holds brackets of its own: ``query={...}``, ``f(...)``."""

    head: str
    brackets: Brackets


@dataclass(frozen=True)
class Parameter:
    """``name: annotation = default`` in a def's parameter list."""

    name: str
    annotation: str
    default: str = ""


Item = str | Nested | Parameter


def flat(item: Item | Brackets) -> str:
    """The item on one line."""
    if isinstance(item, str):
        return item
    if isinstance(item, Nested):
        return item.head + flat(item.brackets)
    if isinstance(item, Parameter):
        return f"{item.name}: {item.annotation}" + (f" = {item.default}" if item.default else "")
    return item.opening + ", ".join(flat(i) for i in item.items) + item.closing


def lay_out(indent: int, head: str, brackets: Brackets, tail: str = "") -> str:
    """``head`` + ``brackets`` + ``tail`` as black would write it at ``indent``.

    The first line is returned without its indentation (the template has
    written it); the following lines carry theirs.
    """
    return "\n".join(_lines(indent, head, brackets, tail))[indent:]


def parameters(items: Sequence[Item]) -> Brackets:
    """A def's parameter list, for ``lay_out``."""
    return Brackets("(", tuple(items), ")", signature=True)


def assign(indent: int, target: str, value: str) -> str:
    """``target = value`` at ``indent``: too long, black puts the value in
    parentheses on a line of its own, or else splits the target's subscript."""
    pad = " " * indent
    line = f"{pad}{target} = {value}"
    if len(line) > LINE_LENGTH:
        if len(f"{pad}{target} = (") <= LINE_LENGTH:
            line = f"{pad}{target} = (\n{pad}    {value}\n{pad})"
        elif (nested := _split(target, subscripts=True)) is not None:
            line = "\n".join(_lines(indent, nested.head, nested.brackets, f" = {value}"))
    return line[indent:]


def lay_out_line(indent: int, text: str) -> str:
    """One line of code at ``indent``, split at its last call or display if too long."""
    return "\n".join(_item_lines(indent, text, ""))[indent:]


def import_from(module: str, names: list[str], indent: int = 0) -> str:
    """``from module import names`` at ``indent``, parenthesised one per line when
    too long (the first line without its indentation, as ``lay_out``)."""
    pad = " " * indent
    line = f"{pad}from {module} import {', '.join(names)}"
    if len(line) > LINE_LENGTH:
        names_lines = [f"{pad}    {n}," for n in names]
        line = "\n".join([f"{pad}from {module} import (", *names_lines, f"{pad})"])
    return line[indent:]


def docstring_literal(value: object, indent: int) -> str:
    """Text as a docstring literal, escaped and indented for ``indent``.

    As black writes it: later lines re-indented to the docstring's own
    indentation, and the closing quotes on a line of their own when they
    would make the last line too long.
    """
    lines = docstring(value).split("\n")
    rest = [line for line in lines[1:] if line.strip()]
    common = min((len(line) - len(line.lstrip()) for line in rest), default=0)
    pad = " " * indent
    lines = [lines[0]] + [pad + line[common:] if line.strip() else "" for line in lines[1:]]
    if len(lines) > 1 and len(lines[-1]) + 3 > LINE_LENGTH:
        lines.append(pad)
    return '"""' + "\n".join(lines) + '"""'


def _lines(indent: int, head: str, brackets: Brackets, tail: str) -> list[str]:
    pad = " " * indent
    one_line = pad + head + flat(brackets) + tail
    if len(one_line) <= LINE_LENGTH or not brackets.items:
        return [one_line]
    inner = " " * (indent + _STEP)
    body = ", ".join(flat(i) for i in brackets.items)
    if brackets.signature and len(brackets.items) == 1:
        middle = _item_lines(indent + _STEP, brackets.items[0], ",")
    elif not brackets.display and len(inner + body) <= LINE_LENGTH:
        middle = [inner + body]
    elif len(brackets.items) == 1 and not brackets.display:
        # One argument: nothing to put a comma after, so black splits inside it.
        middle = _item_lines(indent + _STEP, brackets.items[0], "")
    else:
        middle = []
        for item in brackets.items:
            middle += _item_lines(indent + _STEP, item, ",")
    return [pad + head + brackets.opening, *middle, pad + brackets.closing + tail]


def _item_lines(indent: int, item: Item, tail: str, *, subscripts: bool = False) -> list[str]:
    line = " " * indent + flat(item) + tail
    if len(line) <= LINE_LENGTH:
        return [line]
    if isinstance(item, Parameter):
        return _parameter_lines(indent, item, tail)
    nested = item if isinstance(item, Nested) else _split(item, subscripts=subscripts)
    if nested is None:
        return [line]
    return _lines(indent, nested.head, nested.brackets, tail)


def _parameter_lines(indent: int, item: Parameter, tail: str) -> list[str]:
    # Black parenthesises a long annotation and splits it at its last ``|``.
    default = f" = {item.default}" if item.default else ""
    bar = _scan(item.annotation).bar
    if bar < 0:
        nested = _split(item.annotation, subscripts=True)
        if nested is None:
            return [" " * indent + flat(item) + tail]  # left to black
        return _lines(indent, f"{item.name}: {nested.head}", nested.brackets, default + tail)
    annotation, last = item.annotation[:bar].rstrip(), item.annotation[bar + 1 :].strip()
    inner = indent + _STEP
    if len(" " * inner + item.annotation) <= LINE_LENGTH:
        middle = [" " * inner + item.annotation]
    else:
        middle = _item_lines(inner, annotation, "", subscripts=True)
        middle.append(" " * inner + "| " + last)
    return [" " * indent + item.name + ": (", *middle, " " * indent + ")" + default + tail]


_OPENING = {")": "(", "]": "[", "}": "{"}


@dataclass(frozen=True)
class _Scan:
    opened: int  # where the top-level bracket pair that was opened last opens (-1: none)
    commas: tuple[int, ...]  # the commas directly inside that pair
    bar: int  # the last "|" outside every bracket (-1: none)
    balanced: bool


def _scan(text: str) -> _Scan:
    # Strings in forgegen's output are double-quoted JSON-style literals, so
    # brackets, commas and bars inside them are skipped.
    depth = 0
    opened = bar = -1
    commas: list[int] = []
    in_string = escaped = False
    for i, char in enumerate(text):
        if escaped:
            escaped = False
        elif in_string:
            escaped = char == "\\"
            in_string = char != '"'
        elif char == '"':
            in_string = True
        elif char in "([{":
            if depth == 0:
                opened, commas = i, []
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 1:
            commas.append(i)
        elif char == "|" and depth == 0:
            bar = i
    return _Scan(opened, tuple(commas), bar, depth == 0 and not in_string)


def _split(text: str, *, subscripts: bool = False) -> Nested | None:
    """``f(a, g(b))`` → head ``f`` and items ``a``, ``g(b)``.

    None when the text does not end in a call or a display whose brackets
    span to its end (or, unless ``subscripts``, when it ends in a subscript).
    """
    if not text or text[-1] not in _OPENING:
        return None
    scan = _scan(text)
    closing = text[-1]
    if scan.opened < 0 or not scan.balanced or text[scan.opened] != _OPENING[closing]:
        return None
    head = text[: scan.opened]
    # A bracket right after a name or another bracket calls or subscripts it.
    applied = bool(head) and (head[-1].isalnum() or head[-1] in "_)]")
    if closing == ")" and not applied and not scan.commas:
        return None  # a parenthesised expression: black treats those apart
    if closing == "]" and applied and not subscripts:
        return None
    cuts = [scan.opened, *scan.commas, len(text) - 1]
    items = tuple(text[a + 1 : b].strip() for a, b in itertools.pairwise(cuts))
    if not all(items):
        return None  # a trailing comma: black keeps every item on its own line
    return Nested(head, Brackets(text[scan.opened], items, closing, display=not applied))
