"""Helpers for the tests of the release commands: diff, check, build --all."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from forgegen import ir
from forgegen.cli.commands import cli
from forgegen.diagnostics import Diagnostics
from forgegen.parse import parse

REPO = Path(__file__).resolve().parent.parent
SPECS = REPO / "specs"
GITEA = SPECS / "mini-gitea.json"
GOGS = SPECS / "mini-gogs.json"
EDGE = SPECS / "edge-cases.json"


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep black's cache out of the user's cache folder (subprocesses inherit it too)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FORGEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("black-cache")))
        mp.delenv("FORGEGEN_NO_CACHE", raising=False)
        mp.delenv("FORGEGEN_DEBUG", raising=False)
        yield


def run(*args: str | Path) -> Result:
    """Run the CLI in process; an exception that is not an exit fails the test here."""
    result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="forgegen")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            f"forgegen {' '.join(map(str, args))} raised {result.exception!r} "
            f"(exit {result.exit_code}); output:\n{result.output}"
        ) from result.exception
    assert "Traceback" not in result.output
    return result


def swagger(
    paths: dict[str, Any],
    definitions: dict[str, Any] | None = None,
    *,
    title: str = "Tiny API",
    version: str = "1.0.0",
    **extra: Any,
) -> dict[str, Any]:
    """A small Swagger 2.0 document."""
    return {
        "swagger": "2.0",
        "info": {"title": title, "version": version},
        "basePath": "/api/v1",
        "paths": copy.deepcopy(paths),
        "definitions": copy.deepcopy(definitions or {}),
        **extra,
    }


def api_of(document: dict[str, Any]) -> ir.Api:
    return parse(document, Diagnostics())


def write_json(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def op(
    operation_id: str,
    *,
    tag: str = "repository",
    parameters: list[dict[str, Any]] | None = None,
    schema: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One operation; ``schema`` is the 200 response's (None: no body)."""
    response: dict[str, Any] = {"description": "ok"}
    if schema is not None:
        response["schema"] = schema
    return {
        "operationId": operation_id,
        "tags": [tag],
        "parameters": parameters or [],
        "responses": {"200": response},
    }


def query(
    name: str, kind: str = "string", *, required: bool = False, **more: Any
) -> dict[str, Any]:
    return {"name": name, "in": "query", "type": kind, "required": required, **more}


def path_param(name: str, kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "path", "type": kind, "required": True}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}
