"""``forgegen check``: exit 6 and print a diff when a committed SDK is stale."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from forgegen.render.package import builtin_templates
from forgegen.write.tree import MANIFEST
from releasing import GITEA, GOGS, private_cache, run

__all__ = ["private_cache"]


@pytest.fixture(scope="module")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mini-gitea built once; each test checks a copy of it."""
    out = tmp_path_factory.mktemp("committed") / "sdk"
    assert run("build", "-q", "--spec", GITEA, "--out", out).exit_code == 0
    return out


@pytest.fixture
def sdk(committed: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "sdk"
    shutil.copytree(committed, copy)
    return copy


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_fresh_sdk_passes(sdk: Path) -> None:
    before = snapshot(sdk)
    result = run("check", "--spec", GITEA, "--out", sdk)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"forgegen: {sdk} is up to date"
    assert snapshot(sdk) == before  # check never writes


def test_a_one_byte_change_is_detected(sdk: Path) -> None:
    models = sdk / "gitea_sdk" / "models" / "_user.py"
    data = bytearray(models.read_bytes())
    at = data.index(b"class ")
    data[at] = ord("K")  # "class" → "Klass"
    models.write_bytes(bytes(data))
    result = run("check", "--spec", GITEA, "--out", sdk)
    assert result.exit_code == 6
    assert (
        "--- committed/gitea_sdk/models/_user.py\n+++ built/gitea_sdk/models/_user.py\n"
        in result.stdout
    )
    assert "\n-Klass " in result.stdout and "\n+class " in result.stdout
    assert "forgegen: differs: gitea_sdk/models/_user.py" in result.stderr
    assert f"{sdk} is stale: 1 file(s) differ from a fresh build" in result.stderr


def test_missing_and_extra_files_are_stale(sdk: Path) -> None:
    (sdk / "gitea_sdk" / "py.typed").unlink()
    # A file the last build wrote that a build would not write now.
    manifest = json.loads((sdk / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"].append("gitea_sdk/gone.py")
    (sdk / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (sdk / "gitea_sdk" / "gone.py").write_text("x = 1\n", encoding="utf-8")
    (sdk / "gitea_sdk" / "__pycache__").mkdir()
    (sdk / "gitea_sdk" / "__pycache__" / "models.cpython-311.pyc").write_bytes(b"\0")
    result = run("check", "--spec", GITEA, "--out", sdk)
    assert result.exit_code == 6
    assert "forgegen: missing: gitea_sdk/py.typed" in result.stderr
    assert "forgegen: not generated: gitea_sdk/gone.py" in result.stderr
    assert "__pycache__" not in result.output
    assert "+++ /dev/null" in result.stdout


def test_quiet_check_prints_only_the_error(sdk: Path) -> None:
    (sdk / "gitea_sdk" / "py.typed").unlink()
    result = run("check", "-q", "--spec", GITEA, "--out", sdk)
    assert result.exit_code == 6
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: {sdk} is stale: 1 file(s) differ from a "
        "fresh build; rebuild it with forgegen build and the same options"
    ]
    assert run("check", "-q", "--spec", GITEA, "--out", sdk.parent / "none").output.startswith(
        "Error: "
    )
    fresh = run("build", "-q", "--spec", GITEA, "--out", sdk, "--force")
    assert fresh.output == ""
    assert run("check", "-q", "--spec", GITEA, "--out", sdk).output == ""


def test_install_artifacts_and_user_files_are_not_stale(sdk: Path) -> None:
    """What pip, build tools and the user leave in the folder: check agrees
    with build, which keeps them and calls the SDK unchanged."""
    for junk in (
        "build/lib/gitea_sdk/models.py",
        "dist/gitea_sdk-1.whl",
        "gitea_sdk.egg-info/PKG-INFO",
        ".venv/bin/python",
        "gitea_sdk/x.pyc",
    ):
        (sdk / junk).parent.mkdir(parents=True, exist_ok=True)
        (sdk / junk).write_text("junk\n", encoding="utf-8")
    (sdk / "NOTES.md").write_text("ours\n", encoding="utf-8")
    checked = run("check", "--spec", GITEA, "--out", sdk)
    assert checked.exit_code == 0, checked.output
    assert "1 file(s) forgegen did not write, which a build keeps: NOTES.md" in checked.stderr
    assert "unchanged" in run("build", "--spec", GITEA, "--out", sdk).stderr
    rebuilt = run("build", "--force", "--spec", GITEA, "--out", sdk)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "kept 1 file(s) or folder(s) forgegen did not write: NOTES.md" in rebuilt.stderr
    assert (sdk / "NOTES.md").read_text(encoding="utf-8") == "ours\n"
    assert (sdk / ".venv" / "bin" / "python").is_file()


def test_the_diff_shows_sources_before_the_api_record(sdk: Path) -> None:
    other = run("check", "--max-diff-lines", "40", "--spec", GOGS, "--out", sdk)
    assert other.exit_code == 6
    first = other.stdout.splitlines()[0]
    assert first.startswith("--- committed/gitea_sdk/") and first.endswith(".py"), first
    problems = [line for line in other.stderr.splitlines() if line.startswith("forgegen: ")]
    assert problems[-1] == "forgegen: differs: .forgegen.json", problems
    assert ".forgegen-api.json" in problems[-2], problems
    assert ".forgegen-api.json" not in other.stdout


def test_other_options_or_another_spec_are_stale(sdk: Path) -> None:
    # (A few diff lines only: the client's source would show "TracebackType".)
    renamed = run(
        "check",
        "--max-diff-lines",
        "5",
        "--spec",
        GITEA,
        "--out",
        sdk,
        "--package-name",
        "other_sdk",
    )
    assert renamed.exit_code == 6
    assert "not generated: gitea_sdk/__init__.py" in renamed.stderr
    suffixed = run("check", "--spec", GITEA, "--out", sdk, "--version-suffix", ".post1")
    assert suffixed.exit_code == 6
    assert '+version = "1.22.6.post1"' in suffixed.stdout
    unfixed = run("check", "--spec", GITEA, "--out", sdk, "--no-fixes")
    assert unfixed.exit_code == 6
    assert "differs: gitea_sdk/api/user.py" in unfixed.stderr
    # A build from another spec would also add a CHANGELOG entry.
    other = run("check", "--max-diff-lines", "30", "--spec", GOGS, "--out", sdk)
    assert other.exit_code == 6
    assert "missing: CHANGELOG.md" in other.stderr
    assert len(other.stdout.splitlines()) == 31
    assert other.stdout.splitlines()[-1].endswith("more diff lines")


def test_check_honours_a_template_overlay(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    (overlay / "package").mkdir(parents=True)
    errors = (builtin_templates() / "package" / "errors.py.jinja").read_text(encoding="utf-8")
    (overlay / "package" / "errors.py.jinja").write_text("# ours\n" + errors, encoding="utf-8")
    out = tmp_path / "sdk"
    built = run("build", "-q", "--spec", GITEA, "--out", out, "--templates", overlay)
    assert built.exit_code == 0
    assert (out / "gitea_sdk" / "errors.py").read_text(encoding="utf-8").startswith("# ours\n")
    assert run("check", "--spec", GITEA, "--out", out, "--templates", overlay).exit_code == 0
    plain = run("check", "--spec", GITEA, "--out", out)
    assert plain.exit_code == 6
    assert "-# ours\n" in plain.stdout
    # The overlay replaced one file; the manifest records that it was used.
    problems = [line for line in plain.stderr.splitlines() if line.startswith("forgegen: ")]
    assert problems == [
        "forgegen: differs: gitea_sdk/errors.py",
        "forgegen: differs: .forgegen.json",
    ]


def test_checking_a_folder_forgegen_did_not_build(tmp_path: Path) -> None:
    result = run("check", "--spec", GITEA, "--out", tmp_path)
    assert result.exit_code == 6
    assert "holds no SDK built by forgegen; build it first" in result.stderr
    assert run("check", "--spec", tmp_path / "nope.json", "--out", tmp_path).exit_code == 6
    assert run("check", "--out", tmp_path).exit_code == 2  # no --spec


def test_check_reports_an_unreadable_spec_with_its_exit_code(sdk: Path) -> None:
    result = run("check", "--spec", sdk / "nope.json", "--out", sdk)
    assert result.exit_code == 3
