-- UCDP actor ids in step with the names of a side (GED) or a cell (ESD), one query run
-- unchanged by DuckDB and Spark SQL, shared by the two sources.
-- Reads: sides (the source's view: its columns plus list_a and list_b, the names of the
-- two sides separated by '|', and ids_a_text and ids_b_text, the id cells as written).
-- Adds na and nb (how many names each side has), ids_a and ids_b (the ids without
-- spaces and without a ".0" a spreadsheet may have added: "130,2"; "" for none) and
-- good_a and good_b: an id list is whole numbers, one per name of the side, or empty.

-- name: coded
WITH cut AS (
    -- A trailing comma is added to find each ".0," and cut.
    SELECT
        *,
        length(list_a) - length(replace(list_a, '|', '')) + 1 AS na,
        length(list_b) - length(replace(list_b, '|', '')) + 1 AS nb,
        replace(concat(replace(ids_a_text, ' ', ''), ','), '.0,', ',') AS ids_a_cut,
        replace(concat(replace(ids_b_text, ' ', ''), ','), '.0,', ',') AS ids_b_cut
    FROM sides
),
counted AS (
    SELECT
        *,
        substr(ids_a_cut, 1, length(ids_a_cut) - 1) AS ids_a,
        substr(ids_b_cut, 1, length(ids_b_cut) - 1) AS ids_b
    FROM cut
)
SELECT
    *,
    ids_a = '' OR (
        translate(ids_a, '0123456789,', '') = ''
        AND ids_a NOT LIKE ',%' AND ids_a NOT LIKE '%,' AND ids_a NOT LIKE '%,,%'
        AND length(ids_a) - length(replace(ids_a, ',', '')) + 1 = na
    ) AS good_a,
    ids_b = '' OR (
        translate(ids_b, '0123456789,', '') = ''
        AND ids_b NOT LIKE ',%' AND ids_b NOT LIKE '%,' AND ids_b NOT LIKE '%,,%'
        AND length(ids_b) - length(replace(ids_b, ',', '')) + 1 = nb
    ) AS good_b
FROM counted
