"""Validation beside the build: the same verdicts and errors, sooner, and no stray processes.

A build validates in a child process while it parses, renders and formats
(``verdicts.Verdict``), and waits for the verdict before writing anything.
These tests pin what must not change with that: every message and exit code
of an invalid spec, which error wins when a later stage also fails, and that
neither Ctrl-C nor a dead child leaves a process or a traceback behind.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import forgegen.build
from forgegen import processes
from forgegen.cli.commands import cli
from forgegen.validate import verdicts
from forgegen.validate.verdicts import Verdict
from releasing import GITEA, run

BAD = Path(__file__).resolve().parent / "bad_specs"
INVALID = BAD / "bad_types.json"
forking = pytest.mark.skipif(not processes.forks(), reason="the child inherits patches by fork")


@pytest.fixture(autouse=True)
def cold_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new, empty cache for every test: each verdict is computed."""
    monkeypatch.setenv("FORGEGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FORGEGEN_NO_CACHE", raising=False)
    monkeypatch.delenv("FORGEGEN_DEBUG", raising=False)
    return tmp_path / "cache"


def document(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("spec", [INVALID, GITEA], ids=["invalid", "valid"])
def test_a_verdict_from_the_child_is_the_one_made_here(
    spec: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Verdict(document(spec), "sha-a", background=True) as verdict:
        beside = verdict.items()
    monkeypatch.setenv("FORGEGEN_NO_CACHE", "1")
    with Verdict(document(spec), "sha-b", background=False) as verdict:
        here = verdict.items()
    assert beside == here
    assert bool([d for d in here if d.severity.value == "error"]) == (spec == INVALID)


def test_the_childs_verdict_is_cached(monkeypatch: pytest.MonkeyPatch, cold_cache: Path) -> None:
    with Verdict(document(INVALID), "sha-c", background=True) as verdict:
        first = verdict.items()
    assert len(list((cold_cache / "validation").iterdir())) == 1

    def fail(document: Mapping[str, Any], name: str) -> Any:
        raise AssertionError("validated again")

    monkeypatch.setattr(verdicts, "_validate_half", fail)
    with Verdict(document(INVALID), "sha-c", background=True) as verdict:
        assert verdict.items() == first


@forking
def test_a_child_that_dies_is_replaced_by_validating_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def die(document: Mapping[str, Any], name: str, send: Any) -> None:
        os._exit(3)  # as if killed: no answer, no goodbye

    monkeypatch.setattr(verdicts, "_validate_in_child", die)
    with Verdict(document(INVALID), "sha-d", background=True) as verdict:
        found = verdict.items()
    monkeypatch.setenv("FORGEGEN_NO_CACHE", "1")
    with Verdict(document(INVALID), "sha-e", background=False) as verdict:
        assert found == verdict.items()
    assert multiprocessing.active_children() == []


@forking
def test_leaving_early_ends_the_children(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(document: Mapping[str, Any], name: str) -> Any:
        time.sleep(60)
        return [], True

    monkeypatch.setattr(verdicts, "_validate_half", slow)
    start = time.monotonic()
    with pytest.raises(RuntimeError), Verdict(document(GITEA), "sha-f", background=True):
        assert len(multiprocessing.active_children()) == len(verdicts.PASSES)
        raise RuntimeError("the build failed")
    assert multiprocessing.active_children() == []
    assert time.monotonic() - start < 10


@forking
def test_the_build_formats_while_the_child_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "log"
    real_validate, real_format = verdicts._validate_half, forgegen.build.format_files

    def slow_validate(document: Mapping[str, Any], name: str) -> Any:
        time.sleep(1.0)  # longer than parsing and rendering a small spec
        half = real_validate(document, name)
        with log.open("a") as handle:
            handle.write(f"validated {os.getpid()} {time.monotonic()}\n")
        return half

    def logged_format(*args: Any, **kwargs: Any) -> dict[str, str]:
        with log.open("a") as handle:
            handle.write(f"formatting {os.getpid()} {time.monotonic()}\n")
        return real_format(*args, **kwargs)

    monkeypatch.setattr(verdicts, "_validate_half", slow_validate)
    monkeypatch.setattr(forgegen.build, "format_files", logged_format)
    assert run("build", "-q", "--spec", GITEA, "--out", tmp_path / "sdk").exit_code == 0
    lines = [line.split() for line in log.read_text().splitlines()]
    validated = [line[1:] for line in lines if line[0] == "validated"]
    formatting = next(line[1:] for line in lines if line[0] == "formatting")
    # Each pass in a process of its own, at the same time as formatting.
    assert len({pid for pid, _ in validated} | {str(os.getpid())}) == len(verdicts.PASSES) + 1
    assert all(float(formatting[1]) < float(moment) for _, moment in validated)
    # One process only when asked: jobs=1 (as build --all's workers do).
    log.unlink()
    monkeypatch.setenv("FORGEGEN_NO_CACHE", "1")  # the verdict was cached above
    forgegen.build.build(forgegen.build.BuildOptions(spec=str(GITEA), out=tmp_path / "one", jobs=1))
    events = {line.split()[0]: line.split()[1:] for line in log.read_text().splitlines()}
    assert events["validated"][0] == str(os.getpid())
    assert float(events["validated"][1]) < float(events["formatting"][1])


def test_a_validation_error_beats_a_later_stages_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the renderer choked on the invalid spec")

    monkeypatch.setattr(forgegen.build, "_render", broken)
    out = tmp_path / "sdk"
    result = run("build", "--spec", INVALID, "--out", out)
    assert result.exit_code == 4
    assert "the spec is not valid (2 error(s))" in result.stderr
    assert "choked" not in result.output
    assert not out.exists()
    # Told to go on past validation errors, or with a valid spec, the failure is the stage's.
    for spec, extra in ((INVALID, ["--ignore-validation-errors"]), (GITEA, [])):
        args = ["build", "--spec", str(spec), "--out", str(out), *extra]
        crashed = CliRunner().invoke(cli, args)
        assert isinstance(crashed.exception, RuntimeError)
        assert not out.exists()


def test_a_spec_that_breaks_the_parser_reports_its_validation_errors(tmp_path: Path) -> None:
    spec = BAD / "definitions_list.json"
    result = run("build", "--spec", spec, "--out", tmp_path / "sdk")
    assert result.exit_code == 4
    assert "the spec is not valid" in result.stderr
    assert f"error: {spec}#/definitions" in result.stderr


# --- Ctrl-C ----------------------------------------------------------------------------------


def big_spec(path: Path, operations: int = 600) -> Path:
    """A valid spec big enough to take a few seconds to validate and format."""
    definitions = {
        f"Model{n}": {
            "type": "object",
            "properties": {
                **{f"field_{k}": {"type": "string", "description": "A field."} for k in range(8)},
                "next": {"$ref": f"#/definitions/Model{(n + 1) % 100}"},
            },
        }
        for n in range(100)
    }
    paths = {
        f"/things{n}/{{id}}": {
            "get": {
                "operationId": f"getThing{n}",
                "tags": [f"group{n % 6}"],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "type": "integer"},
                    {"name": "page", "in": "query", "type": "integer"},
                    {"name": "limit", "in": "query", "type": "integer"},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "schema": {
                            "type": "array",
                            "items": {"$ref": f"#/definitions/Model{n % 100}"},
                        },
                    }
                },
            }
        }
        for n in range(operations)
    }
    spec = {
        "swagger": "2.0",
        "info": {"title": "Big", "version": "1.0"},
        "paths": paths,
        "definitions": definitions,
    }
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to a process group")
@pytest.mark.parametrize("stage", ["validating", "formatting"])
def test_ctrl_c_stops_every_process_without_a_traceback(tmp_path: Path, stage: str) -> None:
    spec = big_spec(tmp_path / "big.json")
    out = tmp_path / "sdk"
    env = {**os.environ, "FORGEGEN_NO_CACHE": "1"}
    # A session of its own, as a terminal's foreground job: Ctrl-C goes to the group.
    with subprocess.Popen(
        [sys.executable, "-m", "forgegen", "build", "--spec", str(spec), "--out", str(out)],
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
        text=True,
    ) as proc:
        assert proc.stderr is not None
        seen = []
        try:
            for line in proc.stderr:
                seen.append(line)
                if line.startswith(f"forgegen: {stage}"):
                    break
            time.sleep(0.3)  # the children are at work
            os.killpg(proc.pid, signal.SIGINT)
            rest = proc.stderr.read()
            code = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
    output = "".join(seen) + rest
    assert code == 130, output
    assert rest.strip().endswith("forgegen: interrupted")
    assert "Traceback" not in output and "KeyboardInterrupt" not in output
    assert not out.exists()
    deadline = time.monotonic() + 5
    while True:  # every process of the group is gone, children included
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a process of the build outlived it"
        time.sleep(0.05)


