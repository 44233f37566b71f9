"""black, in-process, over pieces of modules spread across worker processes.

``format.py`` caches; this module only formats. Big modules are cut at
top-level statements (``chunks``) first: the pieces spread over every core,
small pieces keep each worker's memory small (black holds a whole syntax tree
per call), and a piece black leaves as it is costs one pass instead of two.
"""

from __future__ import annotations

import concurrent.futures
import functools
import importlib.metadata
import os
from collections.abc import Callable, Sequence

import black
from black.mode import Mode, TargetVersion

from forgegen.format.chunks import join_pieces, split_module
from forgegen.processes import ignore_interrupts, process_context, starting_children

__all__ = ["MODE", "Outcome", "join", "run", "salt", "split"]

MODE = Mode(target_versions={TargetVersion.PY310}, line_length=88)

# (formatted text, None) on success, (None, the formatter's first message line) on failure.
Outcome = tuple[str | None, str | None]

split = split_module
join = join_pieces


@functools.cache
def salt() -> str:
    # A new black may format differently, and so may another mode: both are in
    # every cache key. (Mode's own cache key spells the mode canonically.)
    return f"black\0{importlib.metadata.version('black')}\0{MODE.get_cache_key()}"


def format_one(source: str) -> Outcome:
    # Runs in worker processes: return the message instead of raising, so no
    # exception object has to survive pickling back to the parent.
    # format_str does no AST equivalence check (that is format_file_contents
    # with fast=False), which is what we want: tests compile the output anyway.
    try:
        return black.format_str(source, mode=MODE), None
    except Exception as exc:  # any black failure is reported the same way
        lines = str(exc).strip().splitlines()
        return None, lines[0] if lines else type(exc).__name__


def run(sources: Sequence[str], jobs: int, stop: Callable[[], None] | None = None) -> list[Outcome]:
    """Each source formatted, in order; across ``jobs`` processes. ``stop`` is
    called between pieces, and may raise to end the work early."""
    check = stop or (lambda: None)
    if jobs <= 1 or len(sources) <= 1:
        outcomes = []
        for source in sources:
            check()
            outcomes.append(format_one(source))
        return outcomes
    # Longest first, one piece per task: the last tasks are small, so the
    # workers finish together (the IPC per task is tiny next to black's work).
    order = sorted(range(len(sources)), key=lambda i: -len(sources[i]))
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=min(jobs, len(sources)),
        mp_context=process_context(),
        initializer=_worker_starts,
    )
    try:
        with starting_children():  # forks the workers (submits every piece)
            results = pool.map(format_one, [sources[i] for i in order])
        done = []
        for outcome in results:
            check()
            done.append(outcome)
    except BaseException:
        # Ctrl-C or a dead worker: drop what is queued; running pieces are short.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    found: list[Outcome] = [(None, None)] * len(sources)
    for index, outcome in zip(order, done, strict=True):
        found[index] = outcome
    return found


def _worker_starts() -> None:
    ignore_interrupts()
    # Yield to the validator when it runs beside us: its verdict is awaited
    # before writing, and its memory is freed the sooner it is done. The work
    # to do is the same, so the cores stay as busy.
    if hasattr(os, "nice"):
        os.nice(5)
