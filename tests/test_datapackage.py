"""data/datapackage.json: a Frictionless Data Package in agreement with the loader's schema."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from frictionless import validate

import graph
from graph.tables import read
from graph.tables.read import DATA_DIR

DESCRIPTOR = DATA_DIR / "datapackage.json"
#: The loader's own columns (name -> required?) for each file it reads.
LOADER_COLUMNS = {
    "actors.csv": read.ACTOR_COLUMNS,
    "relations.csv": read.RELATION_COLUMNS,
    "relation_types.csv": read.RELATION_TYPE_COLUMNS,
    "story.csv": read.STORY_COLUMNS,
}


@pytest.fixture(scope="module")
def package() -> dict:
    return json.loads(DESCRIPTOR.read_text(encoding="utf-8"))


def resources_by_path(package: dict) -> dict[str, dict]:
    return {resource["path"]: resource for resource in package["resources"]}


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return next(csv.reader(file))


def test_title_is_what_load_shows(package: dict) -> None:
    assert graph.load().graph["title"] == package["title"] == "Battle of Aleppo (2012–2016)"


def test_every_csv_is_a_resource(package: dict) -> None:
    described = resources_by_path(package)
    assert sorted(described) == sorted(path.name for path in DATA_DIR.glob("*.csv"))
    assert set(described) <= set(LOADER_COLUMNS)
    assert len({r["name"] for r in package["resources"]}) == len(package["resources"])


@pytest.mark.parametrize("path", sorted(LOADER_COLUMNS))
def test_fields_agree_with_the_loader(package: dict, path: str) -> None:
    if not (DATA_DIR / path).exists():
        pytest.skip(f"no {path} in the bundled data")
    fields = resources_by_path(package)[path]["schema"]["fields"]
    names = [field["name"] for field in fields]
    assert len(set(names)) == len(names)
    columns = LOADER_COLUMNS[path]
    # The documented columns the file has, in the loader's order, then its extra ones.
    documented = [name for name in columns if name in names]
    assert names[: len(documented)] == documented
    assert all(name in documented for name, required in columns.items() if required)
    assert names == header(DATA_DIR / path), "every column of the file is described, in order"
    for field in fields:
        required = field.get("constraints", {}).get("required", False)
        assert required == columns.get(field["name"], False), field["name"]
        assert field["type"] in ("string", "integer"), field["name"]
        assert field.get("description"), field["name"]


def test_keys_point_at_real_fields(package: dict) -> None:
    resources = {resource["name"]: resource for resource in package["resources"]}

    def fields(name: str) -> set[str]:
        return {field["name"] for field in resources[name]["schema"]["fields"]}

    for name, resource in resources.items():
        schema = resource["schema"]
        assert set(schema.get("primaryKey", [])) <= fields(name)
        for key in schema.get("foreignKeys", []):
            reference = key["reference"]
            assert set(key["fields"]) <= fields(name)
            # A reference is the primary key of the resource it names.
            assert reference["fields"] == resources[reference["resource"]]["schema"]["primaryKey"]
    relations = resources["relations"]["schema"]["foreignKeys"]
    assert {(k["fields"][0], k["reference"]["resource"]) for k in relations} == {
        ("source", "actors"),
        ("target", "actors"),
        ("type", "relation_types"),
    }


def test_sign_and_confidence_are_the_loaders(package: dict) -> None:
    resources = {resource["name"]: resource for resource in package["resources"]}
    fields = {f["name"]: f for f in resources["relations"]["schema"]["fields"]}
    assert fields["confidence"]["constraints"]["enum"] == list(read.CONFIDENCE_LEVELS)
    sign = next(f for f in resources["relation_types"]["schema"]["fields"] if f["name"] == "sign")
    assert sign["type"] == "integer" and sorted(sign["constraints"]["enum"]) == [-1, 0, 1]


def test_frictionless_validates_the_bundled_data() -> None:
    report = validate(str(DESCRIPTOR))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_finds_what_the_loader_finds(dataset: Path) -> None:
    for extra in DATA_DIR.glob("*.csv"):
        if not (dataset / extra.name).exists():
            shutil.copy(extra, dataset / extra.name)
    relations = (dataset / "relations.csv").read_text(encoding="utf-8")
    (dataset / "relations.csv").write_text(
        relations.replace("\nrussia,assad_government,air_support,", "\nrussia,assad,air_support,"),
        encoding="utf-8",
    )
    types = (dataset / "relation_types.csv").read_text(encoding="utf-8")
    (dataset / "relation_types.csv").write_text(
        types.replace("\ntroops,1,", "\ntroops,2,"), encoding="utf-8"
    )
    report = validate(str(dataset / "datapackage.json"))
    found = {(row[1], row[2]) for row in report.flatten(["rowNumber", "fieldName", "type"])}
    assert found == {(None, "foreign-key"), ("sign", "constraint-error")}
    with pytest.raises(graph.DataError, match="bad sign '2'"):
        graph.load(dataset)
    (dataset / "relation_types.csv").write_text(types, encoding="utf-8")
    with pytest.raises(graph.DataError, match="unknown actor 'assad'"):
        graph.load(dataset)
