"""Shared fixtures: temporary copies of the bundled dataset to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.read import DATA_DIR

DATA_FILES = ("actors.csv", "relations.csv", "relation_types.csv", "datapackage.json")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in DATA_FILES:
        shutil.copy(DATA_DIR / name, folder / name)
    return folder
