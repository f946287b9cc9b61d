-- UCDP External Support Dataset, supporter-actor dyad-year level -> normalised events,
-- one query run unchanged by DuckDB and Spark SQL.
-- The sides query reads raw (the ESD file as text, plus _file); the events query reads
-- coded (the sides with their ids checked, sql/ucdp_ids.sql), ucdp_esd_types
-- (mappings/ucdp_esd_types.csv: support column -> relation type, in order) and positions
-- (0..200, to number the parties of a cell).
-- Each 0/1 support column set for a supporter (ext_name) and a warring party it
-- supports (actor_name) in a year is one relation of its type, that year; a cell naming
-- several parties ("Government of A, Government of B", as UCDP writes a coalition) gives
-- each party the relation. Parties are keyed by their UCDP ids (ext_id, actor_id), the
-- ids of GED's side_a_new_id and side_b_new_id, where the row gives them.

-- name: sides
WITH src AS (
    SELECT
        _file,
        coalesce(trim(actor_name), '') AS actor,
        coalesce(trim(ext_name), '') AS supporter,
        coalesce(trim(actor_nonstate), '') AS actor_nonstate,
        coalesce(trim(ext_nonstate), '') AS ext_nonstate,
        coalesce(trim(year), '') AS year_text,
        coalesce(trim(ext_x), '') AS ext_x,
        coalesce(trim(ext_p), '') AS ext_p,
        coalesce(trim(ext_y), '') AS ext_y,
        coalesce(trim(ext_w), '') AS ext_w,
        coalesce(trim(ext_m), '') AS ext_m,
        coalesce(trim(ext_t), '') AS ext_t,
        coalesce(trim(ext_f), '') AS ext_f,
        coalesce(trim(ext_i), '') AS ext_i,
        coalesce(trim(ext_l), '') AS ext_l,
        coalesce(trim(ext_o), '') AS ext_o,
        coalesce(trim(ext_u), '') AS ext_u,
        coalesce(trim(ext_alleged), '') AS ext_alleged,
        coalesce(trim(ext_id), '') AS ids_a_text,
        coalesce(trim(actor_id), '') AS ids_b_text
    FROM raw
)
SELECT
    *,
    replace(supporter, ', Government of ', '|Government of ') AS list_a,
    replace(actor, ', Government of ', '|Government of ') AS list_b
FROM src

