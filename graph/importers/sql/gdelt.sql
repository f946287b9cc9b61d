-- GDELT 2.0 events -> normalised events, one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the headerless 61-column export, named as in the GDELT 2.0 codebook, plus
-- _file), cameo_types (the vocabulary's cameo column and mappings/gdelt_cameo.csv),
-- quadclass_types (mappings/gdelt_quadclass.csv) and actor_types
-- (mappings/gdelt_actor_types.csv).

-- name: events
WITH src AS (
    SELECT
        _file,
        trim(GLOBALEVENTID) AS event_id,
        coalesce(trim(SQLDATE), '') AS date_text,
        coalesce(trim(Actor1Name), '') AS a1,
        coalesce(trim(Actor1CountryCode), '') AS c1,
        CASE
            WHEN coalesce(Actor1Type1Code, '') <> '' THEN Actor1Type1Code
            WHEN Actor1Code = Actor1CountryCode THEN ''
        END AS t1,
        coalesce(trim(Actor2Name), '') AS a2,
        coalesce(trim(Actor2CountryCode), '') AS c2,
        CASE
            WHEN coalesce(Actor2Type1Code, '') <> '' THEN Actor2Type1Code
            WHEN Actor2Code = Actor2CountryCode THEN ''
        END AS t2,
        trim(EventCode) AS event_code,
        trim(EventBaseCode) AS base_code,
        coalesce(trim(QuadClass), '') AS quad,
        coalesce(trim(GoldsteinScale), '') AS goldstein,
        coalesce(trim(NumSources), '') AS sources_text,
        trim(SOURCEURL) AS link,
        trim(ActionGeo_CountryCode) AS country
    FROM raw
),
checked AS (
    SELECT
        *,
        try_cast(
            concat(substr(date_text, 1, 4), '-', substr(date_text, 5, 2), '-', substr(date_text, 7, 2))
            AS DATE
        ) AS day_date,
        CASE
            WHEN length(date_text) <> 8 OR try_cast(
                concat(substr(date_text, 1, 4), '-', substr(date_text, 5, 2), '-', substr(date_text, 7, 2))
                AS DATE
            ) IS NULL THEN 'SQLDATE'
            WHEN quad NOT IN ('', '1', '2', '3', '4') THEN 'QuadClass'
            WHEN goldstein <> '' AND NOT coalesce(
                try_cast(goldstein AS DOUBLE) >= -10 AND try_cast(goldstein AS DOUBLE) <= 10, false
            ) THEN 'GoldsteinScale'
            WHEN sources_text <> '' AND try_cast(sources_text AS INT) IS NULL THEN 'NumSources'
        END AS bad_field
    FROM src
)
SELECT
    c._file,
    -- A generic role (POLICE, PRESIDENT, COMPANY) is one actor per country: "POLICE (RUS)",
    -- not one POLICE joining every country's police.
    CASE WHEN g1.name IS NOT NULL AND c.c1 <> '' THEN concat(c.a1, ' (', c.c1, ')') ELSE c.a1 END
        AS source_name,
    coalesce(k1.kind, 'other') AS source_kind,
    coalesce(k1.camp, 'other actors') AS source_camp,
    CASE WHEN g2.name IS NOT NULL AND c.c2 <> '' THEN concat(c.a2, ' (', c.c2, ')') ELSE c.a2 END
        AS target_name,
    coalesce(k2.kind, 'other') AS target_kind,
    coalesce(k2.camp, 'other actors') AS target_camp,
    -- The exact CAMEO code, else its three-digit base code, else the QuadClass.
    coalesce(exact.type, base.type, q.type) AS type,
    unix_date(c.day_date) AS first_day,
    unix_date(c.day_date) AS last_day,
    1 AS date_precision,
    1 AS last_precision,
    c.event_id,
    abs(coalesce(try_cast(c.goldstein AS DOUBLE), 0)) AS weight,
    CASE WHEN try_cast(c.sources_text AS INT) >= 1 THEN try_cast(c.sources_text AS INT) ELSE 1 END
        AS sources,
    CAST(NULL AS STRING) AS notes,
    c.link,
    c.country,
    c.bad_field,
    CASE c.bad_field
        WHEN 'SQLDATE' THEN c.date_text
        WHEN 'QuadClass' THEN c.quad
        WHEN 'GoldsteinScale' THEN c.goldstein
        WHEN 'NumSources' THEN c.sources_text
    END AS bad_value
FROM checked AS c
LEFT JOIN gdelt_generic_names AS g1 ON g1.name = upper(c.a1)
LEFT JOIN gdelt_generic_names AS g2 ON g2.name = upper(c.a2)
LEFT JOIN cameo_types AS exact ON exact.cameo = c.event_code
LEFT JOIN cameo_types AS base ON base.cameo = c.base_code
LEFT JOIN quadclass_types AS q ON q.quadclass = c.quad
LEFT JOIN actor_types AS k1 ON k1.type_code = c.t1
LEFT JOIN actor_types AS k2 ON k2.type_code = c.t2
-- Rows the query cannot read are kept, flagged, for the problems query.
WHERE c.bad_field IS NOT NULL OR (c.a1 <> '' AND c.a2 <> '')
