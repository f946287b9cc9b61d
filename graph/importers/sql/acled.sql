-- ACLED events -> normalised events, one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the export, every column as text, plus _file), acled_types
-- (mappings/acled_event_types.csv), acled_inter_keys (mappings/acled_inter.csv keyed
-- by code and by lower-case label) and positions (0, 1, 2, ... to number the
-- ;-separated assoc_actor lists).

-- name: events
WITH src AS (
    SELECT
        _file,
        trim(event_id_cnty) AS event_id,
        trim(event_date) AS date_text,
        coalesce(trim(time_precision), '') AS tp,
        lower(trim(event_type)) AS et,
        coalesce(trim(event_type), '') AS et_text,
        coalesce(trim(sub_event_type), '') AS st_text,
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
        -- NaN (a spreadsheet's or pandas' empty number) is an unknown count, as empty is.
        CASE WHEN lower(trim(fatalities)) = 'nan' THEN '' ELSE coalesce(trim(fatalities), '') END
            AS fatalities_text
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
            -- A count is 0 or more and finite (NOT ... < 1e300 holds for infinity).
            WHEN fatalities_text <> '' AND NOT coalesce(
                try_cast(fatalities_text AS DOUBLE) >= 0 AND try_cast(fatalities_text AS DOUBLE) < 1e300,
                false
            ) THEN 'fatalities'
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
        -- Associated actors fight alongside an actor that fights (inter 1-4, 8), not
        -- alongside rioters, protesters or civilians (victims listed with victims).
        coalesce(k1.fights, 0) AS fights1,
        coalesce(k2.fights, 0) AS fights2,
        -- Each side's names between semicolons, to find an actor listed on both sides.
        concat(';', a1, ';', replace(replace(as1, '; ', ';'), ' ;', ';'), ';') AS side1,
        concat(';', a2, ';', replace(replace(as2, '; ', ';'), ' ;', ';'), ';') AS side2,
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
        CASE WHEN tp = '3' THEN 2 ELSE 1 END AS last_precision,
        CASE
            WHEN source_text = '' THEN 1
            ELSE length(source_text) - length(replace(source_text, ';', '')) + 1
        END AS sources,
        coalesce(try_cast(fatalities_text AS DOUBLE), 0) AS weight,
        CASE WHEN as1 = '' THEN 0 ELSE length(as1) - length(replace(as1, ';', '')) + 1 END AS n1,
        CASE WHEN as2 = '' THEN 0 ELSE length(as2) - length(replace(as2, ';', '')) + 1 END AS n2
    FROM checked AS c
    LEFT JOIN acled_types AS sub ON sub.event_type = c.et AND sub.sub_event_type = c.st
    LEFT JOIN acled_types AS whole ON whole.event_type = c.et AND whole.sub_event_type = ''
    LEFT JOIN acled_inter_keys AS k1 ON k1.key = c.i1
    LEFT JOIN acled_inter_keys AS k2 ON k2.key = c.i2
)
-- Position 0 is the event between actor1 and actor2; positions 1..n1 the actors
-- associated with actor1 and n1+1..n1+n2 those with actor2, each fighting alongside
-- the actor it is listed with when that actor fights and the associate is not also
-- listed on the other side (on_both_sides marks those rows: no alliance is made).
, listed AS (
    SELECT
        m.*,
        p.i,
        CASE
            WHEN p.i = 0 THEN a1
            WHEN p.i <= n1 THEN trim(split_part(as1, ';', p.i))
            ELSE trim(split_part(as2, ';', p.i - n1))
        END AS named
    FROM mapped AS m
    JOIN positions AS p ON p.i <= n1 + n2
),
sided AS (
    SELECT
        *,
        CASE
            WHEN i > 0 AND i <= n1 AND instr(side2, concat(';', named, ';')) > 0 THEN 1
            WHEN i > n1 AND instr(side1, concat(';', named, ';')) > 0 THEN 1
            ELSE 0
        END AS on_both_sides
    FROM listed
)
SELECT
    _file,
    named AS source_name,
    CASE WHEN i = 0 THEN kind1 END AS source_kind,
    CASE WHEN i = 0 THEN camp1 END AS source_camp,
    CASE WHEN i = 0 THEN a2 WHEN i <= n1 THEN a1 ELSE a2 END AS target_name,
    CASE WHEN i = 0 THEN kind2 WHEN i <= n1 THEN kind1 ELSE kind2 END AS target_kind,
    CASE WHEN i = 0 THEN camp2 WHEN i <= n1 THEN camp1 ELSE camp2 END AS target_camp,
    CASE
        WHEN i = 0 THEN type
        WHEN on_both_sides = 1 THEN NULL
        WHEN i <= n1 AND fights1 = 1 THEN assoc_type
        WHEN i > n1 AND fights2 = 1 THEN assoc_type
    END AS type,
    on_both_sides,
    first_day,
    last_day,
    date_precision,
    last_precision,
    event_id,
    weight,
    sources,
    notes,
    CAST(NULL AS STRING) AS link,
    country,
    bad_field,
    CASE bad_field
        WHEN 'event_date' THEN coalesce(date_text, '')
        WHEN 'time_precision' THEN tp
        WHEN 'fatalities' THEN fatalities_text
    END AS bad_value
FROM sided
WHERE ((i = 0 AND (bad_field IS NOT NULL OR (a1 <> '' AND a2 <> '')))
    OR (i > 0 AND bad_field IS NULL AND (i <= n1 AND a1 <> '' OR i > n1 AND a2 <> '')))
    -- --event-types: the event types or sub-event types asked for (their spellings in
    -- the files, matched case-folded in Python).
    AND (
        bad_field IS NOT NULL
        OR (SELECT any_event_type FROM settings) = 1
        OR et_text IN (SELECT value FROM filter_event_types)
        OR st_text IN (SELECT value FROM filter_event_types)
    )

-- name: both_sides
-- Events listing an actor on both sides (a row has the Taliban associated with the
-- army it attacked): reported, and no alliance made from them.
SELECT count(DISTINCT event_id) AS events, min(source_name) AS example
FROM events
WHERE on_both_sides = 1 AND bad_field IS NULL AND copy = 1

-- name: event_types
-- The spellings --event-types is matched against.
SELECT DISTINCT trim(event_type) AS value FROM raw WHERE event_type IS NOT NULL
UNION
SELECT DISTINCT trim(sub_event_type) AS value FROM raw WHERE sub_event_type IS NOT NULL
