"""Shared fixtures: temporary copies of the bundled dataset to break on purpose."""

from __future__ import annotations

import functools
import shutil
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from chromium import browser, open_page, pages  # noqa: F401 (fixtures for browser tests)

import graph
from graph.read import DATA_DIR

DATA_FILES = ("actors.csv", "relations.csv", "relation_types.csv", "datapackage.json")


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    """The bundled Battle of Aleppo graph (tests must not change it)."""
    return graph.load()


@pytest.fixture(scope="module")
def story(G: nx.MultiDiGraph) -> pd.DataFrame:
    """The bundled story of the Battle of Aleppo."""
    return graph.read_story(DATA_DIR / "story.csv", G.nodes)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in DATA_FILES:
        shutil.copy(DATA_DIR / name, folder / name)
    return folder


def _check_every_scene() -> list[int]:
    """Validate every scene built in the session against its JSON Schema.

    Wraps :func:`graph.scene.scene` wherever a module of the package holds it
    (the page, the figure, the GEXF export, the scene module itself), before
    any test module imports it, so no payload escapes the check. Returns the
    list of the sizes validated, for tests/test_scene_schema.py.
    """
    import jsonschema

    from graph import scene as scene_module

    validator = jsonschema.Draft202012Validator(scene_module.schema())
    original = scene_module.scene
    checked: list[int] = []

    @functools.wraps(original)
    def checked_scene(*args: object, **kwargs: object) -> dict:
        payload = original(*args, **kwargs)
        validator.validate(payload)
        checked.append(len(payload["nodes"]))
        return payload

    for name, module in list(sys.modules.items()):
        in_package = name == "graph" or name.startswith("graph.")
        if in_package and getattr(module, "scene", None) is original:
            module.scene = checked_scene
    return checked


_SCENES_CHECKED = _check_every_scene()


@pytest.fixture
def scene_schema_check() -> list[int]:
    """Sizes of the scenes validated so far in this session (see _check_every_scene)."""
    return _SCENES_CHECKED


def _check_every_frustration() -> list[object]:
    """Verify every frustration index computed in the session against its certificate.

    Wraps :func:`graph.balance.frustration` wherever a module of the package
    holds it (the balance package, its report and view, the what-if), before
    any test module imports it: every result is recounted from its partition
    and its lower bound checked by :func:`graph.balance.verify_frustration`.
    Returns the list of the results checked, for tests/test_balance.py.
    """
    from graph.balance import frustration_index

    original = frustration_index.frustration
    checked: list[object] = []

    @functools.wraps(original)
    def checked_frustration(S: nx.Graph, **kwargs: object) -> object:
        result = original(S, **kwargs)
        frustration_index.verify_frustration(S, result, weight=kwargs.get("weight", "weight"))
        checked.append(result)
        return result

    for name, module in list(sys.modules.items()):
        in_package = name == "graph" or name.startswith("graph.")
        if in_package and getattr(module, "frustration", None) is original:
            module.frustration = checked_frustration
    return checked


_FRUSTRATIONS_CHECKED = _check_every_frustration()


@pytest.fixture
def frustration_check() -> list[object]:
    """The frustration results verified so far in this session (see _check_every_frustration)."""
    return _FRUSTRATIONS_CHECKED
