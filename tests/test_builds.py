"""The tests' shared builds (builds.py): one build per spec and options in a run."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from builds import ENV, shared_build

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "specs" / "mini-gitea.json"


def _counting(out: Path, calls: list[Path]) -> object:
    def build() -> None:
        calls.append(out)
        (out / "pkg").mkdir(parents=True)
        (out / "pkg" / "__init__.py").write_text(f"# built {len(calls)}\n")

    return build


def _same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    return not (compared.left_only or compared.right_only or compared.diff_files)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv(ENV, str(shared))
    return shared


def test_an_identical_build_is_copied_not_run_again(tmp_path: Path, folder: Path) -> None:
    calls: list[Path] = []
    first, second = tmp_path / "one", tmp_path / "two"
    shared_build(_counting(first, calls), SPEC, first, "x_sdk", {"formatter": "ruff"})
    shared_build(_counting(second, calls), SPEC, second, "x_sdk", {"formatter": "ruff"})
    assert calls == [first]
    assert _same_tree(first, second)
    assert [p.name for p in folder.iterdir() if not p.name.startswith(".")] != []


@pytest.mark.parametrize(
    ("package", "options"),
    [("y_sdk", {"formatter": "ruff"}), ("x_sdk", {"formatter": "black"})],
)
def test_another_package_or_option_builds_again(
    tmp_path: Path, folder: Path, package: str, options: dict[str, object]
) -> None:
    calls: list[Path] = []
    first, second = tmp_path / "one", tmp_path / "two"
    shared_build(_counting(first, calls), SPEC, first, "x_sdk", {"formatter": "ruff"})
    shared_build(_counting(second, calls), SPEC, second, package, options)
    assert calls == [first, second]


def test_a_build_over_earlier_output_or_with_history_is_not_shared(
    tmp_path: Path, folder: Path
) -> None:
    calls: list[Path] = []
    first, second, third = tmp_path / "one", tmp_path / "two", tmp_path / "three"
    shared_build(_counting(first, calls), SPEC, first, "x_sdk", {})
    (second / "kept").mkdir(parents=True)
    shared_build(_counting(second, calls), SPEC, second, "x_sdk", {})
    shared_build(_counting(third, calls), SPEC, third, "x_sdk", {"previous": first})
    assert calls == [first, second, third]


def test_without_the_folder_every_build_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    calls: list[Path] = []
    first, second = tmp_path / "one", tmp_path / "two"
    shared_build(_counting(first, calls), SPEC, first, "x_sdk", {})
    shared_build(_counting(second, calls), SPEC, second, "x_sdk", {})
    assert calls == [first, second]
