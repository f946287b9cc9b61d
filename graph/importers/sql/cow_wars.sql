-- Correlates of War dyadic inter-state wars -> normalised events, one query run unchanged
-- by DuckDB and Spark SQL.
-- Reads: raw (the directed dyadic war file as text, plus _file) and cow_states (ccode ->
-- name, from the COW state list given with --states; empty otherwise); the events query
-- reads prepared, the prepare query's result.
-- COW writes -9 for an unknown month or day (the date is then written to the year or
-- month), -8 for not applicable and -7 for a war still going on.

-- name: prepare
-- Stored as a table before the events query reads it: Spark would otherwise inline these
-- dates and checks into every place the events query uses them, a plan too large for
-- its driver's memory.
WITH src AS (
    SELECT
        _file,
        coalesce(trim(warnum), '') AS war,
        coalesce(trim(statea), '') AS code_a,
        coalesce(trim(stateb), '') AS code_b,
        coalesce(trim(year), '') AS year_text,
        coalesce(trim(warstrtyr), '') AS sy,
        coalesce(trim(warstrtmnth), '') AS sm,
        coalesce(trim(warstrtday), '') AS sd,
        coalesce(trim(warendyr), '') AS ey,
        coalesce(trim(warendmnth), '') AS em,
        coalesce(trim(warenday), '') AS ed
    FROM raw
),
parts AS (
    SELECT
        *,
        try_cast(sy AS INT) AS syi,
        try_cast(sm AS INT) AS smi,
        try_cast(sd AS INT) AS sdi,
        try_cast(ey AS INT) AS eyi,
        try_cast(em AS INT) AS emi,
        try_cast(ed AS INT) AS edi
    FROM src
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
checked AS (
    SELECT
        *,
        CASE
            WHEN try_cast(code_a AS INT) IS NULL THEN 'statea'
            WHEN try_cast(code_b AS INT) IS NULL THEN 'stateb'
            WHEN syi IS NULL OR syi < 1000 OR syi > 2999 THEN 'warstrtyr'
            WHEN smi IS NULL OR NOT (smi BETWEEN 1 AND 12 OR smi = -9) THEN 'warstrtmnth'
            WHEN sdi IS NULL OR NOT (sdi BETWEEN 1 AND 31 OR sdi = -9) THEN 'warstrtday'
            WHEN start_date IS NULL THEN 'warstrtday'
            WHEN eyi = -7 THEN NULL
            WHEN eyi IS NULL OR eyi < 1000 OR eyi > 2999 THEN 'warendyr'
            WHEN emi IS NULL OR NOT (emi BETWEEN 1 AND 12 OR emi = -9) THEN 'warendmnth'
            WHEN edi IS NULL OR NOT (edi BETWEEN 1 AND 31 OR edi = -9) THEN 'warenday'
            WHEN edi BETWEEN 1 AND 31 AND try_cast(concat(
                ey, '-', lpad(CAST(emi AS STRING), 2, '0'), '-', lpad(CAST(edi AS STRING), 2, '0')
            ) AS DATE) IS NULL THEN 'warenday'
        END AS bad_field
    FROM dated
)
SELECT * FROM checked

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
),
paired AS (
    -- The directed file lists each dyad both ways: one relation per pair, from the
    -- lower code to the higher (SELECT DISTINCT drops the mirror row).
    SELECT DISTINCT
        _file, war, year_text, start_date, start_precision, end_day, end_precision, bad_field,
        CASE WHEN bad_field IS NULL AND try_cast(code_b AS INT) < try_cast(code_a AS INT)
            THEN code_b ELSE code_a END AS low,
        CASE WHEN bad_field IS NULL AND try_cast(code_b AS INT) < try_cast(code_a AS INT)
            THEN code_a ELSE code_b END AS high,
        CASE bad_field
            WHEN 'statea' THEN code_a
            WHEN 'stateb' THEN code_b
            WHEN 'warstrtyr' THEN sy
            WHEN 'warstrtmnth' THEN sm
            WHEN 'warstrtday' THEN sd
            WHEN 'warendyr' THEN ey
            WHEN 'warendmnth' THEN em
            WHEN 'warenday' THEN ed
        END AS bad_value
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
    'fights' AS type,
    unix_date(p.start_date) AS first_day,
    p.end_day AS last_day,
    p.start_precision AS date_precision,
    p.end_precision AS last_precision,
    concat('war ', p.war, ' ', p.low, '-', p.high, ' ', p.year_text) AS event_id,
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
