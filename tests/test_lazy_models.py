"""The models package loads a model on first use, and only the models a call needs.

A first call, ``client.repository.get(...)``, imports the repository's model
and what its fields decode to, not the other two hundred; every model can
still be imported from ``<sdk>.models`` by name, and type checkers see every
name (and refuse a misspelt one, which a module ``__getattr__`` would hide).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from forge_server import running_forge
from sdk import build_sdk, load_json, run_python

SPEC = "gitea/1.22.json"  # the fake forge's own version
PACKAGE = "lazy_gitea_sdk"


@pytest.fixture(scope="module")
def sdk(shared_specs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sdk(shared_specs / SPEC, tmp_path_factory.mktemp("lazy"), PACKAGE)


def _closure(definitions: dict[str, Any], name: str) -> set[str]:
    """The definitions ``name`` reaches through ``$ref``, read from the spec itself."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        text = json.dumps(definitions[current])
        todo += [ref.split('"')[0] for ref in text.split('"$ref": "#/definitions/')[1:]]
    return seen


def test_a_first_call_loads_only_the_models_it_decodes(
    sdk: Path, shared_specs: Path, tmp_path: Path
) -> None:
    code = f"""
import json, sys
from {PACKAGE} import Client
with Client("{{url}}") as client:
    repo = client.repository.get("alice", "hello")
loaded = sorted(m for m in sys.modules if m.startswith("{PACKAGE}.models."))
models = sys.modules["{PACKAGE}.models"]
names = sorted(n for m in loaded for n in sys.modules[m].__all__)
print(json.dumps({{
    "names": names,
    "modules": len(loaded),
    "all": len(models.__all__),
    "owner": type(repo.owner).__name__,
    "full_name": repo.full_name,
    "issue_loaded": any(m.endswith("._issue") for m in loaded),
}}))
"""
    with running_forge("gitea") as forge:
        result = run_python(code.replace("{url}", forge.url), cwd=sdk)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["full_name"] == "alice/hello"
    assert report["owner"] == "User"  # the nested object was decoded
    definitions = load_json(shared_specs / SPEC)["definitions"]
    needed = _closure(definitions, "Repository")
    assert {"Repository", "User", "Permission"} <= needed
    names = set(report["names"])
    assert needed <= names
    # Beyond the spec's definitions, only the enums the generator names after
    # their fields (RepositoryObjectFormatName) came along.
    extra = names - needed
    assert all(any(e.startswith(n) for n in needed) for e in extra), extra
    assert len(extra) <= 3
    assert not report["issue_loaded"]
    assert report["all"] > 150 and report["modules"] <= len(needed) + 3


def test_importing_the_package_and_making_a_client_loads_no_model(
    sdk: Path, tmp_path: Path
) -> None:
    code = f"""
import sys
from {PACKAGE} import Client, models
client = Client("http://127.0.0.1:9")
assert not [m for m in sys.modules if m.startswith("{PACKAGE}.models.")]
print(len(models.__all__))
"""
    result = run_python(code, cwd=sdk)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 150


def test_every_model_imports_by_name_from_the_models_package(sdk: Path) -> None:
    code = f"""
import importlib, json, sys, pathlib, typing
import {PACKAGE}.models as models
found = {{}}
for name in models.__all__:
    exec(f"from {PACKAGE}.models import {{name}} as value", found)
    value = found["value"]
    assert value.__name__ == name, name
    assert getattr(models, name) is value, name
    assert isinstance(value, type), name
    # what dacite, cattrs and the like read: each module imports what its annotations name
    typing.get_type_hints(value)
defined = sorted(
    n for p in pathlib.Path(models.__file__).parent.glob("_*.py") if p.stem != "__init__"
    for n in importlib.import_module(f"{PACKAGE}.models." + p.stem).__all__
)
star = {{}}
exec("from {PACKAGE}.models import *", star)
try:
    models.Repositroy
except AttributeError as exc:
    error = str(exc)
print(json.dumps({{"all": models.__all__, "defined": defined, "dir": dir(models),
                  "star": sorted(k for k in star if not k.startswith("__")), "error": error}}))
"""
    result = run_python(code, cwd=sdk)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["all"] == sorted(report["all"])
    assert report["defined"] == report["all"]  # each model once, in one module
    assert report["dir"] == report["all"]
    assert report["star"] == report["all"]
    assert report["error"] == f"module '{PACKAGE}.models' has no attribute 'Repositroy'"
    assert {"Repository", "User", "Issue", "RepositoryObjectFormatName"} <= set(report["all"])


def _checked_file(sdk: Path, names: list[str]) -> Path:
    """Every model by ``from … import``, and by attribute, and one misspelt name."""
    lines = [
        f"from {PACKAGE} import models",
        *(f"from {PACKAGE}.models import {name}" for name in names),
        "",
        *(f"assert models.{name} is {name}" for name in names),
        "repository: Repository | None = None",
        "owner: User | None = repository.owner if repository else None",
        "models.Repositroy  # misspelt: must be refused",
        "",
    ]
    path = sdk / "uses_every_model.py"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _model_names(sdk: Path) -> list[str]:
    code = f"import json, {PACKAGE}.models as m; print(json.dumps(m.__all__))"
    result = run_python(code, cwd=sdk)
    assert result.returncode == 0, result.stderr
    names: list[str] = json.loads(result.stdout)
    return names


def test_mypy_strict_sees_every_model_and_refuses_a_misspelt_one(sdk: Path) -> None:
    names = _model_names(sdk)
    path = _checked_file(sdk, names)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", path.name],
        cwd=sdk,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert errors == [
        f'{path.name}:{last}: error: Module has no attribute "Repositroy";'
        ' maybe "Repository"?  [attr-defined]'
    ], result.stdout


def test_pyright_strict_sees_every_model_and_refuses_a_misspelt_one(
    sdk: Path, tmp_path: Path
) -> None:
    names = _model_names(sdk)
    path = _checked_file(sdk, names)
    config = tmp_path / "pyrightconfig.json"
    settings = {
        "extraPaths": [str(sdk)],
        "typeCheckingMode": "strict",
        "pythonVersion": "3.10",
    }
    config.write_text(json.dumps(settings), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pyright", "--project", str(config), path.name],
        cwd=sdk,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if " - error:" in line]
    last = len(path.read_text(encoding="utf-8").splitlines())
    # Only the misspelt line, and for that reason (it may say so more than once).
    assert errors, result.stdout
    assert all(f"{path.name}:{last}:" in line for line in errors), result.stdout
    assert any('"Repositroy" is not a known attribute' in line for line in errors), result.stdout


def test_mypy_refuses_a_misspelt_name_of_the_package_itself(sdk: Path) -> None:
    # The package loads its exports lazily too; its __getattr__ is hidden from
    # type checkers, so a typo is an error, not Any.
    path = sdk / "uses_the_package.py"
    path.write_text(f"import {PACKAGE}\n\n{PACKAGE}.Client\n{PACKAGE}.Clinet\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", path.name],
        cwd=sdk,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert errors == [
        f'{path.name}:4: error: Module has no attribute "Clinet"; maybe "Client"?  [attr-defined]'
    ], result.stdout
