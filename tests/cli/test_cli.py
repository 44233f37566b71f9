"""The ``forgegen`` command line: options, exit codes, messages and what it leaves on disk.

Most tests drive ``forgegen.cli.commands.cli`` in process with click's ``CliRunner``; a few
run ``python -m forgegen`` to cover ``main()``, which turns an unexpected
exception into one line. Only the small specs in specs/ and tests/bad_specs/ are
built here, and the black cache lives in a temporary folder for this module.

Exit codes: 0 ok, 1 internal, 2 usage, 3 source (fetch/read), 4 spec invalid, 5 output.
"""

from __future__ import annotations

import builtins
import json
import os
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner, Result

import forgegen
from forgegen.cli.commands import cli
from forgegen.write import tree as writer

REPO = Path(__file__).resolve().parents[2]
SPECS = REPO / "specs"
BAD = Path(__file__).resolve().parents[1] / "bad_specs"
GITEA = SPECS / "mini-gitea.json"
GOGS = SPECS / "mini-gogs.json"
MANIFEST = ".forgegen.json"
API_RECORD = ".forgegen-api.json"  # the API of the build, for the next one's CHANGELOG
TINY_OP = {
    "/version": {
        "get": {
            "operationId": "getVersion",
            "responses": {
                "200": {
                    "description": "ok",
                    "schema": {"type": "object", "properties": {"version": {"type": "string"}}},
                }
            },
        }
    }
}


# --- helpers --------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep black's cache out of the user's cache folder (subprocesses inherit it too)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FORGEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("black-cache")))
        mp.delenv("FORGEGEN_NO_CACHE", raising=False)
        mp.delenv("FORGEGEN_DEBUG", raising=False)
        yield


def run(*args: str | Path, input: bytes | None = None) -> Result:
    """Run the CLI in process; an exception that is not an exit fails the test here."""
    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, prog_name="forgegen")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            f"forgegen {' '.join(map(str, args))} raised {result.exception!r} "
            f"(exit {result.exit_code}); output:\n{result.output}"
        ) from result.exception
    assert "Traceback" not in result.output
    return result


def flat(text: str) -> str:
    """Help text with click's line wrapping undone."""
    return " ".join(text.split())


