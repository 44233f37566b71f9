"""Turns spec names into Python names: the one place that decides them.

Spec text is untrusted, so every name that reaches generated code passes
through ``identifier`` (or one of the casings built on it): the result is
always ASCII, never a keyword, never a name the generated code itself uses
unqualified, never private or a dunder. Builtins such as ``id``, ``type`` or
``format`` are fine as attributes and keyword arguments and stay as they are.
Collisions inside a scope are resolved by ``Scope`` in the order names are
claimed, so callers claim in a stable order and get stable names.
"""

from __future__ import annotations

import builtins
import functools
import keyword
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "Scope",
    "argument",
    "constant",
    "identifier",
    "module",
    "package_from_title",
    "pascal",
    "snake",
    "split_words",
    "strip_prefix",
    "usable",
]

# The casings are pure functions of their text, asked again and again for the
# same names (GitHub's spec: 94,000 identifiers, 44,000 class names): each
# answer is kept, up to this many per function.
_REMEMBERED = 1 << 16
_PASCAL = re.compile(r"[A-Z][A-Za-z0-9]*")
_NON_WORD = re.compile(r"\W+", flags=re.ASCII)
_UNDERSCORES = re.compile(r"_+")
# Acronym-aware split: "getGeneralAPISettings" → get General API Settings,
# "OAuth2Application" → O Auth 2 Application, "repoGetByID" → repo Get By ID.
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")

# Only hard keywords are refused as such: soft ones (``match``, ``type``) are
# valid names. The rest are the builtins the generated annotations name: a
# model's field is declared in its class body, where a field called ``int``
# would shadow the ``int`` of the annotations after it. (Class names are kept
# apart by the parser's class Scope, and a model's own names by its field Scope.)
_GENERATED = frozenset(
    ["str", "int", "float", "bool", "bytes", "list", "dict", "object", "self", "cls"]
)
# What a generated method's body calls by bare name: an argument of the same
# name would shadow it there (see ``argument``).
_METHOD_BODY = frozenset(
    [
        "cast",
        "dump",
        "csv",
        "Paginator",
        "AsyncPaginator",
        "json_value",
        "json_of",
        "json_list",
        "json_items",
        "json_map",
        "text",
        "content",
        "nothing",
        "optional",
        "models",
    ]
)
_RESERVED = frozenset(keyword.kwlist) | _GENERATED
# A class named like a builtin class (``Exception``, ``Warning``) would hide it
# from every module importing the models; class names keep avoiding them.
_BUILTIN_CLASSES = frozenset(n for n in dir(builtins) if n[:1].isupper())

# Module names are file names too: Windows reserves these in every folder, whatever
# the extension (con.py), and file systems cap a name's length.
_DEVICES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)
MODULE_LENGTH = 64


@functools.lru_cache(maxsize=_REMEMBERED)
def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def split_words(name: str) -> list[str]:
    """The words of a name in any casing, with punctuation as separators."""
    return _WORD.findall(_ascii(name))


@functools.lru_cache(maxsize=_REMEMBERED)
def snake(name: str, *, fallback: str = "value") -> str:
    """``repoGetRawFileOrLFS`` → ``repo_get_raw_file_or_lfs``, made safe."""
    return identifier("_".join(w.lower() for w in split_words(name)), fallback=fallback)


@functools.lru_cache(maxsize=_REMEMBERED)
def pascal(name: str, *, fallback: str = "Schema") -> str:
    """A class name. Names that are already valid PascalCase stay verbatim
    (``GPGKey`` must not become ``GpgKey``); others are re-cased by word."""
    text = _ascii(name)
    if not _PASCAL.fullmatch(text):
        text = "".join(w[:1].upper() + w[1:] for w in split_words(text))
    name = identifier(text, fallback=fallback)
    return name + "_" if name in _BUILTIN_CLASSES else name


def module(name: str, *, fallback: str) -> str:
    """A snake_case name that is also a file name on every system: at most
    ``MODULE_LENGTH`` characters, never a name Windows keeps for a device."""
    text = snake(name, fallback=fallback)
    if len(text) > MODULE_LENGTH:
        text = identifier(text[:MODULE_LENGTH], fallback=fallback)
    return text + "_" if text in _DEVICES else text


def argument(name: str) -> str:
    """An argument name (already made by ``snake``) that does not hide what
    the method's body calls: ``content`` → ``content_``."""
    return name + "_" if name in _METHOD_BODY else name


# Words in API titles that say what kind of document it is, not whose API.
_TITLE_NOISE = frozenset(
    (
        *("a", "an", "and", "api", "apis", "definition", "definitions", "description"),
        *("docs", "documentation", "for", "http", "json", "of", "official", "openapi"),
        *("on", "in", "at", "by", "with", "public", "rest", "restful", "schema", "server"),
        *("service", "spec"),
        *("specification", "swagger", "the", "to", "version", "web", "yaml"),
    )
)
_TITLE_WORDS = 3  # "Amazon Elastic Compute Cloud" → amazon_elastic_compute


