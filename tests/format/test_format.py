"""format/: black in-process, a content-hash cache, parallel workers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import black
import pytest

import forgegen.cache
import forgegen.processes
from forgegen.errors import ForgegenError
from forgegen.format import with_black as format_black
from forgegen.format.formatters import format_files

UGLY = "x = {  'a':1 }\ndef f(a,b):\n  return a+b\n"
PRETTY = 'x = {"a": 1}\n\n\ndef f(a, b):\n    return a + b\n'


def module(n: int) -> str:
    return f"class Model{n}:\n  def get(self,key):\n    return {{ 'key':key,'n':{n} }}\n"


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user cache; every test starts cold."""
    monkeypatch.delenv("FORGEGEN_NO_CACHE", raising=False)
    monkeypatch.setenv("FORGEGEN_CACHE_DIR", str(tmp_path / "env-cache"))
    return tmp_path / "env-cache" / "black"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every in-process call to black.format_str."""
    seen: list[str] = []
    real = black.format_str

    def counting(source: str, *, mode: black.Mode) -> str:
        seen.append(source)
        return real(source, mode=mode)

    monkeypatch.setattr(black, "format_str", counting)
    return seen


def test_formats_python_and_passes_other_files_through(tmp_path: Path) -> None:
    files = {"pkg/a.py": UGLY, "README.md": "x = {  'a':1 }\n", "pkg/py.typed": ""}
    out = format_files(files, cache_dir=tmp_path / "c", jobs=1)
    assert out == {"pkg/a.py": PRETTY, "README.md": "x = {  'a':1 }\n", "pkg/py.typed": ""}
    assert list(out) == list(files)  # input order kept


def test_output_is_deterministic_and_valid_python(tmp_path: Path) -> None:
    files = {f"m{n}.py": module(n) for n in range(5)}
    first = format_files(files, cache_dir=tmp_path / "c1", jobs=1)
    second = format_files(files, cache_dir=tmp_path / "c2", jobs=1)
    assert first == second
    for path, text in first.items():
        compile(text, path, "exec")
        assert black.format_str(text, mode=format_black.MODE) == text  # stable


def test_second_call_is_served_from_the_cache(tmp_path: Path, calls: list[str]) -> None:
    files = {"a.py": UGLY, "b.py": module(1)}
    first = format_files(files, cache_dir=tmp_path, jobs=1)
    assert len(calls) == 2
    messages: list[str] = []
    second = format_files(files, cache_dir=tmp_path, jobs=1, progress=messages.append)
    assert len(calls) == 2  # black was not called again
    assert second == first
    assert messages == ["formatting 2 files (2 cached)"]


def test_cache_hit_needs_no_black_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"a.py": UGLY}
    expected = format_files(files, cache_dir=tmp_path, jobs=1)

    def broken(source: str, *, mode: black.Mode) -> str:
        raise AssertionError("black called despite a cache hit")

    monkeypatch.setattr(black, "format_str", broken)
    assert format_files(files, cache_dir=tmp_path, jobs=1) == expected


def test_progress_is_reported_once(tmp_path: Path) -> None:
    messages: list[str] = []
    files = {"a.py": UGLY, "b.py": module(2), "c.txt": "x"}
    format_files({"a.py": UGLY}, cache_dir=tmp_path, jobs=1)
    format_files(files, cache_dir=tmp_path, jobs=1, progress=messages.append)
    assert messages == ["formatting 2 files (1 cached)"]


def test_identical_sources_are_formatted_once(tmp_path: Path, calls: list[str]) -> None:
    files = {"a/__init__.py": UGLY, "b/__init__.py": UGLY}
    out = format_files(files, cache_dir=tmp_path, jobs=1)
    assert out == {"a/__init__.py": PRETTY, "b/__init__.py": PRETTY}
    assert calls == [UGLY]


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    files = {f"pkg/m{n}.py": module(n) for n in range(12)}
    files["pkg/notes.txt"] = "unchanged"
    serial = format_files(files, cache_dir=tmp_path / "c1", jobs=1)
    parallel = format_files(files, cache_dir=tmp_path / "c2", jobs=2)
    assert parallel == serial
    assert list(parallel) == list(files)
    # And a warm cache gives the same again.
    assert format_files(files, cache_dir=tmp_path / "c2", jobs=2) == serial


def test_parallel_results_fill_the_cache(tmp_path: Path, calls: list[str]) -> None:
    files = {f"m{n}.py": module(n) for n in range(4)}
    expected = format_files(files, cache_dir=tmp_path, jobs=2)
    assert calls == []  # the work happened in worker processes
    assert format_files(files, cache_dir=tmp_path, jobs=1) == expected
    assert calls == []  # and landed in the cache


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\xff\xfe not utf-8", b"forgegen-black-cache-1 0000\nx = 1\n", b"random text"],
)
def test_corrupt_cache_entry_is_recomputed(
    tmp_path: Path, calls: list[str], garbage: bytes
) -> None:
    format_files({"a.py": UGLY}, cache_dir=tmp_path, jobs=1)
    [entry] = [p for p in tmp_path.iterdir() if not p.name.startswith(".")]
    entry.write_bytes(garbage)
    assert format_files({"a.py": UGLY}, cache_dir=tmp_path, jobs=1) == {"a.py": PRETTY}
    assert len(calls) == 2  # recomputed, not served
    assert format_files({"a.py": UGLY}, cache_dir=tmp_path, jobs=1) == {"a.py": PRETTY}
    assert len(calls) == 2  # and the entry was repaired


def test_cache_entry_that_is_a_folder_is_ignored(tmp_path: Path, calls: list[str]) -> None:
    format_files({"a.py": UGLY}, cache_dir=tmp_path, jobs=1)
    [entry] = list(tmp_path.iterdir())
    entry.unlink()
    entry.mkdir()
    assert format_files({"a.py": UGLY}, cache_dir=tmp_path, jobs=1) == {"a.py": PRETTY}


def test_cache_leaves_no_temporary_files(tmp_path: Path) -> None:
    format_files({f"m{n}.py": module(n) for n in range(3)}, cache_dir=tmp_path, jobs=1)
    names = [p.name for p in tmp_path.iterdir()]
    assert len(names) == 3
    assert not any(name.startswith(".tmp-") for name in names)


def test_invalid_python_names_the_file(tmp_path: Path) -> None:
    files = {"pkg/ok.py": UGLY, "pkg/models/broken.py": "def f(:\n    pass\n"}
    with pytest.raises(ForgegenError) as info:
        format_files(files, cache_dir=tmp_path, jobs=1)
    message = info.value.message
    assert "pkg/models/broken.py" in message
    assert "cannot parse" in message.lower()
    assert "\n" not in message  # black's first line only
    assert info.value.exit_code == 1


def test_invalid_python_in_parallel_reports_the_first_path(tmp_path: Path) -> None:
    files = {f"m{n}.py": module(n) for n in range(6)}
    files["z_bad.py"] = "class (:\n"
    files["b_bad.py"] = "return return\n"
    with pytest.raises(ForgegenError, match=r"b_bad\.py") as info:
        format_files(files, cache_dir=tmp_path, jobs=2)
    assert "z_bad" not in info.value.message


def test_any_black_exception_becomes_a_forgegen_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exploding(source: str, *, mode: black.Mode) -> str:
        raise RuntimeError("INTERNAL ERROR: unstable formatting\nmore detail")

    monkeypatch.setattr(black, "format_str", exploding)
    with pytest.raises(ForgegenError, match=r"a\.py: INTERNAL ERROR: unstable formatting$"):
        format_files({"a.py": UGLY}, cache_dir=tmp_path, jobs=1)


def test_no_cache_env_disables_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, calls: list[str]
) -> None:
    monkeypatch.setenv("FORGEGEN_NO_CACHE", "1")
    format_files({"a.py": UGLY}, cache_dir=tmp_path / "c", jobs=1)
    format_files({"a.py": UGLY}, cache_dir=tmp_path / "c", jobs=1)
    assert len(calls) == 2
    assert not (tmp_path / "c").exists()


def test_cache_dir_env_is_the_default(isolated_cache: Path, calls: list[str]) -> None:
    format_files({"a.py": UGLY}, jobs=1)
    assert len(list(isolated_cache.iterdir())) == 1
    format_files({"a.py": UGLY}, jobs=1)
    assert len(calls) == 1


def test_cache_dir_that_cannot_be_created_disables_caching(
    tmp_path: Path, calls: list[str]
) -> None:
    # A path under a regular file cannot be created even by root.
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache_dir = blocker / "cache"
    assert format_files({"a.py": UGLY}, cache_dir=cache_dir, jobs=1) == {"a.py": PRETTY}
    assert format_files({"a.py": UGLY}, cache_dir=cache_dir, jobs=1) == {"a.py": PRETTY}
    assert len(calls) == 2


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_cache_dir_disables_caching(tmp_path: Path) -> None:
    cache_dir = tmp_path / "ro"
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        files = {f"m{n}.py": module(n) for n in range(3)}
        assert format_files(files, cache_dir=cache_dir, jobs=1) == format_files(
            files, cache_dir=tmp_path / "rw", jobs=1
        )
    finally:
        cache_dir.chmod(0o700)


def test_failing_cache_write_disables_caching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {f"m{n}.py": module(n) for n in range(3)}
    expected = format_files(files, cache_dir=tmp_path / "good", jobs=1)
    attempts: list[Any] = []

    def full_disk(path: Path, data: bytes) -> None:
        attempts.append(path)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(forgegen.cache, "_write_atomically", full_disk)
    assert format_files(files, cache_dir=tmp_path / "full", jobs=1) == expected
    assert len(attempts) == 1  # gave up on the cache after the first failure


def test_empty_input(tmp_path: Path) -> None:
    messages: list[str] = []
    assert format_files({}, cache_dir=tmp_path, jobs=2, progress=messages.append) == {}
    assert messages == ["formatting 0 files (0 cached)"]


def test_spawned_workers_format_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Where forking is unsafe (other threads, macOS, Windows) workers are spawned.
    files = {f"m{n}.py": module(n) for n in range(4)}
    forked = format_files(files, cache_dir=tmp_path / "c1", jobs=2)
    monkeypatch.setattr(forgegen.processes, "forks", lambda: False)
    assert format_files(files, cache_dir=tmp_path / "c2", jobs=2) == forked


def test_a_module_is_formatted_and_cached_by_top_level_statement(
    tmp_path: Path, calls: list[str]
) -> None:
    source = "x=1\n\n\nclass A:\n  a=1\n\n\nclass B:\n  b=2\n"
    out = format_files({"m.py": source}, cache_dir=tmp_path, jobs=1)
    assert calls == ["x=1\n", "class A:\n  a=1\n", "class B:\n  b=2\n"]
    # A new version of the module reformats only the class that changed.
    changed = source.replace("b=2", "b=3")
    again = format_files({"m.py": changed}, cache_dir=tmp_path, jobs=1)
    assert calls[3:] == ["class B:\n  b=3\n"]
    assert out == {"m.py": black.format_str(source, mode=format_black.MODE)}
    assert again == {"m.py": black.format_str(changed, mode=format_black.MODE)}


def test_an_error_in_a_piece_is_located_in_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = format_black.format_one

    def fussy(source: str) -> tuple[str | None, str | None]:
        # Fails on class B, saying how many lines it was given, as black's line numbers do.
        if "class B" in source:
            return None, f"Cannot parse: {source.count(chr(10))}:0"
        return real(source)

    monkeypatch.setattr(format_black, "format_one", fussy)
    source = "x = 1\n\n\nclass A:\n    pass\n\n\nclass B:\n    pass\n"
    with pytest.raises(ForgegenError) as info:
        format_files({"m.py": source}, cache_dir=tmp_path, jobs=1)
    assert info.value.message == "black could not format the generated file m.py: Cannot parse: 9:0"
