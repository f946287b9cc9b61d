-- Normalised events -> actors and relations: the aggregation, written once and run
-- unchanged by DuckDB and by Spark SQL (DuckDB gets macros for the two Spark functions
-- it lacks, unix_date and split_part's siblings; see duckdb_engine.py).
--
-- Reads: events (one row per event and pair, see the source queries), settings (one
-- row: gap_days, from_day, to_day, any_country, any_actor), filter_countries(value)
-- and filter_actors(value) (the spellings of the data that the filters match, found
-- by the countries and names queries), filter_actor_keys(value) (their codes, found by
-- the actor_keys query), and actor_ids(name, key, id): an actor is its
-- name, or the source's code for it (source_key, target_key: a UCDP actor id) when the
-- event gives one, so one code spelled two ways is one actor; key '' for none.
-- Days are whole days since 1970-01-01; NULL when a source gives no date.

-- name: unique_events
-- The same event in two overlapping exports counts once: its rows from the first file
-- (by name) that holds its id are kept. Rows without an id are all kept.
SELECT
    *,
    CASE
        WHEN coalesce(event_id, '') = '' THEN 1
        ELSE dense_rank() OVER (PARTITION BY event_id ORDER BY _file)
    END AS copy
FROM read_events

-- name: duplicates
SELECT count(DISTINCT event_id) AS events FROM events WHERE copy > 1

-- name: problems
SELECT _file, bad_field, bad_value, count(*) AS rows
FROM events
WHERE bad_field IS NOT NULL
GROUP BY _file, bad_field, bad_value
ORDER BY _file, bad_field, bad_value
LIMIT 200

-- name: filtered
SELECT e.*
FROM events AS e
CROSS JOIN settings AS s
WHERE e.bad_field IS NULL
    AND e.copy = 1
    AND e.type <> ''
    AND e.source_name <> ''
    AND e.target_name <> ''
    AND (s.from_day IS NULL OR e.last_day IS NULL OR e.last_day >= s.from_day)
    AND (s.to_day IS NULL OR e.first_day IS NULL OR e.first_day <= s.to_day)
    AND (s.any_country = 1 OR e.country IN (SELECT value FROM filter_countries))
    AND (
        s.any_actor = 1
        OR e.source_name IN (SELECT value FROM filter_actors)
        OR e.target_name IN (SELECT value FROM filter_actors)
        OR e.source_key IN (SELECT value FROM filter_actor_keys)
        OR e.target_key IN (SELECT value FROM filter_actor_keys)
    )

-- name: unkeyed
-- Sources that key actors by code (source.actor_code): the names of rows that give none.
SELECT count(DISTINCT name) AS names, min(name) AS example
FROM (
    SELECT source_name AS name FROM events
    WHERE bad_field IS NULL AND copy = 1 AND source_unkeyed = 1
    UNION ALL
    SELECT target_name FROM events WHERE bad_field IS NULL AND copy = 1 AND target_unkeyed = 1
) AS unkeyed

-- name: countries
-- The spellings a --country filter is matched against (case-folded in Python, as SQL
-- engines fold case each their own way).
SELECT DISTINCT country AS value
FROM events
WHERE bad_field IS NULL AND copy = 1 AND country IS NOT NULL

-- name: names
SELECT source_name AS value FROM events WHERE bad_field IS NULL AND copy = 1
UNION
SELECT target_name FROM events WHERE bad_field IS NULL AND copy = 1

-- name: actor_keys
-- The codes of the actors a --actor filter names (filter_actors): the actor is its code,
-- so its other spellings are kept too.
SELECT DISTINCT source_key AS value FROM events
WHERE bad_field IS NULL AND copy = 1 AND source_key IS NOT NULL
    AND source_name IN (SELECT value FROM filter_actors)
UNION
SELECT DISTINCT target_key FROM events
WHERE bad_field IS NULL AND copy = 1 AND target_key IS NOT NULL
    AND target_name IN (SELECT value FROM filter_actors)

-- name: actor_names
-- Every name and code with the kinds and camps the source gives it and how often.
SELECT name, key, kind, camp, count(*) AS events
FROM (
    SELECT
        source_name AS name, coalesce(source_key, '') AS key, source_kind AS kind,
        source_camp AS camp
    FROM filtered
    UNION ALL
    SELECT target_name, coalesce(target_key, ''), target_kind, target_camp FROM filtered
) AS named
GROUP BY name, key, kind, camp

-- name: relations
WITH pairs AS (
    SELECT
        s.id AS source, t.id AS target, f.type, f.first_day, f.last_day, f.date_precision,
        f.last_precision,
        coalesce(f.event_id, '') AS event_id, coalesce(f.weight, 0) AS weight, f.sources,
        coalesce(f.notes, '') AS notes, coalesce(f.link, '') AS link
    FROM filtered AS f
    JOIN actor_ids AS s ON s.name = f.source_name AND s.key = coalesce(f.source_key, '')
    JOIN actor_ids AS t ON t.name = f.target_name AND t.key = coalesce(f.target_key, '')
    WHERE s.id <> t.id
),
reached AS (
    -- How far the pair's earlier events of this type reach: a spell ends when the next
    -- event starts more than gap_days after every earlier one has ended.
    SELECT
        *,
        max(last_day) OVER (
            PARTITION BY source, target, type
            ORDER BY first_day NULLS FIRST, last_day NULLS FIRST, event_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS reach
    FROM pairs
),
marked AS (
    SELECT
        r.*,
        CASE
            WHEN r.first_day IS NULL THEN 0
            WHEN r.reach IS NULL OR r.first_day - r.reach > s.gap_days THEN 1
            ELSE 0
        END AS opens
    FROM reached AS r
    CROSS JOIN settings AS s
),
spells AS (
    SELECT
        *,
        sum(opens) OVER (
            PARTITION BY source, target, type
            ORDER BY first_day NULLS FIRST, last_day NULLS FIRST, event_id
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS spell
    FROM marked
),
ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY source, target, type, spell
            ORDER BY first_day NULLS LAST, date_precision DESC, event_id
        ) AS first_rank,
        row_number() OVER (
            PARTITION BY source, target, type, spell
            ORDER BY last_day DESC NULLS LAST, last_precision DESC, event_id DESC
        ) AS last_rank,
        -- The representative event: the deadliest (or heaviest), then the best
        -- sourced, then the one with the longest notes, then the earliest.
        row_number() OVER (
            PARTITION BY source, target, type, spell
            ORDER BY weight DESC, sources DESC NULLS LAST, length(notes) DESC,
                first_day NULLS LAST, event_id, notes, link
        ) AS shown_rank
    FROM spells
)
SELECT
    source,
    target,
    type,
    min(first_day) AS start_day,
    max(last_day) AS end_day,
    max(CASE WHEN first_rank = 1 THEN date_precision END) AS start_precision,
    max(CASE WHEN last_rank = 1 THEN last_precision END) AS end_precision,
    count(*) AS events,
    sum(weight) AS weight,
    max(sources) AS sources,
    max(CASE WHEN first_rank = 1 THEN event_id END) AS first_event,
    max(CASE WHEN last_rank = 1 THEN event_id END) AS last_event,
    max(CASE WHEN shown_rank = 1 THEN event_id END) AS shown_event,
    max(CASE WHEN shown_rank = 1 THEN first_day END) AS shown_day,
    max(CASE WHEN shown_rank = 1 THEN notes END) AS notes,
    max(CASE WHEN shown_rank = 1 THEN link END) AS link
FROM ranked
GROUP BY source, target, type, spell
ORDER BY source, target, type, start_day NULLS FIRST, end_day NULLS FIRST
