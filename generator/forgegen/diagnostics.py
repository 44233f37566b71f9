"""Notes, warnings and errors about a spec, each tied to a JSON pointer."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from forgegen.literals import terminal

__all__ = ["Diagnostic", "Diagnostics", "Severity", "pointer"]


def pointer(parts: Iterable[str | int]) -> str:
    """Join path parts into an RFC 6901 JSON pointer (``/paths/~1repos/get``)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class Severity(enum.Enum):
    NOTE = "note"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    pointer: str
    message: str

    def format(self, origin: str = "") -> str:
        where = f"{origin}#{self.pointer}" if origin else (self.pointer or "/")
        # One line, whatever the spec's keys and text hold (see ForgegenError).
        return terminal(f"{self.severity.value}: {where}: {self.message}")


@dataclass
class Diagnostics:
    """Collects what the stages find; the CLI decides what is fatal."""

    items: list[Diagnostic] = field(default_factory=list)

    def note(self, at: str, message: str) -> None:
        self.items.append(Diagnostic(Severity.NOTE, at, message))

    def warn(self, at: str, message: str) -> None:
        self.items.append(Diagnostic(Severity.WARNING, at, message))

    def error(self, at: str, message: str) -> None:
        self.items.append(Diagnostic(Severity.ERROR, at, message))

    def of(self, severity: Severity) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is severity]

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)
