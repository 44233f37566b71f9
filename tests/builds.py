"""SDK builds shared by every test of one run, keyed by what goes into a build.

Builds are deterministic, so two tests (or two xdist workers) that build the
same spec with the same options get the same tree: the first one builds, and
the others copy its output. The folder lives for one pytest run (conftest.py
names it in ``FORGEGEN_TEST_BUILDS``); the key also hashes forgegen's sources
and templates, so an edit during a run can never be answered from before it.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["ENV", "shared_build"]

ENV = "FORGEGEN_TEST_BUILDS"
REPO = Path(__file__).resolve().parent.parent
# Options whose value points at other files or output: such builds are not shared.
_UNSHARED = ("previous", "templates", "more_specs")


@functools.cache
def _salt() -> str:
    digest = hashlib.sha256()
    for root in (REPO / "generator", REPO / "templates"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jinja", ".toml", ".json"):
                digest.update(str(path.relative_to(REPO)).encode())
                digest.update(path.read_bytes())
    for tool in ("black", "ruff"):
        try:
            digest.update(f"{tool} {metadata.version(tool)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{tool} absent".encode())
    return digest.hexdigest()


def _key(spec: Path | str, package: str | None, options: Mapping[str, Any]) -> str | None:
    path = Path(spec)
    if "://" in str(spec) or not path.is_file() or any(options.get(k) for k in _UNSHARED):
        return None
    digest = hashlib.sha256(_salt().encode())
    digest.update(path.read_bytes())
    digest.update(repr((package, sorted(options.items()))).encode())
    return digest.hexdigest()[:32]


def shared_build(
    build: Callable[[], object],
    spec: Path | str,
    out: Path,
    package: str | None,
    options: Mapping[str, Any],
) -> None:
    """Run ``build`` into ``out``, or copy the tree an identical build made.

    Only a build into a new or empty folder is shared: one into an earlier
    output may carry its history."""
    folder = os.environ.get(ENV)
    key = _key(spec, package, options) if folder else None
    if key is None or folder is None or (out.exists() and any(out.iterdir())):
        build()
        return
    done = Path(folder) / key
    if done.is_dir():
        shutil.copytree(done, out, dirs_exist_ok=True)
        return
    build()
    # Copy aside, then rename: a reader sees a whole tree or none, and when two
    # workers race, the second rename fails and its copy is dropped.
    staging = Path(tempfile.mkdtemp(dir=folder, prefix=f".{key}-"))
    shutil.copytree(out, staging, dirs_exist_ok=True)
    try:
        staging.rename(done)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
