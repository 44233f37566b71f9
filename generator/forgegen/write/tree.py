"""Writes a generated tree atomically, and only over folders forgegen owns.

The tree is written into a temporary sibling of the output folder and then
renamed into place, so a failed or interrupted build leaves the previous
output exactly as it was. A manifest, ``.forgegen.json``, marks the folders
forgegen created: an existing folder is replaced only if it carries one or is
empty, so a mistyped ``--output`` can never delete someone's work. Inside a
folder it owns, forgegen replaces only the files its manifest lists: anything
else (a user's own files, what ``pip install`` or a test run left) is moved
into the new output as it is, and a file in the way of a generated one stops
the build before anything changes.

Paths come from names in an untrusted spec, so every one is checked to stay
inside the output folder before anything touches the disk.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from forgegen.errors import ForgegenError, OutputError

__all__ = ["MANIFEST", "read_manifest", "write_tree"]

MANIFEST = ".forgegen.json"

_GENERATOR = "forgegen"
# A Windows drive ("C:") or alternate data stream would escape the folder there.
_UNSAFE_CHARS = re.compile(r"[\\\0:]")


def write_tree(
    out: Path,
    files: Mapping[str, str | bytes],
    *,
    manifest: Mapping[str, Any],
    carried: Collection[str] = (),
) -> tuple[str, ...]:
    """Replace ``out`` with ``files`` plus a manifest, or leave it untouched.

    ``files`` maps relative POSIX paths to text (written as UTF-8, newlines as
    given) or bytes. ``manifest`` is recorded in ``.forgegen.json`` together
    with the generator name and the sorted file list. Returns the paths (files
    or whole folders) that forgegen did not write and kept. ``carried`` names
    files whose old content ``files`` carries forward (CHANGELOG.md): replacing
    them loses nothing, whoever wrote them.
    """
    for path in files:
        _check_path(path)
    # Serialising first means a manifest that is not JSON fails before any I/O.
    manifest_text = _render_manifest(files, manifest)
    # Absolute and normalised, so "." or "x/.." still has a name and a parent.
    out = Path(os.path.abspath(out))
    try:
        existing = _claim(out)
        kept = _foreign(out, files, carried) if existing else []
        out.parent.mkdir(parents=True, exist_ok=True)
        _swap_in(out, files, manifest_text, existing, kept)
        return tuple(kept)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}{where}") from exc


def _render_manifest(files: Mapping[str, object], manifest: Mapping[str, Any]) -> str:
    """The manifest's exact text: sorted keys and files, so equal input gives equal bytes."""
    data = {**manifest, "generator": _GENERATOR, "files": sorted(files)}
    return json.dumps(data, sort_keys=True, indent=2) + "\n"


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of a folder forgegen wrote, or None if it has no valid one."""
    try:
        data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get("generator") == _GENERATOR:
        return data
    return None


def _check_path(path: str) -> None:
    parts = path.split("/")
    if (
        not path
        or path.startswith("/")
        or _UNSAFE_CHARS.search(path)
        or any(part in ("", ".", "..") for part in parts)
    ):
        raise ForgegenError(f"refusing to write {path!r}: not a plain relative path")
    if path == MANIFEST:
        raise ForgegenError(f"refusing to write {path!r}: the name is reserved for the manifest")


def _claim(out: Path) -> bool:
    """Check that ``out`` may be replaced; return whether it exists."""
    if out.is_symlink():
        # Renaming the link would leave its target behind with stale files.
        raise OutputError(f"{out} is a symbolic link; pass the folder it points to instead")
    if not out.exists():
        return False
    if not out.is_dir():
        raise OutputError(f"{out} is a file, not a folder")
    if read_manifest(out) is None and any(out.iterdir()):
        raise OutputError(
            f"{out} was not created by forgegen; refusing to replace it: "
            "choose an empty or new folder"
        )
    return True


def _prefixes(paths: Iterable[str]) -> set[str]:
    """Every folder above the given relative paths."""
    return {p.rsplit("/", i)[0] for p in paths for i in range(1, p.count("/") + 1)}


def _foreign(out: Path, files: Mapping[str, object], carried: Collection[str]) -> list[str]:
    """What in ``out`` the last build did not write, as the files and whole
    folders to carry over; an OutputError if one stands where a generated
    file or folder goes."""
    manifest = read_manifest(out) or {}
    listed = manifest.get("files")
    owned = {p for p in listed if isinstance(p, str)} if isinstance(listed, list) else set()
    owned_dirs, new_dirs = _prefixes(owned), _prefixes(files)
    found: list[str] = []

    def visit(folder: Path, prefix: str) -> None:
        for entry in sorted(folder.iterdir()):
            rel = prefix + entry.name
            if rel == MANIFEST or rel in owned or rel in carried:
                continue
            folder_of_ours = rel in new_dirs or rel in owned_dirs
            if folder_of_ours and entry.is_dir() and not entry.is_symlink():
                visit(entry, rel + "/")
                continue
            if rel in files or rel in new_dirs:
                raise OutputError(
                    f"{out / rel}: forgegen did not write it, and the new build writes "
                    f"{rel} there; refusing to replace it: move it away or delete it"
                )
            found.append(rel)

    visit(out, "")
    return found


def _carry(backup: Path, out: Path, kept: Sequence[str]) -> None:
    """Move what the user had in the old output into the new one."""
    for rel in kept:
        target = out / rel
        _make_dirs(out, target.parent)
        _rename(backup / rel, target)


def _swap_in(
    out: Path,
    files: Mapping[str, str | bytes],
    manifest_text: str,
    existing: bool,
    kept: Sequence[str] = (),
) -> None:
    temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.forgegen-tmp-", dir=out.parent))
    backup = out.parent / f".{out.name}.forgegen-old-{secrets.token_hex(4)}"
    try:
        os.chmod(temp, 0o755)  # mkdtemp makes it private; the output is not
        for path in sorted(files):
            _write_file(temp, path, files[path])
        _write_file(temp, MANIFEST, manifest_text)
        if existing:
            _rename(out, backup)
        _rename(temp, out)
    finally:
        # Decide from the disk, not from flags: an interrupt can land between
        # a rename and the line after it.
        if temp.exists():  # never swapped in: put the old output back
            _restore(backup, out)
            shutil.rmtree(temp, ignore_errors=True)
        elif backup.exists():
            try:
                _carry(backup, out, kept)
            except OSError as exc:
                # The old output stays where it is, with everything not yet moved.
                raise OutputError(
                    f"wrote {out}, but cannot move files forgegen did not write into it "
                    f"from the previous output, kept in {backup}: {exc.strerror or exc}"
                ) from exc
            _discard(backup, out)


def _restore(backup: Path, out: Path) -> None:
    if not backup.exists() or out.exists():
        return
    try:
        _rename(backup, out)
    except OSError as exc:
        raise OutputError(
            f"cannot write {out}, nor move the previous output back from {backup}: "
            f"{exc.strerror or exc}"
        ) from exc


def _discard(backup: Path, out: Path) -> None:
    try:
        shutil.rmtree(backup)
    except OSError as exc:
        raise OutputError(
            f"wrote {out}, but cannot remove the previous output moved to {backup}: "
            f"{exc.strerror or exc}"
        ) from exc


def _write_file(root: Path, path: str, content: str | bytes) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    target = root / path
    _make_dirs(root, target.parent)
    # Binary mode: newlines are written exactly as rendered, on every platform.
    with open(target, "xb") as handle:
        handle.write(data)
    os.chmod(target, 0o644)  # the same bits whatever the umask


def _make_dirs(root: Path, folder: Path) -> None:
    missing: list[Path] = []
    while folder != root and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        os.chmod(path, 0o755)  # the same bits whatever the umask


def _rename(src: Path, dst: Path) -> None:
    # os.rename, not os.replace: it never clobbers a folder on Windows, and
    # tests patch this one place to simulate a failed swap.
    os.rename(src, dst)
