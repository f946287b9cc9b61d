-- ACLED events -> normalised events, one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the export, every column as text, plus _file), acled_types
-- (mappings/acled_event_types.csv), acled_inter_keys (mappings/acled_inter.csv keyed
-- by code and by lower-case label) and positions (1, 2, ... for the ;-separated
-- assoc_actor lists).

-- name: events
WITH src AS (
    SELECT
        _file,
        trim(event_id_cnty) AS event_id,
        trim(event_date) AS date_text,
        coalesce(trim(time_precision), '') AS tp,
        lower(trim(event_type)) AS et,
        lower(coalesce(trim(sub_event_type), '')) AS st,
        coalesce(trim(actor1), '') AS a1,
        coalesce(trim(assoc_actor_1), '') AS as1,
        lower(coalesce(trim(inter1), '')) AS i1,
        coalesce(trim(actor2), '') AS a2,
        coalesce(trim(assoc_actor_2), '') AS as2,
        lower(coalesce(trim(inter2), '')) AS i2,
        trim(country) AS country,
        coalesce(trim(source), '') AS source_text,
        trim(notes) AS notes,
        coalesce(trim(fatalities), '') AS fatalities_text
    FROM raw
),
spelled AS (
    -- The three spellings of event_date: 2020-05-09, 9 May 2020 and 9-May-20.
    SELECT
        *,
        regexp_extract(date_text, '^([0-9]{1,2})[ -]([A-Za-z]{3,9})[ -]([0-9]{4}|[0-9]{2})$', 1) AS dd,
        lower(substr(regexp_extract(date_text, '^([0-9]{1,2})[ -]([A-Za-z]{3,9})[ -]([0-9]{4}|[0-9]{2})$', 2), 1, 3)) AS mon,
        regexp_extract(date_text, '^([0-9]{1,2})[ -]([A-Za-z]{3,9})[ -]([0-9]{4}|[0-9]{2})$', 3) AS yy
    FROM src
),
dated AS (
    SELECT
        *,
        try_cast(
            CASE
                WHEN regexp_extract(date_text, '^([0-9]{4}-[0-9]{2}-[0-9]{2})', 1) <> ''
                    THEN substr(date_text, 1, 10)
                WHEN dd <> '' THEN concat(
                    CASE
                        WHEN length(yy) = 4 THEN yy
                        WHEN try_cast(yy AS INT) >= 70 THEN concat('19', yy)
                        ELSE concat('20', yy)
                    END,
                    '-',
                    CASE mon
                        WHEN 'jan' THEN '01' WHEN 'feb' THEN '02' WHEN 'mar' THEN '03'
                        WHEN 'apr' THEN '04' WHEN 'may' THEN '05' WHEN 'jun' THEN '06'
                        WHEN 'jul' THEN '07' WHEN 'aug' THEN '08' WHEN 'sep' THEN '09'
                        WHEN 'oct' THEN '10' WHEN 'nov' THEN '11' WHEN 'dec' THEN '12'
                    END,
                    '-',
                    lpad(dd, 2, '0')
                )
            END AS DATE
        ) AS day_date
    FROM spelled
),
checked AS (
    SELECT
        *,
        unix_date(day_date) AS day,
        CASE
            WHEN coalesce(date_text, '') = '' THEN 'event_date'
            WHEN day_date IS NULL THEN 'event_date'
            WHEN tp NOT IN ('', '1', '2', '3') THEN 'time_precision'
            WHEN fatalities_text <> '' AND try_cast(fatalities_text AS DOUBLE) IS NULL
                THEN 'fatalities'
        END AS bad_field
    FROM dated
),
mapped AS (
    -- A row for the sub-event type wins over the row for the whole event type.
    SELECT
        c.*,
        CASE WHEN sub.event_type IS NULL THEN whole.type ELSE sub.type END AS type,
        CASE WHEN sub.event_type IS NULL THEN whole.assoc_type ELSE sub.assoc_type END AS assoc_type,
        k1.kind AS kind1,
        k1.camp AS camp1,
        k2.kind AS kind2,
        k2.camp AS camp2,
        -- A week-precise event spans the seven days centred on its date, a
        -- month-precise one its whole month.
        CASE
            WHEN tp = '2' THEN day - 3
            WHEN tp = '3' THEN day - dayofmonth(day_date) + 1
            ELSE day
        END AS first_day,
        CASE
            WHEN tp = '2' THEN day + 3
            WHEN tp = '3' THEN unix_date(last_day(day_date))
            ELSE day
        END AS last_day,
        CASE WHEN tp = '3' THEN 2 ELSE 1 END AS date_precision,
        CASE
            WHEN source_text = '' THEN 1
            ELSE length(source_text) - length(replace(source_text, ';', '')) + 1
        END AS sources,
        coalesce(try_cast(fatalities_text AS DOUBLE), 0) AS weight
    FROM checked AS c
    LEFT JOIN acled_types AS sub ON sub.event_type = c.et AND sub.sub_event_type = c.st
    LEFT JOIN acled_types AS whole ON whole.event_type = c.et AND whole.sub_event_type = ''
    LEFT JOIN acled_inter_keys AS k1 ON k1.key = c.i1
    LEFT JOIN acled_inter_keys AS k2 ON k2.key = c.i2
    WHERE c.bad_field IS NULL
)
SELECT
    _file, a1 AS source_name, kind1 AS source_kind, camp1 AS source_camp,
    a2 AS target_name, kind2 AS target_kind, camp2 AS target_camp, type,
    first_day, last_day, date_precision, event_id, weight, sources, notes,
    CAST(NULL AS STRING) AS link, country,
    CAST(NULL AS STRING) AS bad_field, CAST(NULL AS STRING) AS bad_value
FROM mapped
WHERE type <> '' AND a1 <> '' AND a2 <> ''
UNION ALL
-- Each associated actor fights alongside the main actor it is listed with.
SELECT
    _file, trim(split_part(as1, ';', p.i)), CAST(NULL AS STRING), CAST(NULL AS STRING),
    a1, kind1, camp1, assoc_type,
    first_day, last_day, date_precision, event_id, weight, sources, notes,
    CAST(NULL AS STRING), country, CAST(NULL AS STRING), CAST(NULL AS STRING)
FROM mapped
JOIN positions AS p ON p.i <= length(as1) - length(replace(as1, ';', '')) + 1
WHERE assoc_type <> '' AND a1 <> '' AND as1 <> '' AND trim(split_part(as1, ';', p.i)) <> ''
UNION ALL
SELECT
    _file, trim(split_part(as2, ';', p.i)), CAST(NULL AS STRING), CAST(NULL AS STRING),
    a2, kind2, camp2, assoc_type,
    first_day, last_day, date_precision, event_id, weight, sources, notes,
    CAST(NULL AS STRING), country, CAST(NULL AS STRING), CAST(NULL AS STRING)
FROM mapped
JOIN positions AS p ON p.i <= length(as2) - length(replace(as2, ';', '')) + 1
WHERE assoc_type <> '' AND a2 <> '' AND as2 <> '' AND trim(split_part(as2, ';', p.i)) <> ''
UNION ALL
SELECT
    _file, CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING),
    CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS INT), event_id,
    CAST(NULL AS DOUBLE), CAST(NULL AS INT), CAST(NULL AS STRING),
    CAST(NULL AS STRING), CAST(NULL AS STRING), bad_field,
    CASE bad_field
        WHEN 'event_date' THEN coalesce(date_text, '')
        WHEN 'time_precision' THEN tp
        ELSE fatalities_text
    END
FROM checked
WHERE bad_field IS NOT NULL
