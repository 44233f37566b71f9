"""Every real spec in ../shared/specs builds into an SDK that compiles, imports
cleanly, has one method per operation, round-trips its models, and keeps the
API surface committed under tests/snapshots."""

from __future__ import annotations

import compileall
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from forgegen.diagnostics import Diagnostics
from forgegen.parse import parse

from instances import UNKNOWN_FIELD, InstanceMaker
from sdk import REAL_SPECS, build_sdk, load_package, pyright_strict, run_python, spec_operations
from snapshots import check_text
from surface import api_surface

pytestmark = pytest.mark.slow

_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("real")


def built(shared_specs: Path, build_dir: Path, spec: str) -> Path:
    """Build each spec once per test session."""
    if spec not in _BUILT:
        out = build_dir / REAL_SPECS[spec]
        _BUILT[spec] = build_sdk(shared_specs / spec, out, package=REAL_SPECS[spec])
    return _BUILT[spec]


@pytest.mark.parametrize("spec", sorted(REAL_SPECS))
def test_builds_compiles_and_imports_without_side_effects(
    shared_specs: Path, build_dir: Path, spec: str
) -> None:
    out = built(shared_specs, build_dir, spec)
    package = REAL_SPECS[spec]
    assert compileall.compile_dir(out / package, quiet=1, force=True)
    before = sorted(p for p in out.rglob("*") if "__pycache__" not in p.parts)
    modules = [f"{package}.api.{p.stem}" for p in (out / package / "api").glob("[!_]*.py")]
    code = (
        "import importlib, sys\n"
        f"import {package}\n"
        f"assert not [m for m in sys.modules if m.startswith('{package}.models')], 'eager models'\n"
        f"for name in {sorted(modules)!r} + ['{package}.models', '{package}.auth']:\n"
        "    importlib.import_module(name)\n"
        f"from {package} import Client, AsyncClient, TokenAuth, NotFound\n"
    )
    result = run_python(code, cwd=out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    after = sorted(p for p in out.rglob("*") if "__pycache__" not in p.parts)
    assert before == after


@pytest.mark.parametrize("spec", sorted(REAL_SPECS))
def test_one_method_per_operation(shared_specs: Path, build_dir: Path, spec: str) -> None:
    out = built(shared_specs, build_dir, spec)
    document = json.loads((shared_specs / spec).read_text())
    expected = sorted(spec_operations(document))
    load_package(out, REAL_SPECS[spec])
    found = []
    for line in api_surface(out, REAL_SPECS[spec]):
        match = re.search(r"# (\w+) (\S+)$", line)
        if line.startswith("Api ") and match:
            found.append((match.group(1), match.group(2)))
    assert sorted(found) == expected


@pytest.mark.parametrize("spec", sorted(REAL_SPECS))
def test_models_round_trip(shared_specs: Path, build_dir: Path, spec: str) -> None:
    out = built(shared_specs, build_dir, spec)
    document = json.loads((shared_specs / spec).read_text())
    models = load_package(out, REAL_SPECS[spec]).models
    api = parse(document, Diagnostics())
    definitions = document.get("definitions") or document["components"]["schemas"]
    maker = InstanceMaker(document)
    checked = 0
    for model in api.models:
        if model.wire_name not in definitions:
            continue  # hoisted inline schemas are checked inside their parents
        instance = maker.instance(definitions[model.wire_name])
        assert UNKNOWN_FIELD in instance
        cls = getattr(models, model.name)
        assert cls.from_dict(instance).to_dict() == instance, model.name
        checked += 1
    assert checked >= len(definitions) // 2


@pytest.mark.parametrize("spec", sorted(REAL_SPECS))
def test_api_surface_matches_snapshot(shared_specs: Path, build_dir: Path, spec: str) -> None:
    out = built(shared_specs, build_dir, spec)
    load_package(out, REAL_SPECS[spec])
    name = spec.replace("/", "-").removesuffix(".json") + ".txt"
    check_text(name, "\n".join(api_surface(out, REAL_SPECS[spec])) + "\n")


# The newest of each line since 1.25 / 11, every one added since, and both formats of 1.27.
MYPY_SPECS = [
    *(f"gitea/1.{n}.json" for n in range(25, 28)),
    "gitea/1.27-openapi3.json",
    *(f"forgejo/{n}.json" for n in range(11, 16)),
    "gogs/openapi.json",
]


@pytest.mark.parametrize("spec", MYPY_SPECS)
def test_mypy_strict(shared_specs: Path, build_dir: Path, spec: str) -> None:
    out = built(shared_specs, build_dir, spec)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", REAL_SPECS[spec]],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("spec", ["gitea/1.25.json", "forgejo/11.json", "gogs/openapi.json"])
def test_pyright_strict(shared_specs: Path, build_dir: Path, spec: str, tmp_path: Path) -> None:
    out = built(shared_specs, build_dir, spec)
    result = pyright_strict(out, REAL_SPECS[spec], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout
