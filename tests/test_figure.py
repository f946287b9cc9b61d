"""Print figures: valid files, A4 by default, drawn, deterministic, the explorer's encoding."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.transforms import Bbox
from PIL import Image

import graph
from graph.cli import main
from graph.drawing.picture import scene
from graph.outputs.figure import FONT_FALLBACK, PRESETS, draw, font_families, make_figure

A4_POINTS = (841.68, 595.44)  # 11.69 x 8.27 inches


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return graph.load()


@pytest.fixture(scope="module")
def png(G, tmp_path_factory) -> Path:
    return draw(G, tmp_path_factory.mktemp("figure") / "aleppo.png")


def test_png_is_a4_and_drawn(png: Path) -> None:
    with Image.open(png) as image:
        image.verify()
    with Image.open(png) as image:
        assert image.format == "PNG"
        assert image.size == (round(11.69 * 200), round(8.27 * 200))
        pixels = np.asarray(image.convert("RGB"))
    ink = (pixels < 200).any(axis=2).mean()
    assert 0.02 < ink < 0.5, f"{ink:.1%} of the page is drawn on"


def test_png_has_the_explorer_colours(G, png: Path) -> None:
    with Image.open(png) as image:
        colours = {tuple(c) for c in np.asarray(image.convert("RGB")).reshape(-1, 3)[::7]}
    for camp in scene(G)["legend"]["camps"]:
        rgb = tuple(int(camp["colour"][i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in colours, camp["camp"]


def test_grayscale_keeps_shapes_lines_and_labels(png: Path) -> None:
    with Image.open(png) as image:
        gray = np.asarray(image.convert("L"))
    # Black outlines, lines and text on white: the picture does not rely on hue.
    assert (gray < 60).mean() > 0.005 and (gray > 245).mean() > 0.5


def test_svg_is_a4_and_holds_the_text(G, tmp_path: Path) -> None:
    root = ET.parse(draw(G, tmp_path / "aleppo.svg")).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    size = tuple(float(root.get(side).removesuffix("pt")) for side in ("width", "height"))
    assert size == pytest.approx(A4_POINTS, abs=0.01)
    texts = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert "Battle of Aleppo (2012–2016)" in texts
    assert any(t.startswith("Relations from 2012-07 to 2016-12-22") for t in texts)
    assert {"opposition", "state", "support", "confirmed"} <= texts


def test_pdf_is_one_a4_page(G, tmp_path: Path) -> None:
    content = draw(G, tmp_path / "aleppo.pdf").read_bytes()
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", content)
    assert [(float(w), float(h)) for w, h in boxes] == [pytest.approx(A4_POINTS, abs=0.01)]


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_same_graph_same_bytes(G, suffix: str, tmp_path: Path) -> None:
    first = draw(G, tmp_path / f"1.{suffix}").read_bytes()
    assert draw(graph.load(), tmp_path / f"2.{suffix}").read_bytes() == first


def test_slide_preset(G, tmp_path: Path) -> None:
    with Image.open(draw(G, tmp_path / "slide.png", preset="slide")) as image:
        assert image.size == (2000, 1125)
    assert set(PRESETS) == {"handout", "slide"}


def test_at_draws_the_relations_active_then(G) -> None:
    for at in ("2015-09-29", "2015-10", "2016"):
        shown = graph.snapshot(G, at).number_of_edges()
        figure = make_figure(G, at=at)
        texts = [text.get_text() for text in figure.texts]
        assert any(f"{shown} of 34 relations shown" in t and at in t for t in texts), texts
        network = figure.axes[0]
        assert len(network.patches) == shown


@pytest.mark.parametrize("preset", ["handout", "slide"])
def test_no_label_covers_another_label_or_shape(G, preset: str) -> None:
    figure = make_figure(G, preset=preset)
    renderer = FigureCanvasAgg(figure).get_renderer()
    network = figure.axes[0]
    # Each label as matplotlib lays it out, by the point of its actor.
    labels = {tuple(text.xy): text for text in network.texts}
    assert len(labels) == G.number_of_nodes()
    extents = {point: text.get_window_extent(renderer) for point, text in labels.items()}
    # Each shape: the marker's outline at its size, around the actor's point, in pixels.
    shapes = {}
    for markers in network.collections:
        outline = markers.get_paths()[0].get_extents().get_points()
        for point, size in zip(markers.get_offsets(), markers.get_sizes(), strict=True):
            centre = network.transData.transform(point)
            shapes[tuple(point)] = Bbox(centre + outline * np.sqrt(size) * figure.dpi / 72)
    assert set(shapes) == set(extents)
    boxes = [(point, "label", box) for point, box in extents.items()]
    boxes += [(point, "shape", box) for point, box in shapes.items()]
    covered = [
        (a[1], labels[a[0]].get_text(), b[1], labels[b[0]].get_text())
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] != b[0] and a[2].overlaps(b[2])
    ]
    assert covered == []
    # All inside the network's part of the page, and readable on paper.
    frame = network.get_window_extent(renderer)
    assert all(
        frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1) for _, _, box in boxes
    )
    assert min(text.get_fontsize() for text in labels.values()) >= 8


def test_names_are_text_not_math(dataset: Path, tmp_path: Path) -> None:
    actors = (dataset / "actors.csv").read_text(encoding="utf-8")
    (dataset / "actors.csv").write_text(
        actors.replace("\nrussia,Russia,", "\nrussia,Russia $\\frac{ <b>&,", 1), encoding="utf-8"
    )
    G = graph.load(dataset)
    figure = make_figure(G, title="Costs $5 and $\\undefined{")
    labels = [t for t in figure.axes[0].texts if t.get_text().startswith("Russia")]
    assert [t.get_text() for t in labels] == ["Russia $\\frac{\n<b>&"]  # wrapped at 18
    # Math markup would fail to parse these; as plain text they draw.
    for suffix in ("png", "svg", "pdf"):
        draw(G, tmp_path / f"hostile.{suffix}", title="Costs $5 and $\\undefined{")


def test_bad_suffix_or_preset_writes_nothing(G, tmp_path: Path) -> None:
    target = tmp_path / "aleppo.png"
    target.write_bytes(b"good")
    with pytest.raises(ValueError, match="unknown preset 'poster'"):
        draw(G, target, preset="poster")
    with pytest.raises(ValueError, match=r"end the file name with \.png, \.svg, \.pdf"):
        draw(G, tmp_path / "aleppo.jpg")
    assert target.read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aleppo.png"]


def test_draw_does_not_change_the_graph(G, tmp_path: Path) -> None:
    before = nx.node_link_data(G, edges="edges")
    draw(G, tmp_path / "a.svg", at="2016")
    assert nx.node_link_data(G, edges="edges") == before


def test_cli_figure(tmp_path: Path) -> None:
    out = tmp_path / "july.pdf"
    result = CliRunner().invoke(main, ["figure", "--at", "2016-07", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out.resolve()) and out.read_bytes().startswith(b"%PDF")
    result = CliRunner().invoke(main, ["figure", "-o", str(tmp_path / "a.gif")])
    assert result.exit_code == 2 and "end the file name with" in result.output
    result = CliRunner().invoke(main, ["figure", "--at", "2016-13", "-o", str(out)])
    assert result.exit_code == 2 and "2016-13" in result.output
    result = CliRunner().invoke(main, ["figure", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output


# -- issue 9: any script with a font, long names, many camps ---------------------------

CASES = Path(__file__).parent / "cases"
CJK_FAMILIES = {"Noto Sans CJK JP", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"}


def missing_glyphs(figure) -> list[str]:
    """matplotlib's warnings about characters no font of the figure has (drawn as boxes)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(io.BytesIO(), format="png")
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


