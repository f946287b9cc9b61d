"""Structural balance of signed graphs.

Every public function takes an undirected, simple :class:`networkx.Graph`
whose edges carry a ``sign`` attribute equal to +1 (support, alliance) or -1
(opposition, antagonism) -- for example the output of ``graph.signed_graph``
or :func:`graph.datasets.highland_tribes`.  The graph passed in is never
modified.  A missing or invalid sign raises :class:`ValueError`.

Modules, one concept each:

* :mod:`~graph.balance.measures` -- :func:`triangle_balance` (Cartwright-Harary
  strict balance, or Davis's weak balance) and :func:`walk_balance` (Estrada &
  Benzi's ``tr exp(A) / tr exp(|A|)``, sparse on large graphs).
* :mod:`~graph.balance.frustration_index` -- :func:`frustration`: the exact
  frustration index (line index of balance), by blocks reduced by
  :mod:`~graph.balance.reduce`, warm-started by the local search of
  :mod:`~graph.balance.heuristic` and proven by the cycle packing, the cycle
  relaxation and reduced-cost fixing, or the binary program of
  :mod:`~graph.balance.exact` (Aref, Mason & Wilson) within a time budget;
  :func:`frustrated_ties`, :func:`name_groups`, :func:`changed_sides`;
  :func:`verify_frustration` checks a result against its graph (the
  partition attains ``L``; the certificate of every block's lower bound:
  odd-cycle inequalities with multipliers, and the ties they fix).
* :mod:`~graph.balance.partitions` -- :func:`partition`: Doreian & Mrvar's
  partition into k groups (generalised balance for k >= 3: the exact
  multicut over ties, then Aref & Neal's binary program on HiGHS; or k
  chosen by the data);
  :func:`verify_partition` recounts its criterion and checks its bound.
* :mod:`~graph.balance.report` -- :func:`balance_report`: all of the above.
* :mod:`~graph.balance.arrays` -- the integer view of a signed graph the
  solvers share; :func:`tie_sign` (from :mod:`graph.core.signs`) is the one sign
  validator of the analyses.

Terminology: a *partition* splits the actors into *groups* (the ``camp``
column of the data is the analyst's own, hand-written side, and is not used
here).  A tie is *frustrated* under a partition when it is a positive tie
between two groups or a negative tie inside a group.  A signed graph is
*balanced* (Cartwright & Harary 1956) when some two-group partition leaves no
tie frustrated; the *frustration index* ``L`` is the fewest ties whose removal
(equivalently, whose sign flip) makes the graph balanced.
"""

import lazy_loader

from graph.core.signs import tie_sign  # noqa: F401 (listed in __all__ below)

# Lazy, as every subpackage's: the Balance view of a page needs
# frustration_index and what it imports, not measures, partitions or report.
_ATTRIBUTES = {
    "frustration_index": [
        "BlockProof",
        "Frustration",
        "changed_sides",
        "frustrated_ties",
        "frustration",
        "name_groups",
        "verify_frustration",
    ],
    "measures": ["WALK_DENSE_MAX_ACTORS", "triangle_balance", "triangle_census", "walk_balance"],
    "partitions": ["PARTITION_EXACT_MAX_TIES", "SignedPartition", "partition", "verify_partition"],
    "report": ["BalanceReport", "balance_report", "groups_table"],
}
__getattr__, _, _ = lazy_loader.attach(
    __name__,
    submodules=[
        "arrays",
        "exact",
        "frustration_index",
        "heuristic",
        "measures",
        "partitions",
        "reduce",
        "report",
    ],
    submod_attrs=_ATTRIBUTES,
)
# The public names, as when every module was imported here: no submodule.
__all__ = sorted(["tie_sign", *(name for names in _ATTRIBUTES.values() for name in names)])


def __dir__() -> list[str]:
    return __all__
