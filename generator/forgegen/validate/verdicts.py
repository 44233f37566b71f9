"""Validation verdicts: cached by the spec's SHA-256, computed beside the build.

Validating Gitea's spec takes about a second and importing the validator a
few tenths more; a release pipeline rebuilds the same spec again and again.
The verdict (every note and error, with its pointer) is kept in the user
cache, keyed by the spec's bytes and the versions of forgegen and the
validator, and the validator is imported only on a miss.

On a miss a build need not wait for it: ``Verdict(..., background=True)``
validates in child processes while the build parses, renders and formats,
and ``items()`` waits for the answer. The validator's two passes (the
meta-schema, then the keyword walk; 0.03 s and 0.5 s on Gitea 1.25 when
jsonschema-rs finds the spec valid, see ``fast``) run in a child each, since
on an invalid spec jsonschema's meta-schema pass takes longer than the walk
(0.7 s on Gitea 1.25, 10 s on GitHub's spec). The children are forked
where that is safe (``processes``), so they read the document the parent
already holds; they ignore Ctrl-C, which the parent handles for all, and
leaving the ``with`` block early ends them. If a child dies without
answering, the parent runs its pass by itself: a verdict is never lost,
only late.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from forgegen import __version__
from forgegen.cache import ContentCache
from forgegen.diagnostics import Diagnostic, Diagnostics, Severity
from forgegen.errors import SpecError
from forgegen.load.source import SpecSource
from forgegen.processes import ignore_interrupts, start_process
from forgegen.validate.shared import Seen

__all__ = ["Verdict", "judge_all", "judge_verdict", "start_all", "validate_cached"]

_Row = list[str]  # [severity, pointer, message]: what the cache and the children's pipes carry

# openapi-spec-validator's passes, in order (``validator.validate``'s ``passes``).
PASSES = ("schema", "keywords")


def _salt() -> str:
    versions = (importlib.metadata.version(n) for n in ("openapi-spec-validator", "jsonschema-rs"))
    return "\0".join((__version__, *versions))


def validate_cached(document: Mapping[str, Any], sha256: str, diagnostics: Diagnostics) -> None:
    """Add the validation diagnostics of ``document`` (whose bytes hash to
    ``sha256``) to ``diagnostics``, validating in this process on a miss."""
    with Verdict(document, sha256, background=False) as verdict:
        diagnostics.items.extend(verdict.items())


def start_all(
    stack: contextlib.ExitStack[Any], specs: Sequence[SpecSource], *, background: bool
) -> list[tuple[str, Verdict]]:
    """The verdicts of several versions of a spec, newest first, each with its
    origin; the older ones only for what they do not share (``shared``)."""
    seen = Seen()
    verdicts = []
    for spec in specs:
        verdict = Verdict(spec.document, spec.sha256, background=background, seen=seen)
        verdicts.append((spec.origin, stack.enter_context(verdict)))
    return verdicts


def judge_verdict(
    found: list[Diagnostic], origin: str, ignore: bool, error_limit: int | None, hint: str
) -> None:
    """Raise the SpecError that lists every validation error, unless told to go on."""
    errors = [d.format(origin) for d in found if d.severity is Severity.ERROR]
    if errors and not ignore:
        limit = len(errors) if error_limit is None else error_limit
        shown = "\n".join(errors[:limit])
        more = f"\n… and {len(errors) - limit} more" if len(errors) > limit else ""
        raise SpecError(f"the spec is not valid ({len(errors)} error(s)):\n{shown}{more}{hint}")


def judge_all(
    verdicts: Sequence[tuple[str, Verdict]],
    judge: Callable[[list[Diagnostic], str], None],
    *,
    only_failing: bool = False,
) -> None:
    """``judge`` each verdict with its origin, waiting for it; with ``only_failing``,
    only those already known to reject their spec (``Verdict.failing``), without waiting."""
    for origin, verdict in verdicts:
        if not only_failing or verdict.failing():
            judge(verdict.items(), origin)


class Verdict:
    """The validation diagnostics of one spec: cached, computed now, or on their way.

    ``seen`` is what other specs of the same build had (``shared.Seen``): what
    this one shares with them is left out, and the verdict is cached apart
    from the whole spec's. A whole spec's cached verdict is used all the same.
    """

    def __init__(
        self,
        document: Mapping[str, Any],
        sha256: str,
        *,
        background: bool,
        seen: Seen | None = None,
    ) -> None:
        self._sha256 = sha256
        self._cache = ContentCache.open("validation", _salt())
        self._items = _decode(self._cache.get(sha256))
        self._children: list[_Child] = []
        self._documents = {name: document for name in PASSES}
        digest = None
        if seen is not None:
            schema, keywords, digest = seen.reduce(document)
        if self._items is None and digest is not None:
            self._documents = {"schema": schema, "keywords": keywords}
            self._sha256 = f"{sha256}-without-{digest}"
            self._items = _decode(self._cache.get(self._sha256))
        if self._items is not None:
            return
        if not background:
            self._keep(self._validate_here())
            return
        # Imported once here rather than in each child (0.2 s of CPU apiece): a
        # forked child starts validating at once, and shares these modules' memory.
        from forgegen.validate import validator  # noqa: F401

        for name in PASSES:
            child = _Child.start(self._documents[name], name)
            if child is None:  # no process to be had (a limit on processes): validate here
                self._keep(self._validate_here())
                self._end_children()
                return
            self._children.append(child)

    def items(self) -> list[Diagnostic]:
        """The verdict, waiting for the children if they are still validating."""
        if self._items is None:
            halves = [child.result(self._documents[child.name]) for child in self._children]
            self._end_children()
            self._keep(_merged(halves))
        assert self._items is not None
        return list(self._items)

    def failing(self) -> bool:
        """Whether what has come of the verdict so far rejects the spec; never waits.

        The meta-schema pass comes first in the verdict, so its errors are
        final on their own; the keyword pass's count once both are in."""
        if self._items is not None:
            return any(d.severity is Severity.ERROR for d in self._items)
        halves = [child.poll() for child in self._children]
        known = [h for h in halves if h is not None]
        if halves and halves[0] is not None and _has_error(halves[0][0]):
            return True
        return len(known) == len(halves) > 0 and _has_error(_merged(known))

    def __enter__(self) -> Verdict:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._end_children()

    def _validate_here(self) -> list[_Row]:
        return _merged([_validate_half(self._documents[name], name) for name in PASSES])

    def _keep(self, rows: list[_Row]) -> None:
        self._items = [Diagnostic(Severity(s), p, m) for s, p, m in rows]
        self._cache.put(self._sha256, json.dumps(rows))

    def _end_children(self) -> None:
        children, self._children = self._children, []
        for child in children:
            child.end()