def tree(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry under root with its mode and bytes: equal trees, equal results."""
    found: dict[str, tuple[int, bytes | None]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            mode = path.lstat().st_mode
            found[path.relative_to(root).as_posix()] = (
                mode,
                path.read_bytes() if stat.S_ISREG(mode) else None,
            )
    return found


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if "forgegen-" in p.name)


def manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    return data


def write_spec(path: Path, title: str, **extra: Any) -> Path:
    spec = {"swagger": "2.0", "info": {"title": title, "version": "1.0"}, "paths": TINY_OP}
    path.write_text(json.dumps({**spec, **extra}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def gitea_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """One build of mini-gitea shared by the read-only checks below."""
    out = tmp_path_factory.mktemp("gitea-build") / "sdk"
    return out, run("build", "--spec", GITEA, "--out", out)


# --- help and version -----------------------------------------------------------------------

# Every option with a word (or phrase) its help must contain.
SPEC_OPTIONS = {
    "--spec": "standard input",
    "-s": "http(s) URL",
    "--quiet": "errors only",
    "-q": "errors only",
    "--ignore-validation-errors": "does not validate",
    "--max-size": "MiB",
    "--timeout": "Seconds",
    "--help": "Show this message",
    "-h": "Show this message",
}
BUILD_OPTIONS = {
    **SPEC_OPTIONS,
    "--out": "pyproject.toml",
    "-o": "replaced atomically",
    "--package-name": "gitea_sdk",
    "--forge": "detected",
    "--templates": "laid over",
    "--version-suffix": ".post1",
    "--package-version": "PEP 440",
    "--no-fixes": "spec fixes",
    "--formatter": "forgegen[ruff]",
    "--force": "unchanged",
    "--all": "[tool.forgegen]",
    "--config": "forgegen.toml",
    "--jobs": "at once",
    "-j": "at once",
}


@pytest.mark.parametrize(
    ("command", "options"),
    [("build", BUILD_OPTIONS), ("validate", SPEC_OPTIONS)],
)
def test_command_help_documents_every_option(command: str, options: dict[str, str]) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    text = flat(result.output)
    group_ctx = click.Context(cli, info_name="forgegen")
    sub = cli.get_command(group_ctx, command)
    assert sub is not None
    ctx = click.Context(sub, info_name=command, parent=group_ctx)
    helps: dict[str, str] = {}
    for param in sub.get_params(ctx):
        record = param.get_help_record(ctx)
        assert record is not None and record[1], f"{command} {param.opts} has no help"
        # Each option's own line, with its help, is in the output.
        assert flat(f"{record[0]} {record[1]}") in text
        helps.update(dict.fromkeys(param.opts + param.secondary_opts, record[1]))
    # The table above names every option, and each one's help says what it is about.
    assert set(helps) == set(options)
    for option, word in options.items():
        assert word in helps[option], f"{command} {option}: no {word!r} in {helps[option]!r}"
    if command == "build":
        assert "--forge [forgejo|generic|gitea|gogs]" in text


def test_top_level_help_lists_commands_and_exit_codes() -> None:
    for flag in ("--help", "-h"):
        result = run(flag)
        assert result.exit_code == 0
        text = flat(result.output)
        assert "build" in text and "validate" in text and "--version" in text
        for code in (
            "0 success",
            "1 internal error",
            "2 bad command line",
            "3 the spec could not be read or fetched",
            "4 the spec is invalid",
            "5 the output could not be written",
            "6 check: the SDK is stale",
            "7 diff: changes that --fail-on fails on",
        ):
            assert code in text


@pytest.mark.parametrize(
    ("command", "codes"),
    [
        ("build", (0, 1, 2, 3, 4, 5)),
        ("validate", (0, 1, 2, 3, 4)),
        ("check", (0, 1, 2, 3, 4, 6)),
        ("diff", (0, 1, 2, 3, 4, 7)),
    ],
)
def test_each_command_lists_its_own_exit_codes(command: str, codes: tuple[int, ...]) -> None:
    from forgegen.errors import EXIT_CODES

    text = run(command, "--help").output
    listed = text[text.index("Exit codes:") :].splitlines()[1:]
    assert [line.split()[0] for line in listed if line.strip()] == [str(c) for c in codes]
    for code in codes:
        assert f"  {code}  {EXIT_CODES[code]}" in text


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"forgegen, version {forgegen.__version__}"


def test_validate_help_does_not_talk_about_building() -> None:
    text = flat(run("validate", "--help").output)
    help_text = text.split("--ignore-validation-errors", 1)[1].split("--max-size")[0]
    assert "Build" not in help_text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["build", "--spec", str(GITEA)], "Missing option '--out'"),
        (["build", "--out", "x"], "Missing option '--spec'"),
        (["validate"], "Missing option '--spec'"),
        (["nope"], "No such command 'nope'"),
        (["validate", "--spec", "x", "--timeout", "0"], "--timeout"),
        (["validate", "--spec", "x", "--max-size", "0"], "--max-size"),
        (["build", "--spec", str(GITEA), "--out", "x", "--forge", "github"], "--forge"),
        (
            ["build", "--spec", str(GITEA), "--out", "x", "--templates", "/no/such/dir"],
            "--templates",
        ),
    ],
)
def test_bad_command_lines_exit_2(
    args: list[str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Try 'forgegen" in result.output
    assert list(tmp_path.iterdir()) == []


# --- build ------------------------------------------------------------------------------------


def test_build_writes_the_project(gitea_build: tuple[Path, Result]) -> None:
    out, result = gitea_build
    assert result.exit_code == 0
    assert {p.name for p in out.iterdir()} == {
        "pyproject.toml",
        "README.md",
        "gitea_sdk",
        MANIFEST,
        API_RECORD,
    }
    assert (out / "gitea_sdk" / "__init__.py").is_file()
    assert (out / "gitea_sdk" / "py.typed").is_file()
    data = manifest(out)
    assert data["generator"] == "forgegen"
    assert data["package"] == "gitea_sdk"
    assert data["forge"] == "gitea"
    assert data["forgegen_version"] == forgegen.__version__
    assert sorted(data["files"]) == sorted(
        p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != MANIFEST
    )


def test_build_reports_progress_on_stderr(gitea_build: tuple[Path, Result]) -> None:
    out, result = gitea_build
    assert result.stdout == ""  # stdout stays free for piping
    lines = result.stderr.splitlines()
    assert "forgegen: validating" in lines
    assert any(
        line.startswith("forgegen: rendering gitea_sdk (gitea, 30 operations") for line in lines
    )
    assert f"forgegen: writing {out}" in lines
    assert lines[-1] == f"built gitea_sdk (gitea): 30 operations, 35 models, 57 files in {out}"
    # The notes carry the file and the JSON pointer.
    assert any(
        line.startswith(f"note: {GITEA}#/paths/~1repos~1{{owner}}~1{{repo}}~1raw~1")
        and "type: file" in line
        for line in lines
    )


def test_readme_provenance_is_spaced(gitea_build: tuple[Path, Result]) -> None:
    readme = (gitea_build[0] / "README.md").read_text(encoding="utf-8")
    assert "`mini-gitea.json` (SHA-256" in flat(readme)


def test_quiet_build_prints_nothing(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    for flag in ("--quiet", "-q"):
        result = run("build", "--spec", GITEA, "--out", out, flag)
        assert result.exit_code == 0
        assert result.output == ""
        assert (out / "gitea_sdk").is_dir()


def test_package_name_renames_the_package(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = run("build", "-q", "--spec", GITEA, "--out", out, "--package-name", "my_sdk")
    assert result.exit_code == 0
    assert (out / "my_sdk" / "__init__.py").is_file()
    assert not (out / "gitea_sdk").exists()
    assert manifest(out)["package"] == "my_sdk"
    assert 'name = "my' in (out / "pyproject.toml").read_text(encoding="utf-8").replace("-", "_")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("My-SDK", "'My-SDK' is not a valid Python package name"),
        ("class", "'class' is not a valid Python package name"),
        ("_x", "'_x': use lower case and no leading underscore"),
        ("1abc", "'1abc' is not a valid Python package name"),
        ("Sdk", "'Sdk': use lower case"),
        ("sdk\u00fc", "is not a valid Python package name"),
    ],
)
def test_bad_package_names_exit_2(name: str, expected: str, tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = run("build", "--spec", GITEA, "--out", out, "--package-name", name)
    assert result.exit_code == 2
    assert "Invalid value for '--package-name'" in result.output
    assert expected in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("spec", "args", "package", "forge"),
    [
        (GITEA, [], "gitea_sdk", "gitea"),
        (GOGS, [], "gogs_sdk", "gogs"),
        # Forgejo's API is Gitea's and more: overriding warns (tests/release/test_guards.py);
        # --forge gogs on Gitea's spec, or the reverse, is refused there too.
        (GITEA, ["--forge", "forgejo"], "forgejo_sdk", "forgejo"),
        (GOGS, ["--forge", "generic"], "gogs_sdk", "generic"),  # named from its title
    ],
    ids=["gitea", "gogs", "gitea-as-forgejo", "gogs-as-generic"],
)
def test_forge_detection_and_override(
    spec: Path, args: list[str], package: str, forge: str, tmp_path: Path
) -> None:
    out = tmp_path / "sdk"
    result = run("build", "--spec", spec, "--out", out, *args)
    assert result.exit_code == 0
    assert (out / package / "__init__.py").is_file()
    assert manifest(out)["forge"] == forge
    assert f"built {package} ({forge})" in result.stderr


@pytest.mark.parametrize(
    ("title", "extra", "package", "forge"),
    [
        ("Forgejo API", {}, "forgejo_sdk", "forgejo"),
        (
            "Some Forge",
            {
                "securityDefinitions": {
                    "TOTP": {"type": "apiKey", "in": "header", "name": "X-FORGEJO-OTP"}
                }
            },
            "forgejo_sdk",
            "forgejo",
        ),
        ("Acme Hub API", {}, "acme_hub_sdk", "generic"),
    ],
    ids=["forgejo-title", "forgejo-otp-header", "generic-title"],
)
def test_detection_from_a_tiny_spec(
    title: str, extra: dict[str, Any], package: str, forge: str, tmp_path: Path
) -> None:
    spec = write_spec(tmp_path / "spec.json", title, **extra)
    out = tmp_path / "sdk"
    result = run("build", "-q", "--spec", spec, "--out", out)
    assert result.exit_code == 0, result.output
    assert (out / package / "__init__.py").is_file()
    assert manifest(out)["forge"] == forge


def test_build_from_stdin(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = run("build", "--spec", "-", "--out", out, input=GITEA.read_bytes())
    assert result.exit_code == 0
    assert (out / "gitea_sdk" / "__init__.py").is_file()
    assert "<stdin>" in (out / "README.md").read_text(encoding="utf-8")
    assert "note: " in result.stderr


def test_build_notes_name_stdin(tmp_path: Path) -> None:
    result = run("build", "--spec", "-", "--out", tmp_path / "sdk", input=GITEA.read_bytes())
    assert result.exit_code == 0
    assert "note: <stdin>#/paths/" in result.stderr
    assert "note: -#" not in result.stderr


def test_stdin_built_package_equals_file_built_package(
    gitea_build: tuple[Path, Result], tmp_path: Path
) -> None:
    out = tmp_path / "sdk"
    assert run("build", "-q", "-s", "-", "-o", out, input=GITEA.read_bytes()).exit_code == 0
    assert tree(out / "gitea_sdk") == tree(gitea_build[0] / "gitea_sdk")


def test_empty_stdin_exits_3(tmp_path: Path) -> None:
    result = run("build", "--spec", "-", "--out", tmp_path / "sdk", input=b"")
    assert result.exit_code == 3
    assert "<stdin>: the document is empty" in result.output
    assert not (tmp_path / "sdk").exists()


def test_validate_a_yaml_spec(tmp_path: Path) -> None:
    spec = tmp_path / "gogs.yaml"
    spec.write_text(yaml.safe_dump(json.loads(GOGS.read_text(encoding="utf-8"))), encoding="utf-8")
    result = run("validate", "--spec", spec)
    assert result.exit_code == 0
    assert f"{spec}: valid openapi 3.0.3, 14 operations" in result.output


# --- the output folder ----------------------------------------------------------------------


def test_rebuild_into_own_folder(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert run("build", "-q", "--spec", GITEA, "--out", out).exit_code == 0
    (out / "gitea_sdk" / "stale.py").write_text("x = 1\n", encoding="utf-8")
    result = run("build", "--spec", GOGS, "--out", out)
    assert result.exit_code == 0
    # Every file forgegen wrote is replaced, and a CHANGELOG.md says what
    # changed from the previous build; the file it did not write is kept.
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            MANIFEST,
            API_RECORD,
            "CHANGELOG.md",
            "README.md",
            "gitea_sdk",
            "gogs_sdk",
            "pyproject.toml",
        ]
    )
    assert [p.name for p in (out / "gitea_sdk").iterdir()] == ["stale.py"]
    assert "kept 1 file(s) or folder(s) forgegen did not write: gitea_sdk/stale.py" in result.stderr
    assert leftovers(tmp_path) == []


def test_build_into_an_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    out.mkdir()
    assert run("build", "-q", "--spec", GOGS, "--out", out).exit_code == 0
    assert (out / "gogs_sdk").is_dir()


def test_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "work"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = tree(out)
    result = run("build", "--spec", GITEA, "--out", out)
    assert result.exit_code == 5
    assert f"Error: {out} was not created by forgegen" in result.output
    assert "choose an empty or new folder" in result.output
    assert tree(out) == before
    assert leftovers(tmp_path) == []


def test_refuses_a_folder_with_a_foreign_manifest(tmp_path: Path) -> None:
    out = tmp_path / "work"
    out.mkdir()
    (out / MANIFEST).write_text('{"generator": "someone-else"}\n', encoding="utf-8")
    before = tree(out)
    assert run("build", "-q", "--spec", GITEA, "--out", out).exit_code == 5
    assert tree(out) == before


def test_out_is_a_file_exits_2(tmp_path: Path) -> None:
    # click's Path(file_okay=False) rejects it before forgegen runs: a usage error.
    target = tmp_path / "afile"
    target.write_text("keep\n", encoding="utf-8")
    result = run("build", "--spec", GITEA, "--out", target)
    assert result.exit_code == 2
    assert "Invalid value for '--out'" in result.output and "is a file" in result.output
    assert target.read_text(encoding="utf-8") == "keep\n"


def test_out_below_a_file_exits_5(tmp_path: Path) -> None:
    target = tmp_path / "afile"
    target.write_text("keep\n", encoding="utf-8")
    result = run("build", "--spec", GITEA, "--out", target / "sdk")
    assert result.exit_code == 5
    assert f"cannot write {target / 'sdk'}" in result.output
    assert target.read_text(encoding="utf-8") == "keep\n"
    assert leftovers(tmp_path) == []


def test_out_is_a_symlink_exits_5(tmp_path: Path) -> None:
    real = tmp_path / "real"
    assert run("build", "-q", "--spec", GOGS, "--out", real).exit_code == 0
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    before = tree(real)
    result = run("build", "--spec", GITEA, "--out", link)
    assert result.exit_code == 5
    assert f"{link} is a symbolic link" in result.output
    assert tree(real) == before


def test_failed_swap_keeps_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "sdk"
    assert run("build", "-q", "--spec", GOGS, "--out", out).exit_code == 0
    before = tree(out)
    real_rename = writer._rename

    def failing(src: Path, dst: Path) -> None:
        if dst == out and "forgegen-tmp" in src.name:  # the swap, not the restore
            raise PermissionError(13, "Permission denied", str(dst))
        real_rename(src, dst)

    monkeypatch.setattr(writer, "_rename", failing)
    result = run("build", "--spec", GITEA, "--out", out)
    assert result.exit_code == 5
    assert f"cannot write {out}: Permission denied" in result.output
    assert tree(out) == before
    assert leftovers(tmp_path) == []


def test_builds_are_deterministic(
    gitea_build: tuple[Path, Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another folder, a relative spec path from another working directory, and
    # black run afresh rather than from the cache: the same bytes and modes.
    monkeypatch.chdir(SPECS)
    monkeypatch.setenv("FORGEGEN_NO_CACHE", "1")
    out = tmp_path / "elsewhere" / "other-name"
    assert run("build", "-q", "--spec", GITEA.name, "--out", out).exit_code == 0
    assert tree(out) == tree(gitea_build[0])


# --- failures leave nothing behind ------------------------------------------------------------


def test_invalid_spec_exits_4_and_writes_nothing(tmp_path: Path) -> None:
    parent = tmp_path / "parent"
    out = parent / "sdk"
    spec = BAD / "bad_types.json"
    result = run("build", "--spec", spec, "--out", out)
    assert result.exit_code == 4
    assert "the spec is not valid (2 error(s))" in result.output
    assert (
        f"error: {spec}#/paths/~1x/get/parameters/0/type: 'integr' is not one of" in result.output
    )
    assert f"error: {spec}#/paths/~1x/post/responses/200/schema/properties/n/type:" in result.output
    assert "--ignore-validation-errors" in result.output
    assert not out.exists()
    assert not parent.exists() or leftovers(parent) == []


def test_ignore_validation_errors_builds_anyway(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    spec = BAD / "bad_types.json"
    result = run("build", "--spec", spec, "--out", out, "--ignore-validation-errors")
    assert result.exit_code == 0
    # The errors are still shown, with their pointers.
    assert f"error: {spec}#/paths/~1x/get/parameters/0/type:" in result.stderr
    assert (
        f"warning: {spec}#/paths/~1x/get/parameters/0/type: unknown type 'integr'" in result.stderr
    )
    assert (out / "bad_types_sdk" / "__init__.py").is_file()
    # Quiet still shows errors (not warnings).
    quiet = run("build", "-q", "--spec", spec, "--out", out, "--ignore-validation-errors")
    assert quiet.exit_code == 0
    assert quiet.output.count("error: ") == 2 and "warning:" not in quiet.output


@pytest.mark.parametrize(
    "args",
    [
        ["--spec", str(BAD / "bad_types.json")],
        ["--spec", str(BAD / "hello.json")],
        ["--spec", str(BAD / "remote_ref.json")],
        ["--spec", "/no/such/spec.json"],
        ["--spec", str(GITEA), "--package-name", "Bad"],
    ],
    ids=["invalid", "not-a-spec", "remote-ref", "missing", "bad-option"],
)
def test_failures_leave_nothing_behind(args: list[str], tmp_path: Path) -> None:
    out = tmp_path / "parent" / "sdk"
    result = run("build", *args, "--out", out)
    assert result.exit_code != 0
    assert not out.exists()
    assert not out.parent.exists() or leftovers(out.parent) == []


def test_a_valid_spec_with_no_operations_builds(tmp_path: Path) -> None:
    spec = tmp_path / "empty.json"
    spec.write_text('{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}}')
    assert run("validate", "--spec", spec).exit_code == 0
    out = tmp_path / "sdk"
    result = run("build", "--spec", spec, "--out", out)
    assert "black could not format" not in result.output
    assert result.exit_code == 0
    assert (out / "t_sdk" / "__init__.py").is_file()


def test_a_failed_format_leaves_nothing_behind(tmp_path: Path) -> None:
    spec = tmp_path / "empty.json"
    spec.write_text('{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}}')
    out = tmp_path / "parent" / "sdk"
    result = run("build", "--spec", spec, "--out", out)
    if result.exit_code != 0:
        assert not out.exists()
        assert not out.parent.exists() or leftovers(out.parent) == []


def test_ignored_errors_that_break_the_parser_exit_4(tmp_path: Path) -> None:
    spec = BAD / "definitions_list.json"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            "--spec",
            str(spec),
            "--out",
            str(tmp_path / "sdk"),
            "--ignore-validation-errors",
        ],
    )
    assert result.exit_code == 4
    assert f"{spec}#/definitions" in result.output
    assert not (tmp_path / "sdk").exists()


@pytest.mark.parametrize(
    "text", ["{{ no_such_variable }}\n", "{% if %}\n"], ids=["undefined", "syntax"]
)
def test_broken_overlay_template_names_the_file(text: str, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "README.md.jinja").write_text(text, encoding="utf-8")
    out = tmp_path / "sdk"
    result = CliRunner().invoke(
        cli, ["build", "--spec", str(GITEA), "--out", str(out), "--templates", str(overlay)]
    )
    assert isinstance(result.exception, SystemExit)  # a ClickException, not a crash
    assert result.exit_code != 0
    assert "README.md.jinja" in result.output
    assert not out.exists()


# --- validate ---------------------------------------------------------------------------------


def test_validate_a_valid_spec() -> None:
    result = run("validate", "--spec", GITEA)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"{GITEA}: valid swagger 2.0, 30 operations, 35 models"
    gogs = run("validate", "-s", GOGS)
    assert gogs.exit_code == 0
    assert f"{GOGS}: valid openapi 3.0.3, 14 operations" in gogs.stderr


def test_validate_accepts_gitea_file_responses_with_a_note() -> None:
    result = run("validate", "--spec", GITEA)
    assert result.exit_code == 0
    at = "#/paths/~1repos~1{owner}~1{repo}~1raw~1{filepath}/get/responses/200/schema/type"
    assert (
        f"note: {GITEA}{at}: type: file in a response schema is valid Swagger 2.0" in result.stderr
    )
    assert "accepted" in result.stderr
    assert "error:" not in result.stderr


def test_validate_quiet_prints_nothing_for_a_valid_spec() -> None:
    result = run("validate", "-q", "--spec", GITEA)
    assert result.exit_code == 0
    assert result.output == ""


def test_validate_lists_every_error_with_its_pointer() -> None:
    spec = BAD / "bad_types.json"
    result = run("validate", "--spec", spec)
    assert result.exit_code == 4
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {spec}#/paths/~1x/get/parameters/0/type: "
        "'integr' is not one of ['string', 'number', 'boolean', 'integer', 'array']",
        f"error: {spec}#/paths/~1x/post/responses/200/schema/properties/n/type: "
        "5 is not valid under any of the given schemas",
    ]


def test_validate_lists_more_than_twenty_errors(tmp_path: Path) -> None:
    paths = {
        f"/p{i}": {
            "get": {
                "operationId": f"op{i}",
                "parameters": [{"name": "a", "in": "query", "type": "integr"}],
                "responses": {"200": {"description": "ok"}},
            }
        }
        for i in range(25)
    }
    spec = write_spec(tmp_path / "many.json", "T", paths=paths)
    result = run("validate", "--spec", spec)
    assert result.exit_code == 4
    for i in range(25):
        assert f"{spec}#/paths/~1p{i}/get/parameters/0/type" in result.output


def test_validate_never_calls_an_invalid_spec_valid() -> None:
    spec = BAD / "bad_types.json"
    result = run("validate", "--spec", spec, "--ignore-validation-errors")
    assert "error: " in result.output
    assert f"{spec}: valid" not in result.output
    assert result.exit_code == 4


# --- bad specs --------------------------------------------------------------------------------

REF_AT = "#/paths/~1x/get/responses/200/schema/$ref"
# One row per file in tests/bad_specs/: the exit code, and substrings of the message
# (besides the file's own path, which every message must name).
BAD_SPECS: list[tuple[str, int, list[str]]] = [
    ("garbage.txt", 3, ["invalid YAML at line 1, column 14"]),
    ("garbage.bin", 3, ["not UTF-8 (byte 0xff at offset 2)"]),
    ("truncated.json", 3, ["truncated JSON (it ends early)"]),
    ("array.json", 4, ["got a list"]),
    ("hello.json", 4, ['not an API spec: no "swagger" or "openapi"']),
    ("swagger_1_2.json", 4, ["unsupported swagger: '1.2'"]),
    ("no_paths.json", 4, ["#: 'paths' is a required property"]),
    ("no_info.json", 4, ["#: 'info' is a required property"]),
    ("remote_ref.json", 4, [REF_AT, "$ref 'http://example.invalid/x.json#/definitions/A'"]),
    ("file_ref.json", 4, [REF_AT, "non-local $ref 'file:///etc/passwd'"]),
    ("relative_ref.json", 4, [REF_AT, "non-local $ref 'other.json#/x'"]),
    ("missing_ref.json", 4, [REF_AT, "unresolvable $ref", "/definitions/Missing"]),
    ("python_tag.yaml", 3, ["line 2, column 7", "python/object/apply", "no !!python tags"]),
    ("billion_laughs.yaml", 3, ["YAML alias bomb"]),
    ("bad_types.json", 4, ["#/paths/~1x/get/parameters/0/type"]),
    ("definitions_list.json", 4, ["#/definitions: [1] is not of type 'object'"]),
]


def bad_spec_rows() -> list[Any]:
    return [pytest.param(*row, id=row[0]) for row in BAD_SPECS]


def test_every_bad_spec_has_a_row() -> None:
    assert sorted(row[0] for row in BAD_SPECS) == sorted(p.name for p in BAD.iterdir())


@pytest.fixture
def no_escape(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record any network connection or read of /etc/passwd; the test asserts none happened."""
    seen: list[str] = []
    real_open = builtins.open

    def resolve(*args: Any, **kwargs: Any) -> Any:
        seen.append(f"getaddrinfo {args[0]}")
        raise OSError("network disabled by the test")

    def connect(self: socket.socket, address: Any) -> None:
        seen.append(f"connect {address}")
        raise OSError("network disabled by the test")

    def opener(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == "/etc/passwd":
            seen.append("open /etc/passwd")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(builtins, "open", opener)
    yield seen


@pytest.mark.parametrize(("name", "code", "expected"), bad_spec_rows())
@pytest.mark.parametrize("command", ["build", "validate"])
def test_bad_spec(
    command: str,
    name: str,
    code: int,
    expected: list[str],
    tmp_path: Path,
    no_escape: list[str],
) -> None:
    spec = BAD / name
    out = tmp_path / "sdk"
    args = ["--spec", str(spec)] + (["--out", str(out)] if command == "build" else [])
    result = run(command, *args)
    assert result.exit_code == code, result.output
    assert str(spec) in result.output  # the message names the file
    for part in expected:
        assert part in result.output
    assert result.output.count("Error: ") == 1
    assert not out.exists()
    assert leftovers(tmp_path) == []
    assert no_escape == []  # refused before any fetch or read


# --- sources that cannot be read --------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "validate"])
def test_unreadable_sources_exit_3(command: str, tmp_path: Path) -> None:
    out = ["--out", str(tmp_path / "sdk")] if command == "build" else []
    missing = tmp_path / "missing.json"
    cases = [
        (str(missing), f"{missing}: no such file"),
        (str(SPECS), f"{SPECS}: is a directory, not a spec file"),
        ("http://127.0.0.1:1/", "http://127.0.0.1:1/: connection refused"),
        ("http://127.0.0.1:1/x.json", "http://127.0.0.1:1/x.json: connection refused"),
        ("ftp://example.invalid/x.json", "ftp://example.invalid/x.json: not a usable URL"),
    ]
    for spec, expected in cases:
        result = run(command, "--spec", spec, "--timeout", "5", *out)
        assert result.exit_code == 3, result.output
        assert expected in result.output
        assert "hint:" in result.output
        assert not (tmp_path / "sdk").exists()


def test_size_limit_exits_3() -> None:
    result = run("validate", "--spec", GITEA, "--max-size", "0.001")
    assert result.exit_code == 3
    assert f"{GITEA}: the document is over 1048 bytes" in result.output


def test_url_credentials_are_masked() -> None:
    result = run("validate", "--spec", "http://me:hunter2@127.0.0.1:1/?token=abc")
    assert result.exit_code == 3
    assert "hunter2" not in result.output
    assert "connection refused" in result.output


class _SpecHandler(BaseHTTPRequestHandler):
    """Serves mini-gitea as <root>/swagger.v1.json, as a Gitea instance does; 404 elsewhere."""

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/swagger.v1.json":
            body = GITEA.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
        else:
            body = b"not found"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def instance() -> Iterator[str]:
    """The root URL of a local "instance" on 127.0.0.1, on a port the OS picks."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SpecHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_build_from_an_instance_url(instance: str, tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    result = run("build", "--spec", instance, "--out", out, "--timeout", "10")
    assert result.exit_code == 0, result.output
    assert f"forgegen: fetching {instance}swagger.v1.json" in result.stderr
    assert f"`{instance}swagger.v1.json`" in (out / "README.md").read_text(encoding="utf-8")
    assert manifest(out)["forge"] == "gitea"


def test_validate_masks_url_secrets(instance: str) -> None:
    url = instance.replace("://", "://me:hunter2@") + "swagger.v1.json?token=sekrit"
    result = run("validate", "--spec", url, "--timeout", "10")
    assert result.exit_code == 0, result.output
    assert "hunter2" not in result.output and "sekrit" not in result.output
    assert "note: http://me:***@127.0.0.1:" in result.output


def test_build_masks_url_secrets_and_names_the_spec_url(instance: str, tmp_path: Path) -> None:
    url = instance.replace("://", "://me:hunter2@") + "?token=sekrit"
    result = run("build", "--spec", url, "--out", tmp_path / "sdk", "--timeout", "10")
    assert result.exit_code == 0, result.output
    assert "hunter2" not in result.output and "sekrit" not in result.output
    assert "swagger.v1.json#/paths/" in result.output


# --- the console entry, main() ----------------------------------------------------------------


def forgegen_process(
    *args: str, code: str = "", debug: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("FORGEGEN_DEBUG", None)
    if debug:
        env["FORGEGEN_DEBUG"] = "1"
    command = (
        [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "forgegen", *args]
    )
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)


def test_main_version_and_clean_errors() -> None:
    version = forgegen_process("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"forgegen, version {forgegen.__version__}"
    spec = BAD / "remote_ref.json"
    bad = forgegen_process("validate", "--spec", str(spec))
    assert bad.returncode == 4
    assert bad.stdout == ""
    assert bad.stderr.startswith(f"Error: {spec}{REF_AT}: refusing the non-local $ref")
    assert "Traceback" not in bad.stderr
    usage = forgegen_process("build", "--spec", str(GITEA))
    assert usage.returncode == 2
    assert "Missing option '--out'" in usage.stderr


CRASH = """
import sys
import forgegen.cli.commands as c
def boom(*args, **kwargs):
    raise RuntimeError("boom")
c.load_spec = boom
sys.argv = ["forgegen", *sys.argv[1:]]
c.main()
"""


def test_main_turns_a_crash_into_one_line() -> None:
    crash = forgegen_process("validate", "--spec", str(GITEA), code=CRASH)
    assert crash.returncode == 1
    assert "Traceback" not in crash.stderr
    assert crash.stderr.splitlines() == [
        "forgegen: internal error: RuntimeError: boom",
        "please report this; FORGEGEN_DEBUG=1 shows the traceback",
    ]
    debug = forgegen_process("validate", "--spec", str(GITEA), code=CRASH, debug=True)
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_an_interrupt_caught_after_string_code_still_exits_130(tmp_path: Path) -> None:
    """Under ``python -m``, CPython ends by SIGINT after a KeyboardInterrupt
    that left code run from a string, even once it was caught; forgegen's
    exit must say 130 all the same (it flaked as -2 under load)."""
    (tmp_path / "interrupted_in_exec.py").write_text(
        "from forgegen.cli.commands import _interrupted\n"
        "try:\n"
        "    exec('raise KeyboardInterrupt')\n"
        "except KeyboardInterrupt:\n"
        "    _interrupted()\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "interrupted_in_exec"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stderr) == (130, "forgegen: interrupted\n")
