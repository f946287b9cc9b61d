-- ATOP dyadic alliance data (one row per pair of allies and year) -> normalised events,
-- one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the dyad-year file as text, plus _file), atop_obligations
-- (mappings/atop_obligations.csv: obligation column -> relation type, in order) and
-- cow_states (ccode -> name, from --states; empty otherwise).

-- name: events
WITH src AS (
    SELECT
        _file,
        coalesce(trim(stateA), '') AS code_a,
        coalesce(trim(stateB), '') AS code_b,
        coalesce(trim(year), '') AS year_text,
        coalesce(trim(defense), '') AS defense,
        coalesce(trim(offense), '') AS offense,
        coalesce(trim(neutral), '') AS neutral,
        coalesce(trim(nonagg), '') AS nonagg,
        coalesce(trim(consul), '') AS consul
    FROM raw
),
checked AS (
    SELECT
        *,
        try_cast(concat(year_text, '-01-01') AS DATE) AS first_date,
        CASE
            WHEN try_cast(code_a AS INT) IS NULL THEN 'stateA'
            WHEN try_cast(code_b AS INT) IS NULL THEN 'stateB'
            WHEN length(year_text) <> 4 OR try_cast(year_text AS INT) IS NULL THEN 'year'
            WHEN defense NOT IN ('', '0', '1') THEN 'defense'
            WHEN offense NOT IN ('', '0', '1') THEN 'offense'
            WHEN neutral NOT IN ('', '0', '1') THEN 'neutral'
            WHEN nonagg NOT IN ('', '0', '1') THEN 'nonagg'
            WHEN consul NOT IN ('', '0', '1') THEN 'consul'
        END AS bad_field
    FROM src
),
obligations AS (
    -- One row per obligation the pair has that year (and one for a bad row).
    SELECT c.*, o.obligation, o.type
    FROM checked AS c
    JOIN atop_obligations AS o
        ON c.bad_field IS NULL AND (
            (o.obligation = 'defense' AND c.defense = '1')
            OR (o.obligation = 'offense' AND c.offense = '1')
            OR (o.obligation = 'neutral' AND c.neutral = '1')
            OR (o.obligation = 'nonagg' AND c.nonagg = '1')
            OR (o.obligation = 'consul' AND c.consul = '1')
        )
    UNION ALL
    SELECT c.*, '' AS obligation, '' AS type FROM checked AS c WHERE c.bad_field IS NOT NULL
)
SELECT
    o._file,
    coalesce(a.name, concat('COW state ', o.code_a)) AS source_name,
    'state' AS source_kind,
    'states' AS source_camp,
    coalesce(b.name, concat('COW state ', o.code_b)) AS target_name,
    'state' AS target_kind,
    'states' AS target_camp,
    o.type,
    unix_date(o.first_date) AS first_day,
    unix_date(o.first_date) + 364 + CASE
        WHEN try_cast(o.year_text AS INT) % 4 = 0
            AND (try_cast(o.year_text AS INT) % 100 <> 0 OR try_cast(o.year_text AS INT) % 400 = 0)
        THEN 1 ELSE 0 END AS last_day,
    3 AS date_precision,
    3 AS last_precision,
    concat('ATOP ', o.code_a, '-', o.code_b, ' ', o.year_text) AS event_id,
    0 AS weight,
    CAST(NULL AS INT) AS sources,
    CAST(NULL AS STRING) AS notes,
    CAST(NULL AS STRING) AS link,
    CAST(NULL AS STRING) AS country,
    o.bad_field,
    CASE o.bad_field
        WHEN 'stateA' THEN o.code_a
        WHEN 'stateB' THEN o.code_b
        WHEN 'year' THEN o.year_text
        WHEN 'defense' THEN o.defense
        WHEN 'offense' THEN o.offense
        WHEN 'neutral' THEN o.neutral
        WHEN 'nonagg' THEN o.nonagg
        WHEN 'consul' THEN o.consul
    END AS bad_value
FROM obligations AS o
LEFT JOIN cow_states AS a ON a.ccode = o.code_a
LEFT JOIN cow_states AS b ON b.ccode = o.code_b
