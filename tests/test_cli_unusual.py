"""Every command over unusual but valid datasets: an answer or a clear message, never a traceback.

Each dataset is a shape real data takes (everyone allied, everyone at war,
a lone actor, only talks, undated relations...). Each command runs in-process
through click's runner with ``catch_exceptions=False``, so any exception
other than the clean exit of a refused input fails the test with its
traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main

ACTORS_ABC = "id,name,camp\na,Alpha,one\nb,Beta,two\nc,Gamma,one\n"

DATASETS: dict[str, dict[str, str]] = {
    "all-positive": {
        "actors.csv": ACTORS_ABC,
        "relations.csv": "source,target,type,start\n"
        "a,b,weapons,2014\nb,c,funding,2015-03\nc,a,troops,2016-01-02\n",
    },
    "all-negative": {
        "actors.csv": ACTORS_ABC,
        "relations.csv": "source,target,type,start\na,b,fights,2014\nb,c,fights,2015\n"
        "c,a,siege,2016\n",
    },
    "one-actor-no-relations": {
        "actors.csv": "id,name\nlonely,Lonely actor\n",
        "relations.csv": "source,target,type\n",
    },
    "two-actors-one-relation": {
        "actors.csv": "id,name\na,Alpha\nb,Beta\n",
        "relations.csv": "source,target,type,start,end\na,b,fights,2012,2013\n",
    },
    "two-actors-one-support": {
        "actors.csv": "id,name\na,Alpha\nb,Beta\n",
        "relations.csv": "source,target,type\na,b,weapons\n",
    },
    "only-neutral": {
        "actors.csv": ACTORS_ABC,
        "relations.csv": "source,target,type,start\na,b,negotiates_with,2014\nb,c,documents,2015\n",
    },
    "symmetric-only": {
        "actors.csv": ACTORS_ABC,
        "relation_types.csv": "type,sign,label,symmetric\nallied_with,1,allied with,yes\n"
        "at_war_with,-1,at war with,yes\n",
        "relations.csv": "source,target,type,start\na,b,allied_with,2014\nb,a,allied_with,2014\n"
        "b,c,at_war_with,2015\nc,b,at_war_with,2015\n",
    },
    "undated-only": {
        "actors.csv": ACTORS_ABC,
        "relations.csv": "source,target,type\na,b,weapons\nb,c,fights\nc,a,accuses\n",
    },
    "one-camp-only": {
        "actors.csv": "id,name,camp\na,Alpha,same\nb,Beta,same\nc,Gamma,same\nd,Delta,same\n",
        "relations.csv": "source,target,type,start\na,b,weapons,2014\nc,d,fights,2015\n",
    },
    "signs-and-weights-only": {
        "actors.csv": ACTORS_ABC,
        "relations.csv": "source,target,sign,weight\na,b,1,2.5\nb,c,-1,10\nc,a,-1,0\n",
    },
}

COMMANDS: dict[str, list[str]] = {
    "validate": ["validate"],
    "info": ["info"],
    "build": ["build", "-o", "{out}/explorer.html"],
    "build-at": ["build", "-o", "{out}/explorer.html", "--at", "2015-06", "--preset", "classroom"],
    "figure-at-svg": ["figure", "-o", "{out}/figure.svg", "--at", "2015"],
    "figure-png": ["figure", "-o", "{out}/figure.png", "--preset", "slide"],
    "export-json": ["export", "--format", "json", "-o", "{out}/graph.json"],
    "export-graphml": ["export", "--format", "graphml", "-o", "{out}/graph.graphml"],
    "export-gexf": ["export", "--format", "gexf", "-o", "{out}/graph.gexf"],
    "export-csv": ["export", "--format", "csv", "-o", "{out}/csv"],
    "metrics": ["metrics", "--csv", "{out}/centrality.csv"],
    "metrics-at": ["metrics", "--at", "2015"],
    "metrics-weighted": ["metrics", "--weighted"],
    "balance": ["balance"],
    "balance-at": ["balance", "--at", "2015", "--all"],
    "quiz-csv": ["quiz", "-o", "{out}/quiz.csv"],
    "quiz-one-pdf": ["quiz", "-n", "1", "-o", "{out}/quiz.pdf"],
}


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("dataset", DATASETS)
def test_no_traceback(tmp_path: Path, dataset: str, command: str) -> None:
    data = _write(tmp_path / dataset, DATASETS[dataset])
    out = tmp_path / "out"
    name, *options = COMMANDS[command]
    args = [name, str(data), *(option.format(out=out) for option in options)]
    # catch_exceptions=False: an exception escapes with its traceback; a refusal is SystemExit(1).
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:  # refused: one clear line, not an empty answer
        assert result.output.strip(), f"{command} on {dataset} exited 1 without a message"
    elif command in ("validate", "info", "metrics", "balance"):
        assert result.output.strip()


# --- terminal safety: data text is printed escaped ----------------------------

HOSTILE = "Evil\x1b[2J\x1b]0;pwned\x07 \u202egnirts\rOK: all clear\nOK: 0 problems"
HOSTILE_FILES = {
    "actors.csv": "id,name,camp\n"
    f'a,"{HOSTILE}","{HOSTILE} camp"\nb,Beta,"\x1b[31mred"\nc,Gamma,one\n',
    "relation_types.csv": f'type,sign,label\nzaps,-1,"zaps\x1b[1A{HOSTILE}"\n',
    "relations.csv": "source,target,type\na,b,zaps\nb,c,weapons\nc,a,fights\na,c,weapons\n",
}


@pytest.mark.parametrize(
    "command",
    [["info"], ["metrics"], ["balance", "--all"], ["balance"], ["validate"]],
    ids=lambda command: "-".join(command),
)
def test_printed_data_is_escaped(tmp_path: Path, command: list[str]) -> None:
    data = _write(tmp_path / "hostile", HOSTILE_FILES)
    result = CliRunner().invoke(main, [command[0], str(data), *command[1:]])
    assert result.exit_code == 0, result.output
    for control in ("\x1b", "\x07", "\r", "\u202e"):
        assert control not in result.output
    # The fake "OK" lines stay inside the name's line, escaped, never a line of their own.
    lines = result.output.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("OK: 0 problems")]
    if command[0] == "metrics":
        assert any(line.split()[0] == "a" and "\\x1b[2J" in line for line in lines if line)
    if command[0] == "info":
        assert "zaps\\x1b[1AEvil\\x1b[2J\\x1b]0;pwned\\x07" in result.output
    if command[0] == "balance":
        assert "Evil\\x1b[2J\\x1b]0;pwned\\x07 \\u202egnirts\\rOK: all clear\\nOK" in result.output


def test_printed_paths_are_escaped(tmp_path: Path) -> None:
    out = tmp_path / "out\x1b[2J" / "graph.json"
    result = CliRunner().invoke(main, ["export", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "out\\x1b[2J" in result.output


def test_import_prints_its_path_escaped_and_its_weights_are_used(tmp_path: Path) -> None:
    otc = tmp_path / "otc.csv"  # Bitcoin OTC-like: source, target, rating, Unix time
    otc.write_text("6,2,4,1289241911\n6,2,-2,1289241912\n6,5,2,1289243140\n2,5,-9,1289243141\n")
    out = tmp_path / "otc\x1b]0;x\x07"
    result = CliRunner().invoke(main, ["import", "edgelist", str(otc), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "otc\\x1b]0;x\\x07" in result.output
    # The ratings became weights: 6-2 is support (4 - 2), 2-5 opposition 9, 6-5 support 2:
    # the triangle is unbalanced, and the lightest tie (weight 2) is the one frustrated.
    balance = CliRunner().invoke(main, ["balance", str(out)])
    assert balance.exit_code == 0, balance.output
    assert "frustration index L = 2" in balance.output
