"""The wrong forge, another forge's output folder, a package name that shadows a module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from releasing import GITEA, GOGS, private_cache, run

__all__ = ["private_cache"]


def test_forge_gitea_on_a_gogs_spec_is_refused(tmp_path: Path) -> None:
    result = run("build", "--spec", GOGS, "--out", tmp_path / "sdk", "--forge", "gitea")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "Error: --forge gitea, but the spec is Gogs's (from its title): an SDK with Gitea's auth, "
        "paging and errors would not work against it; leave --forge out, or pass --forge gogs "
        "(or generic)"
    ]
    assert not (tmp_path / "sdk").exists()
    built = tmp_path / "gogs"
    assert run("build", "-q", "--spec", GOGS, "--out", built).exit_code == 0
    checked = run("check", "--spec", GOGS, "--out", built, "--forge", "gitea")
    assert checked.exit_code == 2 and "but the spec is Gogs's" in checked.stderr


def test_forgejo_on_a_gitea_spec_warns_and_builds(tmp_path: Path) -> None:
    result = run("build", "--spec", GITEA, "--out", tmp_path / "sdk", "--forge", "forgejo")
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr
    assert (
        "--forge forgejo, but the spec is Gitea's (from its title); building with the "
        "forgejo profile as asked" in result.stderr
    )
    generic = run("build", "--spec", GOGS, "--out", tmp_path / "g", "--forge", "generic")
    assert generic.exit_code == 0 and "but the spec is" not in generic.stderr


def test_building_another_forge_into_an_sdk_folder_warns(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert run("build", "-q", "--spec", GITEA, "--out", out).exit_code == 0
    again = run("build", "--spec", GITEA, "--out", out, "--force")
    assert "holds the" not in again.stderr
    other = run("build", "--spec", GOGS, "--out", out)
    assert other.exit_code == 0
    assert (
        f"{out} holds the gitea SDK gitea_sdk; this build replaces it with the gogs SDK "
        "gogs_sdk (is --out right?)" in other.stderr
    )


@pytest.mark.parametrize("name", ["os", "json", "typing", "httpx"])
def test_package_names_that_shadow_modules_are_refused(tmp_path: Path, name: str) -> None:
    result = run("build", "--spec", GITEA, "--out", tmp_path / "sdk", "--package-name", name)
    assert result.exit_code == 2
    assert f"'{name}' is the standard library's module" in result.stderr or (
        f"'{name}' is a dependency's module" in result.stderr
    )
    config = tmp_path / "forgegen.toml"
    config.write_text(
        "[[targets]]\n"
        f'name = "t"\nspec = {json.dumps(str(GITEA))}\nout = "sdk"\npackage = "{name}"\n',
        encoding="utf-8",
    )
    bad = run("build", "--all", "--config", config)
    assert bad.exit_code == 2
    assert "targets[0].package" in bad.stderr and "choose another name" in bad.stderr
