"""Shared fixtures: temporary copies of the bundled dataset to break on purpose."""

from __future__ import annotations

import functools
import shutil
import sys
import warnings
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from chromium import browser, open_page, pages  # noqa: F401 (fixtures for browser tests)

import graph
from graph.tables.columns import DATA_DIR, DATASET_FILES

#: The files the `dataset` fixture copies: all but the story, which tests write themselves.
DATA_FILES = tuple(name for name in DATASET_FILES if name != "story.csv")


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
    """Validate every scene and page payload built in the session against their JSON Schema.

    Wraps :func:`graph.drawing.picture.scene` and
    :func:`graph.outputs.explorer.payload.page_payload` wherever a module of
    the package holds them (the page, the figure, the GEXF export, their own
    modules), before any test module imports them, so no payload escapes the
    check. Returns the list of the sizes validated, for
    tests/test_scene_schema.py.
    """
    import jsonschema

    from graph.drawing import picture as scene_module
    from graph.outputs.explorer import payload as payload_module

    validator = jsonschema.Draft202012Validator(scene_module.schema())
    checked: list[int] = []

    for owner, name in ((scene_module, "scene"), (payload_module, "page_payload")):
        original = getattr(owner, name)

        @functools.wraps(original)
        def checked_payload(*args: object, _original=original, **kwargs: object) -> dict:
            payload = _original(*args, **kwargs)
            validator.validate(payload)
            checked.append(len(payload["nodes"]))
            return payload

        for module_name, module in list(sys.modules.items()):
            in_package = module_name == "graph" or module_name.startswith("graph.")
            with warnings.catch_warnings():  # graph.scene, a deprecated module alias, warns
                warnings.simplefilter("ignore", DeprecationWarning)
                found = getattr(module, name, None) if in_package else None
            if found is original:
                setattr(module, name, checked_payload)
    return checked


_SCENES_CHECKED = _check_every_scene()


@pytest.fixture
def scene_schema_check() -> list[int]:
    """Sizes of the scenes validated so far in this session (see _check_every_scene)."""
    return _SCENES_CHECKED


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark ``browser`` every test that uses the browser, before ``-m`` selects.

    The fast suite (``make test-fast``) leaves marked tests out; a browser test
    whose module forgot the mark would slip into it and make it slow. (Refusing
    the whole run instead, as before, crashed pytest-xdist's workers with an
    error that named no test.)
    """
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def _check_every_frustration() -> list[object]:
    """Verify every frustration index computed in the session against its certificate.

    Wraps :func:`graph.balance.frustration` wherever a module of the package
    holds it (the balance package and report, the analysis modules that use
    it, imported here first since the layers load lazily), before any test
    module imports it: every result is recounted from its partition and its
    lower bound checked by :func:`graph.balance.verify_frustration`. Returns
    the list of the results checked, for tests/test_balance.py.
    """
    import importlib

    from graph.balance import frustration_index

    for name in (
        "graph.balance.report",
        "graph.analysis.balance_states",
        "graph.analysis.over_time",
        "graph.analysis.whatif",
    ):
        importlib.import_module(name)

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


def _check_every_partition() -> list[object]:
    """Verify every k-group partition computed in the session (see _check_every_frustration).

    Wraps :func:`graph.balance.partition` in its module, which the lazy
    ``graph.balance`` hands out, before any test module imports it: every
    result goes through :func:`graph.balance.verify_partition`.
    """
    from graph.balance import partitions

    original = partitions.partition
    checked: list[object] = []

    @functools.wraps(original)
    def checked_partition(S: nx.Graph, *args: object, **kwargs: object) -> object:
        result = original(S, *args, **kwargs)
        partitions.verify_partition(S, result)
        checked.append(result)
        return result

    partitions.partition = checked_partition
    return checked


_PARTITIONS_CHECKED = _check_every_partition()


@pytest.fixture
def frustration_check() -> list[object]:
    """The frustration results verified so far in this session (see _check_every_frustration)."""
    return _FRUSTRATIONS_CHECKED


@pytest.fixture
def partition_check() -> list[object]:
    """The partitions verified so far in this session (see _check_every_partition)."""
    return _PARTITIONS_CHECKED
