-- COW Formal Alliances v4.1 (dyadic or directed-dyadic files, by alliance or by year) ->
-- the shared COW dyad queries (sql/cow_dyads.sql), one query run unchanged by DuckDB and
-- Spark SQL.
-- Reads: raw (the alliance file as text, plus _file) and cow_alliance_types
-- (mappings/cow_alliance_types.csv: obligation column -> relation type).
-- The dyad files date each pair's alliance (dyad_st_*, dyad_end_*; no end year, or
-- right_censor 1: still in force when the data end, an open end; a missing day or month,
-- empty, '.' or 'NA', is unknown, as COW's -9); the yearly files have a year instead,
-- each row that year.

-- name: dyads
WITH src AS (
    SELECT
        _file,
        coalesce(trim(version4id), '') AS alliance,
        coalesce(trim(ccode1), '') AS code_a,
        coalesce(trim(ccode2), '') AS code_b,
        coalesce(trim(year), '') AS year_col,
        coalesce(trim(dyad_st_year), '') AS st_year,
        coalesce(trim(dyad_st_month), '') AS st_month,
        coalesce(trim(dyad_st_day), '') AS st_day,
        coalesce(trim(dyad_end_year), '') AS end_year,
        coalesce(trim(dyad_end_month), '') AS end_month,
        coalesce(trim(dyad_end_day), '') AS end_day,
        coalesce(trim(right_censor), '') AS right_censor,
        coalesce(trim(defense), '') AS defense,
        coalesce(trim(neutrality), '') AS neutrality,
        coalesce(trim(nonaggression), '') AS nonaggression,
        coalesce(trim(entente), '') AS entente
    FROM raw
),
read_dates AS (
    SELECT
        *,
        -- A dyad file's row is dated by its dyad_st_* and dyad_end_* columns, a yearly
        -- file's by its year (month -9: the whole year).
        st_year <> '' OR year_col = '' AS dated,
        CASE
            WHEN defense NOT IN ('', '0', '1') THEN 'defense'
            WHEN neutrality NOT IN ('', '0', '1') THEN 'neutrality'
            WHEN nonaggression NOT IN ('', '0', '1') THEN 'nonaggression'
            WHEN entente NOT IN ('', '0', '1') THEN 'entente'
        END AS bad_type
    FROM src
),
obligations AS (
    -- One row per obligation the pair has (and one for a row with a bad obligation).
    SELECT d.*, t.type
    FROM read_dates AS d
    JOIN cow_alliance_types AS t
        ON d.bad_type IS NULL AND (
            (t.obligation = 'defense' AND d.defense = '1')
            OR (t.obligation = 'neutrality' AND d.neutrality = '1')
            OR (t.obligation = 'nonaggression' AND d.nonaggression = '1')
            OR (t.obligation = 'entente' AND d.entente = '1')
        )
    UNION ALL
    SELECT d.*, CAST(NULL AS STRING) AS type FROM read_dates AS d WHERE d.bad_type IS NOT NULL
)
SELECT
    _file,
    concat('alliance ', alliance) AS dispute,
    type,
    code_a,
    code_b,
    CASE WHEN dated THEN st_year ELSE year_col END AS year_text,
    CASE WHEN dated THEN st_year ELSE year_col END AS sy,
    CASE WHEN NOT dated OR st_month IN ('', '.', 'NA') THEN '-9' ELSE st_month END AS sm,
    CASE WHEN NOT dated OR st_day IN ('', '.', 'NA') THEN '-9' ELSE st_day END AS sd,
    CASE
        WHEN NOT dated THEN year_col
        WHEN right_censor = '1' OR end_year IN ('', 'NA', '.') THEN '-7'
        ELSE end_year
    END AS ey,
    CASE WHEN NOT dated OR end_month IN ('', '.', 'NA') THEN '-9' ELSE end_month END AS em,
    CASE WHEN NOT dated OR end_day IN ('', '.', 'NA') THEN '-9' ELSE end_day END AS ed,
    bad_type,
    CASE bad_type
        WHEN 'defense' THEN defense
        WHEN 'neutrality' THEN neutrality
        WHEN 'nonaggression' THEN nonaggression
        WHEN 'entente' THEN entente
    END AS type_text,
    'ccode1' AS col_a,
    'ccode2' AS col_b,
    CASE WHEN dated THEN 'dyad_st_year' ELSE 'year' END AS col_sy,
    'dyad_st_month' AS col_sm,
    'dyad_st_day' AS col_sd,
    'dyad_end_year' AS col_ey,
    'dyad_end_month' AS col_em,
    'dyad_end_day' AS col_ed
FROM obligations
