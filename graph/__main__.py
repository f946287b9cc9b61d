"""``python -m graph``: the same command line as ``alliance-graph``."""

from .cli import main

main(prog_name="alliance-graph")
