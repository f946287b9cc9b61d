"""Visual encoding: camps apart in colour and grayscale, sign and confidence apart by line."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import graph
from graph.drawing.picture import scene
from graph.drawing.style import (
    CAMP_COLOURS,
    CONFIDENCE_DOTS,
    PALETTE,
    camp_colours,
    edge_style,
    lightness,
)
from graph.tables.read import CONFIDENCE_LEVELS

CASES = Path(__file__).parent / "cases"


def closest_lightness(colours) -> float:
    """The smallest CIE L* difference between two of the colours."""
    levels = sorted(lightness(colour) for colour in colours)
    return min(b - a for a, b in itertools.pairwise(levels))


def luma(colour: str) -> float:
    """Rec. 601 luma, what PIL's and most printers' grayscale keeps."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_lightness_is_cie_l_star() -> None:
    assert lightness("#000000") == 0 and lightness("#FFFFFF") == 100
    assert lightness("#777777") == pytest.approx(50.0, abs=0.05)  # a mid grey is L* 50


def test_camp_colours_collide_case() -> None:
    """Three camps, three colours (tribes were the same orange as pro-government)."""
    G = graph.load(CASES / "camp-colours-collide" / "data")
    legend = scene(G)["legend"]["camps"]
    colours = [camp["colour"] for camp in legend]
    assert len(colours) == len(set(colours)) == 3
    assert closest_lightness(colours) >= 30
    nodes = {node["camp"]: node["colour"] for node in scene(G)["nodes"]}
    assert nodes == {camp["camp"]: camp["colour"] for camp in legend}


@pytest.mark.parametrize("count", range(1, 40))
def test_every_camp_gets_its_own_colour(count: int) -> None:
    camps = [f"camp {number}" for number in range(count)]
    for present in (camps, [*camps, *CAMP_COLOURS][: count + 3]):
        colours = camp_colours(present)
        assert sorted(colours) == sorted(set(present))
        assert len(set(colours.values())) == len(colours)
    # Within the palette, the colours are the palette's.
    if count <= len(PALETTE):
        assert set(camp_colours(camps).values()) <= set(PALETTE)


def test_camp_colours_are_stable_and_ignore_order() -> None:
    camps = ["tribes", "rebels", "pro-government", "rebels"]
    assert camp_colours(camps) == camp_colours(sorted(camps)) == camp_colours(reversed(camps))


@pytest.mark.parametrize(
    ("count", "least"), [(2, 80), (3, 40), (4, 25), (5, 18), (6, 11), (7, 9), (8, 7)]
)
def test_camps_stay_apart_in_grayscale(count: int, least: float) -> None:
    """Up to 8 camps differ in lightness: CIE L* and the luma of grayscale print."""
    colours = camp_colours([f"camp {number}" for number in range(count)]).values()
    assert closest_lightness(colours) >= least
    lumas = sorted(luma(colour) for colour in colours)
    assert min(b - a for a, b in itertools.pairwise(lumas)) >= 13


def test_well_known_camps_stay_apart_in_grayscale() -> None:
    """Aleppo's seven camps: pro-government, international and humanitarian were one grey."""
    assert closest_lightness(CAMP_COLOURS.values()) >= 9
    lumas = sorted(luma(colour) for colour in CAMP_COLOURS.values())
    assert min(b - a for a, b in itertools.pairwise(lumas)) >= 16
    G = graph.load()
    camps = scene(G)["legend"]["camps"]
    colours = {camp["colour"] for camp in camps}
    assert len(colours) == len(camps) >= 7 and closest_lightness(colours) >= 9


def test_palette_is_ordered_dark_to_light() -> None:
    levels = [lightness(colour) for colour in PALETTE]
    assert levels == sorted(levels) and len(set(PALETTE)) == len(PALETTE)


def test_twelve_distinct_line_styles() -> None:
    styles = {
        (sign, level): edge_style(sign, level) for sign in (1, -1, 0) for level in CONFIDENCE_DOTS
    }
    patterns = [tuple(style["dashes"]) for style in styles.values()]
    assert len(set(patterns)) == 12
    # Sign: solid support, dashed opposition, dotted neutral, when confirmed.
    assert styles[1, "confirmed"]["dashes"] == []
    assert styles[-1, "confirmed"]["dashes"][0] > styles[0, "confirmed"]["dashes"][0] == 2
    # Claimed and alleged differ by their line, not only by colour: one dot or two per dash.
    for sign in (1, -1, 0):
        claimed, alleged = styles[sign, "claimed"]["dashes"], styles[sign, "alleged"]["dashes"]
        assert claimed != alleged and alleged.count(2) == claimed.count(2) + 1
        assert len(claimed) % 2 == len(alleged) % 2 == 0  # drawn and gap lengths in turn
    widths = [styles[1, level]["width"] for level in CONFIDENCE_LEVELS]
    assert widths == sorted(widths, reverse=True) and len(set(widths)) == 4


def test_payload_carries_the_confidence_dashes() -> None:
    G = graph.load()
    for edge in scene(G)["edges"]:
        assert edge["dashes"] == edge_style(edge["sign"], edge["confidence"])["dashes"]
