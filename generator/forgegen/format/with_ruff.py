"""``ruff format``, one process over every file, for ``--formatter ruff``.

ruff formats the whole package in about a tenth of a second, where black
takes seconds; its output differs from black's in a few places. It comes from
the ``ruff`` package (``pip install 'forgegen[ruff]'``), else from PATH. The
files go through a temporary folder rather than standard input, one file at
a time: one process is faster than one per file. They are named on the command
line, never found by walking the folder, so no ignore file or exclusion
pattern can skip one, and ``--isolated`` keeps every configuration file out.

That folder lives for a fraction of a second, so on Linux it goes in memory
(``/dev/shm``) when there is room and ``TMPDIR`` names no other place. On
disk, its files cost more than ruff's work: ext4 makes each new file skip
the inodes freed in the last minute, so GitHub's 3,357 files took 2.5 s to
create and made the output's own files, written next, take 4 s more.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence

from forgegen.errors import ForgegenError

__all__ = ["ARGS", "FormatterMissing", "Outcome", "binary", "join", "run", "salt", "split"]

# Memory that the scratch folder may take, as a multiple of the sources' size:
# ruff rewrites a file beside itself before it replaces it.
_HEADROOM = 3
_SHM = "/dev/shm"
ARGS = ("format", "--isolated", "--no-cache", "--line-length", "88", "--target-version", "py310")
Outcome = tuple[str | None, str | None]  # as in with_black


class FormatterMissing(ForgegenError):
    """The chosen formatter is not installed: the command line asks for too much."""

    exit_code = 2


def binary() -> str:
    """The ruff executable; FormatterMissing says how to get one."""
    try:
        from ruff.__main__ import find_ruff_bin  # the package the ruff extra installs

        return os.fsdecode(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        found = shutil.which("ruff")
        if found is None:
            raise FormatterMissing(
                "--formatter ruff: ruff is not installed; hint: pip install 'forgegen[ruff]'"
            ) from None
        return found


@functools.cache
def salt() -> str:
    # The version ruff reports ("ruff 0.6.9") and every argument that shapes its output.
    done = subprocess.run(
        [binary(), "--version"], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    return "\0".join(("ruff", done.stdout.strip(), *ARGS))


def split(source: str) -> list[str]:
    return [source]  # ruff is fast enough to take whole files


def join(formatted: list[str]) -> str:
    return formatted[0]


def run(sources: Sequence[str], jobs: int, stop: Callable[[], None] | None = None) -> list[Outcome]:
    """Each source formatted, in order. ruff spreads the files over the cores itself,
    in one short run: ``stop`` is called once, before it."""
    if stop is not None:
        stop()
    if not sources:
        return []
    encoded = [source.encode("utf-8") for source in sources]
    in_memory = _scratch_in_memory(sum(map(len, encoded)))
    try:
        return _format_in(in_memory, encoded)
    except OSError:
        if in_memory is None:
            raise
        return _format_in(None, encoded)  # /dev/shm filled up meanwhile: disk, then


def _scratch_in_memory(size: int) -> str | None:
    """/dev/shm, if the scratch folder should go there and fits with room to spare."""
    if os.environ.get("TMPDIR") or not sys.platform.startswith("linux"):
        return None
    try:
        stat = os.statvfs(_SHM)
    except OSError:
        return None
    roomy = stat.f_bavail * stat.f_frsize >= _HEADROOM * size
    return _SHM if roomy and os.access(_SHM, os.W_OK | os.X_OK) else None


def _format_in(parent: str | None, sources: Sequence[bytes]) -> list[Outcome]:
    """Format in a scratch folder under ``parent`` (the system's default: None)."""
    names = [f"m{index}.py" for index in range(len(sources))]
    with tempfile.TemporaryDirectory(prefix="forgegen-ruff-", dir=parent) as temp:
        for name, source in zip(names, sources, strict=True):
            with open(os.path.join(temp, name), "wb") as handle:
                handle.write(source)
        try:
            done = subprocess.run(
                [binary(), *ARGS, "--", *names],
                cwd=temp,
                capture_output=True,
                stdin=subprocess.DEVNULL,
            )
        except OSError as exc:
            raise ForgegenError(f"cannot run ruff: {exc}") from None
        problems = _problems(done.stderr.decode("utf-8", "replace"), names)
        if done.returncode != 0 and not problems:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise ForgegenError(
                f"ruff format failed (exit {done.returncode})" + (f": {said[0]}" if said else "")
            )
        found: list[Outcome] = []
        for name in names:
            if name in problems:
                found.append((None, problems[name]))
                continue
            with open(os.path.join(temp, name), "rb") as handle:
                found.append((handle.read().decode("utf-8"), None))
        return found


def _problems(stderr: str, names: Sequence[str]) -> dict[str, str]:
    """File name -> ruff's complaint about it, from lines such as
    ``error: Failed to parse m1.py:1:7: Expected an identifier``."""
    found: dict[str, str] = {}
    for line in stderr.splitlines():
        text = line.removeprefix("error: ")
        for name in names:
            if f" {name}:" in text and name not in found:
                found[name] = text.replace(f" {name}:", " at line ", 1)
    return found
