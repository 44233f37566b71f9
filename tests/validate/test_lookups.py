"""The keyword walk's direct dict and list lookups change its speed, never its findings."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from jsonschema_path.nodes import SchemaNode

from forgegen.diagnostics import Diagnostics
from forgegen.validate import validator
from forgegen.validate.lookups import direct_lookups

TESTS = Path(__file__).resolve().parent.parent
# Specs whose walk reports errors or stops on a broken $ref, and one that is clean.
SPECS = [
    *sorted((TESTS / "bad_specs").glob("*.json")),
    *sorted((TESTS / "hostile").glob("*.json")),
    TESTS.parent / "specs" / "mini-gitea.json",
]
OLD_PYTHON = sys.version_info < (3, 12)


def _document(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        pytest.skip(f"{path.name} is not JSON: the load stage's case")


def _findings(
    document: Any, passes: tuple[str, ...] = ("schema", "keywords")
) -> tuple[bool, list[tuple[str, str, str]]]:
    diagnostics = Diagnostics()
    finished = validator.validate(document, diagnostics, passes)
    return finished, [(d.severity.name, d.pointer, d.message) for d in diagnostics.items]


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_the_walk_finds_the_same_with_and_without_direct_lookups(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _document(path)
    direct = _findings(document)
    assert "_get_subnode" not in vars(SchemaNode)  # put back after the walk
    monkeypatch.setattr(validator, "direct_lookups", contextlib.nullcontext)
    assert direct == _findings(document)


@pytest.mark.parametrize(
    "name",
    [
        "bad_specs/missing_ref.json",
        "hostile/duplicate_operation_ids.json",
        "hostile/ref_alias_loop.json",
    ],
)
def test_the_bad_specs_do_reach_the_walk(name: str) -> None:
    """Otherwise the comparison above would compare nothing."""
    assert _findings(_document(TESTS / name), passes=("keywords",))[1]


@pytest.mark.skipif(not OLD_PYTHON, reason="Python 3.12 made the protocol check cheap")
def test_held_lookups_answer_as_pathable_does() -> None:
    inherited = SchemaNode._get_subnode
    with direct_lookups():
        assert "_get_subnode" in vars(SchemaNode)
        direct = SchemaNode._get_subnode
        for node, part in [({"a": 1}, "a"), ([1, 2], 1), ([1, 2], -1), ("text", 0)]:
            assert direct(node, part) == inherited(node, part)
        for node, part in [({"a": 1}, "b"), ([1], 3), ([1], "0"), ({"a": 1}, ["a"]), (5, "a")]:
            with pytest.raises(KeyError) as seen:
                inherited(node, part)
            with pytest.raises(KeyError) as raised:
                direct(node, part)
            assert raised.value.args == seen.value.args == (part,)
    assert "_get_subnode" not in vars(SchemaNode)


@pytest.mark.skipif(not OLD_PYTHON, reason="Python 3.12 made the protocol check cheap")
def test_lookups_are_put_back_when_the_walk_fails() -> None:
    with pytest.raises(RuntimeError), direct_lookups():
        assert "_get_subnode" in vars(SchemaNode)
        raise RuntimeError("stopped")
    assert "_get_subnode" not in vars(SchemaNode)


@pytest.mark.skipif(OLD_PYTHON, reason="only Python 3.12 and later leave pathable alone")
def test_new_pythons_leave_pathable_alone() -> None:
    with direct_lookups():
        assert "_get_subnode" not in vars(SchemaNode)


@pytest.mark.skipif(not OLD_PYTHON, reason="Python 3.12 made the protocol check cheap")
def test_overlapping_holders_keep_the_lookup_until_the_last_one_leaves() -> None:
    """Walks in two threads: the first one out must not take it from the other."""
    first, second = direct_lookups(), direct_lookups()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert "_get_subnode" in vars(SchemaNode)
    second.__exit__(None, None, None)
    assert "_get_subnode" not in vars(SchemaNode)


def test_a_lookup_the_library_defines_itself_is_left_in_place(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    own = classmethod(lambda cls, node, part: node[part])
    monkeypatch.setattr(SchemaNode, "_get_subnode", own, raising=False)
    with direct_lookups():
        assert vars(SchemaNode)["_get_subnode"] is own
    assert vars(SchemaNode)["_get_subnode"] is own
