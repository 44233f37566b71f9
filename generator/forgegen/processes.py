"""How forgegen starts helper processes (black's workers, the validator).

One choice for all of them, made for correctness first: ``fork`` only on
Linux and only while this process runs a single thread (forking a threaded
process can deadlock the child, and Python 3.12+ warns about it), and
``spawn`` otherwise, which is safe everywhere. Forked children start at once
with everything imported and share the parent's memory until they write to
it; spawned ones import what they need and get their arguments pickled.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import multiprocessing.context
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["forks", "ignore_interrupts", "process_context", "start_process", "starting_children"]


def forks() -> bool:
    """Whether ``process_context`` forks (children inherit this process's objects)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def process_context() -> multiprocessing.context.BaseContext:
    return multiprocessing.get_context("fork" if forks() else "spawn")


def start_process(
    target: Callable[..., object], *args: object, name: str
) -> multiprocessing.process.BaseProcess:
    """A daemon child running ``target(*args)``, started with Ctrl-C held back;
    ``target`` should call ``ignore_interrupts`` first."""
    context: Any = process_context()  # typeshed knows Process only on the concrete contexts
    child: multiprocessing.process.BaseProcess = context.Process(
        target=target, args=args, name=name, daemon=True
    )
    with starting_children():
        child.start()
    return child


def ignore_interrupts() -> None:
    """Run first in a child: Ctrl-C reaches every process of the terminal's
    group, and only the parent should stop the build and say so, once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def starting_children() -> Iterator[None]:
    """Wrap the start of child processes.

    Ctrl-C is held back meanwhile (and delivered on leaving), so that a
    forked child cannot get it before it has ignored it. The heap is frozen
    for the garbage collector, so that a forked child's collections leave the
    objects it inherited alone: touching them would copy their pages, and
    each child would soon hold a private copy of this process's memory."""
    gc.freeze()
    held = hasattr(signal, "pthread_sigmask")  # not on Windows, which does not fork
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if held else None
    try:
        yield
    finally:
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        gc.unfreeze()
