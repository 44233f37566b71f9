"""The fatal errors forgegen reports, one class per exit code.

Each is a ``click.ClickException`` so the CLI prints one clean line and exits
with the documented code; nothing below the CLI prints or exits by itself.

    ForgegenError            (1)  anything else that stops a build
    ├── SourceError          (3)  the spec could not be read or fetched
    ├── SpecError            (4)  the spec is invalid or unsupported
    ├── OutputError          (5)  the output folder could not be written
    ├── StaleOutput          (6)  ``check``: the SDK is not what a build writes now
    └── ChangesFound         (7)  ``diff --fail-on``: the changes it fails on were found

Exit code 2 is click's own, for a bad command line (and a bad config file).
Checks that fail have codes of their own, so that CI can tell "the SDK is
stale" from "forgegen could not run" (1, an internal error).
"""

from __future__ import annotations

import click

from forgegen.literals import terminal

__all__ = [
    "EXIT_CODES",
    "ChangesFound",
    "ForgegenError",
    "OutputError",
    "SourceError",
    "SpecError",
    "StaleOutput",
]

# What each exit code means; every command's --help lists the ones it can give.
EXIT_CODES = {
    0: "success",
    1: "internal error (a bug: please report it)",
    2: "bad command line or config file",
    3: "the spec could not be read or fetched",
    4: "the spec is invalid",
    5: "the output could not be written",
    6: "check: the SDK is stale (or there is none)",
    7: "diff: changes that --fail-on fails on",
}


class ForgegenError(click.ClickException):
    exit_code = 1

    def format_message(self) -> str:
        # Messages quote spec text (pointers, names, values): shown escaped, so a
        # spec can neither forge lines of output nor send the terminal escape codes.
        return terminal(self.message, keep="\n")


class SourceError(ForgegenError):
    """The document could not be fetched, read or parsed."""

    exit_code = 3


class SpecError(ForgegenError):
    """The document is not a spec forgegen can build from."""

    exit_code = 4

    def __init__(self, message: str, *, pointer: str = "", origin: str = "") -> None:
        self.pointer = pointer
        self.origin = origin
        where = origin + ("#" + pointer if pointer else "") if origin else pointer
        super().__init__(f"{where}: {message}" if where else message)


class OutputError(ForgegenError):
    """The output could not be written; the previous output is untouched."""

    exit_code = 5


class StaleOutput(ForgegenError):
    """``check``: the committed SDK differs from a fresh build."""

    exit_code = 6


class ChangesFound(ForgegenError):
    """``diff --fail-on``: there are changes of the kind it fails on."""

    exit_code = 7
