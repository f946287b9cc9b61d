-- COW Dyadic Militarized Interstate Disputes -> the shared COW dyad queries
-- (sql/cow_dyads.sql), one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the dyadic MID file as text, plus _file) and mid_hostility
-- (mappings/mid_hostility.csv: hihost -> relation type, empty for no relation).

-- name: dyads
WITH src AS (
    SELECT
        _file,
        coalesce(trim(disno), '') AS disno,
        coalesce(trim(hihost), '') AS hihost,
        coalesce(trim(statea), '') AS code_a,
        coalesce(trim(stateb), '') AS code_b,
        coalesce(trim(year), '') AS year_text,
        coalesce(trim(strtyr), '') AS sy,
        coalesce(trim(strtmnth), '') AS sm,
        coalesce(trim(strtday), '') AS sd,
        coalesce(trim(endyear), '') AS ey,
        coalesce(trim(endmnth), '') AS em,
        coalesce(trim(endday), '') AS ed
    FROM raw
)
SELECT
    s._file,
    concat('MID ', s.disno) AS dispute,
    nullif(h.type, '') AS type,
    s.code_a,
    s.code_b,
    s.year_text,
    s.sy,
    s.sm,
    s.sd,
    s.ey,
    s.em,
    s.ed,
    CASE WHEN h.hihost IS NULL THEN 'hihost' END AS bad_type,
    s.hihost AS type_text,
    'statea' AS col_a,
    'stateb' AS col_b,
    'strtyr' AS col_sy,
    'strtmnth' AS col_sm,
    'strtday' AS col_sd,
    'endyear' AS col_ey,
    'endmnth' AS col_em,
    'endday' AS col_ed
FROM src AS s
LEFT JOIN mid_hostility AS h ON h.hihost = s.hihost
