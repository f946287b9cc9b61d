-- UCDP GED events -> normalised events, one query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the export as text, plus _file), ucdp_types (mappings/ucdp_ged_types.csv)
-- and ucdp_names (mappings/ucdp_side_names.csv: name prefixes that decide an actor's kind).

-- name: events
WITH src AS (
    SELECT
        _file,
        trim(id) AS event_id,
        coalesce(trim(side_a), '') AS side_a,
        coalesce(trim(side_b), '') AS side_b,
        trim(type_of_violence) AS tv,
        coalesce(trim(date_start), '') AS start_text,
        coalesce(trim(date_end), '') AS end_text,
        coalesce(trim(date_prec), '') AS prec,
        CASE WHEN lower(trim(best)) = 'nan' THEN '' ELSE coalesce(trim(best), '') END AS best_text,
        coalesce(trim(number_of_sources), '') AS sources_text,
        trim(source_headline) AS notes,
        trim(source_article) AS link,
        trim(country) AS country
    FROM raw
),
dated AS (
    SELECT
        *,
        try_cast(substr(start_text, 1, 10) AS DATE) AS start_date,
        try_cast(substr(end_text, 1, 10) AS DATE) AS end_date
    FROM src
),
checked AS (
    SELECT
        *,
        CASE
            WHEN start_date IS NULL THEN 'date_start'
            WHEN end_date IS NULL THEN 'date_end'
            WHEN end_date < start_date THEN 'date_end'
            WHEN prec NOT IN ('', '1', '2', '3', '4', '5') THEN 'date_prec'
            WHEN best_text <> '' AND NOT coalesce(
                try_cast(best_text AS DOUBLE) >= 0 AND try_cast(best_text AS DOUBLE) < 1e300, false
            ) THEN 'best'
            WHEN sources_text <> '' AND try_cast(sources_text AS INT) IS NULL
                THEN 'number_of_sources'
        END AS bad_field
    FROM dated
)
SELECT
    c._file,
    c.side_a AS source_name,
    coalesce(na.kind, t.side_a_kind) AS source_kind,
    coalesce(na.camp, t.side_a_camp) AS source_camp,
    c.side_b AS target_name,
    coalesce(nb.kind, t.side_b_kind) AS target_kind,
    coalesce(nb.camp, t.side_b_camp) AS target_camp,
    t.type,
    -- date_prec 4 (known to the month) and 5 (to the year) are written as YYYY-MM and YYYY.
    unix_date(c.start_date) AS first_day,
    unix_date(c.end_date) AS last_day,
    CASE c.prec WHEN '4' THEN 2 WHEN '5' THEN 3 ELSE 1 END AS date_precision,
    CASE c.prec WHEN '4' THEN 2 WHEN '5' THEN 3 ELSE 1 END AS last_precision,
    c.event_id,
    coalesce(try_cast(c.best_text AS DOUBLE), 0) AS weight,
    CASE WHEN try_cast(c.sources_text AS INT) >= 1 THEN try_cast(c.sources_text AS INT) ELSE 1 END
        AS sources,
    c.notes,
    c.link,
    c.country,
    c.bad_field,
    CASE c.bad_field
        WHEN 'date_start' THEN c.start_text
        WHEN 'date_end' THEN c.end_text
        WHEN 'date_prec' THEN c.prec
        WHEN 'best' THEN c.best_text
        WHEN 'number_of_sources' THEN c.sources_text
    END AS bad_value
FROM checked AS c
LEFT JOIN ucdp_types AS t ON t.type_of_violence = c.tv
LEFT JOIN ucdp_names AS na ON substr(c.side_a, 1, length(na.prefix)) = na.prefix
LEFT JOIN ucdp_names AS nb ON substr(c.side_b, 1, length(nb.prefix)) = nb.prefix
-- Rows the query cannot read are kept, flagged, for the problems query.
WHERE c.bad_field IS NOT NULL OR (c.side_a <> '' AND c.side_b <> '')
