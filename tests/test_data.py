"""The bundled Battle of Aleppo data: coverage and provenance."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import graph
from graph.tables.read import DATA_DIR

ARTICLE = DATA_DIR / "sources" / "battle-for-aleppo.txt"


def normalise(text: str) -> str:
    """Whitespace collapsed and typographic quotes made plain, for quote matching."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    return re.sub(r"\s+", " ", text.replace("\u201d", '"')).strip()


@pytest.fixture(scope="module")
def relations() -> pd.DataFrame:
    actors = graph.read_actors(DATA_DIR / "actors.csv")
    return graph.read_relations(DATA_DIR / "relations.csv", actors)


def test_owner_card_actors_present() -> None:
    actors = graph.read_actors(DATA_DIR / "actors.csv")
    names = set(actors["name"])
    for name in (
        "Assad government",
        "Russia",
        "Iran",
        "Hezbollah",
        "Free Syrian Army",
        "Jabhat Fateh al-Sham",
        "United States",
        "Turkey",
        "Saudi Arabia",
    ):
        assert name in names


def test_other_parties_of_the_article_present() -> None:
    actors = graph.read_actors(DATA_DIR / "actors.csv")
    for actor in (
        "afghan_shia_fighters",
        "iraqi_shia_fighters",
        "islamic_state",
        "kurdish_forces",
        "western_powers",
        "united_kingdom",
        "united_nations",
        "amnesty_international",
        "syrian_observatory",
        "eastern_aleppo_civilians",
        "nusra_front",
    ):
        assert actor in actors.index


def test_every_relation_cites_evidence(relations: pd.DataFrame) -> None:
    assert (relations["evidence"] != "").all()
    assert (relations["citation"] != "").all()


def test_article_quotes_are_verbatim(relations: pd.DataFrame) -> None:
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    cited = relations[relations["citation"].str.startswith("article")]
    assert len(cited) == len(relations)
    missing = [
        (line, quote)
        for line, quote in cited["evidence"].items()
        if normalise(quote) not in article
    ]
    assert missing == []


def test_quote_check_would_catch_an_altered_quote() -> None:
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    assert normalise("Russia's daily air strikes have emboldened") in article
    assert normalise("Russia's nightly air strikes have emboldened") not in article


def test_outside_dates_name_a_dated_source(relations: pd.DataFrame) -> None:
    """Dates not given by the article cite a named source with its date."""
    article = ARTICLE.read_text(encoding="utf-8")
    day_precise = relations[
        relations["start"].fillna("").str.len().eq(10)
        | relations["end"].fillna("").str.len().eq(10)
    ]
    assert len(day_precise) > 0
    for line, row in day_precise.iterrows():
        source = row["date_source"]
        assert re.search(r"\b(BBC News|Reuters|OHCHR)\b.*\b20\d\d\b", source), line
        for date in (row["start"], row["end"]):
            if date and len(date) == 10:
                assert date not in article  # the article gives no such day: cited elsewhere


def test_key_facts_of_the_battle(relations: pd.DataFrame) -> None:
    def has(source: str, target: str, kind: str) -> pd.DataFrame:
        rows = relations[
            (relations["source"] == source)
            & (relations["target"] == target)
            & (relations["type"] == kind)
        ]
        assert len(rows) == 1, (source, target, kind)
        return rows.iloc[0]

    assert has("russia", "assad_government", "air_support")["start"] == "2015-09-30"
    assert has("assad_government", "free_syrian_army", "siege")["end"] == "2016-12-22"
    assert has("free_syrian_army", "assad_government", "fights")["start"] == "2012-07"
    assert has("jabhat_fateh_al_sham", "nusra_front", "formerly_known_as")["sign"] == 0
    for backer in ("united_states", "saudi_arabia", "turkey"):
        assert has(backer, "free_syrian_army", "funding")["sign"] == 1
    for fighters in ("hezbollah", "afghan_shia_fighters", "iraqi_shia_fighters"):
        has(fighters, "assad_government", "troops")
    assert has("russia", "eastern_aleppo_civilians", "air_strikes")["confidence"] == "alleged"


def test_vocabulary_covers_required_types() -> None:
    types = graph.read_relation_types()
    required = {
        "troops": 1,
        "air_support": 1,
        "weapons": 1,
        "funding": 1,
        "training": 1,
        "political_support": 1,
        "fights": -1,
        "air_strikes": -1,
        "siege": -1,
        "accuses": -1,
        "opposes": -1,
        "negotiates_with": 0,
        "formerly_known_as": 0,
    }
    for kind, sign in required.items():
        assert types.loc[kind, "sign"] == sign
        assert types.loc[kind, "definition"]
    assert types.loc["weapons", "ucdp_esd"] == "weapons"
    assert types.loc["negotiates_with", "cameo"] == "046"


def test_data_readme_documents_every_column_and_type() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    columns = (
        *graph.tables.read.ACTOR_COLUMNS,
        *graph.tables.read.RELATION_COLUMNS,
        *graph.tables.read.RELATION_NUMBER_COLUMNS,
        *graph.tables.read.RELATION_TYPE_COLUMNS,
        "date_source",
    )
    for column in columns:
        assert f"`{column}`" in readme, column
    defaults = {**graph.tables.read.ACTOR_DEFAULTS, **graph.tables.read.RELATION_DEFAULTS}
    for column, default in defaults.items():
        row = next(line for line in readme.splitlines() if line.startswith(f"| `{column}` |"))
        assert f"Empty: `{default}`" in row or f"empty (or no column): `{default}`" in row.lower()
    for kind in graph.read_relation_types().index:
        assert f"`{kind}`" in readme, kind


def test_coalition_members_are_linked_where_the_article_names_them(relations: pd.DataFrame) -> None:
    members = relations[relations["type"] == "member_of"]
    assert set(zip(members["source"], members["target"], strict=True)) == {
        ("united_states", "western_powers"),
        ("united_kingdom", "western_powers"),
    }
    assert (members["sign"] == 0).all()
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    for quote in members["evidence"]:
        assert "Western" in quote and normalise(quote) in article
    assert "US" in members.loc[members["source"] == "united_states", "evidence"].iloc[0]
    assert (
        "Foreign Secretary"
        in members.loc[members["source"] == "united_kingdom", "evidence"].iloc[0]
    )
