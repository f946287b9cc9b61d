"""The story file: reading, validation, and the bundled story of the battle."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from test_data import ARTICLE, normalise

import graph
from graph.cli import main
from graph.tables.read import DATA_DIR

HEADER = "date,title,caption,actors,citation\n"
ACTORS = ["russia", "assad_government", "free_syrian_army"]


@pytest.fixture(scope="module")
def story() -> pd.DataFrame:
    return graph.read_story(DATA_DIR / "story.csv", graph.load().nodes)


def write_story(folder: Path, rows: str, header: str = HEADER) -> Path:
    path = folder / "story.csv"
    path.write_text(header + rows, encoding="utf-8")
    return path


def problems(error: pytest.ExceptionInfo) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def test_reads_steps_in_file_order(tmp_path: Path) -> None:
    path = write_story(
        tmp_path,
        "2016,Later,Second caption,russia|assad_government,a source\n"
        "2012-07,Earlier,First caption,,\n",
    )
    story = graph.read_story(path, ACTORS)
    assert story["title"].tolist() == ["Later", "Earlier"]
    assert story.index.tolist() == [2, 3]
    assert story["actors"].tolist() == [["russia", "assad_government"], []]


def test_accepts_the_actors_table(tmp_path: Path) -> None:
    actors = graph.read_actors(DATA_DIR / "actors.csv")
    path = write_story(tmp_path, "2016,Title,Caption,russia,\n")
    assert graph.read_story(path, actors)["actors"].tolist() == [["russia"]]


def test_every_problem_has_file_line_and_column(tmp_path: Path) -> None:
    path = write_story(
        tmp_path,
        "2016-13,Title,Caption,russia,\n"
        ",,Caption,russa|assad_government,\n"
        "2015,Title,,nobody,\n"
        "2015,Title,,nobody,\n",
    )
    with pytest.raises(graph.DataError) as error:
        graph.read_story(path, ACTORS)
    assert problems(error) == [
        f"{path}:2:1: date: impossible date '2016-13': month must be in 1..12",
        f"{path}:3:1: date: empty value",
        f"{path}:3:2: title: empty value",
        f"{path}:3:4: actors: unknown actor 'russa' (did you mean 'russia'?)",
        f"{path}:4:3: caption: empty value",
        f"{path}:4:4: actors: unknown actor 'nobody'",
        f"{path}:5: exact duplicate of line 4",
        f"{path}:5:3: caption: empty value",
        f"{path}:5:4: actors: unknown actor 'nobody'",
    ]


def test_missing_columns_are_reported(tmp_path: Path) -> None:
    path = write_story(tmp_path, "2016,Title\n", header="date,title\n")
    with pytest.raises(graph.DataError) as error:
        graph.read_story(path, ACTORS)
    assert problems(error) == [f"{path}:1: caption: missing required column"]


def test_bundled_story_tells_the_battle(story: pd.DataFrame) -> None:
    dates = story["date"].tolist()
    assert dates == sorted(dates, key=lambda d: graph.core.dates.parse_period(d)[0])
    assert dates[0] == "2012-07" and dates[-1] == "2016-12"
    by_date = dict(zip(dates, story["actors"], strict=True))
    assert {"free_syrian_army", "assad_government"} <= set(by_date["2012-07"])
    assert "russia" in by_date["2015-10"]  # Russian air strikes from September 2015
    assert "eastern_aleppo_civilians" in by_date["2016-07"]  # the siege
    assert "eastern aleppo falls" in story["title"].iloc[-1].lower()


def test_bundled_captions_quote_the_article(story: pd.DataFrame) -> None:
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    assert (story["citation"].str.startswith("article")).all()
    assert [c for c in story["caption"] if normalise(c) not in article] == []


def test_quote_check_would_catch_an_altered_caption(story: pd.DataFrame) -> None:
    article = normalise(ARTICLE.read_text(encoding="utf-8"))
    caption = story["caption"].iloc[2]
    assert normalise(caption) in article
    assert normalise(caption.replace("daily", "nightly")) not in article


def test_build_uses_the_story_of_the_data_folder(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    assert CliRunner().invoke(main, ["build", str(dataset), "-o", str(out)]).exit_code == 0
    assert '"story":[]' in out.read_text(encoding="utf-8")
    write_story(dataset, "2016,Our own story step,Caption,russia,\n")
    assert CliRunner().invoke(main, ["build", str(dataset), "-o", str(out)]).exit_code == 0
    assert "Our own story step" in out.read_text(encoding="utf-8")


def test_build_reports_a_bad_story(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    path = write_story(dataset, "2016,Title,Caption,moscow,\n")
    result = CliRunner().invoke(main, ["build", str(dataset), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{path}:2:4: actors: unknown actor 'moscow'" in result.output
    assert not out.exists()


def test_data_readme_documents_the_story_columns() -> None:
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert "## `story.csv`" in readme
    for column in graph.tables.read.STORY_COLUMNS:
        assert f"`{column}`" in readme, column


def test_read_story_resolves_its_path_like_load(dataset: Path) -> None:
    bundled = graph.read_story()
    assert bundled.equals(graph.read_story(DATA_DIR / "story.csv", graph.load().nodes))
    write_story(dataset, "2016,Our step,Caption,russia,\n")
    for where in (dataset, dataset / "story.csv", str(dataset)):
        assert graph.read_story(where)["title"].tolist() == ["Our step"]  # actors of the folder
    write_story(dataset, "2016,Our step,Caption,nobody,\n")
    with pytest.raises(graph.DataError, match="unknown actor 'nobody'"):
        graph.read_story(dataset)


def test_story_dates_follow_the_one_date_rule(tmp_path: Path) -> None:
    path = write_story(tmp_path, "9999,Title,Caption,,\n\uff12\uff10\uff11\uff16,T,C,,\n")
    with pytest.raises(graph.DataError) as error:
        graph.read_story(path, ACTORS)
    assert problems(error) == [
        f"{path}:2:1: date: year 9999 is outside 1000–2999: an open end is an empty cell",
        f"{path}:3:1: date: '\uff12\uff10\uff11\uff16' has digits that are not ASCII 0-9: "
        "write 2016",
    ]


def test_validate_reads_the_story_as_build_does(dataset: Path) -> None:
    write_story(dataset, "2016,Title,Caption,moscow,\n")
    validated = CliRunner().invoke(main, ["validate", str(dataset)])
    assert validated.exit_code == 1
    assert f"{dataset / 'story.csv'}:2:4: actors: unknown actor 'moscow'" in validated.output
