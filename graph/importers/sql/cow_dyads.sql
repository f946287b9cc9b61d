-- Correlates of War dyads with dates (the dyadic war file, the dyadic MID file) ->
-- normalised events, one query run unchanged by DuckDB and Spark SQL.
-- Reads: dyads (the source's view: its columns under the shared names below, plus the
-- name of the file column each comes from, so a bad value is named by its own column)
-- and cow_states (ccode -> name, from --states; empty otherwise); the events query
-- reads prepared, the prepare query's result.
-- dyads: _file, dispute (the event id's prefix, e.g. 'war 106'), type (the relation
-- type, NULL for a row that is no relation), code_a, code_b, year_text, sy, sm, sd, ey,
-- em, ed (start and end year, month, day as text), bad_type (the column that names the
-- type when its value is unknown, NULL otherwise), type_text (that value), and col_a,
-- col_b, col_sy, col_sm, col_sd, col_ey, col_em, col_ed (the file's column names).
-- COW writes -9 for an unknown month or day (the date is then written to the year or
-- month), -8 for not applicable and -7 for an end year of a conflict still going on.

-- name: prepare
-- Stored as a table before the events query reads it: Spark would otherwise inline these
-- dates and checks into every place the events query uses them, a plan too large for
-- its driver's memory.
WITH parts AS (
    SELECT
        *,
        try_cast(sy AS INT) AS syi,
        try_cast(sm AS INT) AS smi,
        try_cast(sd AS INT) AS sdi,
        try_cast(ey AS INT) AS eyi,
        try_cast(em AS INT) AS emi,
        try_cast(ed AS INT) AS edi
    FROM dyads
),
dated AS (
    SELECT
        *,
        -- A start known to the day, the month (day -9) or the year (month -9).
        try_cast(concat(
            sy, '-', lpad(CAST(CASE WHEN smi BETWEEN 1 AND 12 THEN smi ELSE 1 END AS STRING), 2, '0'),
            '-', lpad(CAST(CASE WHEN sdi BETWEEN 1 AND 31 THEN sdi ELSE 1 END AS STRING), 2, '0')
        ) AS DATE) AS start_date,
        CASE WHEN smi = -9 THEN 3 WHEN sdi = -9 THEN 2 ELSE 1 END AS start_precision,
        try_cast(concat(
            ey, '-', lpad(CAST(CASE WHEN emi BETWEEN 1 AND 12 THEN emi ELSE 12 END AS STRING), 2, '0'),
            '-01'
        ) AS DATE) AS end_month,
        CASE WHEN emi = -9 THEN 3 WHEN edi = -9 THEN 2 ELSE 1 END AS end_precision
    FROM parts
),
flagged AS (
    SELECT
        *,
        CASE
            WHEN try_cast(code_a AS INT) IS NULL THEN 'a'
            WHEN try_cast(code_b AS INT) IS NULL THEN 'b'
            WHEN bad_type IS NOT NULL THEN 'type'
            WHEN syi IS NULL OR syi < 1000 OR syi > 2999 THEN 'sy'
            WHEN smi IS NULL OR NOT (smi BETWEEN 1 AND 12 OR smi = -9) THEN 'sm'
            WHEN sdi IS NULL OR NOT (sdi BETWEEN 1 AND 31 OR sdi = -9) THEN 'sd'
            WHEN start_date IS NULL THEN 'sd'
            WHEN eyi = -7 THEN NULL
            WHEN eyi IS NULL OR eyi < 1000 OR eyi > 2999 THEN 'ey'
            WHEN emi IS NULL OR NOT (emi BETWEEN 1 AND 12 OR emi = -9) THEN 'em'
            WHEN edi IS NULL OR NOT (edi BETWEEN 1 AND 31 OR edi = -9) THEN 'ed'
            WHEN edi BETWEEN 1 AND 31 AND try_cast(concat(
                ey, '-', lpad(CAST(emi AS STRING), 2, '0'), '-', lpad(CAST(edi AS STRING), 2, '0')
            ) AS DATE) IS NULL THEN 'ed'
        END AS bad
    FROM dated
)
SELECT
    *,
    CASE bad
        WHEN 'a' THEN col_a WHEN 'b' THEN col_b WHEN 'type' THEN bad_type
        WHEN 'sy' THEN col_sy WHEN 'sm' THEN col_sm WHEN 'sd' THEN col_sd
        WHEN 'ey' THEN col_ey WHEN 'em' THEN col_em WHEN 'ed' THEN col_ed
    END AS bad_field,
    CASE bad
        WHEN 'a' THEN code_a WHEN 'b' THEN code_b WHEN 'type' THEN type_text
        WHEN 'sy' THEN sy WHEN 'sm' THEN sm WHEN 'sd' THEN sd
        WHEN 'ey' THEN ey WHEN 'em' THEN em WHEN 'ed' THEN ed
    END AS bad_value
FROM flagged

-- name: events
WITH ended AS (
    SELECT
        *,
        CASE
            WHEN bad_field IS NOT NULL OR eyi = -7 THEN NULL
            WHEN emi = -9 THEN unix_date(try_cast(concat(ey, '-12-31') AS DATE))
            WHEN edi = -9 THEN unix_date(last_day(end_month))
            ELSE unix_date(end_month) + edi - 1
        END AS end_day
    FROM prepared
    WHERE bad_field IS NOT NULL OR type IS NOT NULL
),
paired AS (
    -- Dyadic files list a dyad once a year, directed ones both ways too: one relation per
    -- pair and conflict, from the lower code to the higher (SELECT DISTINCT drops the
    -- repeated rows).
    SELECT DISTINCT
        _file, dispute, type, year_text, start_date, start_precision, end_day, end_precision,
        bad_field, bad_value,
        CASE WHEN bad_field IS NULL AND try_cast(code_b AS INT) < try_cast(code_a AS INT)
            THEN code_b ELSE code_a END AS low,
        CASE WHEN bad_field IS NULL AND try_cast(code_b AS INT) < try_cast(code_a AS INT)
            THEN code_a ELSE code_b END AS high
    FROM ended
)
SELECT
    p._file,
    coalesce(a.name, concat('COW state ', p.low)) AS source_name,
    'state' AS source_kind,
    'states' AS source_camp,
    coalesce(b.name, concat('COW state ', p.high)) AS target_name,
    'state' AS target_kind,
    'states' AS target_camp,
    coalesce(p.type, '') AS type,
    unix_date(p.start_date) AS first_day,
    p.end_day AS last_day,
    p.start_precision AS date_precision,
    p.end_precision AS last_precision,
    concat(p.dispute, ' ', p.low, '-', p.high, ' ', p.year_text) AS event_id,
    0 AS weight,
    CAST(NULL AS INT) AS sources,
    CAST(NULL AS STRING) AS notes,
    CAST(NULL AS STRING) AS link,
    CAST(NULL AS STRING) AS country,
    p.bad_field,
    p.bad_value
FROM paired AS p
LEFT JOIN cow_states AS a ON a.ccode = p.low
LEFT JOIN cow_states AS b ON b.ccode = p.high
WHERE p.bad_field IS NOT NULL OR p.low <> p.high
