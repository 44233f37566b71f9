"""Shared fixtures: where the real specs live, and skipping when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_SPECS = REPO.parent / "shared" / "specs"


@pytest.fixture(scope="session")
def shared_specs() -> Path:
    if not SHARED_SPECS.is_dir():
        pytest.skip("../shared/specs is absent")
    return SHARED_SPECS
