"""Shared fixtures: the repository root and ../shared, which users do not have."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or skip (fail under CI=true, where it must be present)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is not here: it ships beside the repository for developers and CI only"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return require_shared("seeds")
