"""A generated SDK declares ``requires-python >= 3.10``: it runs there and on
the newest Python installed (3.13), against the local fake forge.

For each version pyenv has (3.10.x, 3.13.x), one virtualenv is made for the
module and gets httpx from the package index and the generated SDKs by
``pip install``, as a user would install them; a script then talks to the
forge with both clients: calls, errors, pagination over several pages, and
models decoded, encoded and decoded again. A version that is missing is
skipped here but fails under ``CI=true``: CI has them all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from forge_server import running_forge
from sdk import REPO, build_sdk

pytestmark = pytest.mark.slow

# The oldest Python the SDK supports and the newest here.
VERSIONS = ("3.10", "3.13")

SCRIPT = r"""
import asyncio, datetime, importlib, json, sys

package, url = sys.argv[1], sys.argv[2]
sdk = importlib.import_module(package)
models = importlib.import_module(package + ".models")
found = {"python": list(sys.version_info[:2])}

with sdk.Client(url) as client:
    repo = client.repository.get("alice", "hello")
    found["full_name"] = repo.full_name
    found["created_at_is_aware"] = isinstance(repo.created_at, datetime.datetime) and (
        repo.created_at.utcoffset() is not None
    )
    wire = repo.to_dict()
    again = models.Repository.from_dict(wire)
    found["round_trip"] = again == repo and again.to_dict() == wire
    found["owner"] = repo.owner.login
    found["kept_unknown"] = sorted(repo.additional_properties)
    issues = client.issue.list_issues("alice", "hello", state="all", limit=10)
    numbers = [issue.number for issue in issues]
    found["issues"] = numbers
    found["total_count"] = client.issue.list_issues("alice", "hello", state="all").total_count
    try:
        client.repository.get("alice", "secret")
    except sdk.NotFound as exc:
        found["private"] = exc.status_code


async def paged():
    async with sdk.AsyncClient(url) as client:
        issues = client.issue.list_issues("alice", "hello", state="all", limit=7)
        return [issue.number async for issue in issues]

found["async_issues"] = asyncio.run(paged())
print(json.dumps(found))
"""


def _interpreter(version: str) -> Path | None:
    """The newest pyenv install of ``version`` (``3.10`` → 3.10.13), or None."""
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return None
    listed = subprocess.run(
        [pyenv, "versions", "--bare"], capture_output=True, text=True, timeout=60, check=False
    ).stdout.split()
    matches = [v for v in listed if v.startswith(version + ".") and v.replace(".", "").isdigit()]
    if not matches:
        return None
    newest = max(matches, key=lambda v: tuple(int(p) for p in v.split(".")))
    prefix = subprocess.run(
        [pyenv, "prefix", newest], capture_output=True, text=True, timeout=60, check=False
    ).stdout.strip()
    python = Path(prefix) / "bin" / "python"
    return python if python.is_file() else None


def _required(version: str) -> Path:
    """The interpreter, or a skip, or under ``CI=true`` a failure: CI has them all."""
    found = _interpreter(version)
    if found is None:
        message = f"Python {version} is not installed (looked with `pyenv versions`)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; CI must have it")
        pytest.skip(message)
    return found


def _pip(python: Path, *args: str) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def sdks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The SDKs to install: the small Gitea spec's and, where the shared specs
    are, Gitea 1.27's."""
    root = tmp_path_factory.mktemp("versions")
    built = {"gitea_sdk": build_sdk(REPO / "specs" / "mini-gitea.json", root / "mini")}
    shared = REPO.parent / "shared" / "specs" / "gitea" / "1.27.json"
    if shared.is_file():
        built["gitea_1_27_sdk"] = build_sdk(
            shared, root / "gitea-1.27", package="gitea_1_27_sdk", formatter="ruff"
        )
    return built


@pytest.fixture(scope="module", params=VERSIONS)
def python(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sdks: dict[str, Path]
) -> Path:
    """A virtualenv of that Python with httpx and the SDKs installed."""
    version: str = request.param
    base = _required(version)
    # The folder is named for the version, which the tests read back, and
    # numbered: a worker may set this fixture up twice for one version when
    # xdist hands it the version's tests apart.
    env = tmp_path_factory.mktemp(f"{version}-") / "venv"
    subprocess.run(
        [str(base), "-m", "venv", str(env)], check=True, timeout=300, capture_output=True
    )
    python = env / "bin" / "python"
    # flit_core builds the SDKs; installed once here, so that their builds need
    # not fetch it again in isolation.
    _pip(python, "httpx>=0.27", "flit_core>=3.4")
    for out in sdks.values():
        _pip(python, "--no-build-isolation", str(out))
    return python


def _run(python: Path, package: str) -> dict[str, Any]:
    with running_forge("gitea") as forge:
        result = subprocess.run(
            [str(python), "-I", "-c", SCRIPT, package, forge.url],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        expected = sorted(i.number for i in forge.state.repos["alice/hello"].issues)
        assert forge.state.server_errors == []
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    found["expected_issues"] = expected
    return found


@pytest.mark.parametrize("package", ["gitea_sdk", "gitea_1_27_sdk"])
def test_the_installed_sdk_works_on_this_python(
    python: Path, sdks: dict[str, Path], package: str
) -> None:
    if package not in sdks:
        pytest.skip("../shared/specs is absent")
    found = _run(python, package)
    assert ".".join(map(str, found["python"])) == python.parent.parent.parent.name.rsplit("-")[0]
    assert found["full_name"] == "alice/hello"
    assert found["owner"] == "alice"
    assert found["created_at_is_aware"] is True
    assert found["round_trip"] is True
    assert found["kept_unknown"] != []  # the forge sends fields no spec declares
    expected = found["expected_issues"]
    assert len(expected) > 10  # more than one page of ten
    assert sorted(found["issues"]) == expected
    assert sorted(found["async_issues"]) == expected
    assert found["total_count"] == len(expected)
    assert found["private"] == 404


def test_the_sdk_is_installed_not_imported_from_the_build(python: Path) -> None:
    """The script above ran the copy pip installed into the virtualenv."""
    result = subprocess.run(
        [str(python), "-I", "-c", "import gitea_sdk, sys; print(gitea_sdk.__file__, sys.prefix)"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    where, prefix = result.stdout.split()
    assert Path(where).is_relative_to(prefix) and "site-packages" in where


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)]
)
def test_a_missing_version_skips_here_and_fails_in_ci(
    monkeypatch: pytest.MonkeyPatch, ci: str, outcome: type[BaseException]
) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match=r"Python 3\.1 is not installed"):
        _required("3.1")  # 3.10+ does not count: a version is matched as "3.1.x"
