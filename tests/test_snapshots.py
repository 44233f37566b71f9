"""The SDKs built from the hand-written specs in specs/ are committed under
generated/; any difference in what forgegen builds from them fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sdk import build_sdk, pyright_strict
from snapshots import REPO, check_tree

SPECS = sorted(p.stem for p in (REPO / "specs").glob("*.json"))


@pytest.mark.parametrize("name", SPECS)
def test_generated_tree_matches_snapshot(name: str, tmp_path: Path) -> None:
    # The manifest names the spec by file name only, so the tree does not
    # depend on where the checkout or the temporary folder is.
    out = build_sdk(REPO / "specs" / f"{name}.json", tmp_path / name)
    check_tree(out, REPO / "generated" / name)


def test_every_spec_has_a_snapshot() -> None:
    committed = sorted(p.name for p in (REPO / "generated").iterdir() if p.is_dir())
    assert committed == SPECS


@pytest.mark.parametrize("name", SPECS)
def test_snapshot_sdks_pass_mypy_strict(name: str, tmp_path: Path) -> None:
    project = REPO / "generated" / name
    (package,) = [p.name for p in project.iterdir() if (p / "__init__.py").is_file()]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), package],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", SPECS)
def test_snapshot_sdks_pass_pyright_strict(name: str, tmp_path: Path) -> None:
    project = REPO / "generated" / name
    (package,) = [p.name for p in project.iterdir() if (p / "__init__.py").is_file()]
    result = pyright_strict(project, package, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout
