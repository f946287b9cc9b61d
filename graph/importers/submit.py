"""Entry point for ``spark-submit``: runs the ``alliance-graph`` command line.

``spark-submit`` takes a Python file, not a console script::

    SUBMIT=$(python -c 'import graph.importers.submit as s; print(s.__file__)')
    spark-submit --master yarn "$SUBMIT" \\
        import gdelt 's3a://bucket/gdelt/*.export.CSV' -o gdelt/ --engine spark

The import then uses the Spark session ``spark-submit`` configured.
"""

from graph.cli import main

if __name__ == "__main__":
    main(prog_name="alliance-graph")
