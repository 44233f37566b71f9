"""Validation verdicts: cached by the spec's SHA-256, computed beside the build.

Validating Gitea's spec takes about a second and importing the validator a
few tenths more; a release pipeline rebuilds the same spec again and again.
The verdict (every note and error, with its pointer) is kept in the user
cache, keyed by the spec's bytes and the versions of forgegen and the
validator, and the validator is imported only on a miss.

On a miss a build need not wait for it: ``Verdict(..., background=True)``
validates in a child process while the build parses, renders and formats,
and ``items()`` waits for the answer. The child is forked where that is safe
(``processes``), so it reads the document the parent already holds; it
ignores Ctrl-C, which the parent handles for both, and leaving the ``with``
block early ends it. If the child dies without answering, the parent
validates by itself: a verdict is never lost, only late.
"""

from __future__ import annotations

import importlib.metadata
import json
import multiprocessing.connection
from collections.abc import Mapping
from types import TracebackType
from typing import Any

from . import __version__
from .cache import ContentCache
from .diagnostics import Diagnostic, Diagnostics, Severity
from .processes import ignore_interrupts, start_process

__all__ = ["Verdict", "validate_cached"]

_Row = list[str]  # [severity, pointer, message]: what the cache and the child's pipe carry


def _salt() -> str:
    return f"{__version__}\0{importlib.metadata.version('openapi-spec-validator')}"


def validate_cached(document: Mapping[str, Any], sha256: str, diagnostics: Diagnostics) -> None:
    """Add the validation diagnostics of ``document`` (whose bytes hash to
    ``sha256``) to ``diagnostics``, validating in this process on a miss."""
    with Verdict(document, sha256, background=False) as verdict:
        diagnostics.items.extend(verdict.items())


class Verdict:
    """The validation diagnostics of one spec: cached, computed now, or on their way."""

    def __init__(self, document: Mapping[str, Any], sha256: str, *, background: bool) -> None:
        self._document = document
        self._sha256 = sha256
        self._cache = ContentCache.open("validation", _salt())
        self._items = _decode(self._cache.get(sha256))
        self._child: multiprocessing.process.BaseProcess | None = None
        self._pipe: multiprocessing.connection.Connection | None = None
        if self._items is not None:
            return
        if not background:
            self._keep(_validate(document))
            return
        receive, send = multiprocessing.Pipe(duplex=False)
        try:
            child = start_process(_validate_in_child, document, send, name="forgegen-validate")
        except OSError:  # no process to be had (a limit on processes): validate here
            receive.close()
            self._keep(_validate(document))
            return
        finally:
            send.close()  # the child's end: EOF here when the child is gone
        self._child, self._pipe = child, receive

    def items(self) -> list[Diagnostic]:
        """The verdict, waiting for the child if it is still validating."""
        if self._items is None:
            rows: Any = None
            if self._pipe is not None:
                try:
                    rows = self._pipe.recv()
                except (EOFError, OSError):
                    rows = None  # the child died without a word: validate here
            self._end_child()
            found = _rows(rows)
            self._keep(found if found is not None else _validate(self._document))
        assert self._items is not None
        return list(self._items)

    def __enter__(self) -> Verdict:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._end_child()

    def _keep(self, rows: list[_Row]) -> None:
        self._items = [Diagnostic(Severity(s), p, m) for s, p, m in rows]
        self._cache.put(self._sha256, json.dumps(rows))

    def _end_child(self) -> None:
        child, pipe = self._child, self._pipe
        self._child = self._pipe = None
        if pipe is not None:
            pipe.close()
        if child is not None:
            if child.is_alive():
                child.terminate()  # the build stopped early, or the child is stuck
            child.join()
            child.close()


def _validate(document: Mapping[str, Any]) -> list[_Row]:
    from .validate import validate  # the validator is slow to import

    found = Diagnostics()
    validate(document, found)
    return [[d.severity.value, d.pointer, d.message] for d in found.items]


def _validate_in_child(
    document: Mapping[str, Any], send: multiprocessing.connection.Connection
) -> None:
    ignore_interrupts()
    try:
        send.send(_validate(document))
    except BaseException:  # the parent sees EOF and validates by itself; no traceback here
        pass
    finally:
        send.close()


def _rows(value: Any) -> list[_Row] | None:
    """``value`` if it is a list of [severity, pointer, message] rows, else None."""
    if not isinstance(value, list):
        return None
    try:
        for severity, pointer, message in value:
            Severity(severity)
            if not (isinstance(pointer, str) and isinstance(message, str)):
                return None
    except (ValueError, TypeError):
        return None
    return value


def _decode(entry: str | None) -> list[Diagnostic] | None:
    """A cached verdict, or None for a miss (or an entry from elsewhere)."""
    if entry is None:
        return None
    try:
        rows = _rows(json.loads(entry))
    except ValueError:
        return None
    return None if rows is None else [Diagnostic(Severity(s), p, m) for s, p, m in rows]
