"""Reading and validating: every kind of bad input names file, line and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import graph
from graph.read import DATA_DIR

ACTORS_HEADER = "id,name,kind,camp,aliases,description,source\n"
RELATIONS_HEADER = "source,target,type,start,end,confidence,evidence,citation\n"
TWO_ACTORS = ACTORS_HEADER + "a,Alpha,state,one,,,\nb,Beta,state,two,,,\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems(error: pytest.ExceptionInfo) -> list[str]:
    return [str(p) for p in error.value.problems]


def actors_of(tmp_path: Path) -> pd.DataFrame:
    return graph.read_actors(write(tmp_path, "actors.csv", TWO_ACTORS))


def relations_problems(tmp_path: Path, rows: str, header: str = RELATIONS_HEADER) -> list[str]:
    path = write(tmp_path, "relations.csv", header + rows)
    with pytest.raises(graph.DataError) as error:
        graph.read_relations(path, actors_of(tmp_path))
    return problems(error)


def test_bundled_tables_read() -> None:
    actors = graph.read_actors(DATA_DIR / "actors.csv")
    relations = graph.read_relations(DATA_DIR / "relations.csv", actors)
    assert actors.index.name == "id"
    assert {"russia", "iran", "hezbollah", "free_syrian_army"} <= set(actors.index)
    assert set(relations["sign"]) == {-1, 0, 1}
    assert relations["start"].isna().any() and not (relations["start"] == "").any()


def test_extra_columns_are_kept(tmp_path: Path) -> None:
    actors = graph.read_actors(
        write(tmp_path, "actors.csv", "id,name,kind,camp,founded\na,Alpha,state,one,1946\n")
    )
    assert actors.loc["a", "founded"] == "1946"
    assert actors.loc["a", "aliases"] == [] and actors.loc["a", "description"] == ""


def test_aliases_split_on_bar(tmp_path: Path) -> None:
    path = write(tmp_path, "actors.csv", ACTORS_HEADER + "a,Alpha,state,one, A1 | A2 ||,,\n")
    assert graph.read_actors(path).loc["a", "aliases"] == ["A1", "A2"]


def test_every_actor_problem_reported_at_once(tmp_path: Path) -> None:
    text = ACTORS_HEADER + (
        "a,Alpha,state,one,,,\n"  # line 2
        ",Nameless,state,one,,,\n"  # line 3: empty id
        "Bad Id,Bad,state,one,,,\n"  # line 4: bad id
        "a,Again,state,one,,,\n"  # line 5: duplicate id
        "c,,state,one,,,\n"  # line 6: empty name: the id is the name
        "d,Delta,state\n"  # line 7: too few fields
    )
    with pytest.raises(graph.ValidationError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", text))
    found = problems(error)
    path = str(tmp_path / "actors.csv")
    assert found == [
        f"{path}:3:1: id: empty id",
        f"{path}:4:1: id: bad id 'Bad Id': SPACE (U+0020) at character 4; "
        "use letters, digits, _, - and .",
        f"{path}:5:1: id: duplicate id 'a' (first on line 2)",
        f"{path}:7: expected 7 fields as in the header, found 3",
    ]


def test_missing_and_misspelt_columns(tmp_path: Path) -> None:
    with pytest.raises(graph.ValidationError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", "id,nmae,kind\na,Alpha,state\n"))
    found = problems(error)
    path = str(tmp_path / "actors.csv")
    assert found == [f"{path}:1:2: nmae: unknown column (did you mean 'name'?)"]
    with pytest.raises(graph.ValidationError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", "name,kind\nAlpha,state\n"))
    assert problems(error) == [f"{path}:1: id: missing required column"]


def test_duplicate_column(tmp_path: Path) -> None:
    with pytest.raises(graph.ValidationError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", "id,name,kind,camp,name\na,A,s,c,B\n"))
    message = "name: duplicate column (first is column 2)"
    assert f"{tmp_path / 'actors.csv'}:1:5: {message}" in problems(error)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(graph.FileFormatError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", "\n  \n"))
    assert problems(error) == [f"{tmp_path / 'actors.csv'}:1: file is empty: expected a header"]


def test_header_only(tmp_path: Path) -> None:
    with pytest.raises(graph.ValidationError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", ACTORS_HEADER))
    assert problems(error) == [f"{tmp_path / 'actors.csv'}:1: no rows after the header"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(graph.FileFormatError) as error:
        graph.read_actors(tmp_path / "nowhere.csv")
    assert "cannot read file" in problems(error)[0]


def test_not_utf8(tmp_path: Path) -> None:
    text = TWO_ACTORS.encode() + "c,Caf\u00e9,state,one,,,\n".encode("latin-1")
    with pytest.raises(graph.FileFormatError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", text))
    [problem] = error.value.problems
    assert (problem.line, problem.message) == (
        4,
        "file is not UTF-8: byte 0xe9 ('é' in Windows-1252) at character 6; "
        "save it as UTF-8 (spreadsheets: Save As, CSV UTF-8)",
    )


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "actors.csv", b"\xef\xbb\xbf" + TWO_ACTORS.encode())
    assert list(graph.read_actors(path).index) == ["a", "b"]


@pytest.mark.parametrize("separator", [";", "\t"])
def test_not_comma_separated(tmp_path: Path, separator: str) -> None:
    text = TWO_ACTORS.replace(",", separator)
    with pytest.raises(graph.FileFormatError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", text))
    message = f"file is not comma-separated (found {separator!r} in the header)"
    assert problems(error) == [f"{tmp_path / 'actors.csv'}:1: {message}"]


def test_unclosed_quote(tmp_path: Path) -> None:
    text = ACTORS_HEADER + 'a,"Alpha,state,one,,,\n'
    with pytest.raises(graph.DataError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", text))
    assert "actors.csv:" in problems(error)[0]


def test_multiline_cells_keep_line_numbers(tmp_path: Path) -> None:
    text = ACTORS_HEADER + 'a,Alpha,state,one,,"two\nlines",\nb,Beta,state,one,,,\nb,Beta2,s,c,,,\n'
    with pytest.raises(graph.ValidationError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", text))
    assert problems(error) == [
        f"{tmp_path / 'actors.csv'}:5:1: id: duplicate id 'b' (first on line 4)"
    ]


def test_every_relation_problem_reported_at_once(tmp_path: Path) -> None:
    rows = (
        "a,b,funding,2015,2016,confirmed,q,c\n"  # line 2: fine
        "a,zed,funding,,,confirmed,q,c\n"  # 3: unknown actor
        ",b,funding,,,confirmed,q,c\n"  # 4: empty actor
        "a,b,fundng,,,confirmed,q,c\n"  # 5: unknown type with a hint
        "a,b,fights,2015-13,,confirmed,q,c\n"  # 6: bad month
        "a,b,fights,2015-02-30,,confirmed,q,c\n"  # 7: impossible day
        "a,b,fights,30/09/2015,,confirmed,q,c\n"  # 8: not ISO
        "a,b,fights,2016-05,2016-04-30,confirmed,q,c\n"  # 9: end before start
        "a,a,fights,,,confirmed,q,c\n"  # 10: self-relation
        "a,b,fights,,,rumoured,q,c\n"  # 11: unknown confidence
        "a,b,funding,2015,2016,confirmed,q,c\n"  # 12: duplicate of line 2
    )
    path = str(tmp_path / "relations.csv")
    assert relations_problems(tmp_path, rows) == [
        f"{path}:3:2: target: unknown actor 'zed'",
        f"{path}:4:1: source: empty actor id",
        f"{path}:5:3: type: unknown relation type 'fundng' (did you mean 'funding'?)",
        f"{path}:6:4: start: impossible date '2015-13': month must be in 1..12",
        f"{path}:7:4: start: impossible date '2015-02-30': day is out of range for month",
        f"{path}:8:4: start: '30/09/2015' is day-month-year: write 2015-09-30 (YYYY-MM-DD)",
        f"{path}:9:5: end: end 2016-04-30 is before start 2016-05",
        f"{path}:10:2: target: self-relation: 'a' to itself",
        f"{path}:11:6: confidence: unknown confidence 'rumoured': "
        "use confirmed, claimed, alleged (empty: confirmed)",
        f"{path}:12: exact duplicate of line 2",
    ]


def test_partial_dates_overlapping_are_not_reversed(tmp_path: Path) -> None:
    path = write(
        tmp_path, "relations.csv", RELATIONS_HEADER + "a,b,fights,2016,2016-03,claimed,,\n"
    )
    relations = graph.read_relations(path, actors_of(tmp_path))
    assert relations.iloc[0][["start", "end", "sign"]].tolist() == ["2016", "2016-03", -1]


def test_missing_relation_columns(tmp_path: Path) -> None:
    found = relations_problems(tmp_path, "a,b\n", header="source,target\n")
    path = str(tmp_path / "relations.csv")
    assert found == [
        f"{path}:1: type: missing required column (or give each relation a sign column)"
    ]


def test_relation_types_validated(tmp_path: Path) -> None:
    text = "type,sign,label\narms,+1,arms\narms,1,again\nhugs,2,hugs\nno good,0,\n"
    with pytest.raises(graph.ValidationError) as error:
        graph.read_relation_types(write(tmp_path, "relation_types.csv", text))
    path = str(tmp_path / "relation_types.csv")
    assert problems(error) == [
        f"{path}:3:1: type: duplicate relation type 'arms' (first on line 2)",
        f"{path}:4:2: sign: bad sign '2': use 1, 0 or -1",
        f"{path}:5:1: type: bad relation type 'no good': SPACE (U+0020) at character 3; "
        "use letters, digits, _, - and .",
        f"{path}:5:3: label: empty value",
    ]


def test_user_vocabulary_extends_types(dataset: Path) -> None:
    with (dataset / "relation_types.csv").open("a", encoding="utf-8") as out:
        out.write("cyber_attack,-1,hacks,Attacks the target's computer networks.,,,\n")
    with (dataset / "relations.csv").open("a", encoding="utf-8") as out:
        out.write("russia,united_states,cyber_attack,2016,,alleged,,,\n")
    G = graph.load(dataset)
    assert [d["sign"] for _, v, d in G.out_edges("russia", data=True) if v == "united_states"] == [
        -1
    ]
