"""literals.py: spec text can never break out of the literal it is put in."""

from __future__ import annotations

import ast

import pytest

from forgegen import literals

HOSTILE = [
    '"""; import os; os.system("x"); """',
    "'''",
    'ends with a quote"',
    "ends with a backslash\\",
    "\\",
    '\\"""',
    "line\nbreak\r\nand\rreturns",
    "nul \x00 and bell \x07 and escape \x1b[31m",
    "lone surrogate \ud800 here",
    "unicode line separator \u2028 and \x85 next line",
    "{{ jinja }} {% raw %} {# comment #}",
    "tab\tand form feed\x0c",
    "bidi \u202eoverride\u202c and \u2066isolate\u2069, byte-order mark \ufeff",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_pystr_is_an_exact_literal(text: str) -> None:
    literal = literals.pystr(text)
    assert literal.isascii()
    value = ast.literal_eval(literal)
    assert value == text.replace("\ud800", "\ufffd")


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_stays_inside_its_quotes(text: str) -> None:
    source = f'def f():\n    """{literals.docstring(text)}"""\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert len(function.body) == 1  # nothing escaped into a statement
    assert isinstance(ast.get_docstring(function, clean=False), str)


@pytest.mark.parametrize("text", HOSTILE)
def test_comment_is_one_line(text: str) -> None:
    source = f"x = 1  # {literals.comment(text)}\n"
    assert len(ast.parse(source).body) == 1
    assert "\n" not in literals.comment(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_toml_string_is_valid(text: str) -> None:
    import tomllib

    assert tomllib.loads(f"v = {literals.toml_str(text)}")["v"] == text.replace("\ud800", "\ufffd")


@pytest.mark.parametrize("name", ["os.system", "a b", "class", "x\n", "é"])
def test_identifier_filter_refuses_unsafe_names(name: str) -> None:
    with pytest.raises(ValueError):
        literals.identifier(name)


def test_markdown_cell_cannot_break_the_table() -> None:
    cell = literals.markdown("a | b\n| c |")
    assert "\n" not in cell and "| " not in cell.replace("\\|", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_prose_keeps_no_control_or_bidi_character(text: str) -> None:
    for shown in (literals.docstring(text), literals.comment(text), literals.markdown(text)):
        assert all(c == "\n" or c.isprintable() for c in shown), repr(shown)


def test_terminal_text_cannot_forge_lines_or_drive_the_terminal() -> None:
    shown = literals.terminal("a\x1b[2J\r\nfake: line\ud800\u202e\\ é")
    assert shown == "a\\x1b[2J\\r\\nfake: line\\ud800\\u202e\\ é"
    assert literals.terminal("one\ntwo\r", keep="\n") == "one\ntwo\\r"
