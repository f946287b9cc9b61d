"""Exports: each file is read back with a standard reader and compared with the graph."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from lxml import etree

import graph
from graph.cli import main
from graph.core.dates import parse_period
from graph.outputs.export import (
    export_as,
    portable,
    write_csv,
    write_gexf,
    write_graphml,
    write_json,
)

GEXF_SCHEMA = Path(__file__).parent / "schemas" / "gexf-1.3" / "gexf.rng"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph.load()


@pytest.fixture(scope="module")
def gexf_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(GEXF_SCHEMA)))


def assert_valid_gexf(path: Path, schema: etree.RelaxNG) -> None:
    document = etree.parse(str(path))
    assert schema.validate(document), str(schema.error_log)


def hostile(dataset: Path) -> Path:
    """The bundled data with markup, quotes, a control character and formulas in its text."""
    actors = (dataset / "actors.csv").read_text(encoding="utf-8")
    actors = actors.replace(
        'Russia,state,pro-government,"Russian Federation|Moscow"',
        '"Rus<sia> & ""Co""\x01",state,pro-government,"=HYPERLINK(""http://x.test"")|@Moscow"',
    )
    (dataset / "actors.csv").write_text(actors, encoding="utf-8")
    return dataset


def test_schema_rejects_what_gexf_1_3_forbids(gexf_schema: etree.RelaxNG) -> None:
    # The vendored grammar is complete: it fails a node without an id.
    bad = b'<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node/></nodes>'
    assert not gexf_schema.validate(etree.fromstring(bad + b"<edges/></graph></gexf>"))


def test_gexf_is_valid_1_3_and_reads_back(G, gexf_schema, tmp_path: Path) -> None:
    path = write_gexf(G, tmp_path / "aleppo.gexf")
    assert_valid_gexf(path, gexf_schema)
    H = nx.read_gexf(path, version="1.3")
    assert H.graph["mode"] == "dynamic"
    assert sorted(H.nodes) == sorted(G.nodes)
    for node, data in G.nodes(data=True):
        read = H.nodes[node]
        assert read["label"] == data["name"]
        assert read["aliases"] == "|".join(data["aliases"])
        assert {k: read[k] for k in ("kind", "camp", "description")} == {
            k: data[k] for k in ("kind", "camp", "description")
        }
    assert H.number_of_edges() == G.number_of_edges() == 34
    vocabulary = G.graph["relation_types"]
    for u, v, key, data in G.edges(keys=True, data=True):
        read = H[u][v][f"{u}|{v}|{key}"]
        for name in ("type", "sign", "confidence", "evidence", "citation", "date_source"):
            assert read[name] == data[name], name
        assert read["label"] == vocabulary[data["type"]]["label"]
        # Partial dates stand for their whole period: first day of the start, last of the end.
        expected_start = parse_period(data["start"])[0].isoformat() if data["start"] else None
        expected_end = parse_period(data["end"])[1].isoformat() if data["end"] else None
        assert (read.get("start"), read.get("end")) == (expected_start, expected_end)


def test_gexf_timeline_and_kinds(G, tmp_path: Path) -> None:
    root = etree.parse(str(write_gexf(G, tmp_path / "aleppo.gexf"))).getroot()
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    graph_element = root.find("g:graph", ns)
    assert graph_element.get("timeformat") == "date" and graph_element.get("mode") == "dynamic"
    edges = root.findall(".//g:edge", ns)
    russia = [e for e in edges if e.get("source") == "russia"]
    air = next(e for e in russia if e.get("kind") == "air_support")
    # Russia's first air strikes, 30 September 2015; still going on: no end.
    assert air.get("start") == "2015-09-30" and air.get("end") is None
    # Parallel relations between the same actors stay apart by kind.
    to_assad = [e.get("kind") for e in russia if e.get("target") == "assad_government"]
    assert sorted(to_assad) == ["air_support", "backs", "political_support"]
    fights = next(e for e in edges if e.get("id") == "free_syrian_army|assad_government|2")
    assert (fights.get("start"), fights.get("end")) == ("2012-07-01", "2016-12-22")
    assert fights.find("viz:shape", ns).get("value") == "dashed"
    # The explorer's positions, y pointing up.
    russia = next(node for node in graph.drawing.scene(G)["nodes"] if node["id"] == "russia")
    x, y = russia["x"], russia["y"]
    position = root.find(".//g:node[@id='russia']/viz:position", ns)
    assert (float(position.get("x")), float(position.get("y"))) == (x, -y)


def test_gexf_holds_hostile_text(dataset: Path, gexf_schema, tmp_path: Path) -> None:
    G = graph.load(hostile(dataset))
    path = write_gexf(G, tmp_path / "hostile.gexf")
    assert_valid_gexf(path, gexf_schema)
    assert nx.read_gexf(path, version="1.3").nodes["russia"]["label"] == 'Rus<sia> & "Co"\ufffd'


@pytest.mark.parametrize("format", ["gexf", "graphml", "json"])
def test_exports_are_deterministic(G, format: str, tmp_path: Path) -> None:
    first = export_as(G, tmp_path / f"1.{format}", format)
    second = export_as(graph.load(), tmp_path / f"2.{format}", format)
    assert first.read_bytes() == second.read_bytes()


def test_graphml_reads_back(G, tmp_path: Path) -> None:
    H = nx.read_graphml(write_graphml(G, tmp_path / "aleppo.graphml"), force_multigraph=True)
    expected = portable(G, "graphml")
    assert dict(H.nodes(data=True)) == dict(expected.nodes(data=True))
    assert H.graph["title"] == G.graph["title"]
    read = {(u, v, k): d for u, v, k, d in H.edges(keys=True, data=True)}
    assert read == {(u, v, k): d for u, v, k, d in expected.edges(keys=True, data=True)}
    # Open dates are left out; partial dates are kept as written.
    air = read[("russia", "assad_government", 7)]
    assert air["start"] == "2015-09-30" and "end" not in air


def edge_default(path: Path) -> str:
    """A GEXF file's defaultedgetype or a GraphML file's edgedefault."""
    element = etree.parse(str(path)).find("{*}graph")
    return element.get("defaultedgetype") or element.get("edgedefault")


def test_undirected_data_export_undirected_and_directed_data_directed(
    G, gexf_schema, tmp_path: Path
) -> None:
    from graph.importers import import_events

    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,sign,time\na,b,1,2020-01-01\nb,c,-1,2020-02-01\n")
    U = graph.load(import_events("edgelist", ties, tmp_path / "u", undirected=True))
    gexf, graphml = write_gexf(U, tmp_path / "u.gexf"), write_graphml(U, tmp_path / "u.graphml")
    assert_valid_gexf(gexf, gexf_schema)
    assert edge_default(gexf) == edge_default(graphml) == "undirected"
    for H in (nx.read_gexf(gexf, version="1.3"), nx.read_graphml(graphml)):
        assert not H.is_directed() and sorted(map(sorted, H.edges)) == [["a", "b"], ["b", "c"]]
    # One directed relation (the bundled data have symmetric talks too) keeps the graph
    # directed: NetworkX reads no file that mixes both.
    directed = (write_gexf(G, tmp_path / "a.gexf"), write_graphml(G, tmp_path / "a.graphml"))
    assert [edge_default(path) for path in directed] == ["directed", "directed"]


def test_json_reads_back(G, tmp_path: Path) -> None:
    path = write_json(G, tmp_path / "aleppo.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="edges")
    expected = portable(G, "json")
    assert nx.utils.graphs_equal(H, expected)
    assert H.graph["relation_types"] == G.graph["relation_types"]
    assert H.nodes["russia"]["aliases"] == ["Russian Federation", "Moscow"]
    russia = [e for e in data["edges"] if e["source"] == "russia" and e["type"] == "air_support"]
    assert russia[0]["end"] is None and russia[0]["label"] == "gives air support to"


def assert_same_dataset(H: nx.MultiDiGraph, G: nx.MultiDiGraph) -> None:
    assert dict(H.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(H.edges(keys=True, data=True), key=lambda e: e[2]) == sorted(
        G.edges(keys=True, data=True), key=lambda e: e[2]
    )
    assert H.graph["relation_types"] == G.graph["relation_types"]


def test_csv_round_trip_is_lossless(dataset: Path, tmp_path: Path) -> None:
    # An extra column on actors, beside the relations' own date_source.
    lines = (dataset / "actors.csv").read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",wikidata"] + [f"{line},Q{n}" for n, line in enumerate(lines[1:])]
    (dataset / "actors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    G = graph.load(dataset)
    folder = write_csv(G, tmp_path / "out")
    assert sorted(p.name for p in folder.iterdir()) == [
        "actors.csv",
        "relation_types.csv",
        "relations.csv",
    ]
    H = graph.load(folder)
    assert_same_dataset(H, G)
    assert H.nodes["russia"]["wikidata"] == "Q1" and H.nodes["russia"]["aliases"][1] == "Moscow"
    header = (folder / "relations.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "source,target,type,start,end,confidence,evidence,citation,date_source"


def test_csv_round_trip_keeps_formulas_as_data(dataset: Path, tmp_path: Path) -> None:
    G = graph.load(hostile(dataset))
    H = graph.load(write_csv(G, tmp_path / "out"))
    assert_same_dataset(H, G)
    assert H.nodes["russia"]["aliases"][0] == '=HYPERLINK("http://x.test")'


def test_csv_for_spreadsheets_neutralises_formulas(dataset: Path, tmp_path: Path) -> None:
    relations = (dataset / "relations.csv").read_text(encoding="utf-8").splitlines()
    relations = [relations[0] + ",=1+1"] + [line + ",+1" for line in relations[1:]]
    (dataset / "relations.csv").write_text("\n".join(relations) + "\n", encoding="utf-8")
    folder = write_csv(graph.load(hostile(dataset)), tmp_path / "sheet", for_spreadsheet=True)
    header = (folder / "relations.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",date_source,'=1+1")
    text = (folder / "actors.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeffid,name,")
    russia = next(row for row in csv.DictReader(text[1:].splitlines()) if row["id"] == "russia")
    assert russia["aliases"] == '\'=HYPERLINK("http://x.test")|@Moscow'
    types = list(
        csv.DictReader((folder / "relation_types.csv").read_text("utf-8-sig").splitlines())
    )
    # Numbers are not formulas: signs stay numbers.
    assert {row["sign"] for row in types} == {"1", "-1", "0"}
    for row in types:
        assert not any(cell.startswith(("=", "+", "@")) for cell in row.values())


def test_failed_export_leaves_the_old_file(G, tmp_path: Path) -> None:
    target = tmp_path / "aleppo.gexf"
    target.write_text("good", encoding="utf-8")
    broken = G.copy()
    next(iter(broken.edges(data=True)))[2]["start"] = "2016-13"
    with pytest.raises(ValueError, match="2016-13"):
        write_gexf(broken, target)
    assert target.read_text(encoding="utf-8") == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["aleppo.gexf"]


def test_export_does_not_change_the_graph(G, tmp_path: Path) -> None:
    before = nx.node_link_data(G, edges="edges")
    for format in ("gexf", "graphml", "json", "csv"):
        export_as(G, tmp_path / f"out.{format}", format)
    assert nx.node_link_data(G, edges="edges") == before


def test_bad_format_and_option(G, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format 'xls'"):
        export_as(G, tmp_path / "x", "xls")
    with pytest.raises(ValueError, match="csv format only"):
        export_as(G, tmp_path / "x.gexf", "gexf", for_spreadsheet=True)
    assert not list(tmp_path.iterdir())


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("format", ["gexf", "graphml", "json"])
def test_cli_export_file(format: str, tmp_path: Path) -> None:
    out = tmp_path / f"aleppo.{format}"
    result = run("export", "--format", format, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out.resolve())
    assert out.read_bytes() == export_as(graph.load(), tmp_path / "again", format).read_bytes()


def test_cli_export_csv_folder(dataset: Path, tmp_path: Path) -> None:
    result = run("export", str(dataset), "--format", "csv", "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert_same_dataset(graph.load(tmp_path / "out"), graph.load(dataset))
    result = run("export", "--format", "csv", "--for-spreadsheet", "-o", str(tmp_path / "xl"))
    assert result.exit_code == 0
    assert (tmp_path / "xl" / "actors.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_export_errors(dataset: Path, tmp_path: Path) -> None:
    result = run("export", "--format", "gexf", "--for-spreadsheet", "-o", str(tmp_path / "a"))
    assert result.exit_code == 2 and "csv format only" in result.output
    (dataset / "relations.csv").write_text("source,target\n", encoding="utf-8")
    result = run("export", str(dataset), "--format", "gexf", "-o", str(tmp_path / "a.gexf"))
    assert result.exit_code == 1 and "relations.csv" in result.output
    assert not (tmp_path / "a.gexf").exists()
    result = run("export", "--help")
    assert result.exit_code == 0 and "Example:" in result.output


# -- numpy-values-in-exports, control-chars-in-column-names (issue 9) -----------------

CASES = Path(__file__).parent / "cases"


@pytest.fixture
def measured() -> nx.MultiDiGraph:
    """The bundled graph with what analysts copy onto it (the numpy-values-in-exports case)."""
    G = graph.load()
    table = graph.centrality(G)
    nx.set_node_attributes(G, table["pagerank"].to_dict(), "pagerank")  # numpy.float64
    nx.set_node_attributes(G, table["degree"].to_dict(), "degree_n")  # numpy.int64
    nx.set_node_attributes(G, {a: np.bool_(a == "russia") for a in G}, "flag")
    nx.set_node_attributes(G, {a: np.nan if a == "kurdish_forces" else 1.0 for a in G}, "w")
    G.nodes["russia"]["since"] = dt.date(2015, 9, 30)
    G.nodes["iran"]["tags"] = {"shia", "ally"}
    G.nodes["iran"]["scores"] = np.array([1, 2])
    G.nodes["iran"]["nothing"] = None
    G.add_edge("russia", "russia", type="attacks", sign=-1, confidence="alleged", start="2016")
    return G


def test_numpy_values_keep_their_types_in_json(measured, tmp_path: Path) -> None:
    text = write_json(measured, tmp_path / "x.json").read_text(encoding="utf-8")
    assert "NaN" not in text
    nodes = {node["id"]: node for node in json.loads(text)["nodes"]}
    russia, kurds, iran = nodes["russia"], nodes["kurdish_forces"], nodes["iran"]
    assert type(russia["pagerank"]) is float and type(russia["degree_n"]) is int
    assert russia["flag"] is True and iran["flag"] is False
    assert kurds["w"] is None and russia["w"] == 1.0
    assert russia["since"] == "2015-09-30"
    assert iran["tags"] == ["ally", "shia"] and iran["scores"] == [1, 2]
    assert iran["nothing"] is None


def test_numpy_values_keep_their_types_in_graphml(measured, tmp_path: Path) -> None:
    path = write_graphml(measured, tmp_path / "x.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    russia = H.nodes["russia"]
    assert type(russia["pagerank"]) is float and type(russia["degree_n"]) is int
    assert russia["flag"] is True and H.nodes["iran"]["flag"] is False
    assert "w" not in H.nodes["kurdish_forces"] and russia["w"] == 1.0
    assert H.nodes["iran"]["tags"] == "ally|shia" and "nothing" not in H.nodes["iran"]
    assert H.has_edge("russia", "russia")


def test_numpy_values_keep_their_types_in_gexf(measured, gexf_schema, tmp_path: Path) -> None:
    path = write_gexf(measured, tmp_path / "x.gexf")
    assert_valid_gexf(path, gexf_schema)
    assert not re.search(r'value="(nan|inf)"', path.read_text(encoding="utf-8"), re.I)
    declared = {
        e.get("title"): e.get("type")
        for e in etree.parse(str(path)).getroot().iter("{http://gexf.net/1.3}attribute")
    }
    assert {name: declared[name] for name in ("pagerank", "degree_n", "flag", "w")} == {
        "pagerank": "double",
        "degree_n": "long",
        "flag": "boolean",
        "w": "double",
    }
    H = nx.read_gexf(path, version="1.3")
    assert type(H.nodes["russia"]["degree_n"]) is int and H.nodes["russia"]["flag"] is True
    assert "w" not in H.nodes["kurdish_forces"]


def test_numpy_values_in_csv_load_back(measured, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"relation 'russia' -> 'russia' .*to itself"):
        write_csv(measured, tmp_path / "x-csv")
    assert not (tmp_path / "x-csv").exists()
    measured.remove_edges_from(list(nx.selfloop_edges(measured, keys=True)))
    folder = write_csv(measured, tmp_path / "x-csv")
    H = graph.load(folder)
    russia = H.nodes["russia"]
    assert float(russia["pagerank"]) == measured.nodes["russia"]["pagerank"]
    assert int(russia["degree_n"]) == measured.nodes["russia"]["degree_n"]
    assert str(russia["flag"]) == "True" and str(russia["since"]) == "2015-09-30"
    assert str(H.nodes["kurdish_forces"].get("w", "") or "") in ("", "nan")
    assert H.number_of_edges() == measured.number_of_edges()


def test_the_cli_case_runs_for_every_format(measured, tmp_path: Path) -> None:
    """The case's script, as written (without the self-loop): every format is written."""
    measured.remove_edges_from(list(nx.selfloop_edges(measured, keys=True)))
    for format, name in [("json", "x.json"), ("graphml", "x.graphml"), ("gexf", "x.gexf")]:
        assert export_as(measured, tmp_path / name, format).stat().st_size > 0
    H = graph.load(export_as(measured, tmp_path / "x-csv", "csv"))
    assert H.number_of_nodes() == measured.number_of_nodes()