@pytest.fixture(scope="module")
def cjk() -> nx.MultiDiGraph:
    if not CJK_FAMILIES & set(font_families()):
        reason = "no CJK font installed (Debian: apt-get install fonts-wqy-microhei)"
        if os.environ.get("REQUIRE_CJK_FONT") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return graph.load(CASES / "cjk-names-in-figure" / "data")


def test_fallback_fonts_start_with_dejavu() -> None:
    families = font_families()
    assert families[0] == "DejaVu Sans" and set(families) <= set(FONT_FALLBACK)


def test_cjk_names_are_drawn_not_boxes(cjk, monkeypatch) -> None:
    figure = make_figure(cjk)
    names = {t.get_text() for t in figure.axes[0].texts}
    assert names == {"シリア政府", "自由叙利亚军", "叙利亚民主力量"}
    assert missing_glyphs(figure) == []
    # The test can fail: with DejaVu Sans alone, the same names are boxes.
    monkeypatch.setattr(graph.outputs.figure, "font_families", lambda: ("DejaVu Sans",))
    assert missing_glyphs(make_figure(cjk)) != []


@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_cjk_figures_are_deterministic(cjk, suffix: str, tmp_path: Path) -> None:
    first = draw(cjk, tmp_path / f"1.{suffix}").read_bytes()
    assert draw(cjk, tmp_path / f"2.{suffix}").read_bytes() == first


