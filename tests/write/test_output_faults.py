"""A build that cannot finish writing (permissions, a full disk, Ctrl-C) exits 5 (or
130 when interrupted), leaves the previous output exactly as it was, and leaves
no temporary folder behind. (tests/test_write.py covers ``write_tree`` itself.)
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from forgegen.cli.main import cli
from forgegen.write import tree as writer

REPO = Path(__file__).resolve().parents[2]
GOGS = REPO / "specs" / "mini-gogs.json"
GITEA = REPO / "specs" / "mini-gitea.json"


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FORGEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("black-cache")))
        mp.delenv("FORGEGEN_NO_CACHE", raising=False)
        mp.delenv("FORGEGEN_DEBUG", raising=False)
        yield


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="forgegen")
    assert isinstance(result.exception, (SystemExit, type(None))), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def snapshot(root: Path) -> dict[str, tuple[int, bytes | None]]:
    found: dict[str, tuple[int, bytes | None]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            mode = path.lstat().st_mode
            content = path.read_bytes() if stat.S_ISREG(mode) else None
            found[path.relative_to(root).as_posix()] = (mode, content)
    return found


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if "forgegen-" in p.name)


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, dict[str, tuple[int, bytes | None]]]:
    """An output folder from an earlier build, and its contents."""
    out = tmp_path / "sdk"
    assert run("build", "-q", "--spec", GOGS, "--out", out).exit_code == 0
    return out, snapshot(out)


def failing_on_call(n: int, exc: BaseException) -> Callable[..., None]:
    real = writer._write_file
    calls = 0

    def write_file(*args: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == n:
            raise exc
        real(*args)

    return write_file


def test_full_disk_keeps_the_previous_output(
    previous: tuple[Path, dict[str, tuple[int, bytes | None]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, before = previous
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(writer, "_write_file", failing_on_call(3, full))
    result = run("build", "-q", "--spec", GITEA, "--out", out)
    assert result.exit_code == 5, result.output
    assert result.output == f"Error: cannot write {out}: No space left on device\n"
    assert snapshot(out) == before
    assert leftovers(out.parent) == []


def test_permission_denied_keeps_the_previous_output(
    previous: tuple[Path, dict[str, tuple[int, bytes | None]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent folder is read-only: no temporary folder can be made next to ``out``."""
    out, before = previous
    real = tempfile.mkdtemp

    def mkdtemp(*args: Any, dir: Any = None, **kwargs: Any) -> str:
        if dir is not None and Path(dir) == out.parent:
            raise PermissionError(errno.EACCES, "Permission denied", str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(writer.tempfile, "mkdtemp", mkdtemp)
    result = run("build", "-q", "--spec", GITEA, "--out", out)
    assert result.exit_code == 5, result.output
    assert result.output == f"Error: cannot write {out}: Permission denied ({out.parent})\n"
    assert snapshot(out) == before
    assert leftovers(out.parent) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_parent_keeps_the_previous_output(
    previous: tuple[Path, dict[str, tuple[int, bytes | None]]],
) -> None:
    out, before = previous
    out.parent.chmod(0o500)
    try:
        result = run("build", "-q", "--spec", GITEA, "--out", out)
    finally:
        out.parent.chmod(0o700)
    assert result.exit_code == 5, result.output
    assert "Permission denied" in result.output
    assert snapshot(out) == before
    assert leftovers(out.parent) == []


INTERRUPT = """
import sys
from forgegen.write import tree as writer
from forgegen.cli import main

real, calls = writer._write_file, []

def write_file(*args):
    calls.append(args)
    if len(calls) == 3:
        raise KeyboardInterrupt
    real(*args)

writer._write_file = write_file
sys.argv = ["forgegen", *sys.argv[1:]]
main()
"""


def test_ctrl_c_while_writing_keeps_the_previous_output(
    previous: tuple[Path, dict[str, tuple[int, bytes | None]]],
) -> None:
    out, before = previous
    env = {k: v for k, v in os.environ.items() if k != "FORGEGEN_DEBUG"}
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT, *("build", "-q", "-s", str(GITEA), "-o", str(out))],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "forgegen: interrupted"  # after the line ^C leaves
    assert snapshot(out) == before
    assert leftovers(out.parent) == []
