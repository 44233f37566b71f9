"""``--formatter ruff``: the option, the config key, the cache, and a missing ruff."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from forgegen.errors import ForgegenError
from forgegen.format import with_ruff as format_ruff
from forgegen.format.formatters import format_files
from forgegen.release.config import ConfigError, load_config
from releasing import GITEA, private_cache, run

__all__ = ["private_cache"]

UGLY = "x = {  'a':1 }\ndef f(a,b):\n  return a+b\n"
PRETTY = 'x = {"a": 1}\n\n\ndef f(a, b):\n    return a + b\n'


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def no_ruff(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if neither the ruff package nor a ruff on PATH were installed."""
    monkeypatch.setitem(sys.modules, "ruff.__main__", None)  # the import fails
    monkeypatch.setattr(format_ruff.shutil, "which", lambda name: None)


# --- format_files ---------------------------------------------------------------------------


def test_ruff_formats_python_and_passes_other_files_through(tmp_path: Path) -> None:
    files = {"pkg/a.py": UGLY, "README.md": "x = {  'a':1 }\n", "pkg/b.py": "y=[1,\n 2,]\n"}
    out = format_files(files, formatter="ruff", cache_dir=tmp_path)
    assert out == {
        "pkg/a.py": PRETTY,
        "README.md": "x = {  'a':1 }\n",
        "pkg/b.py": "y = [\n    1,\n    2,\n]\n",
    }
    assert list(out) == list(files)


def test_ruff_results_are_cached_apart_from_blacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    format_files({"a.py": UGLY}, formatter="black", cache_dir=tmp_path)
    calls: list[list[str]] = []
    real = format_ruff.run

    def counting(sources: list[str], jobs: int) -> list[tuple[str | None, str | None]]:
        calls.append(list(sources))
        return real(sources, jobs)

    monkeypatch.setattr(format_ruff, "run", counting)
    # black's entry for the same source is not ruff's: the salt names the formatter.
    assert format_files({"a.py": UGLY}, formatter="ruff", cache_dir=tmp_path) == {"a.py": PRETTY}
    assert calls == [[UGLY]]
    assert format_files({"a.py": UGLY}, formatter="ruff", cache_dir=tmp_path) == {"a.py": PRETTY}
    assert calls == [[UGLY]]  # served from the cache


