"""The written contract between Python and the page: the scene's JSON Schema.

Every scene the test suite builds is validated against the schema
(conftest.py wraps :func:`graph.scene.scene` for the whole session); here,
the schema itself is checked.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

import graph
from graph.scene import SCHEMA_VERSION, scene, schema

PACKAGE = Path(graph.__file__).parent
REPOSITORY = PACKAGE.parent
SCRIPTS = PACKAGE / "assets" / "explorer"
DECLARATIONS = SCRIPTS / "types" / "scene.d.ts"
HEADER = (
    "// The scene the explorer reads, generated from graph/schema/scene.schema.json\n"
    "// by `python tests/test_scene_schema.py`: do not edit; change the schema.\n"
)


def validate(payload: dict) -> None:
    jsonschema.Draft202012Validator(schema()).validate(payload)


def test_the_schema_is_valid_and_versioned() -> None:
    spec = schema()
    jsonschema.Draft202012Validator.check_schema(spec)
    assert spec["properties"]["version"]["const"] == SCHEMA_VERSION
    assert scene(graph.load())["version"] == SCHEMA_VERSION


def test_every_field_is_described_and_closed() -> None:
    """Every property has words; every object lists all its fields (no others pass)."""
    undocumented, open_objects = [], []

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" and node.get("additionalProperties") is not False:
                open_objects.append(path)
            for name, value in node.get("properties", {}).items():
                target = value
                if "$ref" in value and "description" not in value:
                    target = spec["$defs"][value["$ref"].removeprefix("#/$defs/")]
                if not target.get("description"):
                    undocumented.append(f"{path}.{name}")
            for key, value in node.items():
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    spec = schema()
    walk(spec, "#")
    assert undocumented == [] and open_objects == []


def test_the_validation_can_fail() -> None:
    payload = scene(graph.load())
    payload["nodes"][0]["undeclared"] = 1
    with pytest.raises(jsonschema.ValidationError, match="undeclared"):
        validate(payload)
    payload = scene(graph.load())
    del payload["edges"][0]["active_from"]
    with pytest.raises(jsonschema.ValidationError, match="active_from"):
        validate(payload)
    payload = scene(graph.load())
    payload["version"] = SCHEMA_VERSION + 1
    with pytest.raises(jsonschema.ValidationError):
        validate(payload)


def test_every_scene_the_suite_builds_is_checked(
    scene_schema_check: list[int], tmp_path: Path
) -> None:
    """conftest.py validates every scene built in this test session, wherever it is built."""
    before = len(scene_schema_check)
    G = graph.load()
    graph.render.render_html(G)
    graph.figure.make_figure(G)
    graph.export.write_gexf(G, tmp_path / "aleppo.gexf")
    scene(G)
    assert len(scene_schema_check) == before + 4
