"""The README's quick start: two commands, and CI runs the second one.

A newcomer copies the quick start's commands; CI (``.ci/run``) installs what
the tests need and then runs the README's test command. If the README, the
Makefile and CI drift apart, the quick start stops being what CI proves.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block, "the quick start has no sh block"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]


def test_the_quick_start_is_two_commands() -> None:
    assert _quick_start_commands() == ["make explorer", "make test"]


def test_ci_runs_the_quick_starts_test_command() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in run.splitlines() if not line.startswith("#")]
    assert [c for c in commands if c][-1] == _quick_start_commands()[1]


def test_both_commands_make_their_own_virtual_environment() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("explorer", "test"):
        rule = re.search(rf"^{target}:(.*)$", makefile, re.MULTILINE)
        assert rule, f"no {target} target"
        assert "$(VENV)/.installed" in rule.group(1)
    venv = r"^\$\(BIN\)/python:\n.*\n\t\$\(PYTHON\) -m venv \$\(VENV\)"
    assert re.search(venv, makefile, re.MULTILINE)


def test_every_file_the_readmes_name_exists() -> None:
    # A newcomer sent to `graph/export.py` found no such file after the code moved into
    # subpackages: paths in backquotes or link targets must be the repository's own.
    for readme in ("README.md", "data/README.md", "graph/importers/mappings/README.md"):
        text = (ROOT / readme).read_text(encoding="utf-8")
        named = set(
            re.findall(r"[`(]((?:graph|data|benchmarks|notebooks|tests)/[\w./-]*)[`)#]", text)
        )
        base = ROOT if readme == "README.md" else (ROOT / readme).parent
        missing = sorted(p for p in named if not (ROOT / p).exists() and not (base / p).exists())
        assert not missing, f"{readme} names {missing}"