@pytest.mark.parametrize("format", ["gexf", "graphml", "json", "csv"])
def test_values_exports_cannot_hold_are_refused_by_name(format: str, tmp_path: Path) -> None:
    G = graph.load()
    G.nodes["russia"]["when"] = object()
    with pytest.raises(TypeError, match=r"actor 'russia', attribute 'when': a value of type"):
        export_as(G, tmp_path / f"x.{format}", format)
    G = graph.load()
    G["russia"]["assad_government"][7]["weight"] = np.inf
    with pytest.raises(
        ValueError,
        match=r"relation 'russia' -> 'assad_government' \(key 7\), "
        "attribute 'weight': inf is not a finite number",
    ):
        export_as(G, tmp_path / f"x.{format}", format)
    assert list(tmp_path.iterdir()) == []


def test_dicts_go_to_json_only(tmp_path: Path) -> None:
    G = graph.load()
    G.nodes["russia"]["meta"] = {"source": "x", "n": np.int64(2)}
    data = json.loads(write_json(G, tmp_path / "x.json").read_text(encoding="utf-8"))
    assert next(n for n in data["nodes"] if n["id"] == "russia")["meta"] == {"source": "x", "n": 2}
    with pytest.raises(TypeError, match="actor 'russia', attribute 'meta'"):
        write_graphml(G, tmp_path / "x.graphml")