def test_ruff_salt_names_its_version_and_settings() -> None:
    salt = format_ruff.salt()
    version = subprocess.run(
        [format_ruff.binary(), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert salt.split("\0")[:2] == ["ruff", version]
    assert "--line-length\x0088" in salt


def test_ruff_error_names_the_file(tmp_path: Path) -> None:
    files = {"pkg/ok.py": UGLY, "pkg/models/broken.py": "def f(:\n    pass\n", "pkg/z.py": "("}
    with pytest.raises(ForgegenError) as info:
        format_files(files, formatter="ruff", cache_dir=tmp_path)
    message = info.value.message
    assert message.startswith("ruff could not format the generated file pkg/models/broken.py: ")
    assert "Failed to parse at line 1:7" in message
    assert "\n" not in message and info.value.exit_code == 1


def test_missing_ruff_is_one_line_naming_the_fix(no_ruff: None) -> None:
    with pytest.raises(format_ruff.FormatterMissing) as info:
        format_files({"a.py": UGLY}, formatter="ruff")
    assert info.value.exit_code == 2
    assert info.value.message == (
        "--formatter ruff: ruff is not installed; hint: pip install 'forgegen[ruff]'"
    )


def _scratch_parents(monkeypatch: pytest.MonkeyPatch, fail_in_memory: bool = False) -> list[str]:
    """Where each scratch folder of ruff's goes, from now on."""
    parents: list[str] = []
    real = format_ruff._format_in

    def spying(parent: str | None, sources: list[bytes]) -> list[tuple[str | None, str | None]]:
        parents.append(str(parent))
        if fail_in_memory and parent is not None:
            raise OSError(28, "No space left on device")
        return real(parent, sources)

    monkeypatch.setattr(format_ruff, "_format_in", spying)
    return parents


@pytest.mark.skipif(
    not (sys.platform.startswith("linux") and os.access("/dev/shm", os.W_OK | os.X_OK)),
    reason="no /dev/shm to write to (Linux's)",
)
def test_ruff_scratch_folder_is_in_memory_unless_tmpdir_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TMPDIR", raising=False)
    parents = _scratch_parents(monkeypatch)
    assert format_files({"a.py": UGLY}, formatter="ruff", cache_dir=tmp_path / "1") == {
        "a.py": PRETTY
    }
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert format_files({"a.py": UGLY}, formatter="ruff", cache_dir=tmp_path / "2") == {
        "a.py": PRETTY
    }
    assert parents == ["/dev/shm", "None"]
    assert not list(tmp_path.glob("forgegen-ruff-*"))  # and removed after


def test_ruff_scratch_folder_stays_on_disk_without_room_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(format_ruff.os, "statvfs", lambda path: os.statvfs_result((4096,) * 10))
    shm = sys.platform.startswith("linux") and os.access("/dev/shm", os.W_OK | os.X_OK)
    assert format_ruff._scratch_in_memory(1000) == ("/dev/shm" if shm else None)  # 16 MiB free
    assert format_ruff._scratch_in_memory(10_000_000) is None


def test_ruff_formats_on_disk_when_memory_fills_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(format_ruff, "_scratch_in_memory", lambda size: "/dev/shm")
    parents = _scratch_parents(monkeypatch, fail_in_memory=True)
    assert format_files({"a.py": UGLY}, formatter="ruff", cache_dir=tmp_path) == {"a.py": PRETTY}
    assert parents == ["/dev/shm", "None"]


# --- the command line ------------------------------------------------------------------------


def test_build_with_ruff_is_deterministic_and_ruff_clean(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    assert run("build", "-q", "--spec", GITEA, "--out", first, "--formatter", "ruff").exit_code == 0
    assert (
        run("build", "-q", "--spec", GITEA, "--out", second, "--formatter", "ruff").exit_code == 0
    )
    assert tree(first) == tree(second)
    check = subprocess.run(
        # the package's modules: ruff also formats Markdown's code blocks, which
        # the README lays out for reading, not as ruff would
        [format_ruff.binary(), *format_ruff.ARGS, "--check", "gitea_sdk"],
        cwd=first,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_another_formatter_is_another_build(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert run("build", "-q", "--spec", GITEA, "--out", out, "--formatter", "ruff").exit_code == 0
    inputs = json.loads((out / ".forgegen.json").read_text())["inputs_sha256"]
    again = run("build", "--spec", GITEA, "--out", out, "--formatter", "ruff")
    assert "unchanged" in again.stderr
    black = run("build", "--spec", GITEA, "--out", out)  # the default
    assert "unchanged" not in black.stderr
    assert json.loads((out / ".forgegen.json").read_text())["inputs_sha256"] != inputs
    assert "unchanged" in run("build", "--spec", GITEA, "--out", out, "--formatter", "black").stderr


def test_check_takes_the_formatter(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert run("build", "-q", "--spec", GITEA, "--out", out, "--formatter", "ruff").exit_code == 0
    result = run("check", "--spec", GITEA, "--out", out, "--formatter", "ruff")
    assert result.exit_code == 0, result.output
    assert "is up to date" in result.stderr


def test_build_without_ruff_fails_before_writing(tmp_path: Path, no_ruff: None) -> None:
    out = tmp_path / "parent" / "sdk"
    result = run("build", "--spec", GITEA, "--out", out, "--formatter", "ruff")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --formatter ruff: ruff is not installed; hint: pip install 'forgegen[ruff]'\n"
    )
    assert not out.parent.exists()


def test_unknown_formatter_is_a_usage_error(tmp_path: Path) -> None:
    result = run("build", "--spec", GITEA, "--out", tmp_path / "sdk", "--formatter", "yapf")
    assert result.exit_code == 2
    assert "'yapf' is not one of 'black', 'ruff'" in result.stderr


# --- the config file ------------------------------------------------------------------------


def test_config_formatter_key(tmp_path: Path) -> None:
    config = tmp_path / "forgegen.toml"
    config.write_text(
        f'formatter = "ruff"\n\n[[targets]]\nname = "a"\nspec = "{GITEA}"\nout = "a"\n\n'
        f'[[targets]]\nname = "b"\nspec = "{GITEA}"\nout = "b"\nformatter = "black"\n'
    )
    assert [t.formatter for t in load_config(config).targets] == ["ruff", "black"]
    config.write_text(f'[[targets]]\nname = "a"\nspec = "{GITEA}"\nout = "a"\nformatter = "x"\n')
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert info.value.message == f"{config}: targets[0].formatter: 'x' is not one of black, ruff"


def test_build_all_formats_with_the_targets_formatter(tmp_path: Path) -> None:
    config = tmp_path / "forgegen.toml"
    config.write_text(
        f'[[targets]]\nname = "ruff"\nspec = "{GITEA}"\nout = "ruff"\nformatter = "ruff"\n'
    )
    result = run("build", "--all", "-q", "--config", config)
    assert result.exit_code == 0, result.output
    single = tmp_path / "single"
    assert (
        run("build", "-q", "--spec", GITEA, "--out", single, "--formatter", "ruff").exit_code == 0
    )
    assert tree(tmp_path / "ruff") == tree(single)
