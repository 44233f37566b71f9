"""Is a committed SDK what forgegen would build now? For CI and pre-commit.

The CLI builds into a temporary folder (reading the history of the committed
one, so that its CHANGELOG is carried as a rebuild would carry it) and this
module compares the two trees byte for byte, ``__pycache__`` aside.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Comparison", "compare_trees"]


@dataclass(frozen=True)
class Comparison:
    problems: tuple[str, ...]  # one line per file that differs, is missing or is extra
    diff: str  # a unified diff of them, cut to the line limit

    @property
    def fresh(self) -> bool:
        return not self.problems


def _files(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _text(data: bytes) -> list[str] | None:
    try:
        return data.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return None


def compare_trees(built: Path, committed: Path, *, limit: int = 200) -> Comparison:
    """Compare what a build wrote (``built``) with the committed ``committed``."""
    fresh, old = _files(built), _files(committed)
    problems: list[str] = []
    lines: list[str] = []
    for path in sorted(fresh.keys() | old.keys()):
        before, after = old.get(path), fresh.get(path)
        if before == after:
            continue
        if before is None:
            problems.append(f"missing: {path}")
        elif after is None:
            problems.append(f"not generated: {path}")
        else:
            problems.append(f"differs: {path}")
        a, b = _text(before or b""), _text(after or b"")
        if a is None or b is None:
            lines.append(f"Binary files committed/{path} and built/{path} differ\n")
            continue
        lines.extend(
            difflib.unified_diff(
                a,
                b,
                f"committed/{path}" if before is not None else "/dev/null",
                f"built/{path}" if after is not None else "/dev/null",
            )
        )
    # A line without its newline would run into the next one.
    missing = "\n\\ No newline at end of file\n"
    shown = [line if line.endswith("\n") else line + missing for line in lines]
    text = "".join(shown[:limit])
    if len(shown) > limit:
        text += f"… {len(shown) - limit} more diff lines\n"
    return Comparison(tuple(problems), text)
