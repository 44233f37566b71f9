"""write/tree.py: atomic output, a manifest, and no writes outside the folder."""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from forgegen.errors import ForgegenError, OutputError
from forgegen.write import tree as writer
from forgegen.write.tree import MANIFEST, read_manifest, write_tree

FILES: dict[str, str | bytes] = {
    "pkg/__init__.py": "from .client import Client\n",
    "pkg/client.py": "class Client:\n    pass\n",
    "pkg/models/__init__.py": "",
    "pkg/py.typed": "",
    "README.md": "# SDK\n",
}
META = {"spec": {"sha256": "abc", "url": "https://gitea.example.com/swagger.v1.json"}}


def snapshot(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry under root with its mode and bytes: equal snapshots, equal trees."""
    tree: dict[str, tuple[int, bytes | None]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            mode = path.lstat().st_mode
            content = path.read_bytes() if stat.S_ISREG(mode) else None
            tree[path.relative_to(root).as_posix()] = (mode, content)
    return tree


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if "forgegen-" in p.name)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "parent" / "sdk"


def test_fresh_write(out: Path) -> None:
    write_tree(out, FILES, manifest=META)
    assert snapshot(out).keys() == {
        "pkg",
        "pkg/models",
        "pkg/__init__.py",
        "pkg/client.py",
        "pkg/models/__init__.py",
        "pkg/py.typed",
        "README.md",
        MANIFEST,
    }
    for path, content in FILES.items():
        assert (out / path).read_bytes() == (
            content.encode() if isinstance(content, str) else content
        )
    assert stat.S_IMODE(out.stat().st_mode) == 0o755
    assert stat.S_IMODE((out / "pkg/models").stat().st_mode) == 0o755
    assert stat.S_IMODE((out / "pkg/client.py").stat().st_mode) == 0o644
    assert stat.S_IMODE((out / MANIFEST).stat().st_mode) == 0o644
    assert leftovers(out.parent) == []


def test_modes_do_not_depend_on_the_umask(out: Path) -> None:
    old = os.umask(0o077)
    try:
        write_tree(out, FILES, manifest=META)
    finally:
        os.umask(old)
    assert stat.S_IMODE((out / "pkg").stat().st_mode) == 0o755
    assert stat.S_IMODE((out / "README.md").stat().st_mode) == 0o644


def test_text_and_bytes_are_written_as_given(out: Path) -> None:
    files: dict[str, str | bytes] = {
        "crlf.txt": "a\r\nb\n",
        "unicode.py": "name = 'Gitéa ✓'\n",
        "blob.bin": b"\x00\xff\r\n",
    }
    write_tree(out, files, manifest={})
    assert (out / "crlf.txt").read_bytes() == b"a\r\nb\n"
    assert (out / "unicode.py").read_bytes() == "name = 'Gitéa ✓'\n".encode()
    assert (out / "blob.bin").read_bytes() == b"\x00\xff\r\n"


def test_manifest_content_is_deterministic(tmp_path: Path) -> None:
    reordered = dict(reversed(list(FILES.items())))
    meta_reordered = {"spec": {"url": META["spec"]["url"], "sha256": "abc"}}
    write_tree(tmp_path / "a", FILES, manifest=META)
    write_tree(tmp_path / "b", reordered, manifest=meta_reordered)
    first = (tmp_path / "a" / MANIFEST).read_bytes()
    assert first == (tmp_path / "b" / MANIFEST).read_bytes()
    assert first.decode() == (
        "{\n"
        '  "files": [\n'
        '    "README.md",\n'
        '    "pkg/__init__.py",\n'
        '    "pkg/client.py",\n'
        '    "pkg/models/__init__.py",\n'
        '    "pkg/py.typed"\n'
        "  ],\n"
        '  "generator": "forgegen",\n'
        '  "spec": {\n'
        '    "sha256": "abc",\n'
        '    "url": "https://gitea.example.com/swagger.v1.json"\n'
        "  }\n"
        "}\n"
    )


def test_manifest_cannot_override_generator_or_files(out: Path) -> None:
    write_tree(out, {"a.py": ""}, manifest={"generator": "other", "files": ["x"]})
    assert read_manifest(out) == {"generator": "forgegen", "files": ["a.py"]}


def test_unserialisable_manifest_fails_before_writing(out: Path) -> None:
    with pytest.raises(TypeError):
        write_tree(out, FILES, manifest={"when": object()})
    assert not out.parent.exists()


def test_rewrite_over_own_output_removes_stale_files(out: Path) -> None:
    write_tree(out, {**FILES, "pkg/old_api.py": "x = 1\n"}, manifest=META)
    write_tree(out, FILES, manifest=META)
    assert not (out / "pkg/old_api.py").exists()
    assert read_manifest(out) == {**META, "generator": "forgegen", "files": sorted(FILES)}
    assert leftovers(out.parent) == []


def test_files_the_manifest_does_not_list_are_kept(out: Path) -> None:
    write_tree(out, FILES, manifest=META)
    (out / "NOTES.md").write_text("mine\n", encoding="utf-8")
    (out / "pkg" / "extra.py").write_text("y = 2\n", encoding="utf-8")
    (out / "tests" / "deep").mkdir(parents=True)
    (out / "tests" / "deep" / "test_it.py").write_text("", encoding="utf-8")
    kept = write_tree(out, {**FILES, "pkg/new.py": ""}, manifest=META)
    assert kept == ("NOTES.md", "pkg/extra.py", "tests")  # a folder of the user's moves whole
    assert (out / "NOTES.md").read_text(encoding="utf-8") == "mine\n"
    assert (out / "pkg" / "extra.py").read_text(encoding="utf-8") == "y = 2\n"
    assert (out / "tests" / "deep" / "test_it.py").is_file()
    assert read_manifest(out)["files"] == sorted([*FILES, "pkg/new.py"])  # type: ignore[index]
    assert leftovers(out.parent) == []


@pytest.mark.parametrize("where", ["pkg/new.py", "pkg/sub"])
def test_a_user_file_where_a_generated_one_goes_is_refused(out: Path, where: str) -> None:
    write_tree(out, FILES, manifest=META)
    (out / where).write_text("mine\n", encoding="utf-8")
    before = snapshot(out)
    with pytest.raises(OutputError, match=f"{where}: forgegen did not write it, and the new build"):
        write_tree(out, {**FILES, "pkg/new.py": "", "pkg/sub/m.py": ""}, manifest=META)
    assert snapshot(out) == before
    assert leftovers(out.parent) == []


def test_a_carried_file_is_replaced_whoever_wrote_it(out: Path) -> None:
    write_tree(out, FILES, manifest=META)
    (out / "CHANGELOG.md").write_text("# old\n", encoding="utf-8")
    files = {**FILES, "CHANGELOG.md": "# new\n# old\n"}
    assert write_tree(out, files, manifest=META, carried=["CHANGELOG.md"]) == ()
    assert (out / "CHANGELOG.md").read_text(encoding="utf-8") == "# new\n# old\n"


def test_refuses_a_foreign_folder_and_leaves_it_untouched(out: Path) -> None:
    out.mkdir(parents=True)
    (out / "thesis.tex").write_text("years of work\n")
    (out / ".git").mkdir()
    before = snapshot(out)
    with pytest.raises(OutputError, match="was not created by forgegen; refusing") as info:
        write_tree(out, FILES, manifest=META)
    assert "choose an empty or new folder" in info.value.message
    assert info.value.exit_code == 5
    assert snapshot(out) == before
    assert leftovers(out.parent) == []


@pytest.mark.parametrize(
    "manifest_bytes",
    [b'{"generator": "someone-else"}', b"not json", b"[1, 2]", b'"forgegen"'],
)
def test_refuses_a_folder_with_a_foreign_or_broken_manifest(
    out: Path, manifest_bytes: bytes
) -> None:
    out.mkdir(parents=True)
    (out / MANIFEST).write_bytes(manifest_bytes)
    before = snapshot(out)
    with pytest.raises(OutputError, match="not created by forgegen"):
        write_tree(out, FILES, manifest=META)
    assert snapshot(out) == before


def test_replaces_an_empty_folder(out: Path) -> None:
    out.mkdir(parents=True)
    write_tree(out, FILES, manifest=META)
    assert read_manifest(out) is not None
    assert leftovers(out.parent) == []


def test_refuses_a_file(out: Path) -> None:
    out.parent.mkdir(parents=True)
    out.write_text("precious\n")
    with pytest.raises(OutputError, match="is a file"):
        write_tree(out, FILES, manifest=META)
    assert out.read_text() == "precious\n"


def test_refuses_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real"
    write_tree(target, FILES, manifest=META)
    link = tmp_path / "link"
    link.symlink_to(target, target_is_directory=True)
    with pytest.raises(OutputError, match="symbolic link"):
        write_tree(link, {"other.py": ""}, manifest=META)
    assert (target / "pkg/client.py").exists()


@pytest.mark.parametrize(
    "bad",
    [
        "../x",
        "/abs",
        "a/../../b",
        "..",
        "a/..",
        "./a",
        "a//b",
        "a/",
        "",
        "a\\..\\..\\b",
        "a\0b",
        "C:/Windows/x",
        MANIFEST,
    ],
)
def test_unsafe_paths_are_refused_before_anything_is_written(tmp_path: Path, bad: str) -> None:
    out = tmp_path / "parent" / "sdk"
    files: dict[str, str | bytes] = {"pkg/a.py": "x = 1\n", bad: "pwned\n"}
    with pytest.raises(ForgegenError, match="refusing to write"):
        write_tree(out, files, manifest=META)
    assert [p.name for p in tmp_path.iterdir()] == []


def fail_on_call(n: int, exc: BaseException) -> Callable[..., None]:
    """A stand-in for writer._write_file that fails on its n-th call."""
    real = writer._write_file
    count = 0

    def wrapper(*args: Any) -> None:
        nonlocal count
        count += 1
        if count == n:
            raise exc
        real(*args)

    return wrapper


@pytest.fixture
def previous(out: Path) -> dict[str, tuple[int, bytes | None]]:
    """An existing forgegen output, and its snapshot."""
    write_tree(out, {"pkg/old.py": "old = True\n", "README.md": "old\n"}, manifest={"v": 1})
    return snapshot(out)


@pytest.mark.parametrize(
    "exc",
    [OSError(errno.ENOSPC, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-full", "ctrl-c"],
)
@pytest.mark.parametrize("nth", [1, 3, len(FILES) + 1], ids=["first", "middle", "manifest"])
def test_failure_mid_write_leaves_previous_output_untouched(
    out: Path,
    previous: dict[str, tuple[int, bytes | None]],
    monkeypatch: pytest.MonkeyPatch,
    exc: BaseException,
    nth: int,
) -> None:
    monkeypatch.setattr(writer, "_write_file", fail_on_call(nth, exc))
    expected = OutputError if isinstance(exc, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as info:
        write_tree(out, FILES, manifest=META)
    if isinstance(info.value, OutputError):
        assert "No space left on device" in info.value.message
        assert str(out) in info.value.message
    assert snapshot(out) == previous
    assert leftovers(out.parent) == []


@pytest.mark.parametrize(
    "exc",
    [OSError(errno.EACCES, "Permission denied"), KeyboardInterrupt()],
    ids=["denied", "ctrl-c"],
)
def test_failed_swap_moves_the_previous_output_back(
    out: Path,
    previous: dict[str, tuple[int, bytes | None]],
    monkeypatch: pytest.MonkeyPatch,
    exc: BaseException,
) -> None:
    real = writer._rename

    def rename(src: Path, dst: Path) -> None:
        if "forgegen-tmp" in src.name:  # the final swap, after out went to backup
            assert not out.exists()
            raise exc
        real(src, dst)

    monkeypatch.setattr(writer, "_rename", rename)
    with pytest.raises((OutputError, KeyboardInterrupt)):
        write_tree(out, FILES, manifest=META)
    assert snapshot(out) == previous
    assert leftovers(out.parent) == []


def test_failure_on_a_fresh_folder_leaves_nothing(
    out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer, "_write_file", fail_on_call(2, OSError(errno.EIO, "I/O error")))
    with pytest.raises(OutputError, match="I/O error"):
        write_tree(out, FILES, manifest=META)
    assert not out.exists()
    assert leftovers(out.parent) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_unwritable_parent_is_an_output_error(tmp_path: Path) -> None:
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="Permission denied"):
            write_tree(parent / "sdk", FILES, manifest=META)
    finally:
        parent.chmod(0o700)


def test_read_manifest(tmp_path: Path) -> None:
    assert read_manifest(tmp_path / "missing") is None
    assert read_manifest(tmp_path) is None
    (tmp_path / MANIFEST).write_text('{"generator": "forgegen", "files": []}')
    assert read_manifest(tmp_path) == {"generator": "forgegen", "files": []}
    (tmp_path / MANIFEST).write_text('{"generator": "other"}')
    assert read_manifest(tmp_path) is None
    (tmp_path / MANIFEST).write_bytes(b"\xff\xfe")
    assert read_manifest(tmp_path) is None


def test_relative_output_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_tree(Path("sdk"), FILES, manifest=META)
    write_tree(Path("sdk/../sdk"), FILES, manifest=META)
    assert json.loads((tmp_path / "sdk" / MANIFEST).read_text())["files"] == sorted(FILES)
    assert leftovers(tmp_path) == []
