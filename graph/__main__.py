"""``python -m graph``: the same command line as ``alliance-graph``.

Also the file ``spark-submit`` runs, since it takes a Python file, not a
console script (see README, "Running the Spark job on a cluster").
"""

from graph.cli import main

if __name__ == "__main__":
    main(prog_name="alliance-graph")
