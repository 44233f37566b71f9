"""Timing and memory helpers: subprocesses measured by wall clock, CPU and peak memory.

Every generator runs in a child process. Its peak memory is read two ways:

- ``maxrss_mib``: the kernel's ``ru_maxrss`` for the child and every
  descendant it waited for, i.e. the largest single process, as GNU time
  reports it. The command runs under ``/usr/bin/time`` (a small C program),
  not straight from this process: Linux counts the RSS of the process that
  forked into a child's ``ru_maxrss`` (it is recorded at ``exec``), so a
  big benchmark process would inflate every reading. Without GNU time, a
  small Python wrapper does the same at the cost of its own ~10 MiB floor.
- ``tree_pss_mib``: the largest sum, over the whole process tree, of each
  process's proportional set size, sampled every ``SAMPLE_S`` seconds from
  ``/proc``. Unlike ru_maxrss it counts worker processes (black runs in a
  pool) and, unlike a sum of RSS, counts pages shared after ``fork`` once.
  Sampling can miss a peak shorter than the interval; it never overstates.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "Measured",
    "count_tree",
    "median",
    "run_measured",
    "time_command",
]

SAMPLE_S = 0.02


@dataclass(frozen=True)
class Measured:
    """One run of a command."""

    wall_s: float
    cpu_s: float  # user + system, of the child and its waited-for descendants
    maxrss_mib: float
    tree_pss_mib: float | None  # None where /proc is not readable
    returncode: int
    stdout: str
    stderr: str

    def check(self, what: str) -> Measured:
        if self.returncode != 0:
            tail = "\n".join((self.stderr or self.stdout).strip().splitlines()[-15:])
            raise RuntimeError(f"{what} failed (exit {self.returncode}):\n{tail}")
        return self


def median(values: Iterable[float]) -> float:
    return float(statistics.median(list(values)))


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.readable = os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")
        self._stop_event = threading.Event()

    def run(self) -> None:
        if not self.readable:
            return
        while not self._stop_event.is_set():
            total = sum(_pss_kib(p) for p in _tree(self.pid))
            self.peak_kib = max(self.peak_kib, total)
            self._stop_event.wait(SAMPLE_S)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def run_measured(
    command: Sequence[str | os.PathLike[str]],
    *,
    env: Mapping[str, str] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    timeout: float = 900.0,
) -> Measured:
    """Run ``command`` to its end and measure it; output is captured to files,
    so a chatty child never blocks on a full pipe."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile("r", suffix=".maxrss") as maxrss,
    ):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*_wrapper(maxrss.name), *(os.fspath(c) for c in command)],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=dict(env) if env is not None else None,
            cwd=cwd,
        )
        sampler = _Sampler(proc.pid)
        sampler.start()
        timer = threading.Timer(timeout, proc.kill)  # this child only, by its id
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        try:
            peak_kib = int(maxrss.read().split()[-1])
        except (ValueError, IndexError):
            peak_kib = usage.ru_maxrss  # the wrapper did not report (killed)
        return Measured(
            wall_s=wall,
            cpu_s=usage.ru_utime + usage.ru_stime,
            maxrss_mib=peak_kib / 1024,  # KiB on Linux
            tree_pss_mib=sampler.peak_kib / 1024 if sampler.readable else None,
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


_PY_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "with open(sys.argv[1], 'w') as f:\n"
    "    f.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
    "sys.exit(code)\n"
)


def _wrapper(report: str) -> list[str]:
    """The command prefix that writes the child's peak RSS (KiB) to ``report``."""
    if os.access("/usr/bin/time", os.X_OK):
        return ["/usr/bin/time", "-f", "%M", "-o", report, "--"]
    return [sys.executable, "-c", _PY_WRAPPER, report]


def time_command(
    command: Sequence[str | os.PathLike[str]],
    *,
    runs: int,
    env: Mapping[str, str] | None = None,
    warmup: int = 1,
) -> list[float]:
    """Wall-clock seconds of ``runs`` fresh runs of a short command (after
    ``warmup`` discarded ones, which also write the bytecode caches)."""
    times = []
    for index in range(warmup + runs):
        start = time.perf_counter()
        done = subprocess.run(
            [os.fspath(c) for c in command],
            env=dict(env) if env is not None else None,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=120,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise RuntimeError(f"{command!r} failed: " + "\n".join(tail))
        if index >= warmup:
            times.append(elapsed)
    return times


@dataclass(frozen=True)
class TreeSize:
    files: int
    bytes: int
    py_files: int
    py_lines: int
    py_bytes: int


def count_tree(root: Path, *, skip: Iterable[str] = ("__pycache__",)) -> TreeSize:
    """Files, bytes, and Python files/lines/bytes under ``root``."""
    skipped = set(skip)
    files = size = py_files = py_lines = py_bytes = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in skipped)
        for name in filenames:
            data = (Path(dirpath) / name).read_bytes()
            files += 1
            size += len(data)
            if name.endswith(".py"):
                py_files += 1
                py_bytes += len(data)
                py_lines += data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)
    return TreeSize(files, size, py_files, py_lines, py_bytes)
