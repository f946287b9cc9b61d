-- Signed edge lists (SNAP, KONECT, Bitcoin OTC/Alpha, GEXF, GraphML) -> normalised events,
-- one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (columns source, target, value and time, as text, plus _file) and
-- edgelist_signs (mappings/edgelist_signs.csv: the sign of the value -> relation type).

-- name: events
WITH src AS (
    SELECT
        _file,
        coalesce(trim(source), '') AS a1,
        coalesce(trim(target), '') AS a2,
        coalesce(trim(value), '') AS value_text,
        coalesce(trim(time), '') AS time_text
    FROM raw
),
checked AS (
    SELECT
        *,
        try_cast(value_text AS DOUBLE) AS value,
        CASE
            -- A date, or Unix time in seconds (SNAP, Bitcoin OTC, KONECT).
            WHEN time_text = '' THEN NULL
            WHEN regexp_extract(time_text, '^([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) <> ''
                THEN unix_date(try_cast(substr(time_text, 1, 10) AS DATE))
            WHEN try_cast(time_text AS DOUBLE) IS NOT NULL
                THEN CAST(floor(try_cast(time_text AS DOUBLE) / 86400) AS BIGINT)
        END AS day,
        CASE
            WHEN a1 = '' THEN 'source'
            WHEN a2 = '' THEN 'target'
            -- NaN and infinity are no sign nor rating (NOT ... < 1e300 holds for both).
            WHEN NOT coalesce(abs(try_cast(value_text AS DOUBLE)) < 1e300, false) THEN 'value'
        END AS bad_field
    FROM src
),
timed AS (
    SELECT
        *,
        CASE WHEN bad_field IS NULL AND time_text <> '' AND day IS NULL THEN 'time' ELSE bad_field END
            AS problem
    FROM checked
)
SELECT
    c._file,
    c.a1 AS source_name,
    CAST(NULL AS STRING) AS source_kind,
    CAST(NULL AS STRING) AS source_camp,
    c.a2 AS target_name,
    CAST(NULL AS STRING) AS target_kind,
    CAST(NULL AS STRING) AS target_camp,
    s.type,
    c.day AS first_day,
    c.day AS last_day,
    1 AS date_precision,
    '' AS event_id,
    abs(c.value) AS weight,
    CAST(NULL AS INT) AS sources,
    CAST(NULL AS STRING) AS notes,
    CAST(NULL AS STRING) AS link,
    CAST(NULL AS STRING) AS country,
    c.problem AS bad_field,
    CASE c.problem WHEN 'time' THEN c.time_text WHEN 'value' THEN c.value_text ELSE '' END
        AS bad_value
FROM timed AS c
LEFT JOIN edgelist_signs AS s
    ON s.sign = CASE WHEN c.value > 0 THEN 1 WHEN c.value < 0 THEN -1 ELSE 0 END
