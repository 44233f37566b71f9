"""Split a module at top-level ``class``/``def`` boundaries that black keeps as they are.

Black is the slowest stage of a build, and a generated module is mostly a
long run of independent classes (``models.py``) or methods' classes. Cut into
pieces, a big module spreads over every core, each piece is cached on its
own (a new forge version reformats only the classes that changed), and black
runs its second, checking pass only over the pieces its first pass changed.

This is only worth doing if the pieces, formatted one by one and joined, are
byte for byte what black makes of the whole module. Black decides the blank
lines before a top-level ``class``/``def``/decorator from the line before it
alone (``EmptyLineTracker``): two, unless that line is a decorator, a
comment, or a one-line stub with no blank line after it. So a module is cut
only before such a statement whose preceding lines, back to the end of the
previous statement, are all blank (at least one), and the pieces are joined
with two blank lines. Anything that makes black look further than one
statement (``# fmt:`` / ``# yapf:`` switches, form feeds, backslash
continuations, other line endings) keeps the module whole. ``tests/test_chunks.py``
checks the promise on every module of the real specs' SDKs.
"""

from __future__ import annotations

import ast
import itertools

__all__ = ["SEPARATOR", "join_pieces", "split_module"]

SEPARATOR = "\n\n"  # after a piece's final newline: the two blank lines black puts there
_WHOLE = ("fmt:", "yapf:", "\f", "\r", "\\\n")
_DEFS = (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def split_module(source: str) -> list[str]:
    """``source`` cut before every top-level statement where that is safe;
    ``[source]`` when it cannot be cut at all."""
    if any(marker in source for marker in _WHOLE):
        return [source]
    try:
        body = ast.parse(source).body
    except (SyntaxError, ValueError):
        return [source]  # black will say what is wrong with it
    # Lines as the parser counts them: str.splitlines would also break at
    # U+2028 and the like, which a docstring may hold.
    lines = source.split("\n")
    cuts: list[tuple[int, int]] = []  # (0-based line after a piece, line that starts the next)
    for previous, node in itertools.pairwise(body):
        if not isinstance(node, _DEFS):
            continue
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1
        end = previous.end_lineno or previous.lineno  # 1-based, inclusive
        gap = lines[end:first]
        if not gap or any(line.strip() for line in gap):
            continue  # no blank line, or a comment: black looks across it
        cuts.append((end, first))
    starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]
    # A piece stops at its last statement's line end: the blank lines between
    # pieces are the join's, so a piece already in black's style stays as it is
    # (and costs black one pass, not two).
    bounds = [0, *(starts[i] for cut in cuts for i in cut), len(source)]
    return [source[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True)]


def join_pieces(formatted: list[str]) -> str:
    """The formatted pieces of one module, as black formats the whole."""
    return SEPARATOR.join(formatted)