def package_from_title(title: str, *, fallback: str = "api") -> str:
    """A short package name from an API's title, without the words every title
    has: "Swagger Petstore - OpenAPI 3.0" → ``petstore_sdk``, "GitHub's official
    OpenAPI spec" → ``github_sdk``, "Stripe API" → ``stripe_sdk``."""
    text = _ascii(re.sub(r"['\u2019]s\b", "", title)).lower()
    text = re.sub(r"\bopen[\s_-]*api\b", "openapi", text)
    # The first part that names something: "GitHub's … spec + Octokit extension"
    # is GitHub's, "Twilio - Messaging" is Twilio's.
    words: list[str] = []
    for part in re.split(r"\s[-+:|(/]\s*|\(|\)", text):
        words = [
            w
            for w in re.findall(r"[a-z0-9]+", part)
            if w not in _TITLE_NOISE and not re.fullmatch(r"v?[0-9]+", w)
        ]
        if words:
            break
    stem = "_".join(words[:_TITLE_WORDS]) or fallback
    return identifier(f"{stem}_sdk", fallback=fallback)


def usable(name: str) -> bool:
    """Whether a spec name has anything a Python name can be made of; when it has
    not, the casings fall back to a generic name (``value``, ``Model``…)."""
    return bool(split_words(name))


# What the symbols that make up a whole enum value ("+", "<=", "*") or its sign
# ("+1", "-1") are called, so that such values get names a reader recognises.
_SYMBOLS = {
    "+": "plus",
    "-": "minus",
    "*": "star",
    "/": "slash",
    ".": "dot",
    "<": "lt",
    ">": "gt",
    "=": "eq",
    "!": "not",
    "@": "at",
    "#": "hash",
    "%": "percent",
    "&": "and",
    "|": "or",
    "~": "tilde",
    "^": "caret",
    "$": "dollar",
    "?": "question",
    ":": "colon",
    ",": "comma",
    ";": "semicolon",
    "_": "underscore",
}


@functools.lru_cache(maxsize=_REMEMBERED)
def constant(value: str, *, fallback: str = "VALUE") -> str:
    """An enum member name: ``rebase-merge`` → ``REBASE_MERGE``, ``+1`` → ``PLUS_1``,
    ``-1`` → ``MINUS_1``, ``<=`` → ``LT_EQ``, ``""`` → ``EMPTY``."""
    text = value.strip()
    if not text:
        return "EMPTY" if value == "" else "SPACE"
    words = split_words(text)
    if not words and all(c in _SYMBOLS for c in text):
        words = [_SYMBOLS[c] for c in text]
    elif text[0] in "+-" and text[1:2].isdigit():
        words = [_SYMBOLS[text[0]], *words]
    return identifier("_".join(w.upper() for w in words), fallback=fallback)


@functools.lru_cache(maxsize=_REMEMBERED)
def identifier(text: str, *, fallback: str = "value") -> str:
    """Any text → a public Python identifier that is not reserved.

    Leading underscores go (no private or dunder names), a leading digit gets
    a prefix, keywords and the generated code's own names get a trailing
    underscore.
    """
    cleaned = _UNDERSCORES.sub("_", _NON_WORD.sub("_", _ascii(text)).strip("_"))
    if not cleaned:
        cleaned = fallback
    if cleaned[0].isdigit():
        cleaned = f"{fallback.rstrip('_')}_{cleaned}"
    if cleaned in _RESERVED:
        cleaned += "_"
    return cleaned


def strip_prefix(name_words: list[str], tag: str) -> list[str]:
    """Drop the leading word of an operation name that only repeats its tag.

    ``repoGetBranch`` in tag ``repository`` → ``get_branch``; ``notifyGetList``
    in ``notification`` → ``get_list``. Words match when one begins the other
    or they share at least four leading letters.
    """
    if len(name_words) < 2:
        return name_words
    first = name_words[0].lower()
    tag_word = (split_words(tag) or [""])[0].lower()
    if not tag_word:
        return name_words
    shared = 0
    for a, b in zip(first, tag_word, strict=False):
        if a != b:
            break
        shared += 1
    if first.startswith(tag_word) or tag_word.startswith(first) or shared >= 4:
        return name_words[1:]
    return name_words


class Scope:
    """Names taken in one namespace (a module, a class, a signature)."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = {n.lower() for n in taken}

    def claim(self, name: str) -> str:
        """Return ``name``, or ``name_2``, ``name_3``… if it is already taken.

        Comparison ignores case: generated names also become file names, and
        ``userGetOAuth2Application``/``userGetOauth2Application`` must not
        collide on a case-insensitive file system or confuse a reader.
        """
        candidate, n = name, 1
        while candidate.lower() in self._taken:
            n += 1
            pascal_case = name[0].isupper() and not name.isupper()
            candidate = f"{name}{n}" if pascal_case else f"{name.rstrip('_')}_{n}"
        self._taken.add(candidate.lower())
        return candidate

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._taken
