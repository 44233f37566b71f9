"""Hostile specs: each either builds an SDK that compiles and imports doing nothing
but define things, or is refused with one located message (a JSON pointer, or a
line and column for a document that does not parse).

The corpus is tests/hostile/, one spec per file, one row per file below. Payloads
in the specs would create the file PWNED in the working folder if any of their
text ever ran, during the build or on import. Nothing here touches the network:
name resolution and connections fail the test.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from forgegen import naming
from forgegen.cli.commands import cli

from sdk import check_output, import_quietly, import_time_calls

HOSTILE = Path(__file__).resolve().parent / "hostile"
REF_AT = "#/paths/~1x/get/responses/200/schema/$ref"


@dataclass(frozen=True)
class Builds:
    """The spec builds; ``notes`` must appear among the notes, ``modules`` among
    the API modules."""

    notes: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()
    package: str = ""


@dataclass(frozen=True)
class Refused:
    """The spec is refused with this exit code and a message holding ``parts``."""

    code: int
    parts: tuple[str, ...]


# One row per file; a row's name may add command-line options after the file name.
CASES: dict[str, Builds | Refused] = {
    # Payloads in every text and name, in both spec formats and in YAML block scalars.
    "inject_every_field.json": Builds(notes=("has nothing a Python name can use",)),
    "inject_every_field_oas3.json": Builds(package="gogs_sdk"),
    "inject_block_scalars.yaml": Builds(),
    # Names that would be paths, Python's own names, clashes, and names with nothing usable.
    "path_like_tags.json": Builds(
        notes=("the tag is too long for a file name; named " + "t" * naming.MODULE_LENGTH,),
        modules=(
            "evil",
            "a_b",
            "etc_passwd",
            "c_windows_system_32",
            "x",
            "con_",
            "nul_",
            "aux_",
            "com_1",
            "lpt_9",
            "init",
            "client",
            "models",
            "api",
            "t" * naming.MODULE_LENGTH,
            "close_2",
            "call_2",
            "responses_2",
            "create_token_2",
            "aclose_2",
            "default",
        ),
    ),
    "path_like_title.json": Builds(package="tmp_evil_sdk"),
    "long_title.json": Builds(),
    "windows_device_title.json": Builds(package="con_sdk", modules=("nul_",)),
    "python_names.json": Builds(),
    "colliding_names.json": Builds(),
    "unusable_names.json": Builds(
        notes=(
            "#/paths/~1e2/get/operationId: the operationId '!!!' has nothing a Python name "
            "can use; named get_e_2",
            "#/definitions/@/properties/...: the property '...' has nothing",
            "#/definitions/@: the schema name '@' has nothing a Python name can use; named Schema",
        )
    ),
    # Text that is not plain: controls, escape sequences, bidi marks, lone surrogates.
    "control_characters.json": Builds(),
    "lone_surrogates.json": Builds(),
    "long_texts.json": Builds(),
    "ref_cycles.json": Builds(),
    "oversized.json": Builds(),
    # $refs that lead outside the document, or nowhere.
    "ref_protocol_relative.json": Refused(4, (REF_AT, "non-local $ref '//evil.example/")),
    "ref_absolute_path.json": Refused(4, (REF_AT, "non-local $ref '/etc/passwd'")),
    "ref_windows_unc.json": Refused(4, (REF_AT, "non-local $ref '\\\\\\\\evil.example")),
    "ref_percent_encoded.json": Refused(4, (REF_AT, "non-local $ref '%2e%2e/")),
    "ref_data_uri.json": Refused(4, (REF_AT, "non-local $ref 'data:application/json")),
    "ref_hidden_in_extension.json": Refused(
        4, ("#/definitions/A/allOf/0/properties/n/x-more/deep/0/$ref", "http://127.0.0.1:9/")
    ),
    "ref_outside_pointer.json": Refused(4, (REF_AT, "unresolvable $ref '/../../../etc/passwd'")),
    "ref_missing_deep.json": Refused(4, (REF_AT, "unresolvable $ref")),
    "ref_alias_loop.json": Refused(4, ("#/paths/~1x/get/responses/200/schema:", "$ref cycle")),
    "duplicate_operation_ids.json": Refused(4, ("#/paths/~1b/get/operationId", "not unique")),
    "control_characters_in_pointer.json": Refused(
        4, ("#/paths/~1a\\x1b[2J\\x1b[31mRED\\r\\nError: fake line\\u202e/get/responses/200",)
    ),
    # Documents that are not what they claim, or that would exhaust the reader.
    "deep_nesting.json": Refused(
        3, ("nested too deeply at #/paths/~1deep/get/responses/200/schema/properties/a/",)
    ),
    "oversized.json --max-size 0.01": Refused(3, ("the document is over 10485 bytes",)),
    "html_login_page.json": Refused(3, ("got an HTML page",)),
    "yaml_merge_bomb.yaml": Refused(3, ("YAML alias bomb",)),
    "yaml_recursive_alias.yaml": Refused(3, ("contains itself through an alias",)),
    "yaml_python_name.yaml": Refused(3, ("line 3, column 9", "python/name:os.system")),
    "yaml_binary_tag.yaml": Refused(3, ("line 3, column 10", "yaml.org,2002:binary")),
}


def test_every_hostile_spec_has_a_row() -> None:
    files = sorted(p.name for p in HOSTILE.iterdir())
    assert sorted({name.split()[0] for name in CASES}) == files
    assert len(files) >= 20


@pytest.fixture(scope="module", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FORGEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("black-cache")))
        mp.delenv("FORGEGEN_NO_CACHE", raising=False)
        yield


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail any name lookup or connection, and record it: the test asserts none."""
    tried: list[str] = []

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        tried.append(f"getaddrinfo {host}")
        raise socket.gaierror(socket.EAI_NONAME, "network disabled by the test")

    def connect(self: socket.socket, address: Any) -> None:
        tried.append(f"connect {address}")
        raise OSError("network disabled by the test")

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(socket.socket, "connect", connect)
    yield tried


