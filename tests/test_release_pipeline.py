"""A release job end to end, as a maintainer's CI runs it (slow: two virtualenvs).

In a temporary folder: build an SDK from the spec URL of a running (fake)
forge, ``pip install`` it into a fresh virtualenv kept inside the SDK's
folder, ``forgegen check`` it clean; the forge upgrades its spec; ``check``
fails with exit 6 and ``diff --fail-on breaking`` with exit 7, naming the
change; rebuild; ``pip wheel`` makes a wheel ``twine check`` accepts; install
that wheel into a second fresh virtualenv and call the forge with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from releasing import GITEA, private_cache

from forge_server import running_forge

__all__ = ["private_cache"]

pytestmark = pytest.mark.slow


def forgegen(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command line, in a process of its own, as CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "forgegen", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "FORGEGEN_DEBUG": ""},
    )


def fresh_venv(where: Path) -> Path:
    """A new virtualenv with pip and nothing else; its python."""
    venv.EnvBuilder(with_pip=True, clear=True).create(where)
    return where / "bin" / "python"


def pip(python: Path, *args: str | Path) -> None:
    result = subprocess.run(
        [str(python), "-m", "pip", "--quiet", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def upgraded(spec: dict) -> bytes:  # type: ignore[type-arg]
    """The next release of the forge: one operation gone, a new version."""
    new = json.loads(json.dumps(spec))
    del new["paths"]["/nodeinfo"]
    new["info"]["version"] = "1.22.7"
    return json.dumps(new).encode()


def test_a_release_job(tmp_path: Path) -> None:
    work = tmp_path / "repo"
    work.mkdir()
    sdk = work / "sdk"
    original = json.loads(GITEA.read_text(encoding="utf-8"))
    with running_forge("gitea") as forge:
        url = forge.url + "/swagger.v1.json"

        built = forgegen("build", "--spec", url, "--out", sdk, cwd=work)
        assert built.returncode == 0, built.stderr
        assert "built gitea_sdk (gitea)" in built.stderr

        # The maintainer's own virtualenv, inside the SDK's folder, with the SDK in it.
        python = fresh_venv(sdk / ".venv")
        pip(python, "install", sdk)
        assert not (sdk / "build").exists() and not list(sdk.glob("*.egg-info"))

        clean = forgegen("check", "-q", "--spec", url, "--out", sdk, cwd=work)
        assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")

        forge.state.spec = upgraded(original)
        stale = forgegen("check", "--spec", url, "--out", sdk, cwd=work)
        assert stale.returncode == 6, stale.stderr
        assert f"Error: {sdk} is stale" in stale.stderr
        assert "-    def get_node_info(" in stale.stdout  # the source diff, not the record

        (work / "old.json").write_text(GITEA.read_text(encoding="utf-8"), encoding="utf-8")
        diff = forgegen(
            "diff", "--fail-on", "breaking", "--format", "json", "old.json", url, cwd=work
        )
        assert diff.returncode == 7, diff.stderr
        report = json.loads(diff.stdout)
        assert report["bump"] == "major"
        (removed,) = [c for c in report["changes"] if c["breaking"]]
        assert (removed["kind"], removed["method"], removed["path"]) == (
            "operation removed",
            "GET",
            "/nodeinfo",
        )
        assert removed["operation_id"] == "getNodeInfo"

        rebuilt = forgegen("build", "--spec", url, "--out", sdk, cwd=work)
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert "CHANGELOG.md: new entry 1.22.7 (bump: major)" in rebuilt.stderr
        assert (sdk / ".venv" / "bin" / "python").exists()  # the user's venv is kept
        assert forgegen("check", "-q", "--spec", url, "--out", sdk, cwd=work).returncode == 0

        dist = work / "dist"
        pip(python, "wheel", "--no-deps", "--wheel-dir", dist, sdk)
        (wheel,) = dist.glob("*.whl")
        assert wheel.name == "gitea_sdk-1.22.7-py3-none-any.whl"
        with zipfile.ZipFile(wheel) as archive:
            names = archive.namelist()
            metadata = archive.read("gitea_sdk-1.22.7.dist-info/METADATA").decode()
        assert "gitea_sdk/py.typed" in names
        assert not [n for n in names if ".venv" in n or "__pycache__" in n]
        assert "License-Expression: MIT" in metadata
        assert "Project-URL: API spec, " + url in metadata
        twine = subprocess.run(
            [sys.executable, "-m", "twine", "check", "--strict", str(wheel)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert twine.returncode == 0, twine.stdout + twine.stderr
        assert "PASSED" in twine.stdout

        # A user of the published SDK: a clean virtualenv, the wheel, the forge.
        user = fresh_venv(tmp_path / "user-venv")
        pip(user, "install", wheel)
        call = subprocess.run(
            [
                str(user),
                "-c",
                "import sys, importlib.metadata as m\n"
                "from gitea_sdk import Client\n"
                "with Client(sys.argv[1]) as gitea:\n"
                "    repo = gitea.repository.get('alice', 'hello')\n"
                "print(m.version('gitea-sdk'), repo.full_name, repo.owner.login)\n"
                "print(hasattr(gitea.miscellaneous, 'get_node_info'))\n",
                forge.url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert call.returncode == 0, call.stderr
        assert call.stdout.splitlines() == ["1.22.7 alice/hello alice", "False"]
        assert forge.state.server_errors == []
