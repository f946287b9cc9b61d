"""Reading and validating: every kind of bad input names file, line and column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import graph
from graph.tables.read import DATA_DIR

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
    with pytest.raises(graph.FileFormatError) as error:
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
        "use confirmed, reported, claimed, alleged (empty: confirmed)",
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


# Natural shapes of real data, and bad inputs of every kind (issue 9).


def load_problems(folder: Path) -> list[str]:
    with pytest.raises(graph.DataError) as error:
        graph.validate(folder)
    return problems(error)


def two_files(tmp_path: Path, actors: str, relations: str) -> Path:
    write(tmp_path, "actors.csv", actors)
    write(tmp_path, "relations.csv", relations)
    return tmp_path


def test_ids_of_any_script_and_refused_characters_shown(tmp_path: Path) -> None:
    text = (
        "id,name\n"
        "حزب_الله,Hezbollah\n"
        "\u041e\u041e\u041d,UN\n"
        "U.S.,United States\n"
        "free-syrian-army,FSA\n"
        '"al\tpha",Tab\n'
        "nbsp\u00a0id,No-break space\n"
        "a|b,Bar\n"
    )
    with pytest.raises(graph.ValidationError) as error:
        graph.read_actors(write(tmp_path, "actors.csv", text))
    path = tmp_path / "actors.csv"
    rule = "use letters, digits, _, - and ."
    assert problems(error) == [
        f"{path}:6:1: id: bad id 'al\\tpha': TAB (U+0009) at character 3; {rule}",
        f"{path}:7:1: id: bad id 'nbsp\u00a0id': NO-BREAK SPACE (U+00A0) at character 5; {rule}",
        f"{path}:8:1: id: bad id 'a|b': VERTICAL LINE (U+007C) at character 2; {rule}",
    ]
    good = "id,name\nحزب_الله,Hezbollah\nU.S.,United States\nfree-syrian-army,FSA\n"
    assert list(graph.read_actors(write(tmp_path, "actors.csv", good)).index) == [
        "حزب_الله",
        "U.S.",
        "free-syrian-army",
    ]


def test_terminal_escapes_in_data_are_shown_escaped(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import main

    folder = two_files(
        tmp_path,
        TWO_ACTORS,
        RELATIONS_HEADER + 'a,"b\x1b[2J\x1b[1;1HOK: 2\ractors",fights,,,,,\n',
    )
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "unknown actor 'b\\x1b[2J\\x1b[1;1HOK: 2\\ractors'" in result.output
    assert len(result.output.splitlines()) == 2  # the header line and one problem line


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("\uff12\uff10\uff11\uff15", "has digits that are not ASCII 0-9: write 2015"),
        (
            "\u0662\u0660\u0661\u0665-\u0660\u0669",
            "has digits that are not ASCII 0-9: write 2015-09",
        ),
        ("9999-12-31", "year 9999 is outside 1000–2999: an open end is an empty cell"),
        ("0999", "year 999 is outside 1000–2999: an open start is an empty cell"),
        ("2015-09-30T12:00:00Z", "has a time of day: write the day only, 2015-09-30"),
        ("09/30/2015", "'09/30/2015' is month-day-year: write 2015-09-30 (YYYY-MM-DD)"),
        ("05/06/2015", "write 2015-06-05 if it is day-month-year, 2015-05-06 if month-day-year"),
    ],
)
def test_dates_say_how_to_write_them(tmp_path: Path, cell: str, message: str) -> None:
    found = relations_problems(tmp_path, f"a,b,fights,2012,{cell},confirmed,,\n")
    assert len(found) == 1 and found[0].startswith(f"{tmp_path / 'relations.csv'}:2:5: end: ")
    assert message in found[0]


def test_one_date_rule_for_files_story_and_at(tmp_path: Path) -> None:
    for bad in ("9999", "2015-13", "30-09-2015"):
        with pytest.raises(ValueError) as direct:
            graph.core.dates.parse_period(bad)
        assert str(direct.value) in relations_problems(tmp_path, f"a,b,fights,{bad},,,,\n")[0]
        with pytest.raises(ValueError, match=str(direct.value).split(":")[0]):
            graph.snapshot(graph.load(), bad)
        story = write(tmp_path, "story.csv", f"date,title,caption\n{bad},T,C\n")
        with pytest.raises(graph.DataError, match=str(direct.value).split(":")[0]):
            graph.read_story(story, ["a"])


def test_thousands_of_one_problem_summarised(tmp_path: Path) -> None:
    rows = "".join(f"a,b,fights,{day % 16 + 13:02d}-03-{1000 + day},,,,\n" for day in range(3000))
    path = write(tmp_path, "relations.csv", RELATIONS_HEADER + rows)
    with pytest.raises(graph.DataError) as error:
        graph.read_relations(path, ["a", "b"])
    assert len(error.value.problems) == 3000
    report = str(error.value).splitlines()
    assert len(report) == 12
    assert (
        report[1]
        == f"{path}:2:4: start: '13-03-1000' is day-month-year: write 1000-03-13 (YYYY-MM-DD)"
    )
    assert report[-1] == (
        f"{path}: start: ... and 2,990 more like these (3,000 in all): "
        "dates in day-month-year order: write them YYYY-MM-DD"
    )


def test_encodings_and_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    body = "id,name\r\na,Ωmega\r\nb,Beta\r\n"
    # Repeated byte-order marks (a file saved twice by a careless editor) are dropped.
    write(tmp_path, "actors.csv", b"\xef\xbb\xbf\xef\xbb\xbf" + body.encode())
    assert list(graph.read_actors(path).index) == ["a", "b"]
    # Lone CR line ends count lines as an editor does.
    write(tmp_path, "actors.csv", body.replace("\r\n", "\r") + "a,Again\r")
    with pytest.raises(graph.DataError, match=r"actors\.csv:4:1: id: duplicate id 'a'"):
        graph.read_actors(path)
    # The column of a bad byte counts characters, not bytes: 'Ω' is two bytes.
    write(tmp_path, "actors.csv", body.encode() + "c,Ωx".encode() + b"\xe9\n")
    with pytest.raises(graph.FileFormatError) as error:
        graph.read_actors(path)
    assert "byte 0xe9 ('é' in Windows-1252) at character 5" in problems(error)[0]
    assert problems(error)[0].startswith(f"{path}:4: ")
    # A NUL byte in a text file names its line and character.
    write(tmp_path, "actors.csv", body.encode() + b"c,Ga\x00mma\n")
    with pytest.raises(graph.FileFormatError) as error:
        graph.read_actors(path)
    assert problems(error) == [
        f"{path}:4: NUL byte at character 5: this is not a text file; "
        "save it as UTF-8 (spreadsheets: Save As, CSV UTF-8)"
    ]


def test_optional_columns_get_their_defaults(tmp_path: Path) -> None:
    folder = two_files(tmp_path, "id\na\nb\n", "source,target,type\na,b,fights\nb,a,funding\n")
    G = graph.load(folder)
    assert dict(G.nodes["a"]) == {
        "name": "a",
        "kind": "unspecified",
        "camp": "unspecified",
        "aliases": [],
        "description": "",
        "source": "",
        "start": None,
        "end": None,
    }
    edge = G.edges["a", "b", 2]
    assert (edge["confidence"], edge["start"], edge["end"], edge["evidence"]) == (
        "confirmed",
        None,
        None,
        "",
    )
    assert graph.tables.read.ACTOR_DEFAULTS == {"kind": "unspecified", "camp": "unspecified"}
    assert graph.tables.read.RELATION_DEFAULTS == {"confidence": "confirmed"}


def test_any_extra_column_name_is_kept(tmp_path: Path) -> None:
    folder = two_files(
        tmp_path,
        "id,node_for_adding,attr,key,index,line\na,1,2,3,4,5\nb,,,,,\n",
        "source,target,type,key,u_for_edge,v_for_edge,line,index,weight,sign\n"
        "a,b,fights,k,u,v,l,i,3,-1\nb,a,,k,u,v,l,i,2.5,+\n",
    )
    G = graph.load(folder)
    assert G.nodes["a"]["node_for_adding"] == "1" and G.nodes["a"]["line"] == "5"
    edge = G.edges["a", "b", 2]
    assert (edge["key"], edge["u_for_edge"], edge["line"], edge["index"]) == ("k", "u", "l", "i")
    assert [d["weight"] for *_, d in G.edges(data=True)] == [3.0, 2.5]
    assert G.edges["b", "a", 3]["type"] == "positive_tie"


def test_weights_are_numbers(tmp_path: Path) -> None:
    header = "source,target,type,weight\n"
    G = graph.load(two_files(tmp_path, TWO_ACTORS, header + "a,b,fights,12\nb,a,fights,\n"))
    assert [d["weight"] for *_, d in G.edges(data=True)] == [12, None]
    assert isinstance(G.edges["a", "b", 2]["weight"], int)
    found = relations_problems(tmp_path, "a,b,fights,many\nb,a,fights,nan\n", header)
    path = tmp_path / "relations.csv"
    assert found == [
        f"{path}:2:4: weight: weight 'many' is not a number",
        f"{path}:3:4: weight: weight 'nan' is not a number",
    ]


def test_type_not_in_the_vocabulary_takes_one_sign(tmp_path: Path) -> None:
    header = "source,target,type,sign\n"
    rows = "a,b,battles,-1\nb,a,battles,1\na,b,rumours,\n"
    path = tmp_path / "relations.csv"
    assert relations_problems(tmp_path, rows, header) == [
        f"{path}:3:4: sign: type 'battles' (not in the vocabulary) has sign +1 here but -1 on "
        "line 2: give a type one sign in relation_types.csv",
        f"{path}:4:3: type: unknown relation type 'rumours': add it to relation_types.csv, "
        "or give the relation a sign",
    ]


def test_folder_vocabulary_extends_and_overrides(dataset: Path) -> None:
    write(
        dataset,
        "relation_types.csv",
        "type,sign,label,symmetric\n"
        "cyber_attack,-1,hacks,\n"
        "accuses,0,raises concerns about,\n"
        "allied_with,1,is allied with,yes\n",
    )
    types = graph.read_relation_types(dataset / "relation_types.csv")
    assert types.loc["cyber_attack", "sign"] == -1 and types.loc["funding", "sign"] == 1
    assert types.loc["accuses", "label"] == "raises concerns about"
    assert types.loc["accuses", "definition"] == ""  # the override replaces the whole row
    assert types.loc["allied_with", "symmetric"] and types.loc["negotiates_with", "symmetric"]
    G = graph.load(dataset)
    assert {d["sign"] for *_, d in G.edges(data=True) if d["type"] == "accuses"} == {0}
    write(dataset, "relation_types.csv", "type,sign,label,symmetric\nx,1,x,maybe\n")
    assert load_problems(dataset) == [
        f"{dataset / 'relation_types.csv'}:2:4: symmetric: 'maybe' is not yes or no (or empty: no)"
    ]


def test_validate_checks_every_file_in_one_run(dataset: Path) -> None:
    for name in ("story.csv",):
        (dataset / name).write_bytes((DATA_DIR / name).read_bytes())
    edits = {
        "relation_types.csv": ("\ntroops,1,", "\ntroops,2,"),
        "actors.csv": ("\nrussia,", "\nrus sia,"),
        "relations.csv": (",funding,", ",fundng,"),
        "story.csv": ("2015-10,", "2015-13,"),
        "datapackage.json": ('"title": "Battle', '"title": ["Battle'),
    }
    for name, (old, new) in edits.items():
        text = (dataset / name).read_text(encoding="utf-8")
        assert old in text, name
        (dataset / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    found = load_problems(dataset)
    assert {Path(p.split(":")[0]).name for p in found} == set(edits)
    with pytest.raises(graph.DataError):
        graph.load(dataset)


def test_a_30000_column_header_is_read(tmp_path: Path) -> None:
    header = "id," + ",".join(f"extra_{n}" for n in range(30_000)) + ",nmae\n"
    path = write(tmp_path, "actors.csv", header + "a" + ",x" * 30_001 + "\n")
    with pytest.raises(graph.DataError) as error:
        graph.read_actors(path)
    assert problems(error) == [f"{path}:1:30002: nmae: unknown column (did you mean 'name'?)"]
    path = write(tmp_path, "actors.csv", header.replace("nmae", "notes") + "a" + ",x" * 30_001)
    assert graph.read_actors(path).loc["a", "extra_29999"] == "x"


def test_a_signed_edge_list_loads(tmp_path: Path) -> None:
    folder = two_files(tmp_path, "id\na\nb\nc\n", "source,target,sign\na,b,1\nb,c,-1\nc,a,0\n")
    G = graph.load(folder)
    assert [(d["type"], d["sign"]) for *_, d in G.edges(data=True)] == [
        ("positive_tie", 1),
        ("negative_tie", -1),
        ("neutral_tie", 0),
    ]
    assert graph.signed_graph(G).number_of_edges() == 2
    write(folder, "relations.csv", "source,target,sign\na,b,\nb,c,positive\n")
    assert load_problems(folder) == [
        f"{folder / 'relations.csv'}:2:3: sign: empty sign: use 1, 0 or -1",
        f"{folder / 'relations.csv'}:3:3: sign: bad sign 'positive': use 1, 0 or -1 (or + and -)",
    ]


def test_info_shows_titles_and_labels_escaped(dataset: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import main

    write(dataset, "relation_types.csv", 'type,sign,label\nfunding,1,"funds\x1b[31m (red)"\n')
    result = CliRunner().invoke(main, ["info", str(dataset)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "funds\\x1b[31m (red)" in result.output
