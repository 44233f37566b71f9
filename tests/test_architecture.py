"""The generator's layout: one package per pipeline stage, and the rules that keep it so.

These read the source tree, not behaviour: a module that grows past 400 lines,
a stage that imports a later one in a circle, or a template without a generated
twin fails here before a reviewer has to notice it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "generator" / "forgegen"
STAGES = ["load", "validate", "parse", "profiles", "render", "format", "write", "release", "cli"]


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every forgegen module ``name`` imports, at the top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m not in (name, "forgegen")}


def test_the_top_level_holds_at_most_ten_modules_and_one_package_per_stage() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 10, top
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(STAGES)


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_says_what_it_takes_and_gives_in_one_to_five_lines(stage: str) -> None:
    tree = ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8"))
    docstring = ast.get_docstring(tree)
    assert docstring, f"{stage}/__init__.py has no docstring"
    assert 1 <= len(docstring.splitlines()) <= 5, docstring
    assert "→" in docstring.splitlines()[0] or ":" in docstring.splitlines()[0]


def test_no_module_is_over_400_lines() -> None:
    long = {n: len(p.read_text().splitlines()) for n, p in modules().items()}
    assert {n: count for n, count in long.items() if count > 400} == {}


def test_no_module_imports_itself_through_others() -> None:
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_templates_mirror_the_generated_package_file_for_file() -> None:
    templates = REPO / "templates" / "package"
    rendered = REPO / "generated" / "mini-gitea" / "gitea_sdk"
    expected = {
        p.relative_to(templates).as_posix().removesuffix(".jinja")
        for p in templates.rglob("*.jinja")
    }
    # api/group.py is rendered once per tag, models/model.py once per model
    # (or enum, or cycle of models); every other template once.
    actual = {p.relative_to(rendered).as_posix() for p in rendered.rglob("*") if p.is_file()}
    repeated = {}
    for folder in ("api", "models"):
        repeated[folder] = {
            name
            for name in actual
            if name.startswith(f"{folder}/") and name != f"{folder}/__init__.py"
        }
        assert repeated[folder]
    assert expected - {"api/group.py", "models/model.py"} == actual - set().union(
        *repeated.values()
    )
