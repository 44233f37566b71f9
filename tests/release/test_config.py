"""Build targets in forgegen.toml or [tool.forgegen], and ``forgegen build --all``."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from forgegen.release.config import ConfigError, Target, find_config, load_config
from forgegen.render.package import builtin_templates
from releasing import EDGE, GITEA, GOGS, private_cache, run

__all__ = ["private_cache"]

FIVE_TARGETS = f"""\
version_suffix = "+forgegen.1"

[[targets]]
name = "gitea"
spec = "{GITEA}"
out = "sdk/gitea"

[[targets]]
name = "gitea-post"
spec = "{GITEA}"
out = "sdk/gitea-post"
package = "gitea_post_sdk"
version_suffix = ".post1"

[[targets]]
name = "gitea-raw"
spec = "{GITEA}"
out = "sdk/gitea-raw"
package = "gitea_raw_sdk"
fixes = false

[[targets]]
name = "gogs"
spec = "{GOGS}"
out = "sdk/gogs"
forge = "gogs"

[[targets]]
name = "edge"
spec = "specs/edge-cases.json"
out = "sdk/edge"
templates = "overlay"
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def project(tmp_path: Path) -> Path:
    """A project folder with the five targets, a spec of its own and an overlay."""
    write(tmp_path / "forgegen.toml", FIVE_TARGETS)
    shutil.copy(EDGE, write(tmp_path / "specs" / "edge-cases.json", ""))
    errors = (builtin_templates() / "package" / "errors.py.jinja").read_text(encoding="utf-8")
    write(tmp_path / "overlay" / "package" / "errors.py.jinja", "# overlaid\n" + errors)
    return tmp_path


def manifest(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / ".forgegen.json").read_text(encoding="utf-8"))
    return data


# --- the config file ------------------------------------------------------------------------------


def test_targets_resolve_paths_against_the_config_and_take_defaults(tmp_path: Path) -> None:
    config = load_config(project(tmp_path) / "forgegen.toml")
    assert [t.name for t in config.targets] == ["gitea", "gitea-post", "gitea-raw", "gogs", "edge"]
    gitea, post, raw, gogs, edge = config.targets
    assert gitea == Target(
        name="gitea", spec=str(GITEA), out=tmp_path / "sdk" / "gitea", version_suffix="+forgegen.1"
    )
    assert (post.package, post.version_suffix) == ("gitea_post_sdk", ".post1")
    assert raw.fixes is False
    assert gogs.forge == "gogs"
    assert edge.spec == str(tmp_path / "specs" / "edge-cases.json")
    assert edge.templates == tmp_path / "overlay"


