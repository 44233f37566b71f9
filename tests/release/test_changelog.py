"""Rebuilds: the CHANGELOG.md entry made from the diff, the API record it is
made from, the package version, and skipping a rebuild that has nothing to do."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from forgegen import ir
from forgegen.release.changelog import HEADER, prepend
from forgegen.write import record
from releasing import GITEA, GOGS, api_of, op, private_cache, ref, run, swagger, write_json

__all__ = ["private_cache"]

REPO = {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}


def spec(version: str, *, extra_path: bool = False, drop_name: bool = False) -> dict[str, Any]:
    paths: dict[str, Any] = {"/repos/{id}": {"get": op("repoGet", schema=ref("Repository"))}}
    paths["/repos/{id}"]["get"]["parameters"] = [
        {"name": "id", "in": "path", "required": True, "type": "integer"}
    ]
    if extra_path:
        paths["/version"] = {"get": op("getVersion", tag="misc", schema={"type": "string"})}
    model = json.loads(json.dumps(REPO))
    if drop_name:
        del model["properties"]["name"]
    return swagger(paths, {"Repository": model}, title="Tiny API", version=version)


def build(spec_path: Path, out: Path, *args: str) -> str:
    result = run("build", "--spec", spec_path, "--out", out, *args)
    assert result.exit_code == 0, result.output
    return result.stderr


def changelog(out: Path) -> str:
    return (out / "CHANGELOG.md").read_text(encoding="utf-8")


def releases(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Three versions of one spec, saved under one name as a pipeline would."""
    folder = tmp_path / "specs"
    folder.mkdir()
    return (
        write_json(folder / "v1.json", spec("1.0.0")),
        write_json(folder / "v2.json", spec("1.1.0", extra_path=True)),
        write_json(folder / "v3.json", spec("2.0.0", extra_path=True, drop_name=True)),
    )


def test_rebuilding_from_a_new_spec_prepends_a_changelog_entry(tmp_path: Path) -> None:
    v1, v2, v3 = releases(tmp_path)
    out = tmp_path / "sdk"
    build(v1, out)
    assert not (out / "CHANGELOG.md").exists()  # a first build has nothing to compare with
    log = build(v2, out)
    assert "forgegen: CHANGELOG.md: new entry 1.1.0 (bump: minor)" in log
    first = changelog(out)
    assert first.startswith(HEADER + "\n## 1.1.0\n\n")
    assert "Built from Tiny API 1.1.0 (spec SHA-256 `" in first
    assert "the previous build was from Tiny API 1.0.0" in first
    assert "Recommended version bump: **minor** (0 breaking, 1 non-breaking change)." in first
    assert (
        "#### Operations\n\n- **operation added** `GET /version`: `client.misc.get_version`\n"
        in first
    )
    build(v3, out)
    second = changelog(out)
    assert second.startswith(HEADER + "\n## 2.0.0\n\n")
    assert (
        "### Breaking changes (1)\n\n#### Models\n\n- **field removed** `Repository.name`" in second
    )
    assert second.endswith(first[len(HEADER) :])  # older entries stay, below the new one
    # The same spec again adds nothing, forced or not.
    assert "unchanged" in build(v3, out)
    build(v3, out, "--force")
    assert changelog(out) == second
    # Deterministic: the same history gives the same bytes elsewhere.
    other = tmp_path / "elsewhere"
    for version in (v1, v2, v3):
        build(version, other)
    assert changelog(other) == second


