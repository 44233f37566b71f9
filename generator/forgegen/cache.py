"""A content-addressed cache of text in the user's cache folder.

Keys are hashed with a salt naming everything that could change the value
(tool versions, settings), so a stale entry is never found, only missed.
Two builds may share the folder at once: writes are atomic renames, and an
entry that was cut short or altered reads as a miss.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import platformdirs

__all__ = ["ContentCache", "cache_root"]

_MAGIC = "forgegen-cache-1"


def cache_root() -> Path | None:
    """``$FORGEGEN_CACHE_DIR``, else the user cache folder; None when
    ``FORGEGEN_NO_CACHE`` is set."""
    if os.environ.get("FORGEGEN_NO_CACHE", "") not in ("", "0"):
        return None
    env = os.environ.get("FORGEGEN_CACHE_DIR")
    return Path(env) if env else Path(platformdirs.user_cache_dir("forgegen"))


class ContentCache:
    def __init__(self, folder: Path | None, salt: str) -> None:
        self.folder = folder  # None: caching is off
        self._salt = salt

    @classmethod
    def open(cls, kind: str, salt: str, folder: Path | None = None) -> ContentCache:
        """The cache of one kind of value; ``folder`` overrides where it lives."""
        if folder is None:
            root = cache_root()
            if root is None:
                return cls(None, salt)
            folder = root / kind
        elif cache_root() is None:
            return cls(None, salt)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return cls(None, salt)
        return cls(folder, salt)

    def _entry(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        digest = hashlib.sha256(f"{self._salt}\0".encode())
        digest.update(key.encode("utf-8", "surrogatepass"))
        return self.folder / digest.hexdigest()

    def get(self, key: str) -> str | None:
        entry = self._entry(key)
        if entry is None:
            return None
        try:
            header, _, text = entry.read_bytes().decode("utf-8").partition("\n")
        except (OSError, ValueError):
            return None  # missing, unreadable or not UTF-8: a miss
        return text if header == f"{_MAGIC} {_hash(text)}" else None

    def put(self, key: str, value: str) -> None:
        entry = self._entry(key)
        if entry is None:
            return
        try:
            _write_atomically(entry, f"{_MAGIC} {_hash(value)}\n{value}".encode())
        except (OSError, ValueError):
            self.folder = None  # not writable: stop trying for this run


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
