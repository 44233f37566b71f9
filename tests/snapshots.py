"""The one snapshot mechanism: committed text or trees, compared byte for byte.

Set FORGEGEN_UPDATE_SNAPSHOTS=1 to rewrite every snapshot from what the
tests produce instead of comparing.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEXT_SNAPSHOTS = REPO / "tests" / "snapshots"
UPDATE_HINT = 'FORGEGEN_UPDATE_SNAPSHOTS=1 python -m pytest -m "" tests'


def updating() -> bool:
    return os.environ.get("FORGEGEN_UPDATE_SNAPSHOTS") == "1"


def _diff(expected: str, actual: str, name: str, limit: int = 120) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(),
            actual.splitlines(),
            f"committed/{name}",
            f"built/{name}",
            lineterm="",
        )
    )
    shown = "\n".join(lines[:limit])
    more = f"\n… {len(lines) - limit} more diff lines" if len(lines) > limit else ""
    return shown + more


def check_text(name: str, actual: str) -> None:
    path = TEXT_SNAPSHOTS / name
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.relative_to(REPO)}; create it with: {UPDATE_HINT}")
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        pytest.fail(
            f"{name} differs from its snapshot:\n{_diff(expected, actual, name)}\n"
            f"if the change is intended: {UPDATE_HINT}"
        )


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def check_tree(actual: Path, committed: Path) -> None:
    if updating():
        shutil.rmtree(committed, ignore_errors=True)
        shutil.copytree(actual, committed, ignore=shutil.ignore_patterns("__pycache__"))
        return
    if not committed.is_dir():
        pytest.fail(f"no snapshot {committed.relative_to(REPO)}; create it with: {UPDATE_HINT}")
    built, expected = _files(actual), _files(committed)
    problems = [f"missing from the build: {p}" for p in sorted(expected.keys() - built.keys())]
    problems += [f"not in the snapshot: {p}" for p in sorted(built.keys() - expected.keys())]
    for path in sorted(built.keys() & expected.keys()):
        if built[path] != expected[path]:
            problems.append(_diff(expected[path].decode(), built[path].decode(), path))
    if problems:
        pytest.fail("\n".join(problems) + f"\nif the change is intended: {UPDATE_HINT}")