def test_options_that_change_the_api_get_an_entry_too(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    build(GITEA, out)
    build(GITEA, out, "--no-fixes")
    entry = changelog(out)
    assert "## 1.22.6\n" in entry
    assert (
        "- **response retyped** `GET /user/settings`: `UserSettings` → `list[UserSettings]`"
        in entry
    )


def test_a_previous_build_without_a_record_gets_no_entry(tmp_path: Path) -> None:
    v1, v2, _ = releases(tmp_path)
    out = tmp_path / "sdk"
    build(v1, out)
    (out / record.RECORD).write_text("{not json", encoding="utf-8")
    log = build(v2, out)
    assert "no CHANGELOG entry: the previous build left no API record (not JSON" in log
    assert not (out / "CHANGELOG.md").exists()
    assert record.load((out / record.RECORD).read_text(encoding="utf-8")).version == "1.1.0"


def test_an_edited_changelog_is_kept(tmp_path: Path) -> None:
    v1, v2, _ = releases(tmp_path)
    out = tmp_path / "sdk"
    build(v1, out)
    (out / "CHANGELOG.md").write_text("# Our notes\n\nHand-written.\n", encoding="utf-8")
    build(v1, out, "--force")
    assert changelog(out) == "# Our notes\n\nHand-written.\n"
    build(v2, out)
    assert changelog(out).startswith("# Our notes\n\nHand-written.\n\n## 1.1.0\n")


def test_prepend() -> None:
    entry = "## 2\n\nnew\n"
    assert prepend(None, entry) == HEADER + "\n" + entry
    assert prepend("# Log\n\n## 1\n\nold\n", entry) == "# Log\n\n## 2\n\nnew\n\n## 1\n\nold\n"
    assert prepend("## 1\n\nold\n", entry) == "## 2\n\nnew\n\n## 1\n\nold\n"


# --- the API record -------------------------------------------------------------------------------


def without_prose(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value,
            **{
                f.name: ""
                if f.name in ("description", "summary", "pointer")
                else without_prose(getattr(value, f.name))
                for f in dataclasses.fields(value)
            },
        )
    if isinstance(value, tuple):
        return tuple(without_prose(v) for v in value)
    return value


@pytest.mark.parametrize("name", [GITEA, GOGS])
def test_the_record_round_trips_the_ir_without_its_prose(name: Path) -> None:
    api = api_of(json.loads(name.read_text(encoding="utf-8")))
    text = record.dump(api)
    assert record.load(text) == without_prose(api)
    assert record.dump(record.load(text)) == text
    # One operation, model or enum per line, for readable version-control diffs.
    assert text.count("\n") > len(api.operations) + len(api.models)


def test_the_record_reads_what_it_can(tmp_path: Path) -> None:
    api = api_of(spec("1.0.0"))
    data = json.loads(record.dump(api))
    data["operations"][0]["added_later"] = True  # a field a newer forgegen writes
    assert record.load(json.dumps(data)).operations[0].name == "get"
    for broken in ('{"format": 2}', "[]", '{"format": 1, "api": 5}', "[" * 100_000):
        with pytest.raises(record.RecordError):
            record.load(broken)
    data["operations"][0]["method"] = 5
    with pytest.raises(record.RecordError, match=r"Operation\.method"):
        record.load(json.dumps(data))
    assert isinstance(api, ir.Api)


# --- versions and skipped rebuilds ----------------------------------------------------------------


def test_the_package_version_follows_the_spec(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    build(GITEA, out)
    assert 'version = "1.22.6"' in (out / "pyproject.toml").read_text(encoding="utf-8")
    build(GITEA, out, "--version-suffix", "+forgegen.2")
    assert 'version = "1.22.6+forgegen.2"' in (out / "pyproject.toml").read_text(encoding="utf-8")
    bad = run("build", "--spec", GITEA, "--out", out, "--version-suffix", "+not ok")
    assert bad.exit_code == 2
    assert "does not make a valid version" in bad.stderr


def test_a_rebuild_is_skipped_only_when_nothing_changed(tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    build(GITEA, out)
    manifest = json.loads((out / ".forgegen.json").read_text(encoding="utf-8"))
    assert {"inputs_sha256", "output_sha256", "version", "fixes"} <= manifest.keys()
    log = build(GITEA, out)
    assert "forgegen: gitea_sdk 1.22.6 unchanged; --force rebuilds it" in log
    assert "validating" not in log and "formatting" not in log
    # A hand-edited or deleted file is rebuilt.
    readme = out / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert "formatting" in build(GITEA, out)
    assert not readme.read_text(encoding="utf-8").endswith("edited\n")
    (out / "gitea_sdk" / "py.typed").unlink()
    assert "formatting" in build(GITEA, out)
    # So are other options, and --force.
    assert "formatting" in build(GITEA, out, "--package-name", "other_sdk")
    assert "formatting" in build(GITEA, out, "--package-name", "other_sdk", "--force")
    assert "unchanged" in build(GITEA, out, "--package-name", "other_sdk")