def test_cli_figure_prints_no_font_warnings(cjk, tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "graph",
            "figure",
            str(CASES / "cjk-names-in-figure" / "data"),
            "-o",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == ""


LONG = "Popular Mobilization Forces of the Northern Governorates and the Eastern Aleppo Front"


def test_long_names_are_wrapped_or_shortened(dataset: Path, monkeypatch) -> None:
    actors = (dataset / "actors.csv").read_text(encoding="utf-8")
    actors = actors.replace("\nrussia,Russia,", f"\nrussia,{LONG},", 1)
    republic = "Islamic Republic of Iran"
    actors = actors.replace("\niran,Iran,", f"\niran,{republic},", 1)
    (dataset / "actors.csv").write_text(actors, encoding="utf-8")
    G = graph.load(dataset)
    figure = make_figure(G)
    labels = {t.get_text() for t in figure.axes[0].texts}
    assert "Popular\nMobilization Forc…" in labels
    assert "Islamic Republic\nof Iran" in labels
    for label in labels:  # at most two lines of up to 18 characters, as in the explorer
        lines = label.split("\n")
        assert len(lines) <= 2 and max(map(len, lines)) <= 18
    # The full name is in the legend; the wrapped one needs no entry there.
    legend = [t.get_text() for t in figure.axes[1].texts]
    full = [line.strip() for line in legend[legend.index("Full names") + 1 :]]
    assert " ".join(full) == LONG
    assert not any("Republic" in text for text in legend)
    # Long names shrink the drawing less: labels stay readable on paper.
    size = min(t.get_fontsize() for t in figure.axes[0].texts)
    monkeypatch.setattr(graph.outputs.figure, "figure_label", lambda name: name)
    monkeypatch.setattr(graph.drawing.picture, "label_lines", lambda name: [name])
    unwrapped = make_figure(G)
    assert size >= 8 > min(t.get_fontsize() for t in unwrapped.axes[0].texts)
    assert G.nodes["russia"]["name"] == LONG  # the graph is not changed


def test_camp_colours_collide_case_in_the_figure(tmp_path: Path) -> None:
    G = graph.load(CASES / "camp-colours-collide" / "data")
    with Image.open(draw(G, tmp_path / "camps.png")) as image:
        colours = {tuple(c) for c in np.asarray(image.convert("RGB")).reshape(-1, 3)}
    camps = scene(G)["legend"]["camps"]
    drawn = {tuple(int(c["colour"][i : i + 2], 16) for i in (1, 3, 5)) for c in camps}
    assert len(drawn) == 3 and drawn <= colours


def test_many_camps_keep_a_compact_legend(tmp_path: Path) -> None:
    rows = ["id,name,kind,camp"] + [f"a{n},Actor {n},state,camp number {n:02}" for n in range(30)]
    (tmp_path / "actors.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    relations = ["source,target,type,start,end,confidence,evidence"]
    relations += [f"a{n},a{n + 1},backs,2015,,confirmed,x" for n in range(29)]
    (tmp_path / "relations.csv").write_text("\n".join(relations) + "\n", encoding="utf-8")
    G = graph.load(tmp_path)
    figure = make_figure(G)
    renderer = FigureCanvasAgg(figure).get_renderer()
    legend = figure.axes[1]
    frame = legend.get_window_extent(renderer)
    boxes = [t.get_window_extent(renderer) for t in legend.texts]
    assert sum("camp number" in t.get_text() for t in legend.texts) == 30
    assert all(frame.x0 - 1 <= b.x0 and b.x1 <= frame.x1 + 1 and b.y0 >= frame.y0 for b in boxes)
    overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :] if a.overlaps(b)]
    assert overlapping == []
    assert min(t.get_fontsize() for t in legend.texts) >= 5
    colours = {node["colour"] for node in scene(G)["nodes"]}
    assert len(colours) == 30