def build(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Result, Path]:
    """Build one corpus file from a working folder of its own; return the result
    and the output folder (``tmp_path/parent/sdk``)."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    out = tmp_path / "parent" / "sdk"
    spec, *options = name.split()
    args = ["build", "--spec", str(HOSTILE / spec), "--out", str(out), *options]
    result = CliRunner().invoke(cli, args, prog_name="forgegen")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{name}: {result.exception!r}\n{result.output}") from (
            result.exception
        )
    assert "Traceback" not in result.output
    # Whatever the spec holds, the user sees printable lines only.
    assert all(line.isprintable() for line in result.output.splitlines()), result.output
    assert list(work.iterdir()) == [], "the build wrote into the working folder"
    return result, out


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_spec(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, offline: list[str]
) -> None:
    case = CASES[name]
    result, out = build(name, tmp_path, monkeypatch)
    spec = HOSTILE / name.split()[0]
    if isinstance(case, Refused):
        assert result.exit_code == case.code, result.output
        errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
        assert len(errors) == 1, result.output
        assert str(spec) in result.output
        for part in case.parts:
            assert part in result.output, result.output
        assert not out.exists() and not out.parent.exists()
    else:
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in out.parent.iterdir()) == ["sdk"]
        package = check_output(out)
        if case.package:
            assert package == case.package
        for note in case.notes:
            assert note in result.output, result.output
        modules = {p.stem for p in (out / package / "api").glob("*.py")}
        assert set(case.modules) <= modules, sorted(modules)
        empty = tmp_path / "empty"
        empty.mkdir()
        import_quietly(out, package, empty)
    assert offline == []
    assert not (tmp_path / "work" / "PWNED").exists()


def test_the_import_check_sees_side_effects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks above would notice code that runs on import, were there any."""
    result, out = build("ref_cycles.json", tmp_path, monkeypatch)
    assert result.exit_code == 0, result.output
    package = check_output(out)
    models = min((out / package / "models").glob("_[!_]*.py"))
    source = models.read_text(encoding="utf-8") + "\nopen('PWNED', 'w').close()\n"
    models.write_text(source, encoding="utf-8")
    line = len(source.splitlines())
    assert f"line {line}: open('PWNED', 'w')" in import_time_calls(source)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(AssertionError, match="PWNED"):
        import_quietly(out, package, empty)
