"""Is a committed SDK what forgegen would build now? For CI and pre-commit.

The CLI builds into a temporary folder (reading the history of the committed
one, so that its CHANGELOG is carried as a rebuild would carry it) and this
module compares the two trees byte for byte. What installing, building or
testing the SDK leaves in its folder (``ARTIFACTS``) is not part of it: a
``pip install`` of the committed SDK must not make it stale, just as it does
not make ``build`` rebuild.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ARTIFACTS", "Comparison", "compare_trees", "is_artifact"]

# Folders (any depth) and name suffixes of what tools leave beside the sources.
ARTIFACTS = frozenset(
    {"__pycache__", "build", "dist", ".venv", "venv", ".mypy_cache", ".pytest_cache", ".tox"}
)
_ARTIFACT_SUFFIXES = (".egg-info", ".pyc")


def is_artifact(path: str) -> bool:
    """Is this relative POSIX path something tools made, not forgegen or the user?"""
    parts = path.split("/")
    return any(p in ARTIFACTS or p.endswith(_ARTIFACT_SUFFIXES) for p in parts)


def _order(path: str) -> tuple[int, str]:
    """Sources first, then the other files, then forgegen's own records (one long
    JSON line per item): a diff cut at the line limit shows what matters."""
    name = path.rsplit("/", 1)[-1]
    return (2 if name.startswith(".forgegen") else 0 if name.endswith(".py") else 1, path)


@dataclass(frozen=True)
class Comparison:
    problems: tuple[str, ...]  # one line per file that differs, is missing or is extra
    diff: str  # a unified diff of them, cut to the line limit
    kept: tuple[str, ...] = ()  # files the committed manifest does not list: a build keeps them

    @property
    def fresh(self) -> bool:
        return not self.problems


def _files(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    found = {}
    for folder, dirs, names in os.walk(root):
        # Pruned, not filtered: a .venv holds tens of thousands of files.
        dirs[:] = [d for d in dirs if not is_artifact(d)]
        for name in names:
            path = Path(folder, name)
            rel = path.relative_to(root).as_posix()
            if path.is_file() and not is_artifact(rel):
                found[rel] = path.read_bytes()
    return found


def _text(data: bytes) -> list[str] | None:
    try:
        return data.decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return None


def compare_trees(
    built: Path, committed: Path, *, limit: int = 200, owned: Collection[str] | None = None
) -> Comparison:
    """Compare what a build wrote (``built``) with the committed ``committed``.

    ``owned`` lists the files the committed SDK's manifest says forgegen wrote;
    any other committed file is the user's, which a build keeps, so it is not
    a difference (``None``: every file counts)."""
    fresh, old = _files(built), _files(committed)
    problems: list[str] = []
    kept: list[str] = []
    lines: list[str] = []
    for path in sorted(fresh.keys() | old.keys(), key=_order):
        before, after = old.get(path), fresh.get(path)
        if before == after:
            continue
        if after is None and owned is not None and path not in owned and path != ".forgegen.json":
            kept.append(path)
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
    return Comparison(tuple(problems), text, tuple(kept))
