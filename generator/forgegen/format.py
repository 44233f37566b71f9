"""Formats the rendered files with black, in-process, cached by content hash.

Black is the slowest stage of a build, and release pipelines rebuild the same
spec again and again, so every result is cached on disk under a key made of
black's version, the mode and the source text: an unchanged spec costs one
hash and one file read per module. Files that miss the cache are formatted in
parallel across processes; the output never depends on the cache or on the
number of processes.

The cache lives in ``platformdirs.user_cache_dir("forgegen")/black``; the
``FORGEGEN_CACHE_DIR`` environment variable moves it and ``FORGEGEN_NO_CACHE=1``
turns it off. The cache is an optimisation only: an entry that cannot be read
or does not check out is recomputed, and a folder that cannot be written turns
caching off for the run instead of failing the build.
"""

from __future__ import annotations

import concurrent.futures
import functools
import importlib.metadata
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import black
from black.mode import Mode, TargetVersion

from forgegen.cache import ContentCache
from forgegen.errors import ForgegenError

__all__ = ["MODE", "format_files"]

MODE = Mode(target_versions={TargetVersion.PY310}, line_length=88)


# A new black may format differently, and so may another mode: both are in
# every cache key. (Mode's own cache key spells the mode canonically.)
def _salt() -> str:
    return f"{_black_version()}\0{MODE.get_cache_key()}"


def format_files(
    files: Mapping[str, str],
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, str]:
    """Return ``files`` with every ``*.py`` value formatted by black.

    Other files pass through unchanged; the result keeps the input's order.
    Raises ``ForgegenError`` if black rejects a file: forgegen rendered
    invalid Python, which is a bug in forgegen, not in the spec.
    """
    cache = ContentCache.open("black", _salt(), cache_dir)
    result = dict(files)
    todo: dict[str, str] = {}  # path -> source, for the cache misses
    py_paths = [path for path in files if path.endswith(".py")]
    for path in py_paths:
        hit = cache.get(files[path])
        if hit is None:
            todo[path] = files[path]
        else:
            result[path] = hit
    if progress is not None:
        cached = len(py_paths) - len(todo)
        progress(f"formatting {len(py_paths)} files ({cached} cached)")

    # Generated packages repeat small files (empty __init__.py): format each
    # distinct source once.
    sources = list(dict.fromkeys(todo.values()))
    outcomes = dict(zip(sources, _run(sources, jobs or os.cpu_count() or 1), strict=True))
    # Path order, so that with several broken files the one reported does not
    # depend on the number of workers.
    for path in sorted(todo):
        formatted, error = outcomes[todo[path]]
        if formatted is None:
            raise ForgegenError(f"black could not format the generated file {path}: {error}")
        result[path] = formatted
        cache.put(todo[path], formatted)
    return result


# (formatted text, None) on success, (None, black's first message line) on failure.
_Outcome = tuple[str | None, str | None]


def _format_one(source: str) -> _Outcome:
    # Runs in worker processes: return the message instead of raising, so no
    # exception object has to survive pickling back to the parent.
    try:
        return black.format_str(source, mode=MODE), None
    except Exception as exc:  # any black failure is reported the same way
        lines = str(exc).strip().splitlines()
        return None, lines[0] if lines else type(exc).__name__


def _run(sources: list[str], jobs: int) -> list[_Outcome]:
    # format_str does no AST equivalence check (that is format_file_contents
    # with fast=False), which is what we want: tests compile the output anyway.
    if jobs <= 1 or len(sources) <= 1:
        return [_format_one(source) for source in sources]
    workers = min(jobs, len(sources))
    # Several files per task keeps pickling overhead down for small modules.
    chunk = max(1, len(sources) // (workers * 4))
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_format_one, sources, chunksize=chunk))


@functools.cache
def _black_version() -> str:
    # A new black may format differently, so its version is part of every key.
    return importlib.metadata.version("black")
