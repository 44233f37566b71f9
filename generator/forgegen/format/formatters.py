"""Formats the rendered files with black or ruff, cached by content hash.

Formatting is the slowest stage of a build, and release pipelines rebuild the
same spec again and again, so every result is cached on disk under a key made
of the formatter's name and version, its settings and the source text: an
unchanged spec costs one hash and one file read per piece. black's pieces are
a module's top-level statements (``chunks``), so a new forge version
reformats only the classes that changed; ruff is fast enough to take whole
files. What misses the cache is formatted in parallel; the output never
depends on the cache or on the number of processes.

The cache lives in ``platformdirs.user_cache_dir("forgegen")/<formatter>``;
the ``FORGEGEN_CACHE_DIR`` environment variable moves it and
``FORGEGEN_NO_CACHE=1`` turns it off. The cache is an optimisation only: an
entry that cannot be read or does not check out is recomputed, and a folder
that cannot be written turns caching off for the run instead of failing the
build.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Literal, Protocol, get_args

from forgegen.cache import ContentCache
from forgegen.errors import ForgegenError

__all__ = ["FORMATTERS", "Formatter", "format_files", "require"]

Formatter = Literal["black", "ruff"]
FORMATTERS: tuple[Formatter, ...] = get_args(Formatter)


def require(formatter: Formatter) -> None:
    """Fail now, before any work, if ``formatter`` is not installed (black always is)."""
    if formatter == "ruff":
        from forgegen.format import with_ruff

        with_ruff.binary()


def format_files(
    files: Mapping[str, str],
    *,
    formatter: Formatter = "black",
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
    stop: Callable[[], None] | None = None,
) -> dict[str, str]:
    """Return ``files`` with every ``*.py`` value formatted.

    Other files pass through unchanged; the result keeps the input's order.
    Raises ``ForgegenError`` if the formatter rejects a file: forgegen
    rendered invalid Python, which is a bug in forgegen, not in the spec.
    ``stop`` is called now and then while formatting, and may raise to end it.
    """
    backend = _backend(formatter)
    cache = ContentCache.open(formatter, backend.salt(), cache_dir)
    pieces = {path: backend.split(files[path]) for path in files if path.endswith(".py")}
    done: dict[str, str] = {}  # piece source -> formatted, from the cache or the formatter
    todo: dict[str, None] = {}  # the distinct pieces to format, in a stable order
    for source in (piece for parts in pieces.values() for piece in parts):
        if source in done or source in todo:
            continue  # generated packages repeat pieces (empty __init__.py files)
        hit = cache.get(source)
        if hit is None:
            todo[source] = None
        else:
            done[source] = hit
    if progress is not None:
        cached = sum(all(p in done for p in parts) for parts in pieces.values())
        progress(f"formatting {len(pieces)} files ({cached} cached)")

    failed: dict[str, str] = {}
    sources = list(todo)
    workers = jobs or os.cpu_count() or 1
    outcomes: list[tuple[str | None, str | None]] = []
    if sources:
        outcomes = (
            backend.run(sources, workers) if stop is None else backend.run(sources, workers, stop)
        )
    for source, (formatted, error) in zip(sources, outcomes, strict=True):
        if formatted is None:
            failed[source] = error or "failed"
        else:
            done[source] = formatted
            cache.put(source, formatted)
    # Path order, so that with several broken files the one reported does not
    # depend on the number of workers.
    for path in sorted(pieces):
        error = next((failed[p] for p in pieces[path] if p in failed), None)
        if error is not None:
            if len(pieces[path]) > 1:  # say where in the file, not where in the piece
                error = backend.run([files[path]], 1)[0][1] or error
            raise ForgegenError(f"{formatter} could not format the generated file {path}: {error}")
    result = dict(files)
    for path, parts in pieces.items():
        result[path] = backend.join([done[p] for p in parts])
    return result


class _Backend(Protocol):
    """What ``with_black`` and ``with_ruff`` provide."""

    def salt(self) -> str: ...
    def split(self, source: str) -> list[str]: ...
    def join(self, formatted: list[str]) -> str: ...
    def run(
        self, sources: Sequence[str], jobs: int, stop: Callable[[], None] | None = None
    ) -> list[tuple[str | None, str | None]]: ...


def _backend(formatter: Formatter) -> _Backend:
    # Imported on demand: black takes a tenth of a second to import, and a
    # ruff build needs none of it.
    if formatter == "ruff":
        from forgegen.format import with_ruff

        return with_ruff
    from forgegen.format import with_black

    return with_black