-- name: events
WITH checked AS (
    SELECT
        *,
        try_cast(concat(year_text, '-01-01') AS DATE) AS first_date,
        CASE
            WHEN actor = '' THEN 'actor_name'
            WHEN supporter = '' THEN 'ext_name'
            WHEN actor_nonstate NOT IN ('0', '1') THEN 'actor_nonstate'
            WHEN ext_nonstate NOT IN ('0', '1') THEN 'ext_nonstate'
            WHEN length(year_text) <> 4 OR try_cast(year_text AS INT) IS NULL THEN 'year'
            WHEN ext_x NOT IN ('', '0', '1') THEN 'ext_x'
            WHEN ext_p NOT IN ('', '0', '1') THEN 'ext_p'
            WHEN ext_y NOT IN ('', '0', '1') THEN 'ext_y'
            WHEN ext_w NOT IN ('', '0', '1') THEN 'ext_w'
            WHEN ext_m NOT IN ('', '0', '1') THEN 'ext_m'
            WHEN ext_t NOT IN ('', '0', '1') THEN 'ext_t'
            WHEN ext_f NOT IN ('', '0', '1') THEN 'ext_f'
            WHEN ext_i NOT IN ('', '0', '1') THEN 'ext_i'
            WHEN ext_l NOT IN ('', '0', '1') THEN 'ext_l'
            WHEN ext_o NOT IN ('', '0', '1') THEN 'ext_o'
            WHEN ext_u NOT IN ('', '0', '1') THEN 'ext_u'
            WHEN ext_alleged NOT IN ('', '0', '1') THEN 'ext_alleged'
            WHEN NOT good_a THEN 'ext_id'
            WHEN NOT good_b THEN 'actor_id'
        END AS bad_field
    FROM coded
),
supports AS (
    -- One row per form of support given that year (and one for a bad row); support the
    -- codebook marks as only alleged (ext_alleged 1) is no relation.
    SELECT c.*, t.type
    FROM checked AS c
    JOIN ucdp_esd_types AS t
        ON c.bad_field IS NULL AND c.ext_alleged <> '1' AND (
            (t.support = 'ext_x' AND c.ext_x = '1')
            OR (t.support = 'ext_p' AND c.ext_p = '1')
            OR (t.support = 'ext_y' AND c.ext_y = '1')
            OR (t.support = 'ext_w' AND c.ext_w = '1')
            OR (t.support = 'ext_m' AND c.ext_m = '1')
            OR (t.support = 'ext_t' AND c.ext_t = '1')
            OR (t.support = 'ext_f' AND c.ext_f = '1')
            OR (t.support = 'ext_i' AND c.ext_i = '1')
            OR (t.support = 'ext_l' AND c.ext_l = '1')
            OR (t.support = 'ext_o' AND c.ext_o = '1')
            OR (t.support = 'ext_u' AND c.ext_u = '1')
        )
    UNION ALL
    SELECT c.*, '' AS type FROM checked AS c WHERE c.bad_field IS NOT NULL
),
parties AS (
    -- One row per supporter and party the two cells name (p.i, q.i from 1: Spark's
    -- split_part refuses 0), each with its UCDP id when the file gives them.
    SELECT
        l.*,
        trim(split_part(l.list_a, '|', p.i)) AS supporter_party,
        trim(split_part(l.list_b, '|', q.i)) AS actor_party,
        CASE WHEN l.ids_a <> '' THEN split_part(l.ids_a, ',', p.i) END AS supporter_key,
        CASE WHEN l.ids_b <> '' THEN split_part(l.ids_b, ',', q.i) END AS actor_key
    FROM supports AS l
    JOIN positions AS p ON p.i >= 1 AND p.i <= l.na
    JOIN positions AS q ON q.i >= 1 AND q.i <= l.nb
)
SELECT
    s._file,
    s.supporter_party AS source_name,
    -- The codebook's non-state flag: a state's government, or a non-state actor.
    CASE s.ext_nonstate WHEN '0' THEN 'state' ELSE 'armed group' END AS source_kind,
    CASE s.ext_nonstate WHEN '0' THEN 'governments' ELSE 'non-state groups' END AS source_camp,
    s.supporter_key AS source_key,
    CASE WHEN s.ids_a = '' THEN 1 ELSE 0 END AS source_unkeyed,
    s.actor_party AS target_name,
    s.actor_key AS target_key,
    CASE WHEN s.ids_b = '' THEN 1 ELSE 0 END AS target_unkeyed,
    CASE s.actor_nonstate WHEN '0' THEN 'state' ELSE 'armed group' END AS target_kind,
    CASE s.actor_nonstate WHEN '0' THEN 'governments' ELSE 'rebel groups' END AS target_camp,
    s.type,
    unix_date(s.first_date) AS first_day,
    unix_date(try_cast(concat(s.year_text, '-12-31') AS DATE)) AS last_day,
    3 AS date_precision,
    3 AS last_precision,
    concat('ESD ', s.supporter, ' -> ', s.actor, ' ', s.year_text) AS event_id,
    0 AS weight,
    CAST(NULL AS INT) AS sources,
    CAST(NULL AS STRING) AS notes,
    CAST(NULL AS STRING) AS link,
    CAST(NULL AS STRING) AS country,
    s.bad_field,
    CASE s.bad_field
        WHEN 'actor_name' THEN s.actor
        WHEN 'ext_name' THEN s.supporter
        WHEN 'actor_nonstate' THEN s.actor_nonstate
        WHEN 'ext_nonstate' THEN s.ext_nonstate
        WHEN 'year' THEN s.year_text
        WHEN 'ext_x' THEN s.ext_x
        WHEN 'ext_p' THEN s.ext_p
        WHEN 'ext_y' THEN s.ext_y
        WHEN 'ext_w' THEN s.ext_w
        WHEN 'ext_m' THEN s.ext_m
        WHEN 'ext_t' THEN s.ext_t
        WHEN 'ext_f' THEN s.ext_f
        WHEN 'ext_i' THEN s.ext_i
        WHEN 'ext_l' THEN s.ext_l
        WHEN 'ext_o' THEN s.ext_o
        WHEN 'ext_u' THEN s.ext_u
        WHEN 'ext_alleged' THEN s.ext_alleged
        WHEN 'ext_id' THEN s.ids_a_text
        WHEN 'actor_id' THEN s.ids_b_text
    END AS bad_value
FROM parties AS s
