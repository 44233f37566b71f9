"""The only way spec text reaches generated files: one escaping filter per context.

A spec is untrusted. Strings become JSON-escaped Python literals, prose is
made safe for docstrings and comments, identifiers are checked once more.
Templates apply these as Jinja filters; nothing else writes spec text.
"""

from __future__ import annotations

import json
import keyword
import re

__all__ = [
    "comment",
    "docstring",
    "identifier",
    "markdown",
    "markdown_code",
    "pystr",
    "terminal",
    "toml_str",
]

# Characters that str.splitlines() treats as line breaks besides \n, and the
# C0/C1 controls: black and readers would see them as structure, not text.
# Bidirectional overrides and isolates (and a stray byte-order mark) would make
# the code a reviewer reads differently from the code Python runs ("Trojan Source").
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
    r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub(" ", text)


def pystr(value: object) -> str:
    """A double-quoted, ASCII-only Python string literal."""
    return json.dumps(_SURROGATE.sub("\ufffd", str(value)), ensure_ascii=True)


def docstring(value: object) -> str:
    """Text that can stand between triple double quotes, as written.

    Backslashes are doubled, and a quote is escaped when another follows it
    or when it ends the text, so no run of three and no closing quote can form.
    """
    text = _clean(str(value)).strip()
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = text.replace("\\", "\\\\")
    return re.sub(r'"(?="|$)', r'\\"', text)


def comment(value: object) -> str:
    """One line of text for after a ``#``."""
    return " ".join(_clean(str(value)).split())


def identifier(value: str) -> str:
    """Refuse, loudly, a name that naming.py should never have produced."""
    if not value.isidentifier() or keyword.iskeyword(value) or not value.isascii():
        raise ValueError(f"not a safe identifier: {value!r}")
    return value


def markdown(value: object) -> str:
    """Text for one Markdown table cell or line."""
    text = " ".join(_clean(str(value)).split())
    return re.sub(r"([\\`*_{}\[\]<>|#])", r"\\\1", text)


def markdown_code(value: object) -> str:
    """Text for a Markdown code span inside a table cell."""
    text = " ".join(_clean(str(value)).split())
    return text.replace("`", "'").replace("|", "\\|")


def terminal(value: object, *, keep: str = "") -> str:
    """Text for the user's terminal: every unprintable character (controls, escape
    sequences, line breaks, bidi marks, lone surrogates) written as its escape, so
    spec text in a message can neither forge lines nor drive the terminal.
    ``keep`` names the characters that may pass, such as the ``\\n`` between the
    lines of one message."""
    return "".join(c if c.isprintable() or c in keep else repr(c)[1:-1] for c in str(value))


def toml_str(value: object) -> str:
    """A TOML basic string (JSON's escapes are TOML's, once surrogates are gone)."""
    return json.dumps(_SURROGATE.sub("\ufffd", str(value)), ensure_ascii=True)
