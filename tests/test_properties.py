"""Property-based tests: generated datasets with random valid and invalid cells.

Whatever the cells, ``validate`` and ``load`` agree, nothing but a
:class:`graph.DataError` escapes, and a dataset that loads survives a CSV export
and a load unchanged. Examples are few and small to keep the file near ten seconds.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.core.errors import visible

# Derandomised and without an example database: every run tries the same examples and
# writes no .hypothesis folder.
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

GOOD_IDS = ["a", "b", "free_syrian_army", "حزب_الله", "U.S.", "x-1"]
BAD_IDS = ["", "a b", "x|y", "tab\there", "esc\x1b[2J"]
#: For each kind of cell: valid values, then invalid ones.
CELLS = {
    "type": (["fights", "funding", "negotiates_with", "member_of"], ["", "hugs", "Fights"]),
    "date": (
        ["", "2015", "2015-09", "2015-09-30", "2016-02-29"],
        ["2015-02-30", "2015-13", "9999", "30-09-2015", "\uff12\uff10\uff11\uff15", "2015-9"],
    ),
    "confidence": (["", "confirmed", "claimed", "alleged"], ["rumoured"]),
    "sign": ([""], ["1", "-1", "0", "+", "-", "2", "yes"]),  # a sign may disagree with its type
    "weight": (["", "1", "2.5", "-3", "1e3"], ["many", "nan"]),
    "aliases": (["", "A|B", "|"], []),
}
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)

ACTOR_OPTIONAL = ["name", "kind", "camp", "aliases", "description", "start", "end", "extra"]
RELATION_OPTIONAL = ["start", "end", "confidence", "evidence", "sign", "weight", "key"]
CELL_KIND = {"start": "date", "end": "date"}


def cell(draw, column: str) -> str:
    """A cell of a column: valid nine times in ten."""
    kind = CELL_KIND.get(column, column)
    if kind not in CELLS:
        return draw(TEXT)
    valid, invalid = CELLS[kind]
    return draw(st.sampled_from(invalid if invalid and rarely(draw) else valid))


def rarely(draw) -> bool:
    """True about one time in ten (Hypothesis favours small numbers: 9 is the rare one)."""
    return draw(st.integers(0, 9)) == 9


@st.composite
def datasets(draw) -> dict[str, list[list[str]]]:
    """An actors and a relations table (header first) with a random mix of cells."""
    ids = draw(st.lists(st.sampled_from(GOOD_IDS), min_size=2, max_size=5, unique=True))
    if rarely(draw):
        ids.append(draw(st.sampled_from(BAD_IDS + ids)))  # a bad or repeated id
    actor_columns = ["id", *draw(st.lists(st.sampled_from(ACTOR_OPTIONAL), unique=True))]
    actors = [actor_columns] + [
        [actor, *(cell(draw, c) for c in actor_columns[1:])] for actor in ids
    ]
    optional = draw(st.lists(st.sampled_from(RELATION_OPTIONAL), unique=True))
    relation_columns = [
        "source",
        "target",
        *([] if rarely(draw) else ["type"]),
        *optional,
    ]
    relations = [relation_columns]
    for _ in range(draw(st.integers(0, 6))):
        source, target = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True))
        if rarely(draw):
            target = "nobody"
        row = {"source": source, "target": target}
        relations.append([row.get(c) or cell(draw, c) for c in relation_columns])
    return {"actors.csv": actors, "relations.csv": relations}


def write_folder(folder: Path, tables: dict[str, list[list[str]]]) -> None:
    for name, rows in tables.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(rows)  # CRLF line ends: a cell's lone CR is quoted


def outcome(function, folder: Path):
    """The graph, or the problems as text; any other exception fails the test."""
    try:
        return function(folder)
    except graph.DataError as error:
        return [str(problem) for problem in error.problems]


@SETTINGS
@given(datasets())
def test_validate_and_load_agree_and_exports_round_trip(tables) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_folder(folder, tables)
        loaded, validated = outcome(graph.load, folder), outcome(graph.validate, folder)
        if isinstance(loaded, list):
            assert validated == loaded  # same problems, all of them
            return
        assert isinstance(validated, nx.MultiDiGraph)
        for _, _, data in loaded.edges(data=True):
            assert all(value == value for value in data.values())  # no NaN anywhere
        graph.signed_graph(loaded, at="2015", inherit_membership=True)
        graph.summary(loaded)
        back = graph.load(graph.export_as(loaded, folder / "export", "csv"))
        assert dict(back.nodes(data=True)) == dict(loaded.nodes(data=True))
        assert nx.utils.edges_equal(
            back.edges(keys=True, data=True), loaded.edges(keys=True, data=True)
        )
        assert back.graph["relation_types"] == loaded.graph["relation_types"]


@SETTINGS
@given(
    st.sampled_from(["actors.csv", "relations.csv", "relation_types.csv", "datapackage.json"]),
    st.one_of(st.binary(max_size=60), TEXT.map(str.encode)),
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b'"', b"id,name\r"]),
)
def test_any_bytes_in_any_file_give_a_data_error_at_most(name, body, prefix) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_folder(folder, {"actors.csv": [["id"], ["a"], ["b"]]})
        write_folder(
            folder, {"relations.csv": [["source", "target", "type"], ["a", "b", "fights"]]}
        )
        (folder / name).write_bytes(prefix + body)
        loaded, validated = outcome(graph.load, folder), outcome(graph.validate, folder)
        assert type(loaded) is type(validated)
        if isinstance(loaded, list):
            assert loaded == validated and loaded
            assert all(visible(line) == line for line in loaded)  # escaped for the terminal