def test_legend_names_what_colours_the_actors_as_the_page_does(G, tmp_path: Path) -> None:
    (tmp_path / "actors.csv").write_text(
        "id,name,kind\na,A,state\nb,B,state\nc,C,state\nd,D,state\n", encoding="utf-8"
    )
    relations = ["source,target,type,start,end,confidence,evidence"]
    relations += ["a,b,backs,2015,,confirmed,x", "c,d,backs,2015,,confirmed,x"]
    relations += ["a,c,fights,2015,,confirmed,x", "b,d,fights,2015,,confirmed,x"]
    (tmp_path / "relations.csv").write_text("\n".join(relations) + "\n", encoding="utf-8")
    no_camps = graph.load(tmp_path)
    colour_by = scene(no_camps)["legend"]["colour_by"]
    assert colour_by["by"] == "side"
    texts = [t.get_text() for t in make_figure(no_camps).axes[1].texts]
    assert "Side (colour)" in texts and "Camp (colour)" not in texts
    note = texts[
        texts.index("How the colours were found") + 1 : texts.index("Kind of actor (shape)")
    ]
    assert " ".join(note) == colour_by["how"][0].upper() + colour_by["how"][1:] + "."
    texts = [t.get_text() for t in make_figure(G).axes[1].texts]
    assert "Camp (colour)" in texts and "How the colours were found" not in texts
    assert "from the actor who acts" in texts  # the bundled data's relations have a direction


def test_heading_says_the_period_asked_for(G, tmp_path: Path) -> None:
    def heading(H: nx.MultiDiGraph) -> str:
        return make_figure(H).texts[1].get_text().split("  ·  ")[0]

    # --from/--to keep the relations active in a period; their own dates run wider.
    assert heading(graph.between(G, "2015", "2016-06")) == "Relations active from 2015 to 2016-06"
    assert heading(graph.between(G, "2015", "2015")) == "Relations active in 2015"
    assert heading(graph.between(G, end="2013-06")) == "Relations active until 2013-06"
    assert heading(G) == "Relations from 2012-07 to 2016-12-22"
    one_year = graph.between(G, "2015-10", "2015-10")
    for _, _, data in one_year.edges(data=True):
        data["start"], data["end"] = "2015", None
    del one_year.graph["period"]
    assert heading(one_year) == "Relations in 2015"
    result = CliRunner().invoke(main, ["figure", "-o", str(tmp_path / "f.svg"), "--from", "2015"])
    assert result.exit_code == 0, result.output
    root = ET.parse(tmp_path / "f.svg").getroot()
    texts = {"".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert any(t.startswith("Relations active from 2015  ·") for t in texts)