def test_pyproject_tool_forgegen(tmp_path: Path) -> None:
    text = (
        '[project]\nname = "x"\n\n'
        '[[tool.forgegen.targets]]\nname = "a"\nspec = "https://git.example.com"\nout = "sdk"\n'
    )
    path = write(tmp_path / "pyproject.toml", text)
    assert find_config(tmp_path) == path
    (target,) = load_config(path).targets
    assert (target.spec, target.out) == ("https://git.example.com", tmp_path / "sdk")
    # forgegen.toml comes first; a pyproject.toml without the table is no config.
    toml = write(
        tmp_path / "forgegen.toml", 'targets = [{name = "b", spec = "s.json", out = "o"}]\n'
    )
    assert find_config(tmp_path) == toml
    toml.unlink()
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("targets = [", "not valid TOML"),
        ("", "targets: give at least one [[targets]] table"),
        ("jobs = 2\n[[targets]]\nname='a'\nspec='s'\nout='o'", "jobs: unknown key"),
        ("[[targets]]\nname='a'\nspec='s'", "targets[0].out: missing"),
        (
            "[[targets]]\nname='a'\nspec='s'\nout='o'\nfixes='no'",
            "targets[0].fixes: must be a bool",
        ),
        ("[[targets]]\nname='a b'\nspec='s'\nout='o'", "targets[0].name: 'a b': use letters"),
        ("[[targets]]\nname='a'\nspec='-'\nout='o'", "targets[0].spec: standard input"),
        ("[[targets]]\nname='a'\nspec='s'\nout='o'\nforge='github'", "targets[0].forge: 'github'"),
        ("[[targets]]\nname='a'\nspec='s'\nout='o'\npackage='Bad'", "targets[0].package: 'Bad'"),
        (
            "[[targets]]\nname='a'\nspec='s'\nout='o'\nversion_suffix='+no!'",
            "targets[0].version_suffix: '+no!' does not make a valid version",
        ),
        (
            "[[targets]]\nname='a'\nspec='s'\nout='o'\npackage_version='thirteen'",
            "targets[0].package_version: 'thirteen' is not a PEP 440 version",
        ),
        ("[[targets]]\nname='a'\nspec='s'\nout='o'\npackage='json'", "standard library's"),
        ("[[targets]]\nname='a'\nspec='s'\nout='o'\ntemplates='nowhere'", "templates: "),
        (
            "[[targets]]\nname='a'\nspec='s'\nout='o'\n[[targets]]\nname='a'\nspec='t'\nout='p'",
            "targets[1].name: 'a' is used by another target",
        ),
        (
            "[[targets]]\nname='a'\nspec='s'\nout='o'\n[[targets]]\nname='b'\nspec='t'\nout='o'",
            "targets[1].out:",
        ),
    ],
)
def test_config_errors_name_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "forgegen.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.exit_code == 2
    assert str(caught.value.message).startswith(f"{path}: ")
    assert message in caught.value.message
    result = run("build", "--all", "--config", path)
    assert result.exit_code == 2
    assert message in result.stderr


def test_pyproject_errors_name_the_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.forgegen]\ntargets = []\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool\.forgegen\.targets: give"):
        load_config(path)


def test_build_all_needs_a_config_and_no_single_build_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("build", "--all")
    assert result.exit_code == 2
    assert "no forgegen.toml, and no [tool.forgegen] in pyproject.toml" in result.stderr
    project(tmp_path)
    mixed = run("build", "--all", "--out", "x")
    assert mixed.exit_code == 2
    assert "--all builds the targets of the config file" in mixed.stderr
    assert not (tmp_path / "sdk").exists()


# --- build --all ----------------------------------------------------------------------------------


def test_build_all_builds_five_targets_then_reruns_as_a_no_op(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project(tmp_path))
    first = run("build", "--all", "--jobs", "2")
    assert first.exit_code == 0, first.output
    lines = first.stderr.splitlines()
    progress = [line for line in lines if line.startswith("forgegen: [")]
    assert len(progress) == 5  # one line per target
    assert sorted(line.split("] ")[1].split(":")[0] for line in progress) == [
        "edge",
        "gitea",
        "gitea-post",
        "gitea-raw",
        "gogs",
    ]
    assert all(": built: " in line for line in progress)
    assert lines[-1] == "forgegen: 5 built, 0 unchanged, 0 failed"
    sdk = tmp_path / "sdk"
    # The package version follows the spec (1.22.6), with the target's suffix.
    assert manifest(sdk / "gitea")["version"] == "1.22.6+forgegen.1"
    assert 'version = "1.22.6+forgegen.1"' in (sdk / "gitea" / "pyproject.toml").read_text()
    assert manifest(sdk / "gitea-post")["version"] == "1.22.6.post1"
    assert manifest(sdk / "gitea")["fixes"] == ["gitea-user-settings"]
    assert manifest(sdk / "gitea-raw")["fixes"] == []
    assert (sdk / "gitea-post" / "gitea_post_sdk" / "__init__.py").is_file()
    assert (sdk / "gogs" / "gogs_sdk" / "__init__.py").is_file()
    # The edge target's overlay replaced one template, and only that one.
    edge_errors = (sdk / "edge" / "edge_cases_sdk" / "errors.py").read_text(encoding="utf-8")
    assert edge_errors.startswith("# overlaid\n")
    assert not (sdk / "gogs" / "gogs_sdk" / "errors.py").read_text().startswith("# overlaid")

    stamps = {p: p.stat().st_mtime_ns for p in sdk.rglob("*")}
    again = run("build", "--all")
    assert again.exit_code == 0, again.output
    progress = [line for line in again.stderr.splitlines() if line.startswith("forgegen: [")]
    assert len(progress) == 5 and all(": unchanged: " in line for line in progress)
    assert again.stderr.splitlines()[-1] == "forgegen: 0 built, 5 unchanged, 0 failed"
    assert {p: p.stat().st_mtime_ns for p in sdk.rglob("*")} == stamps  # nothing was rewritten
    assert not list(tmp_path.glob("sdk/.*forgegen-tmp*"))

    # A changed overlay rebuilds the one target that uses it.
    overlay = tmp_path / "overlay" / "package" / "errors.py.jinja"
    overlay.write_text("# overlaid again\n" + overlay.read_text().split("\n", 1)[1])
    third = run("build", "--all", "-q")
    assert third.exit_code == 0 and third.output == ""
    assert (
        (sdk / "edge" / "edge_cases_sdk" / "errors.py").read_text().startswith("# overlaid again")
    )
    assert (sdk / "gitea" / "README.md").stat().st_mtime_ns == stamps[sdk / "gitea" / "README.md"]


