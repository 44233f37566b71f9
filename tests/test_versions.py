"""One SDK for a range of forge versions: the merge, the docstrings and the version check.

The merge is checked on small inline specs, where every case is visible; the
real ranges (Gitea 1.17 to 1.27, Forgejo 7 to 15) must build into one SDK each that
has every operation of every version and passes ``mypy --strict``. The check
runs against the fake forge, whose ``/version`` the tests set: a method newer
than the server fails before anything is sent, naming the method, the
server's version and the first version that has it.
"""

from __future__ import annotations

import ast
import asyncio
import itertools
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from forgegen import ir
from forgegen.cli.commands import cli
from forgegen.diagnostics import Diagnostics
from forgegen.errors import SpecError
from forgegen.parse import parse
from forgegen.parse.versions import label, merge

from forge_server import running_forge
from sdk import build_sdk, load_package, spec_operations

# --- the merge, on inline specs ----------------------------------------------------


def swagger(version: str, paths: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Gitea API", "version": version},
        "basePath": "/api/v1",
        "paths": paths,
        "definitions": definitions,
    }


def get(op_id: str, *params: str, owner: str = "owner") -> dict[str, Any]:
    return {
        "get": {
            "operationId": op_id,
            "tags": ["repository"],
            "parameters": [
                {"name": owner, "in": "path", "required": True, "type": "string"},
                *({"name": p, "in": "query", "type": "string"} for p in params),
            ],
            "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Repo"}}},
        }
    }


def repo(*fields: str, required: tuple[str, ...] = ()) -> dict[str, Any]:
    props = {f: {"type": "string"} for f in fields}
    return {"type": "object", "properties": props, "required": list(required)}


OLD = swagger(
    "1.20.6",
    {"/repos/{owner}": get("repoGet"), "/repos/{owner}/old": get("repoOld")},
    {"Repo": repo("name", "gone", required=("name",)), "State": {"type": "string", "enum": ["a"]}},
)
NEW = swagger(
    "1.22.1",
    {
        "/repos/{username}": get("repoGet", "sort", owner="username"),  # renamed
        "/repos/{owner}/new": get("repoNew"),
    },
    {
        "Repo": repo("name", "topics", required=("name", "topics")),
        "State": {"type": "string", "enum": ["a", "b"]},
    },
)


def parsed(document: dict[str, Any]) -> ir.Api:
    return parse(document, Diagnostics())


@pytest.fixture(scope="module")
def merged() -> ir.Api:
    return merge([parsed(NEW), parsed(OLD)])  # any order


def operation(api: ir.Api, name: str) -> ir.Operation:
    return next(op for op in api.operations if op.name == name)


def test_every_operation_of_any_version_is_there_marked_with_its_versions(merged: ir.Api) -> None:
    assert merged.versions == ("1.20", "1.22")
    marks = {op.name: (op.since, op.until) for op in merged.operations}
    assert marks == {"get": (None, None), "new": ("1.22", None), "old": (None, "1.22")}
    # the newest version describes a route both have, its path included
    assert operation(merged, "get").path == "/repos/{username}"


def test_a_parameter_that_came_later_is_marked(merged: ir.Api) -> None:
    params = {p.wire_name: p.since for p in operation(merged, "get").parameters}
    assert params == {"username": None, "sort": "1.22"}


def test_a_field_some_version_lacks_is_optional(merged: ir.Api) -> None:
    model = next(m for m in merged.models if m.name == "Repo")
    fields = {f.wire_name: (f.required, f.since) for f in model.fields}
    # topics is required in 1.22 but 1.20 never sends it; gone is kept for old servers
    assert fields == {"name": (True, None), "topics": (False, "1.22"), "gone": (False, None)}


def test_enums_keep_the_values_of_every_version(merged: ir.Api) -> None:
    enum = next(e for e in merged.enums if e.name == "State")
    assert [v.value for v in enum.values] == ["a", "b"]


def test_one_version_is_left_as_it_is() -> None:
    api = parsed(NEW)
    assert merge([api]) is api


def test_versions_order_by_release_line_not_by_text() -> None:
    assert label("1.9.0") == "1.9" and label("11.0.1+gitea-1.22.0") == "11.0" and label("v1") == "1"
    ten, nine = swagger("1.10.0", {}, {}), swagger("1.9.2", {}, {})
    assert merge([parsed(ten), parsed(nine)]).versions == ("1.9", "1.10")


