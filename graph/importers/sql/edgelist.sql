-- Signed edge lists (SNAP, KONECT, Bitcoin OTC/Alpha, GEXF, GraphML) -> normalised events,
-- one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (columns source, target, value, time, end_time and type, as text, plus _file),
-- edgelist_signs (mappings/edgelist_signs.csv: the sign of the value -> relation type) and
-- known_types (the vocabulary's types).

-- name: events
WITH src AS (
    SELECT
        _file,
        coalesce(trim(source), '') AS a1,
        coalesce(trim(target), '') AS a2,
        coalesce(trim(value), '') AS value_text,
        coalesce(trim(time), '') AS time_text,
        coalesce(trim(end_time), '') AS end_text,
        coalesce(trim(type), '') AS type_text
    FROM raw
),
parsed AS (
    -- A time is a date (YYYY-MM-DD, YYYY-MM or YYYY: the first day for a start, the last
    -- for an end) or Unix time in seconds (SNAP, Bitcoin OTC, KONECT).
    SELECT
        *,
        CASE
            WHEN time_text = '' THEN NULL
            WHEN regexp_extract(time_text, '^([0-9]{4}-[0-9]{2}-[0-9]{2})$', 1) <> ''
                OR regexp_extract(time_text, '^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]', 1) <> ''
                THEN unix_date(try_cast(substr(time_text, 1, 10) AS DATE))
            WHEN regexp_extract(time_text, '^([0-9]{4}-[0-9]{2})$', 1) <> ''
                THEN unix_date(try_cast(concat(time_text, '-01') AS DATE))
            WHEN regexp_extract(time_text, '^([0-9]{4})$', 1) <> '' AND length(time_text) = 4
                THEN unix_date(try_cast(concat(time_text, '-01-01') AS DATE))
            WHEN try_cast(time_text AS DOUBLE) IS NOT NULL
                AND abs(try_cast(time_text AS DOUBLE)) < 1e12
                THEN CAST(floor(try_cast(time_text AS DOUBLE) / 86400) AS BIGINT)
        END AS day,
        CASE
            WHEN regexp_extract(time_text, '^([0-9]{4}-[0-9]{2})$', 1) <> '' THEN 2
            WHEN regexp_extract(time_text, '^([0-9]{4})$', 1) <> '' AND length(time_text) = 4 THEN 3
            ELSE 1
        END AS precision,
        CASE
            WHEN end_text IN ('', '..') THEN NULL
            WHEN regexp_extract(end_text, '^([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) <> ''
                THEN unix_date(try_cast(substr(end_text, 1, 10) AS DATE))
            WHEN regexp_extract(end_text, '^([0-9]{4}-[0-9]{2})$', 1) <> ''
                THEN unix_date(last_day(try_cast(concat(end_text, '-01') AS DATE)))
            WHEN regexp_extract(end_text, '^([0-9]{4})$', 1) <> '' AND length(end_text) = 4
                THEN unix_date(try_cast(concat(end_text, '-12-31') AS DATE))
        END AS end_day,
        CASE
            WHEN regexp_extract(end_text, '^([0-9]{4}-[0-9]{2})$', 1) <> '' THEN 2
            WHEN regexp_extract(end_text, '^([0-9]{4})$', 1) <> '' AND length(end_text) = 4 THEN 3
            ELSE 1
        END AS end_precision
    FROM src
),
checked AS (
    SELECT
        *,
        try_cast(value_text AS DOUBLE) AS number,
        CASE
            WHEN a1 = '' THEN 'source'
            WHEN a2 = '' THEN 'target'
            -- NaN and infinity are no sign nor rating (NOT ... < 1e300 holds for both).
            WHEN NOT coalesce(abs(try_cast(value_text AS DOUBLE)) < 1e300, false) THEN 'value'
            WHEN time_text <> '' AND day IS NULL THEN 'time'
            WHEN end_text NOT IN ('', '..') AND end_day IS NULL THEN 'end_time'
            WHEN end_day < day THEN 'end_time'
        END AS bad_field
    FROM parsed
)
SELECT
    c._file,
    c.a1 AS source_name,
    CAST(NULL AS STRING) AS source_kind,
    CAST(NULL AS STRING) AS source_camp,
    c.a2 AS target_name,
    CAST(NULL AS STRING) AS target_kind,
    CAST(NULL AS STRING) AS target_camp,
    -- A type the vocabulary knows (this project's GEXF/GraphML exports write one) is
    -- kept; otherwise the sign of the value picks it.
    coalesce(k.type, s.type) AS type,
    c.day AS first_day,
    -- An end of '..' (ISO 8601-2's open end) leaves the relation open; without an end,
    -- a relation lasts its one time.
    CASE WHEN c.end_text = '..' THEN NULL ELSE coalesce(c.end_day, c.day) END AS last_day,
    c.precision AS date_precision,
    CASE WHEN c.end_day IS NULL THEN c.precision ELSE c.end_precision END AS last_precision,
    '' AS event_id,
    abs(c.number) AS weight,
    CAST(NULL AS INT) AS sources,
    CAST(NULL AS STRING) AS notes,
    CAST(NULL AS STRING) AS link,
    CAST(NULL AS STRING) AS country,
    c.bad_field,
    CASE c.bad_field
        WHEN 'time' THEN c.time_text
        WHEN 'end_time' THEN c.end_text
        WHEN 'value' THEN c.value_text
        ELSE ''
    END AS bad_value
FROM checked AS c
LEFT JOIN edgelist_signs AS s
    ON s.sign = CASE WHEN c.number > 0 THEN 1 WHEN c.number < 0 THEN -1 ELSE 0 END
LEFT JOIN known_types AS k ON k.type = c.type_text
