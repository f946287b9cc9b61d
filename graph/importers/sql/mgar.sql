-- MGAR (Militant Group Alliances and Rivalries) dyad-year data -> normalised events, one
-- query run unchanged by DuckDB and Spark SQL.
-- Reads: raw (the dyad-year file as text, plus _file) and mgar_relationships
-- (mappings/mgar_relationships.csv: category, lower case -> relation type).

-- name: events
WITH src AS (
    SELECT
        _file,
        coalesce(trim(group1), '') AS group_a,
        coalesce(trim(group2), '') AS group_b,
        coalesce(trim(year), '') AS year_text,
        coalesce(trim(relationship), '') AS category
    FROM raw
),
checked AS (
    SELECT
        s.*,
        m.type,
        try_cast(concat(s.year_text, '-01-01') AS DATE) AS first_date,
        CASE
            WHEN s.group_a = '' THEN 'group1'
            WHEN s.group_b = '' THEN 'group2'
            WHEN length(s.year_text) <> 4 OR try_cast(s.year_text AS INT) IS NULL THEN 'year'
            -- An unlisted category is refused, never read as no relation.
            WHEN m.type IS NULL THEN 'relationship'
        END AS bad_field
    FROM src AS s
    LEFT JOIN mgar_relationships AS m ON m.relationship = lower(s.category)
)
SELECT
    _file,
    group_a AS source_name,
    'armed group' AS source_kind,
    'militant groups' AS source_camp,
    group_b AS target_name,
    'armed group' AS target_kind,
    'militant groups' AS target_camp,
    coalesce(type, '') AS type,
    unix_date(first_date) AS first_day,
    unix_date(try_cast(concat(year_text, '-12-31') AS DATE)) AS last_day,
    3 AS date_precision,
    3 AS last_precision,
    concat('MGAR ', group_a, ' - ', group_b, ' ', year_text) AS event_id,
    0 AS weight,
    CAST(NULL AS INT) AS sources,
    CAST(NULL AS STRING) AS notes,
    CAST(NULL AS STRING) AS link,
    CAST(NULL AS STRING) AS country,
    bad_field,
    CASE bad_field
        WHEN 'group1' THEN group_a
        WHEN 'group2' THEN group_b
        WHEN 'year' THEN year_text
        WHEN 'relationship' THEN category
    END AS bad_value
FROM checked
