-- Correlates of War dyadic inter-state wars -> the shared COW dyad queries
-- (sql/cow_dyads.sql), one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the directed dyadic war file as text, plus _file).

-- name: dyads
SELECT
    _file,
    concat('war ', coalesce(trim(warnum), '')) AS dispute,
    'fights' AS type,
    coalesce(trim(statea), '') AS code_a,
    coalesce(trim(stateb), '') AS code_b,
    coalesce(trim(year), '') AS year_text,
    coalesce(trim(warstrtyr), '') AS sy,
    coalesce(trim(warstrtmnth), '') AS sm,
    coalesce(trim(warstrtday), '') AS sd,
    coalesce(trim(warendyr), '') AS ey,
    coalesce(trim(warendmnth), '') AS em,
    coalesce(trim(warenday), '') AS ed,
    CAST(NULL AS STRING) AS bad_type,
    CAST(NULL AS STRING) AS type_text,
    'statea' AS col_a,
    'stateb' AS col_b,
    'warstrtyr' AS col_sy,
    'warstrtmnth' AS col_sm,
    'warstrtday' AS col_sd,
    'warendyr' AS col_ey,
    'warendmnth' AS col_em,
    'warenday' AS col_ed
FROM raw
