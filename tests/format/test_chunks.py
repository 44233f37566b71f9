"""format/chunks.py: black formats a module piece by piece to exactly what it makes of the whole."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from forgegen.build import load_spec, sdk_api
from forgegen.format import with_black as format_black
from forgegen.format.chunks import join_pieces, split_module
from forgegen.format.with_black import MODE
from forgegen.render.package import Provenance, render_package

# Every kind of boundary black treats specially, each written loosely.
TRICKY = '''\
"""Module docstring."""
from __future__ import annotations
import typing
from typing import overload
X=1
class Empty: pass
class OnlyDocstring:
    """Just this."""


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x

def stub(): ...

def after_stub(): pass
# a comment that belongs to g
def g(): pass



# a comment after three blank lines
@typing.final
class Decorated :
    a : int=1
    def method(self): return  { 'a':1 }

if typing.TYPE_CHECKING:
    def conditional(): pass
else:
    def conditional(): pass
async  def coroutine(): await  g()

class Tail(Decorated): x = [1,
  2,]
'''


def whole_and_pieces(source: str) -> tuple[str, str]:
    whole = black.format_str(source, mode=MODE)
    joined = join_pieces([black.format_str(p, mode=MODE) for p in split_module(source)])
    return whole, joined


def test_pieces_are_the_module_cut_before_statements() -> None:
    pieces = split_module(TRICKY)
    # The pieces are the module in order, minus the blank lines between them.
    rest = TRICKY
    for piece in pieces:
        gap, found, rest = rest.partition(piece)
        assert found and gap.strip("\n") == "", gap
    assert rest == ""
    starts = [p.splitlines()[0] for p in pieces]
    # Cut only before a class or def that blank lines, and nothing else,
    # separate from the statement before it.
    assert starts == [
        '"""Module docstring."""',
        "@overload",
        "def stub(): ...",
        "def after_stub(): pass",
        "class Tail(Decorated): x = [1,",
    ]
    assert "class Empty: pass" in pieces[0]  # no blank line before it: not cut
    assert not any(p.startswith("# a comment") for p in pieces)  # comments stay put


def test_tricky_module_formats_the_same_in_pieces() -> None:
    whole, joined = whole_and_pieces(TRICKY)
    assert joined == whole
    assert len(split_module(TRICKY)) > 3


@pytest.mark.parametrize(
    "source",
    [
        "x = 1\n\n\n# fmt: off\nclass A:\n    y = [1,2]\n\n\nclass B: pass\n",
        "x = 1\n\n\n# yapf: disable\nclass A: pass\n\n\nclass B: pass\n",
        "x = 1\r\n\r\n\r\nclass A: pass\r\n\r\n\r\nclass B: pass\r\n",
        "x = 1\n\n\nclass A: pass\n\f\n\nclass B: pass\n",
        "x = (1 +\\\n 2)\n\n\nclass A: pass\n",
        "class A(:\n    pass\n\n\nclass B: pass\n",
    ],
    ids=["fmt-off", "yapf", "crlf", "form-feed", "backslash", "syntax-error"],
)
def test_modules_black_reads_as_a_whole_are_not_cut(source: str) -> None:
    assert split_module(source) == [source]


def test_line_separators_in_strings_do_not_shift_the_cuts() -> None:
    # str.splitlines() would break at U+2028 and \x1c; the parser does not.
    source = 'class A:\n    """a\u2028b\x1cc"""\n\n\nclass B:\n    pass\n'
    pieces = split_module(source)
    assert pieces == ['class A:\n    """a\u2028b\x1cc"""\n', "class B:\n    pass\n"]
    whole, joined = whole_and_pieces(source)
    assert joined == whole


def rendered(spec: Path) -> dict[str, str]:
    """The SDK's modules as rendered, before formatting."""
    loaded = load_spec(str(spec))
    files = render_package(
        sdk_api(loaded),
        package="sdk",
        profile=loaded.profile,
        provenance=Provenance(spec.name, loaded.source.sha256),
        version="1.0",
        fixes=loaded.fixes,
    )
    return {path: text for path, text in files.items() if path.endswith(".py")}


@pytest.mark.slow
@pytest.mark.parametrize("spec", ["gitea/1.25.json", "forgejo/11.json", "gogs/openapi.json"])
def test_real_sdks_format_the_same_in_pieces(shared_specs: Path, spec: str) -> None:
    """The promise chunks.py rests on, checked on every module of real SDKs."""
    modules = rendered(shared_specs / spec)
    pieces = {path: split_module(text) for path, text in modules.items()}
    # it does cut: more cuts than modules (most of which, the models, hold one class)
    assert sum(len(parts) - 1 for parts in pieces.values()) > len(modules)
    flat = [piece for parts in pieces.values() for piece in parts]
    formatted = iter(format_black.run(flat, jobs=2))
    wholes = format_black.run(list(modules.values()), jobs=2)
    for (path, parts), (whole, error) in zip(pieces.items(), wholes, strict=True):
        assert error is None, f"{path}: {error}"
        joined = join_pieces([next(formatted)[0] or "" for _ in parts])
        assert joined == whole, path
