"""The peer generators: installed into ``benchmarks/.peers/``, run as commands.

- openapi-python-client, from PyPI, into a virtualenv (``.peers/venv``);
- openapi-generator, through the ``openapi-generator-cli`` PyPI package
  (which bundles the jar) in the same virtualenv, run by the machine's Java;
- swagger2openapi, from npm (``.peers/node``), which turns Swagger 2.0 into
  the OpenAPI 3 that openapi-python-client reads.

The virtualenv also gets the runtime dependencies of the peers' generated
SDKs (attrs, python-dateutil, pydantic, urllib3), so that their import and
decoding can be measured with the same interpreter as forgegen's SDK.
Versions are pinned so runs can be compared; ``--upgrade-peers`` is not a
thing on purpose: change the pins here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PEERS_DIR", "Peers", "find", "install"]

HERE = Path(__file__).resolve().parent
PEERS_DIR = HERE / ".peers"
VENV = PEERS_DIR / "venv"
NODE = PEERS_DIR / "node"

PYPI = {
    "openapi-python-client": "0.29.1",
    "openapi-generator-cli": "7.26.0",
}
# What the peers' generated SDKs import (and forgegen's: httpx).
RUNTIME = ["attrs", "python-dateutil", "pydantic>=2", "urllib3", "typing-extensions", "httpx"]
NPM = {"swagger2openapi": "7.0.8"}


class PeerError(RuntimeError):
    pass


@dataclass(frozen=True)
class Peers:
    python: Path  # the virtualenv's interpreter
    opc: Path
    oag: Path
    s2o: Path
    java: str

    def env(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """The environment the peers run in: the virtualenv first on PATH (so
        openapi-python-client's ruff hooks use its own ruff)."""
        env = dict(os.environ if base is None else base)
        env["PATH"] = f"{self.python.parent}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(VENV)
        env.pop("PYTHONPATH", None)
        return env

    def opc_command(self, spec: Path, out: Path) -> list[str]:
        return [str(self.opc), "generate", "--path", str(spec), "--output-path", str(out)]

    def opc_rebuild_command(self, spec: Path, out: Path) -> list[str]:
        return [*self.opc_command(spec, out), "--overwrite"]

    def oag_command(self, spec: Path, out: Path, package: str) -> list[str]:
        return [
            str(self.oag),
            "generate",
            "-i",
            str(spec),
            "-g",
            "python",
            "-o",
            str(out),
            "--package-name",
            package,
        ]

    def s2o_command(self, spec: Path, out: Path) -> list[str]:
        return [str(self.s2o), str(spec), "-o", str(out)]

    def versions(self) -> dict[str, str]:
        code = (
            "import importlib.metadata as m, json; print(json.dumps({n: m.version(n) for n in "
            + repr([*PYPI, "attrs", "pydantic", "python-dateutil", "httpx"])
            + "}))"
        )
        found: dict[str, str] = json.loads(
            subprocess.run(
                [str(self.python), "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        package = NODE / "node_modules" / "swagger2openapi" / "package.json"
        found["swagger2openapi"] = json.loads(package.read_text())["version"]
        java = subprocess.run([self.java, "-version"], capture_output=True, text=True)
        found["java"] = (java.stderr or java.stdout).splitlines()[0].strip()
        found["node"] = subprocess.run(
            ["node", "--version"], capture_output=True, text=True
        ).stdout.strip()
        return found


def _bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def find() -> Peers | None:
    """The installed peers, or None when any is missing."""
    java = shutil.which("java")
    paths = {
        "python": _bin("python"),
        "opc": _bin("openapi-python-client"),
        "oag": _bin("openapi-generator-cli"),
        "s2o": NODE / "node_modules" / ".bin" / "swagger2openapi",
    }
    if java is None or not all(p.exists() for p in paths.values()):
        return None
    return Peers(java=java, **paths)


def install(log: Callable[[str], None] = print) -> Peers:
    """Install whatever peer is missing; nothing is downloaded when all are there."""
    peers = find()
    if peers is not None:
        return peers
    if shutil.which("java") is None:
        raise PeerError("java is not on PATH: openapi-generator needs Java 11 or newer")
    if shutil.which("npm") is None:
        raise PeerError("npm is not on PATH: swagger2openapi comes from npm")
    PEERS_DIR.mkdir(parents=True, exist_ok=True)
    if not _bin("python").exists():
        log(f"creating {VENV}")
        _run([sys.executable, "-m", "venv", str(VENV)])
    requirements = [f"{name}=={version}" for name, version in PYPI.items()] + RUNTIME
    log("pip install " + " ".join(requirements))
    _run(
        [
            str(_bin("python")),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            *requirements,
        ]
    )
    if not (NODE / "node_modules" / ".bin" / "swagger2openapi").exists():
        specs = [f"{name}@{version}" for name, version in NPM.items()]
        log("npm install " + " ".join(specs))
        NODE.mkdir(parents=True, exist_ok=True)
        _run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(NODE), *specs])
    peers = find()
    if peers is None:
        raise PeerError(f"the peers are still incomplete in {PEERS_DIR} after installing")
    return peers


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-10:])
        raise PeerError(f"{' '.join(command[:4])} … failed:\n{tail}")