def test_build_all_reports_a_failed_target_and_exits_with_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    bad = write(
        tmp_path / "bad.json",
        '{"swagger": "2.0", "info": {"title": "x", "version": "1"}, '
        '"paths": {"/x": {"get": {"responses": 5}}}}',
    )
    write(
        tmp_path / "forgegen.toml",
        f'[[targets]]\nname = "good"\nspec = "{GOGS}"\nout = "a"\n\n'
        f'[[targets]]\nname = "bad"\nspec = "{bad}"\nout = "b"\n',
    )
    result = run("build", "--all", "--jobs", "1")
    assert result.exit_code == 4  # the spec is invalid
    assert "forgegen: [2/2] bad: failed: " in result.stderr
    assert "1 of 2 target(s) failed: bad" in result.stderr
    assert (tmp_path / "a" / "gogs_sdk").is_dir()
    assert not (tmp_path / "b").exists()


def test_quiet_build_all_prints_only_failures(tmp_path: Path) -> None:
    path = write(
        tmp_path / "forgegen.toml",
        f'[[targets]]\nname = "gone"\nspec = "{tmp_path / "missing.json"}"\nout = "a"\n',
    )
    result = run("build", "--all", "-q", "--config", path)
    assert result.exit_code == 3
    assert result.stderr.startswith("forgegen: [1/1] gone: failed: ")
    assert os.fspath(tmp_path / "missing.json") in result.stderr


def test_build_all_starts_the_largest_specs_first(tmp_path: Path) -> None:
    """A small spec left for last would build alone while the other cores idle."""
    from forgegen.release.batch import _largest_first
    from forgegen.release.config import Target

    small, big = tmp_path / "small.json", tmp_path / "big.json"
    small.write_text("{}", encoding="utf-8")
    big.write_text("{" + " " * 1000 + "}", encoding="utf-8")
    targets = [
        Target("small", str(small), tmp_path / "a"),
        Target("big", str(big), tmp_path / "b"),
        Target("remote", "https://forge.example.com", tmp_path / "c"),
    ]
    assert [t.name for t in _largest_first(targets)] == ["remote", "big", "small"]


def test_a_targets_package_version_is_the_packages(tmp_path: Path) -> None:
    config = tmp_path / "forgegen.toml"
    config.write_text(
        f"[[targets]]\nname = 'gogs'\nspec = {json.dumps(str(GOGS))}\nout = 'sdk'\n"
        "package_version = '0.13.0'\nversion_suffix = '.post1'\n",
        encoding="utf-8",
    )
    result = run("build", "--all", "--config", config, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "gogs: built: gogs_sdk 0.13.0.post1 (gogs)" in result.stderr
    assert 'version = "0.13.0.post1"' in (tmp_path / "sdk" / "pyproject.toml").read_text()
