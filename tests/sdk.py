"""Helpers for tests that build an SDK and load it."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from forgegen.build import BuildOptions, build

REPO = Path(__file__).resolve().parent.parent

# Every real spec, with the package name its SDK gets in tests: unique, so
# that several SDKs can be imported into one test process.
REAL_SPECS = {
    **{f"gitea/1.{n}.json": f"gitea_1_{n}_sdk" for n in range(17, 26)},
    **{f"forgejo/{n}.json": f"forgejo_{n}_sdk" for n in range(7, 12)},
    "gogs/openapi.json": "gogs_sdk",
}


def build_sdk(spec: Path | str, out: Path, package: str | None = None, **options: Any) -> Path:
    build(BuildOptions(spec=str(spec), out=out, package=package, **options))
    return out


def load_package(out: Path, package: str) -> ModuleType:
    """Import a generated package (and all its modules) from ``out``."""
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    module = importlib.import_module(package)
    importlib.import_module(f"{package}.models")
    return module


def group_modules(out: Path, package: str) -> Iterator[ModuleType]:
    for path in sorted((out / package / "api").glob("*.py")):
        if path.stem != "__init__":
            yield importlib.import_module(f"{package}.api.{path.stem}")


def spec_operations(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(METHOD, path) of every operation a spec declares."""
    methods = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    return [
        (m.upper(), path)
        for path, item in document["paths"].items()
        for m in methods
        if isinstance(item.get(m), dict)
    ]


def run_python(code: str, *, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter, so imports there start cold and clean."""
    return subprocess.run(
        [sys.executable, "-X", "utf8", "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