@pytest.mark.parametrize("format", ["gexf", "graphml", "json", "csv"])
def test_actors_without_relations(format: str, tmp_path: Path) -> None:
    G = graph.load()
    G.remove_edges_from(list(G.edges))
    path = export_as(G, tmp_path / f"x.{format}", format)
    if format == "csv":
        assert (path / "relations.csv").read_text(encoding="utf-8").count("\n") == 1
    elif format == "json":
        assert json.loads(path.read_text(encoding="utf-8"))["edges"] == []
    else:
        H = nx.read_gexf(path) if format == "gexf" else nx.read_graphml(path)
        assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == 0


def test_actors_without_relations_load_back(tmp_path: Path) -> None:
    G = graph.load()
    G.remove_edges_from(list(G.edges))
    assert graph.load(write_csv(G, tmp_path / "x")).number_of_nodes() == G.number_of_nodes()


def test_control_characters_in_column_names(gexf_schema, tmp_path: Path) -> None:
    data = CASES / "control-chars-in-column-names" / "data"
    for format in ("gexf", "graphml"):
        out = tmp_path / f"x.{format}"
        result = run("export", str(data), "--format", format, "-o", str(out))
        assert result.exit_code == 0, result.output
        document = etree.parse(str(out))  # well-formed XML, or this raises
        names = {
            e.get("title") or e.get("attr.name")
            for e in document.getroot().iter()
            if e.tag.endswith(("}attribute", "}key"))
        }
        assert {"ctl\ufffdname", "v\ufffdtab"} <= names
    assert_valid_gexf(tmp_path / "x.gexf", gexf_schema)
    H = nx.read_graphml(tmp_path / "x.graphml")
    assert H.nodes["alpha"]["ctl\ufffdname"] == "a\ufffdb"


