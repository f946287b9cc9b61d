-- UCDP GED events -> normalised events, one query run unchanged by DuckDB and Spark SQL.
-- Actors are keyed by their UCDP ids (side_a_new_id, side_b_new_id) where the row gives them.
-- The sides query reads raw (the export as text, plus _file); the events query reads coded
-- (the sides with their ids checked, sql/ucdp_ids.sql), ucdp_types
-- (mappings/ucdp_ged_types.csv), ucdp_names (mappings/ucdp_side_names.csv: name prefixes
-- that decide an actor's kind) and positions (0, 1, 2, ... to number the governments of a
-- side).

-- name: sides
WITH src AS (
    SELECT
        _file,
        trim(id) AS event_id,
        coalesce(trim(side_a), '') AS side_a,
        coalesce(trim(side_b), '') AS side_b,
        coalesce(trim(side_a_new_id), '') AS ids_a_text,
        coalesce(trim(side_b_new_id), '') AS ids_b_text,
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
listed AS (
    -- A side naming several governments ("Government of A, Government of B") is a
    -- coalition: each member gets the side's relation and a member_of relation to it.
    -- One-sided violence targets the civilians of the event's country, not one global
    -- "Civilians" actor linking unrelated wars (nor one UCDP id for all civilians).
    SELECT
        *,
        coalesce(tv = '3' AND side_b = 'Civilians' AND coalesce(country, '') <> '', false)
            AS civilians,
        replace(side_a, ', Government of ', '|Government of ') AS list_a,
        CASE
            WHEN tv = '3' AND side_b = 'Civilians' AND coalesce(country, '') <> ''
                THEN concat('Civilians (', country, ')')
            ELSE replace(side_b, ', Government of ', '|Government of ')
        END AS list_b
    FROM src
)
SELECT * FROM listed

-- name: events
WITH dated AS (
    SELECT
        *,
        try_cast(substr(start_text, 1, 10) AS DATE) AS start_date,
        try_cast(substr(end_text, 1, 10) AS DATE) AS end_date
    FROM coded
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
            WHEN NOT good_a THEN 'side_a_new_id'
            WHEN NOT good_b THEN 'side_b_new_id'
        END AS bad_field
    FROM dated
),
pairs AS (
    -- p.i numbers side A's members, q.i side B's; a member i = 0 is the coalition itself,
    -- joined by its members' member_of rows (q.i = 0 for side A's, p.i = 0 for side B's).
    SELECT
        c.*,
        p.i AS ia,
        q.i AS ib,
        -- (Spark's split_part refuses index 0: the coalition rows take no part.)
        CASE WHEN p.i > 0 THEN trim(split_part(c.list_a, '|', p.i)) END AS name_a,
        CASE WHEN q.i > 0 THEN trim(split_part(c.list_b, '|', q.i)) END AS name_b,
        CASE WHEN p.i > 0 AND c.ids_a <> '' THEN split_part(c.ids_a, ',', p.i) END AS key_a,
        CASE
            WHEN q.i > 0 AND c.ids_b <> '' AND NOT c.civilians THEN split_part(c.ids_b, ',', q.i)
        END AS key_b,
        CASE WHEN c.ids_a = '' THEN 1 ELSE 0 END AS unkeyed_a,
        CASE WHEN c.ids_b = '' AND NOT c.civilians THEN 1 ELSE 0 END AS unkeyed_b
    FROM checked AS c
    JOIN positions AS p ON p.i <= c.na
    JOIN positions AS q ON q.i <= c.nb
    WHERE (p.i > 0 AND q.i > 0)
        OR (c.bad_field IS NULL AND p.i = 0 AND q.i > 0 AND c.nb > 1)
        OR (c.bad_field IS NULL AND q.i = 0 AND p.i > 0 AND c.na > 1)
),
members AS (
    -- Each pair as source -> target: the fight (A member -> B member), or a member to
    -- its coalition (a coalition has no UCDP id of its own here: its name is its key).
    SELECT
        *,
        CASE WHEN ib = 0 OR ia = 0 THEN 'member_of' END AS membership,
        CASE WHEN ia = 0 THEN name_b ELSE name_a END AS from_name,
        CASE WHEN ia = 0 THEN key_b ELSE key_a END AS from_key,
        CASE WHEN ia = 0 THEN unkeyed_b ELSE unkeyed_a END AS from_unkeyed,
        CASE
            WHEN ia = 0 THEN replace(list_b, '|', ', ')
            WHEN ib = 0 THEN side_a
            ELSE name_b
        END AS to_name,
        CASE WHEN ia = 0 OR ib = 0 THEN NULL ELSE key_b END AS to_key,
        CASE WHEN ia = 0 OR ib = 0 THEN 0 ELSE unkeyed_b END AS to_unkeyed,
        CASE WHEN ia = 0 THEN 'b' ELSE 'a' END AS from_side,
        CASE WHEN ib = 0 THEN 'a' ELSE 'b' END AS to_side
    FROM pairs
    WHERE (ia > 0 AND ib > 0) OR (ia = 0 AND ib > 0) OR (ib = 0 AND ia > 0)
)
SELECT
    c._file,
    c.from_name AS source_name,
    coalesce(na.kind, CASE c.from_side WHEN 'a' THEN t.side_a_kind ELSE t.side_b_kind END)
        AS source_kind,
    coalesce(na.camp, CASE c.from_side WHEN 'a' THEN t.side_a_camp ELSE t.side_b_camp END)
        AS source_camp,
    c.from_key AS source_key,
    c.from_unkeyed AS source_unkeyed,
    c.to_name AS target_name,
    c.to_key AS target_key,
    c.to_unkeyed AS target_unkeyed,
    CASE
        WHEN c.membership IS NOT NULL THEN 'coalition'
        ELSE coalesce(nb.kind, CASE c.to_side WHEN 'a' THEN t.side_a_kind ELSE t.side_b_kind END)
    END AS target_kind,
    coalesce(nb.camp, CASE c.to_side WHEN 'a' THEN t.side_a_camp ELSE t.side_b_camp END)
        AS target_camp,
    coalesce(c.membership, t.type) AS type,
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
        WHEN 'side_a_new_id' THEN c.ids_a_text
        WHEN 'side_b_new_id' THEN c.ids_b_text
    END AS bad_value
FROM members AS c
LEFT JOIN ucdp_types AS t ON t.type_of_violence = c.tv
LEFT JOIN ucdp_names AS na ON substr(c.from_name, 1, length(na.prefix)) = na.prefix
LEFT JOIN ucdp_names AS nb ON substr(c.to_name, 1, length(nb.prefix)) = nb.prefix
