"""Hashes that tell whether a rebuild would change anything.

A build records two in its manifest: one of everything that decides its
output (the spec's bytes and shown name, the options, forgegen's version and
the templates, overlay included), and one of the files it wrote. A rebuild
whose inputs hash the same over files that still hash the same has nothing to
do, and is skipped before validating, rendering or formatting.

forgegen's own code is covered by its version number only, so that the
manifest of a committed SDK does not change with every edit to forgegen:
after changing forgegen in place, ``--force`` rebuilds.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

__all__ = ["files_digest", "folder_digest", "inputs_digest", "intact", "tree_digest"]


def inputs_digest(parts: Mapping[str, object]) -> str:
    """A digest of JSON-able build inputs; key order does not matter."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def folder_digest(folder: Path | None) -> str:
    """Every file below ``folder`` by relative path and content, line endings
    normalised (a Windows checkout of the templates hashes the same)."""
    if folder is None:
        return ""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape"))
        digest.update(b"\0" + path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


def tree_digest(files: Mapping[str, str | bytes]) -> str:
    """The written files (relative POSIX path → content), in path order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        content = files[path]
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest.update(path.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def files_digest(root: Path, paths: Iterable[object]) -> str | None:
    """``tree_digest`` of the files as they are on disk now; None if one is
    missing or unreadable."""
    files: dict[str, bytes] = {}
    for path in paths:
        if not isinstance(path, str) or path.startswith("/") or ".." in path.split("/"):
            return None  # the manifest is only trusted to name files inside the folder
        target = root / path
        if target.is_symlink() or not target.is_file():
            return None
        try:
            files[path] = target.read_bytes()
        except OSError:
            return None
    return tree_digest(files)


def intact(root: Path, manifest: Mapping[str, Any] | None, inputs: str) -> Mapping[str, Any] | None:
    """The manifest of the output in ``root`` if it was built from these
    ``inputs`` and its files are as that build wrote them, else None."""
    if manifest is None or manifest.get("inputs_sha256") != inputs:
        return None
    files = manifest.get("files")
    if not isinstance(files, list) or files_digest(root, files) != manifest.get("output_sha256"):
        return None
    return manifest
