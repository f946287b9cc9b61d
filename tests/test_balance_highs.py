"""The exact frustration index through HiGHS's own interface (highspy), with a MIP start.

random_signed_graph(40, 170, seed=1) is small enough for a test and hard
enough that the odd-cycle cuts alone do not prove L: the branch and bound
runs. Both paths (highspy, and scipy.optimize.milp when highspy is absent)
must prove the same L, and HiGHS must not write to the process's output.
"""

from __future__ import annotations

import pytest

import graph.balance.exact as exact
from graph.balance import frustration
from graph.datasets import random_signed_graph

pytest.importorskip("highspy")


def test_highspy_and_scipy_prove_the_same_index(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture
) -> None:
    G = random_signed_graph(40, 170, seed=1)
    calls = []
    solve = exact._highs_mip

    def spy(*args, **kwargs):
        calls.append(args)
        return solve(*args, **kwargs)

    monkeypatch.setattr(exact, "_highs_mip", spy)
    with_highs = frustration(G, method="exact", time_limit=60)
    assert calls, "the instance no longer reaches the MIP: pick a harder one"
    out, _ = capfd.readouterr()
    assert out == ""  # no HiGHS banner in a command's report
    monkeypatch.setattr(exact, "_highspy", lambda: None)
    with_scipy = frustration(G, method="exact", time_limit=60)
    assert with_highs.proven and with_scipy.proven
    assert with_highs.L == with_scipy.L == 47
