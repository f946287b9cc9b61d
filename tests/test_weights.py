"""The data's ``weight`` column: read as numbers, used by every analysis that takes weights.

A triangle a-b-c with one opposition tie is unbalanced whatever the weights;
the frustration index is then the lightest tie's weight, which tells
whether the weights reached the solver. A path where the direct tie is weak
tells whether they reached betweenness.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import graph
from graph.analysis.metrics import centrality
from graph.balance import balance_report, frustration
from graph.cli import main
from graph.drawing.scene import scene
from graph.drawing.style import HEAVIEST_WIDTH_FACTOR, edge_style

ACTORS = "id,name\na,Alpha\nb,Beta\nc,Gamma\n"


def dataset(folder: Path, relations: str) -> Path:
    folder.mkdir()
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (folder / "relations.csv").write_text(relations, encoding="utf-8")
    return folder


@pytest.fixture
def weighted(tmp_path: Path) -> Path:
    # a-b support 5, b-c support 3, a-c opposition 4 (+ support 0.5: net -3.5): L = 3 (b-c).
    return dataset(
        tmp_path / "weighted",
        "source,target,type,weight\na,b,weapons,5\nb,c,funding,3\na,c,fights,4\nc,a,backs,0.5\n",
    )


def test_signed_graph_sums_signed_weights(weighted: Path) -> None:
    S = graph.signed_graph(graph.load(weighted))
    assert (S["a"]["b"]["sign"], S["a"]["b"]["weight"]) == (1, 5.0)
    assert (S["a"]["c"]["sign"], S["a"]["c"]["weight"], S["a"]["c"]["mixed"]) == (-1, 3.5, True)
    # The stronger side wins even against more relations: one support of 10 vs two oppositions.
    M = nx.MultiDiGraph()
    M.add_edge("x", "y", type="weapons", sign=1, weight=10)
    M.add_edge("x", "y", type="fights", sign=-1, weight=2)
    M.add_edge("y", "x", type="fights", sign=-1, weight=-3)  # the magnitude counts
    edge = graph.signed_graph(M)["x"]["y"]
    assert (edge["sign"], edge["weight"], edge["positive"], edge["negative"]) == (1, 5.0, 1, 2)
    # A tie is opposition of weight 1; relations without a weight count 1.
    T = nx.MultiDiGraph()
    T.add_edge("x", "y", type="weapons", sign=1, weight=2)
    T.add_edge("x", "y", type="fights", sign=-1)
    T.add_edge("y", "x", type="fights", sign=-1)
    assert (graph.signed_graph(T)["x"]["y"]["sign"], graph.signed_graph(T)["x"]["y"]["weight"]) == (
        -1,
        1.0,
    )


def test_unweighted_data_has_no_weights() -> None:
    S = graph.signed_graph(graph.load())
    assert not any("weight" in data for *_, data in S.edges(data=True))


def test_balance_reads_the_weights(weighted: Path) -> None:
    S = graph.signed_graph(graph.load(weighted))
    assert frustration(S, method="exact").L == 3
    assert frustration(S, method="exact", weight=None).L == 1
    report = balance_report(S, method="exact")
    assert report.frustrated_ties[["source", "target"]].values.tolist() in (
        [["b", "c"]],
        [["c", "b"]],
    )
    result = CliRunner().invoke(main, ["balance", str(weighted)])
    assert result.exit_code == 0, result.output
    assert "frustration index L = 3" in result.output


def test_centrality_takes_weights(tmp_path: Path) -> None:
    # a-b and b-c strong (10), a-c weak (0.1): by weight the short way from a to c is via b.
    folder = dataset(
        tmp_path / "path",
        "source,target,type,weight\na,b,weapons,10\nb,c,weapons,10\na,c,fights,0.1\n",
    )
    G = graph.load(folder)
    plain = centrality(G)
    weighted = centrality(G, weight="weight")
    assert plain["betweenness"].tolist() == [0.0, 0.0, 0.0]
    assert weighted["betweenness"].tolist() == [0.0, 1.0, 0.0]
    U = nx.Graph([("a", "b", {"d": 0.1}), ("b", "c", {"d": 0.1}), ("a", "c", {"d": 10.0})])
    assert weighted["betweenness"].to_dict() == nx.betweenness_centrality(U, weight="d")
    assert plain["signed_degree"].tolist() == [0, 2, 0]
    assert weighted["signed_degree"].tolist() == pytest.approx([9.9, 20.0, 9.9])
    # PageRank: b receives 10 of a's 10.1 out-weight, not one of its two relations.
    D = nx.DiGraph([("a", "b", {"w": 10}), ("b", "c", {"w": 10}), ("a", "c", {"w": 0.1})])
    assert weighted["pagerank"].to_dict() == pytest.approx(nx.pagerank(D, weight="w"))
    assert weighted["pn"].tolist() == plain["pn"].tolist()  # signs only, by definition
    result = CliRunner().invoke(main, ["metrics", str(folder), "--weighted"])
    assert result.exit_code == 0, result.output
    assert result.output != CliRunner().invoke(main, ["metrics", str(folder)]).output


def test_line_width_grows_with_weight(weighted: Path) -> None:
    edges = {(e["from"], e["to"]): e for e in scene(graph.load(weighted))["edges"]}
    base = edge_style(1, "confirmed")["width"]
    assert edges[("a", "b")]["width"] == base * HEAVIEST_WIDTH_FACTOR  # the heaviest
    assert (
        base < edges[("c", "a")]["width"] < edges[("b", "c")]["width"] < edges[("a", "b")]["width"]
    )
    unweighted = scene(graph.load())["edges"]
    assert {e["width"] for e in unweighted} <= {
        edge_style(1, c)["width"] for c in ("confirmed", "claimed", "alleged")
    }


def test_weights_stay_numbers_in_exports(weighted: Path, tmp_path: Path) -> None:
    G = graph.load(weighted)
    out = tmp_path / "out"
    for form in ("json", "graphml", "gexf", "csv"):
        result = CliRunner().invoke(
            main, ["export", str(weighted), "--format", form, "-o", str(out / f"g.{form}")]
        )
        assert result.exit_code == 0, result.output
    data = json.loads((out / "g.json").read_text(encoding="utf-8"))
    links = data.get("links") or data.get("edges")
    assert sorted(link["weight"] for link in links) == [0.5, 3, 4, 5]
    assert all(isinstance(link["weight"], int | float) for link in links)
    for form in ("graphml", "gexf"):
        root = ET.parse(out / f"g.{form}").getroot()
        keys = [
            k for k in root.iter() if k.get("attr.name") == "weight" or k.get("title") == "weight"
        ]
        assert keys and all(
            (k.get("attr.type") or k.get("type")) in ("double", "float", "int", "long")
            for k in keys
        ), form
    back = graph.load(out / "g.csv")
    assert sorted(w for *_, w in back.edges(data="weight")) == sorted(
        w for *_, w in G.edges(data="weight")
    )