def test_networkx_writers_take_the_portable_copy(tmp_path: Path) -> None:
    """README: nx.write_graphml/nx.write_gexf of graph.load's graph go through portable()."""
    G = graph.load()
    with pytest.raises((TypeError, ValueError)):
        nx.write_graphml(G, tmp_path / "raw.graphml")
    nx.write_graphml(portable(G, "graphml"), tmp_path / "aleppo.graphml")
    nx.write_gexf(portable(G, "gexf"), tmp_path / "aleppo.gexf")
    assert nx.read_graphml(tmp_path / "aleppo.graphml").nodes["russia"]["camp"] == "pro-government"
    assert nx.read_gexf(tmp_path / "aleppo.gexf").number_of_edges() == G.number_of_edges()
    # Any NetworkX graph, not only a MultiDiGraph.
    plain = nx.Graph([(1, 2, {"w": np.float32(0.5)})])
    assert type(portable(plain, "graphml")) is nx.Graph
    assert portable(plain, "graphml")[1][2]["w"] == 0.5


@pytest.mark.parametrize("format", ["gexf", "graphml", "json", "csv"])
def test_attribute_names_of_the_formats_own_fields(format: str, tmp_path: Path) -> None:
    """Names NetworkX takes as arguments are data; names a format uses for ids are refused."""
    G = graph.load()
    G.nodes["russia"]["node_for_adding"] = "a"
    G["russia"]["assad_government"][7]["u_of_edge"] = "b"
    G["russia"]["assad_government"][7]["key"] = "c"
    G["russia"]["assad_government"][7]["source"] = "d"
    if format in ("gexf", "graphml"):
        H = portable(G, format)
        assert H.nodes["russia"]["node_for_adding"] == "a"
        assert {k: H["russia"]["assad_government"][7][k] for k in ("u_of_edge", "key")} == {
            "u_of_edge": "b",
            "key": "c",
        }
        export_as(G, tmp_path / f"x.{format}", format)
        return
    message = r"relation 'russia' -> 'assad_government' \(key 7\), attribute '(key|source)'"
    with pytest.raises(ValueError, match=message + ".*rename the attribute"):
        export_as(G, tmp_path / f"x.{format}", format)
    G = graph.load()
    G.nodes["russia"]["id"] = "x"
    with pytest.raises(ValueError, match=r"actor 'russia', attribute 'id': .* actor's own id"):
        export_as(G, tmp_path / f"x.{format}", format)
    assert list(tmp_path.iterdir()) == []
