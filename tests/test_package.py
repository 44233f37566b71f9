"""The generated project is an installable package with the right metadata."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from forgegen.render.package import pep440

from sdk import REPO, build_sdk, run_python


@pytest.mark.parametrize(
    ("spec_version", "expected"),
    [
        ("1.22.6", "1.22.6"),
        ("7.0.15+gitea-1.22.0", "7.0.15+gitea.1.22.0"),
        ("v1", "1"),
        ("1.25.0-rc1", "1.25.0rc1"),
        ("1.2.3-dev-45-gabcdef", "1.2.3"),
        ("nonsense", "0.0.0"),
        ("", "0.0.0"),
    ],
)
def test_spec_versions_become_pep_440(spec_version: str, expected: str) -> None:
    assert pep440(spec_version) == expected


def test_generated_project_installs_and_imports(tmp_path: Path) -> None:
    out = build_sdk(REPO / "specs" / "mini-gitea.json", tmp_path / "project")
    meta = tomllib.loads((out / "pyproject.toml").read_text())["project"]
    assert meta["name"] == "gitea-sdk"
    assert meta["version"] == "1.22.6"
    assert meta["dependencies"] == ["httpx>=0.27"]
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (target / "gitea_sdk" / "py.typed").is_file()
    assert (target / "gitea_sdk" / "api" / "repository.py").is_file()
    result = run_python(
        "import gitea_sdk, gitea_sdk.models\n"
        "from gitea_sdk import Client\n"
        "print(gitea_sdk.__version__, sorted(gitea_sdk.__all__)[:3])",
        cwd=target,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1.22.6 ['ApiError', 'AsyncClient', 'AsyncPaginator']"


def test_generated_exports_are_exactly_all(tmp_path: Path) -> None:
    out = build_sdk(REPO / "specs" / "mini-gitea.json", tmp_path / "p", package="exports_sdk")
    result = run_python(
        "import exports_sdk\n"
        "missing = [n for n in exports_sdk.__all__ if getattr(exports_sdk, n, None) is None]\n"
        "assert not missing, missing\n"
        "assert dir(exports_sdk) == sorted(exports_sdk.__all__)\n",
        cwd=out,
    )
    assert result.returncode == 0, result.stderr


def test_forgegen_public_surface() -> None:
    import forgegen

    assert forgegen.__all__ == ["__version__"]
