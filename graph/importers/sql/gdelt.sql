-- GDELT 2.0 events -> normalised events, one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the headerless 61-column export, named as in the GDELT 2.0 codebook, plus
-- _file), cameo_types (the vocabulary's cameo column and mappings/gdelt_cameo.csv),
-- quadclass_types (mappings/gdelt_quadclass.csv), actor_types
-- (mappings/gdelt_actor_types.csv), gdelt_generic_names and cameo_countries
-- (mappings/cameo_countries.csv: CAMEO country code -> name, kind, camp).
-- Actor names: "for a geographic match it will be either the country or capital/major
-- city name (UNITED STATES / PARIS)" (GDELT codebook, Actor1Name): the name alone cannot
-- tell a country from a city, the codes can (see the sided step).

-- name: events
WITH src AS (
    SELECT
        _file,
        trim(GLOBALEVENTID) AS event_id,
        coalesce(trim(SQLDATE), '') AS date_text,
        coalesce(trim(Actor1Name), '') AS a1,
        coalesce(trim(Actor1Code), '') AS code1,
        coalesce(trim(Actor1CountryCode), '') AS c1,
        coalesce(trim(Actor1Type1Code), '') AS t1,
        -- Geocoded as a US or world city (Geo_Type 3, 4) whose name the actor bears.
        coalesce(trim(Actor1Geo_Type), '') IN ('3', '4')
            AND upper(trim(split_part(coalesce(Actor1Geo_FullName, ''), ',', 1)))
                = upper(trim(Actor1Name)) AS city1,
        coalesce(trim(Actor2Name), '') AS a2,
        coalesce(trim(Actor2Code), '') AS code2,
        coalesce(trim(Actor2CountryCode), '') AS c2,
        coalesce(trim(Actor2Type1Code), '') AS t2,
        coalesce(trim(Actor2Geo_Type), '') IN ('3', '4')
            AND upper(trim(split_part(coalesce(Actor2Geo_FullName, ''), ',', 1)))
                = upper(trim(Actor2Name)) AS city2,
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
),
sided AS (
    -- How each actor is named (how1, how2): 'country' (coded as a country alone: that
    -- country, whatever place names it; a code the table lacks keeps the actor's name
    -- unless that is a city), 'role' (a country's role named by the country or
    -- a city in it: "France (Government)"), 'city' (a city the codes do not resolve: never
    -- a state), 'generic' (a role every country has: "POLICE (RUS)", not one POLICE joining
    -- every country's police), NULL (its own name).
    SELECT
        c.*,
        CASE
            WHEN c.c1 <> '' AND c.code1 = c.c1 AND (n1.name IS NOT NULL OR NOT c.city1)
                THEN 'country'
            WHEN n1.name IS NOT NULL AND k1.label IS NOT NULL AND c.code1 = concat(c.c1, c.t1)
                AND (c.city1 OR upper(c.a1) = upper(n1.name)) THEN 'role'
            WHEN c.city1 THEN 'city'
            WHEN g1.name IS NOT NULL THEN 'generic'
        END AS how1,
        n1.name AS country1, n1.kind AS country_kind1, n1.camp AS country_camp1,
        k1.label AS role1, k1.kind AS kind1, k1.camp AS camp1,
        CASE
            WHEN c.c2 <> '' AND c.code2 = c.c2 AND (n2.name IS NOT NULL OR NOT c.city2)
                THEN 'country'
            WHEN n2.name IS NOT NULL AND k2.label IS NOT NULL AND c.code2 = concat(c.c2, c.t2)
                AND (c.city2 OR upper(c.a2) = upper(n2.name)) THEN 'role'
            WHEN c.city2 THEN 'city'
            WHEN g2.name IS NOT NULL THEN 'generic'
        END AS how2,
        n2.name AS country2, n2.kind AS country_kind2, n2.camp AS country_camp2,
        k2.label AS role2, k2.kind AS kind2, k2.camp AS camp2
    FROM checked AS c
    LEFT JOIN gdelt_generic_names AS g1 ON g1.name = upper(c.a1)
    LEFT JOIN gdelt_generic_names AS g2 ON g2.name = upper(c.a2)
    LEFT JOIN actor_types AS k1 ON k1.type_code = c.t1
    LEFT JOIN actor_types AS k2 ON k2.type_code = c.t2
    LEFT JOIN cameo_countries AS n1 ON n1.code = c.c1
    LEFT JOIN cameo_countries AS n2 ON n2.code = c.c2
)
SELECT
    c._file,
    CASE
        WHEN c.how1 = 'country' THEN coalesce(c.country1, c.a1)
        WHEN c.how1 = 'role' THEN concat(c.country1, ' (', c.role1, ')')
        WHEN c.how1 IN ('city', 'generic') AND c.c1 <> '' THEN concat(c.a1, ' (', c.c1, ')')
        ELSE c.a1
    END AS source_name,
    CASE c.how1
        WHEN 'country' THEN coalesce(c.country_kind1, 'state')
        WHEN 'city' THEN 'other'
        ELSE coalesce(c.kind1, 'other')
    END AS source_kind,
    CASE c.how1
        WHEN 'country' THEN coalesce(c.country_camp1, 'states')
        WHEN 'city' THEN 'other actors'
        ELSE coalesce(c.camp1, 'other actors')
    END AS source_camp,
    CASE
        WHEN c.how2 = 'country' THEN coalesce(c.country2, c.a2)
        WHEN c.how2 = 'role' THEN concat(c.country2, ' (', c.role2, ')')
        WHEN c.how2 IN ('city', 'generic') AND c.c2 <> '' THEN concat(c.a2, ' (', c.c2, ')')
        ELSE c.a2
    END AS target_name,
    CASE c.how2
        WHEN 'country' THEN coalesce(c.country_kind2, 'state')
        WHEN 'city' THEN 'other'
        ELSE coalesce(c.kind2, 'other')
    END AS target_kind,
    CASE c.how2
        WHEN 'country' THEN coalesce(c.country_camp2, 'states')
        WHEN 'city' THEN 'other actors'
        ELSE coalesce(c.camp2, 'other actors')
    END AS target_camp,
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
FROM sided AS c
LEFT JOIN cameo_types AS exact ON exact.cameo = c.event_code
LEFT JOIN cameo_types AS base ON base.cameo = c.base_code
LEFT JOIN quadclass_types AS q ON q.quadclass = c.quad
-- Rows the query cannot read are kept, flagged, for the problems query.
WHERE c.bad_field IS NOT NULL OR (c.a1 <> '' AND c.a2 <> '')
