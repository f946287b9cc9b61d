"""The exact frustration index through HiGHS (highspy): cut loop, then branch and bound.

random_signed_graph(40, 170, seed=1) is small enough for a test and hard
enough that the odd-cycle cuts alone do not prove L: the branch and bound
runs, from the heuristic's split as MIP start, and must not write to the
process's output (a command's report would carry HiGHS's banner).
"""

from __future__ import annotations

import pytest

import graph.balance.exact as exact
from graph.balance import frustration, verify_frustration
from graph.datasets import random_signed_graph


def test_branch_and_bound_proves_the_index_quietly(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture
) -> None:
    G = random_signed_graph(40, 170, seed=1)
    calls = []
    solve = exact._highs_mip

    def spy(*args, **kwargs):
        calls.append(args)
        return solve(*args, **kwargs)

    monkeypatch.setattr(exact, "_highs_mip", spy)
    result = frustration(G, method="exact", time_limit=60)
    assert calls, "the instance no longer reaches the MIP: pick a harder one"
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # no banner; no progress line off a terminal
    assert result.proven and result.L == 47
    assert verify_frustration(G, result)


def test_branching_right_after_the_cut_rounds_drop_slack_rows(monkeypatch: pytest.MonkeyPatch):
    # Every fifth round drops the slack rows; handing over to branch and bound
    # just after that must give the MIP the rows of the last LP, not a
    # misaligned list (it raised a broadcasting error).
    G = random_signed_graph(40, 170, seed=1)
    seen = []

    def after_a_drop(bounds, *args):
        seen.append(len(bounds))
        return len(bounds) == 5

    monkeypatch.setattr(exact, "_branch_now", after_a_drop)
    result = frustration(G, method="exact", time_limit=60)
    assert 5 in seen, "the cut rounds no longer reach a drop: pick a harder instance"
    assert result.proven and result.L == 47
    assert verify_frustration(G, result)