class _Child:
    """One pass of the validator, running in a child process."""

    def __init__(
        self, name: str, process: multiprocessing.process.BaseProcess, pipe: Connection
    ) -> None:
        self.name, self._process, self._pipe = name, process, pipe
        self._answer: _Half | None = None

    @classmethod
    def start(cls, document: Mapping[str, Any], name: str) -> _Child | None:
        receive, send = multiprocessing.Pipe(duplex=False)
        try:
            process = start_process(
                _validate_in_child, document, name, send, name=f"forgegen-validate-{name}"
            )
        except OSError:
            receive.close()
            return None
        finally:
            send.close()  # the child's end: EOF here when the child is gone
        return cls(name, process, receive)

    def poll(self) -> _Half | None:
        """The pass's answer if it has come (or the child died: then None still)."""
        if self._answer is None:
            try:
                if self._pipe.poll():
                    self._answer = _half(self._pipe.recv())
            except (EOFError, OSError):
                pass  # the child died without a word: ``result`` validates here
        return self._answer

    def result(self, document: Mapping[str, Any]) -> _Half:
        """The pass's rows and whether it finished; run here if the child died."""
        if self._answer is not None:
            return self._answer
        try:
            answer: Any = self._pipe.recv()
        except (EOFError, OSError):
            answer = None  # the child died without a word
        half = _half(answer)
        return half if half is not None else _validate_half(document, self.name)

    def end(self) -> None:
        self._pipe.close()
        if self._process.is_alive():
            self._process.terminate()  # the build stopped early, or the child is stuck
        self._process.join()
        self._process.close()


# A pass's rows, and whether it ran to its end (``validator.merge`` drops what follows if not).
_Half = tuple[list[_Row], bool]


def _validate(document: Mapping[str, Any], passes: Sequence[str]) -> list[_Row]:
    return _merged([_validate_half(document, name) for name in passes])


def _validate_half(document: Mapping[str, Any], name: str) -> _Half:
    from forgegen.validate.validator import validate

    found = Diagnostics()
    finished = validate(document, found, (name,))
    return [[d.severity.value, d.pointer, d.message] for d in found.items], finished


def _merged(halves: list[_Half]) -> list[_Row]:
    """Passes run apart, as one run of both gives them: in pass order, one row per
    pointer, and nothing after a pass that stopped early."""
    merged: list[_Row] = []
    seen: set[str] = set()
    for rows, finished in halves:
        fresh = [row for row in rows if row[1] not in seen]
        merged += fresh
        seen.update(row[1] for row in fresh)
        if not finished:
            break
    return merged


def _has_error(rows: list[_Row]) -> bool:
    return any(row[0] == Severity.ERROR.value for row in rows)


def _validate_in_child(document: Mapping[str, Any], name: str, send: Connection) -> None:
    ignore_interrupts()
    try:
        send.send(_validate_half(document, name))
    except BaseException:  # the parent sees EOF and validates by itself; no traceback here
        pass
    finally:
        send.close()


def _half(value: Any) -> _Half | None:
    """``value`` if it is (rows, finished) as a child sends it, else None."""
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], bool)):
        return None
    rows = _rows(value[0])
    return None if rows is None else (rows, value[1])


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
