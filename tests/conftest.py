"""Shared fixtures: where the real specs live, and skipping when they are absent.

The run's controller also makes the folder where identical SDK builds are
shared (``builds.py``); xdist workers inherit it through the environment.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from builds import ENV

REPO = Path(__file__).resolve().parent.parent
SHARED_SPECS = REPO.parent / "shared" / "specs"
_MADE_HERE = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or os.environ.get(ENV):
        return  # an xdist worker, or a run inside another one: use the folder given
    folder = Path(tempfile.mkdtemp(prefix="forgegen-test-builds-"))
    os.environ[ENV] = str(folder)
    config.stash[_MADE_HERE] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_MADE_HERE, None)
    if folder is not None:
        os.environ.pop(ENV, None)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def shared_specs() -> Path:
    if not SHARED_SPECS.is_dir():
        pytest.skip("../shared/specs is absent")
    return SHARED_SPECS