def test_two_specs_of_one_release_or_one_without_a_number_are_refused() -> None:
    with pytest.raises(SpecError, match=r"same release 1\.22"):
        merge([parsed(NEW), parsed(swagger("1.22.6", {}, {}))])
    with pytest.raises(SpecError, match="no number to order by"):
        merge([parsed(NEW), parsed(swagger("main", {}, {}))])


# --- real ranges ---------------------------------------------------------------------


def gitea_range(specs: Path, first: int = 17, last: int = 27) -> list[Path]:
    return [specs / f"gitea/1.{n}.json" for n in range(first, last + 1)]


def forgejo_range(specs: Path) -> list[Path]:
    return [specs / f"forgejo/{n}.json" for n in range(7, 16)]


def routes(paths: list[Path]) -> set[tuple[str, str]]:
    return {
        (method, re.sub(r"\{[^}]*\}", "{}", path))
        for p in paths
        for method, path in spec_operations(json.loads(p.read_text(encoding="utf-8")))
    }


def cli_build(specs: list[Path], out: Path, package: str) -> None:
    args = ["build", "-q", "--out", str(out), "--package-name", package]
    for spec in specs:
        args += ["--spec", str(spec)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output


@pytest.mark.slow
@pytest.mark.parametrize("forge", ["gitea", "forgejo"])
def test_a_whole_range_builds_into_one_sdk_that_passes_mypy(
    shared_specs: Path, tmp_path: Path, forge: str
) -> None:
    specs = gitea_range(shared_specs) if forge == "gitea" else forgejo_range(shared_specs)
    package = f"range_{forge}_sdk"
    cli_build(specs, tmp_path, package)
    sdk = load_package(tmp_path, package)
    assert sdk.UnsupportedVersion.__module__ == f"{package}.errors"
    record = json.loads((tmp_path / ".forgegen-api.json").read_text(encoding="utf-8"))
    assert len(record["operations"]) == len(routes(specs))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", package],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]


# --- the version check, against the fake forge ----------------------------------------

PACKAGE = "v3_gitea_sdk"
# CommitAffectedFiles.status appeared in Gitea 1.21's spec.
FIELD_SINCE = '    status: str | None = None\n    """.. versionadded:: 1.21"""'


@pytest.fixture(scope="module")
def sdk(shared_specs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("versions")
    build_sdk(
        shared_specs / "gitea/1.22.json",
        out,
        PACKAGE,
        more_specs=tuple(str(p) for p in gitea_range(shared_specs, 20, 21)),
    )
    module = load_package(out, PACKAGE)
    yield module
    sys.path.remove(str(out))


def secret(client: Any) -> Any:
    from importlib import import_module

    models = import_module(f"{PACKAGE}.models")
    body = models.CreateOrUpdateSecretOption(data="s3cret")
    return client.repository.update_repo_secret("alice", "hello", "TOKEN", body=body)


def test_a_method_newer_than_the_server_fails_before_it_is_sent(sdk: ModuleType) -> None:
    with running_forge("gitea") as forge:
        forge.state.version = "1.20.6"
        token = forge.state.add_token("alice", "t", ["all"]).sha1
        with sdk.Client(forge.url, auth=sdk.TokenAuth(token)) as client:
            with pytest.raises(sdk.UnsupportedVersion) as caught:
                secret(client)
            assert client.server_version == "1.20.6"
    error = caught.value
    assert (error.method, error.server_version, error.since) == (
        "repository.update_repo_secret",
        "1.20.6",
        "1.21",
    )
    assert "client.repository.update_repo_secret is new in 1.21" in str(error)
    assert "1.20.6" in str(error)
    sent = [r.path for r in forge.state.requests]
    assert sent == ["/api/v1/version"]  # asked once, and the PUT never went out


def test_a_new_enough_server_gets_the_call_and_the_version_is_asked_once(sdk: ModuleType) -> None:
    with running_forge("gitea") as forge:
        forge.state.version = "1.21.0"
        token = forge.state.add_token("alice", "t", ["all"]).sha1
        with sdk.Client(forge.url, auth=sdk.TokenAuth(token)) as client:
            secret(client)
            secret(client)
            assert client.repository.get("alice", "hello").name == "hello"
    paths = [r.path for r in forge.state.requests]
    assert paths.count("/api/v1/version") == 1
    assert forge.state.repos["alice/hello"].secrets == {"TOKEN": "s3cret"}
    assert forge.state.server_errors == []


def test_servers_that_lie_can_be_trusted_or_pinned(sdk: ModuleType) -> None:
    with running_forge("gitea") as forge:
        forge.state.version = "1.20.0"  # says old, but has the endpoint
        token = forge.state.add_token("alice", "t", ["all"]).sha1
        with sdk.Client(forge.url, auth=sdk.TokenAuth(token), check_versions=False) as client:
            secret(client)
        with sdk.Client(forge.url, auth=sdk.TokenAuth(token), server_version="1.22.6") as client:
            secret(client)
            assert client.server_version == "1.22.6"
    assert "/api/v1/version" not in [r.path for r in forge.state.requests]


def test_the_async_client_checks_the_same_way(sdk: ModuleType) -> None:
    async def scenario(url: str, token: str) -> tuple[str | None, Any]:
        async with sdk.AsyncClient(url, auth=sdk.TokenAuth(token)) as client:
            from importlib import import_module

            body = import_module(f"{PACKAGE}.models").CreateOrUpdateSecretOption(data="x")
            try:
                await client.repository.update_repo_secret("alice", "hello", "T", body=body)
            except sdk.UnsupportedVersion as exc:
                return await client.get_server_version(), exc
            return await client.get_server_version(), None

    with running_forge("gitea") as forge:
        forge.state.version = "1.20.6"
        token = forge.state.add_token("alice", "t", ["all"]).sha1
        version, error = asyncio.run(scenario(forge.url, token))
        assert version == "1.20.6" and error is not None and error.since == "1.21"
        forge.state.version = "1.21.3"
        version, error = asyncio.run(scenario(forge.url, token))
        assert version == "1.21.3" and error is None


def test_methods_and_fields_say_when_they_came(sdk: ModuleType) -> None:
    from importlib import import_module

    group = import_module(f"{PACKAGE}.api.repository")
    assert ".. versionadded:: 1.21" in group.RepositoryApi.update_repo_secret.__doc__
    # A method is checked exactly when its docstring marks it as not in every version.
    tree = ast.parse(Path(group.__file__).read_text(encoding="utf-8"))
    sync = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "RepositoryApi")
    marked = checked = 0
    for fn in (n for n in sync.body if isinstance(n, ast.FunctionDef) and n.name != "__init__"):
        doc = ast.get_docstring(fn) or ""
        is_marked = ".. versionadded::" in doc or ".. versionremoved::" in doc
        is_checked = "versions=Versions(" in ast.unparse(fn)
        assert is_marked == is_checked, fn.name
        marked, checked = marked + is_marked, checked + (not is_marked)
    assert marked and checked
    affected = import_module(f"{PACKAGE}.models").CommitAffectedFiles
    source = Path(import_module(affected.__module__).__file__).read_text(encoding="utf-8")
    assert FIELD_SINCE in source


def test_the_cli_builds_one_sdk_from_several_specs_in_any_order(
    shared_specs: Path, tmp_path: Path
) -> None:
    specs = gitea_range(shared_specs, 20, 22)
    cli_build([specs[1], specs[2], specs[0]], tmp_path / "a", "order_sdk")
    cli_build(specs, tmp_path / "b", "order_sdk")
    a, b = (
        {p.relative_to(root): p.read_bytes() for p in root.rglob("*.py")}
        for root in (tmp_path / "a", tmp_path / "b")
    )
    assert a == b and a
    readme = (tmp_path / "a" / "README.md").read_text(encoding="utf-8")
    assert "1.20" in readme and "1.22" in readme


def test_diff_over_the_list_prints_the_history_per_version(shared_specs: Path) -> None:
    specs = [str(p) for p in gitea_range(shared_specs, 20, 22)]
    shuffled = [specs[2], specs[0], specs[1]]
    text = CliRunner().invoke(cli, ["diff", "-q", *shuffled])
    assert text.exit_code == 0, text.output
    steps = [line for line in text.output.splitlines() if line.startswith("## ")]
    assert steps == ["## 1.20.6 → 1.21.11", "## 1.21.11 → 1.22.6"]
    assert "`client.repository.update_repo_secret`" in text.output.split(steps[1])[0]
    data = CliRunner().invoke(cli, ["diff", "-q", "--format", "json", *shuffled])
    history = json.loads(data.output)["history"]
    pairs = [(h["old"]["version"], h["new"]["version"]) for h in history]
    assert pairs == [("1.20.6", "1.21.11"), ("1.21.11", "1.22.6")]
    # the steps are the same reports as a two-spec diff of each pair
    for (old, new), step in zip(itertools.pairwise(specs), history, strict=True):
        pair = json.loads(
            CliRunner().invoke(cli, ["diff", "-q", "--format", "json", old, new]).output
        )
        assert pair == step
    failing = CliRunner().invoke(cli, ["diff", "-q", "--fail-on", "breaking", *shuffled])
    assert failing.exit_code != 0 and "across 3 versions" in failing.output


def test_a_config_target_lists_its_versions(shared_specs: Path, tmp_path: Path) -> None:
    from forgegen.release.config import ConfigError, load_config

    specs = [str(p) for p in gitea_range(shared_specs, 20, 21)]
    config = tmp_path / "forgegen.toml"
    config.write_text(
        f'[[targets]]\nname = "gitea"\nversions = {json.dumps(specs)}\nout = "sdk"\n',
        encoding="utf-8",
    )
    (target,) = load_config(config).targets
    assert (target.spec, target.more_specs) == (specs[0], (specs[1],))
    result = CliRunner().invoke(cli, ["build", "--all", "--config", str(config), "-q"])
    assert result.exit_code == 0, result.output
    readme = (tmp_path / "sdk" / "README.md").read_text(encoding="utf-8")
    assert "## Versions 1.20 to 1.21" in readme
    for bad, message in [
        (f'spec = "{specs[0]}"\nversions = {json.dumps(specs)}', "but one of them"),
        (f"versions = {json.dumps(specs[:1])}", "list two specs or more"),
        ('versions = ["a.json", 3]', "versions[1]: must be a file or a URL"),
    ]:
        config.write_text(f'[[targets]]\nname = "g"\n{bad}\nout = "sdk"\n', encoding="utf-8")
        with pytest.raises(ConfigError, match=re.escape(message)):
            load_config(config)


def test_an_older_version_is_validated_for_what_it_does_not_share(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    broken = json.loads(json.dumps(OLD))
    broken["paths"]["/repos/{owner}/old"]["get"]["parameters"][0]["in"] = "nowhere"
    old.write_text(json.dumps(broken), encoding="utf-8")
    new.write_text(json.dumps(NEW), encoding="utf-8")
    args = ["build", "-q", "--spec", str(new), "--spec", str(old), "--out", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 4, result.output
    assert f"{old}#/paths/~1repos~1{{owner}}~1old/get/parameters/0" in result.output
    assert str(new) + "#" not in result.output
    assert not (tmp_path / "o").exists()
    # The same error in a path item both versions share is the newer one's to report.
    both = json.loads(json.dumps(NEW))
    both["paths"]["/repos/{owner}/new"]["get"]["parameters"][0]["in"] = "nowhere"
    new.write_text(json.dumps(both), encoding="utf-8")
    shared = json.loads(json.dumps(OLD))
    shared["paths"]["/repos/{owner}/new"] = both["paths"]["/repos/{owner}/new"]
    old.write_text(json.dumps(shared), encoding="utf-8")
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 4
    assert f"{new}#/paths/~1repos~1{{owner}}~1new" in again.output
    assert f"{old}#" not in again.output


def test_check_takes_the_same_list_of_specs(shared_specs: Path, tmp_path: Path) -> None:
    specs = gitea_range(shared_specs, 20, 21)
    cli_build(specs, tmp_path, "check_sdk")
    args = ["check", "-q", "--out", str(tmp_path), "--package-name", "check_sdk"]
    fresh = CliRunner().invoke(cli, [*args, "--spec", str(specs[0]), "--spec", str(specs[1])])
    assert fresh.exit_code == 0, fresh.output
    stale = CliRunner().invoke(cli, [*args[:1], *args[2:], "--spec", str(specs[1])])
    assert stale.exit_code == 6 and "UnsupportedVersion" in stale.output
