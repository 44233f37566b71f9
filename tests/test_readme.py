"""The README's examples work as written: every config example, and the CI job."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import click
import pytest
import yaml

from forgegen.cli.commands import cli
from forgegen.release.config import load_config
from releasing import GITEA, REPO, private_cache, run

__all__ = ["private_cache"]

README = (REPO / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.MULTILINE | re.DOTALL)


CONFIGS = [b for b in blocks("toml") if "targets]]" in b]


def test_the_readme_has_config_examples() -> None:
    assert CONFIGS, "no config example found in the README"


def stand_in(path: Path) -> None:
    """The small Gitea spec as ``path``; a name with a version (``gitea-1.20.json``)
    gives it that version, so that a list of versions names distinct releases."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = json.loads(GITEA.read_text(encoding="utf-8"))
    found = re.search(r"\d+\.\d+", path.name)
    if found:
        document["info"]["version"] = found.group(0) + ".0"
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize("example", CONFIGS)
def test_every_config_example_builds_as_written(tmp_path: Path, example: str) -> None:
    name = "pyproject.toml" if "[tool.forgegen]" in example else "forgegen.toml"
    config = tmp_path / name
    config.write_text(example, encoding="utf-8")
    table = tomllib.loads(example)
    table = table.get("tool", {}).get("forgegen", table)
    # What the example names must exist: a spec file, a template overlay folder.
    for target in table["targets"]:
        target = {**table, **target}
        for spec in target.get("versions", [target.get("spec")]):
            if "://" not in spec:
                stand_in(tmp_path / spec)
        if "templates" in target:
            (tmp_path / target["templates"]).mkdir(parents=True, exist_ok=True)
    loaded = load_config(config)
    assert [t.name for t in loaded.targets] == [t["name"] for t in table["targets"]]
    result = run("build", "--all", "--config", config)
    assert result.exit_code == 0, result.output
    assert f"{len(loaded.targets)} built, 0 unchanged, 0 failed" in result.stderr
    for target in loaded.targets:
        assert (target.out / "pyproject.toml").is_file()
    # The progress line the README shows is what the example prints.
    shown = re.search(
        r"\(`forgegen: \[2/5\] gitea-1\.22: built: (gitea_sdk [^ ]+) \(gitea\)", README
    )
    assert shown is not None
    assert f"gitea-1.22: built: {shown.group(1)} (gitea)" in result.stderr


def ci_script() -> str:
    section = README[README.index("### A CI job") :]
    return re.search(r"^```sh\n(.*?)^```", section, re.MULTILINE | re.DOTALL).group(1)  # type: ignore[union-attr]


def test_the_ci_script_is_valid_shell() -> None:
    if shutil.which("bash") is None:
        pytest.skip("no bash")
    checked = subprocess.run(["bash", "-n"], input=ci_script(), text=True, capture_output=True)
    assert checked.returncode == 0, checked.stderr


def forgegen_lines(script: str) -> list[list[str]]:
    """Each forgegen command of the script, variables filled in, as argv."""
    joined = script.replace("\\\n", " ")
    values = {"SPEC_URL": "https://gitea.example.com/swagger.v1.json", "OUT": "sdk/gitea"}
    commands = []
    for line in joined.splitlines():
        line = line.split("#", 1)[0] if not line.lstrip().startswith("#!") else ""
        if not line.strip().startswith("forgegen "):
            continue
        words = []
        for word in shlex.split(line, posix=True):
            if word in ("||", ">", "&&", "|") or word.startswith(("status=", "changed=")):
                break
            words.append(re.sub(r"\$(\w+)", lambda m: values[m.group(1)], word))
        commands.append(words[1:])
    return commands


def test_every_forgegen_line_of_the_ci_job_is_a_valid_command() -> None:
    commands = forgegen_lines(ci_script())
    assert [c[0] for c in commands] == ["check", "diff", "build"]
    for args in commands:
        ctx = click.Context(cli, info_name="forgegen")
        name, command = args[0], cli.get_command(ctx, args[0])
        assert command is not None, args
        try:
            command.make_context(name, args[1:], parent=ctx)
        except click.UsageError as exc:  # an unknown option, a bad value
            pytest.fail(f"forgegen {' '.join(args)}: {exc.format_message()}")
    # The exit codes the script branches on are the ones forgegen gives.
    script = ci_script()
    assert "6) ;;" in script and "-eq 7" in script
    assert run("check", "--help").output.count("6  check: the SDK is stale") == 1
    assert "7  diff: changes that --fail-on fails on" in run("diff", "--help").output


def test_the_github_actions_job_runs_the_script() -> None:
    (job,) = [b for b in blocks("yaml") if "jobs:" in b]
    steps = yaml.safe_load(job)["jobs"]["release"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "ci/release-sdk.sh" in runs
    assert any("forgegen" in r and "build" in r and "twine" in r for r in runs)


def test_the_first_sdk_example_passes_mypy_strict_without_asserts(tmp_path: Path) -> None:
    # Response fields the forge always sends are not Optional (profiles/presence.py),
    # so repo.owner.login needs no assert; mypy checks the example as a user would.
    example = next(b for b in blocks("python") if "repo.owner.login" in b)
    result = run("build", "-q", "--spec", GITEA, "--out", tmp_path / "sdk")
    assert result.exit_code == 0, result.output
    (tmp_path / "example.py").write_text(example, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "example.py"],
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(tmp_path / "sdk")},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