def test_without_fork_the_child_is_spawned(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where forking is unsafe (other threads, macOS, Windows) the child gets
    the document pickled, and says the same."""
    monkeypatch.setattr(processes, "forks", lambda: False)
    assert processes.process_context().get_start_method() == "spawn"
    with Verdict(document(INVALID), "sha-g", background=True) as verdict:
        spawned = verdict.items()
    monkeypatch.setenv("FORGEGEN_NO_CACHE", "1")
    with Verdict(document(INVALID), "sha-h", background=False) as verdict:
        assert spawned == verdict.items()
    assert multiprocessing.active_children() == []


def _json_object(path: Path) -> bool:
    try:
        return isinstance(json.loads(path.read_bytes()), dict)
    except ValueError:
        return False


# Every JSON spec the tests keep, invalid and hostile ones first.
JSON_SPECS = [
    *sorted(p for folder in (BAD, BAD.parent / "hostile") for p in folder.glob("*.json")),
    GITEA,
]


@pytest.mark.parametrize("spec", [p for p in JSON_SPECS if _json_object(p)], ids=lambda p: p.name)
def test_passes_run_apart_say_what_one_run_of_both_says(spec: Path) -> None:
    from forgegen.diagnostics import Diagnostics
    from forgegen.validate.validator import validate

    together = Diagnostics()
    validate(document(spec), together)
    rows = [[d.severity.value, d.pointer, d.message] for d in together.items]
    assert verdicts._validate(document(spec), verdicts.PASSES) == rows
