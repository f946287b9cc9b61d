"""The written contract between Python and the page: the scene's JSON Schema.

Every scene the test suite builds is validated against the schema (the
``scene_schema_check`` fixture of conftest.py wraps :func:`graph.drawing.picture.scene`
for the whole session); here, the schema itself is checked, and so is the
page's script: its TypeScript declarations of the scene
(``graph/outputs/explorer/assets/types/scene.d.ts``) are generated from the schema by
:func:`typescript`, and ``tsc --checkJs`` (``make test``) fails on any field
the script reads that they do not declare. After changing the schema, run
``python tests/test_scene_schema.py`` to write the declarations again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import graph
from graph.drawing.picture import SCHEMA_VERSION, scene, schema
from graph.outputs.explorer.payload import page_payload
from graph.outputs.explorer.wire import columnar_scene

PACKAGE = Path(graph.__file__).parent
REPOSITORY = PACKAGE.parent
SCRIPTS = PACKAGE / "outputs" / "explorer" / "assets"
DECLARATIONS = SCRIPTS / "types" / "scene.d.ts"
HEADER = (
    "// The scene the explorer reads, generated from graph/drawing/schema/scene.schema.json\n"
    "// by `python tests/test_scene_schema.py`: do not edit; change the schema.\n"
)


def typescript(spec: dict) -> str:
    """TypeScript interfaces for a JSON Schema: one per object with a ``title``.

    Every property keeps its ``description`` as a doc comment, so readers of
    the script see the schema's words. Handles the keywords the scene's
    schema uses: type, const, $ref, oneOf, items, properties.
    """
    definitions = spec.get("$defs", {})
    interfaces: dict[str, str] = {}

    def type_of(node: dict, indent: str) -> str:
        if "$ref" in node:
            target = definitions[node["$ref"].removeprefix("#/$defs/")]
            return named(target) if target.get("type") == "object" else type_of(target, indent)
        if "const" in node:
            return json.dumps(node["const"])
        if "oneOf" in node:
            return " | ".join(type_of(option, indent) for option in node["oneOf"])
        kinds = node["type"] if isinstance(node["type"], list) else [node["type"]]
        return " | ".join(single(kind, node, indent) for kind in kinds)

    def single(kind: str, node: dict, indent: str) -> str:
        if kind == "array":
            item = type_of(node["items"], indent)
            return f"Array<{item}>" if " " in item else f"{item}[]"
        if kind == "object":
            return named(node)
        scalars = {"integer": "number", "null": "null"}
        return scalars.get(kind, kind)  # string, number and boolean are named alike

    def named(node: dict) -> str:
        name = node["title"]
        if name not in interfaces:
            interfaces[name] = ""  # declared first: recursion stops here
            required = set(node.get("required", ()))
            lines = [f"/** {node['description']} */"] if "description" in node else []
            lines.append(f"interface {name} {{")
            for field, value in node["properties"].items():
                description = value.get("description")
                if description is None and "$ref" in value:
                    description = definitions[value["$ref"].removeprefix("#/$defs/")].get(
                        "description"
                    )
                if description:
                    lines.append(f"  /** {description} */")
                optional = "" if field in required else "?"
                lines.append(f"  readonly {field}{optional}: {type_of(value, '  ')};")
            lines.append("}")
            interfaces[name] = "\n".join(lines)
        return name

    named(spec)
    return HEADER + "\n" + "\n\n".join(interfaces.values()) + "\n"


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
    graph.outputs.explorer.render.render_html(G)
    graph.outputs.figure.make_figure(G)
    graph.outputs.export.write_gexf(G, tmp_path / "aleppo.gexf")
    scene(G)
    # The page's payload is checked whole, and the scene inside it on its own: 2 for the page.
    assert len(scene_schema_check) == before + 5


def test_the_scripts_declarations_are_generated_from_the_schema() -> None:
    """tsc checks every field the scripts read against these declarations."""
    assert DECLARATIONS.read_text(encoding="utf-8") == typescript(schema()), (
        "run `python tests/test_scene_schema.py` after changing the schema"
    )


def test_the_scripts_read_the_scene_only_through_its_declared_type() -> None:
    """The scene enters the script in one place, typed; no `any` lets a field slip past tsc."""
    sources = {path.name: path.read_text(encoding="utf-8") for path in SCRIPTS.glob("*.js")}
    entries = [name for name, text in sources.items() if "graph-data" in text]
    assert entries == ["main.js"]
    # decode.js's embeddedScene parses (and rebuilds a columnar scene); main.js types it once.
    assert re.search(r"/\*\* @type \{Scene\} \*/ \(scene\)", sources["main.js"])
    for name, text in sources.items():
        assert text.startswith("// @ts-check\n"), name
        assert not re.search(r"\{\s*(any|\*|Object)\s*\}", text), name
        assert "@ts-ignore" not in text and "@ts-expect-error" not in text, name
        assert "@ts-nocheck" not in text, name


def test_the_columnar_wire_form_follows_its_schema() -> None:
    """A large page's wire form (wire.py) is the one columns.schema.json documents."""
    spec = json.loads((PACKAGE / "drawing" / "schema" / "columns.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(spec)
    wire = json.loads(json.dumps(columnar_scene(page_payload(graph.load()))))
    jsonschema.validate(wire, spec)
    wire["edges"]["columns"]["type"]["index"][0] = -2
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(wire, spec)


def _tsc(root: Path) -> subprocess.CompletedProcess:
    tsc = REPOSITORY / "node_modules" / ".bin" / "tsc"
    if not tsc.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("node_modules missing: run `npm ci` (make test does)", pytrace=False)
        pytest.skip("node_modules missing: run `npm ci` (make test does)")
    return subprocess.run(
        [str(tsc), "-p", str(root)], capture_output=True, text=True, cwd=root, check=False
    )


@pytest.mark.slow  # runs tsc over the explorer: about 5 s
def test_tsc_rejects_a_field_the_schema_does_not_declare(tmp_path: Path) -> None:
    """The check tsc makes in `make test` can fail: a read of an undeclared field is an error."""
    shutil.copy(REPOSITORY / "tsconfig.json", tmp_path / "tsconfig.json")
    copy = tmp_path / "graph" / "outputs" / "explorer" / "assets"
    shutil.copytree(SCRIPTS, copy)
    assert _tsc(tmp_path).returncode == 0
    main = copy / "main.js"
    text = main.read_text(encoding="utf-8")
    reads = {
        "data.nodes[0].camp_name": "camp_name",
        "data.edges[0].quote": "quote",
        "data.legend.colours": "colours",
        "data.story[0].date.length + data.months[0].middle": "middle",
    }
    for read, field in reads.items():
        anchor = "  const classroom ="
        main.write_text(text.replace(anchor, f"  void ({read});\n{anchor}", 1), "utf-8")
        result = _tsc(tmp_path)
        assert result.returncode != 0 and f"Property '{field}' does not exist" in result.stdout


if __name__ == "__main__":
    DECLARATIONS.write_text(typescript(schema()), encoding="utf-8")
    print(f"wrote {DECLARATIONS}", file=sys.stderr)
