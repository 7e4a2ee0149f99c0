-- The seed's three views for people who query the database directly (written by hand: the schema has
-- no views, so the drift check, which compares tables, ignores them). Numbers match `patterns report`:
-- time saved = uses × the pattern's baseline − the runs' total duration (0 without a baseline).

-- SQLite keeps timestamps as epoch milliseconds.

-- Per pattern, over every execution kept: uses, success rate, median duration, time saved.
CREATE VIEW "pattern_performance" AS
WITH "ranked" AS (
  SELECT "patternId", "durationMs",
         ROW_NUMBER() OVER (PARTITION BY "patternId" ORDER BY "durationMs") AS "rn",
         COUNT(*) OVER (PARTITION BY "patternId") AS "n"
  FROM "executions" WHERE "patternId" IS NOT NULL
),
"medians" AS (
  SELECT "patternId", AVG("durationMs") AS "medianDurationMs" FROM "ranked"
  WHERE "rn" IN (("n" + 1) / 2, ("n" + 2) / 2) GROUP BY "patternId"
),
"totals" AS (
  SELECT "patternId", COUNT(*) AS "uses", SUM(CASE WHEN "success" THEN 1 ELSE 0 END) AS "successes", SUM("durationMs") AS "totalDurationMs"
  FROM "executions" WHERE "patternId" IS NOT NULL GROUP BY "patternId"
)
SELECT p."id" AS "patternId", p."name", p."kind", p."status",
       COALESCE(t."uses", 0) AS "uses",
       CASE WHEN t."uses" > 0 THEN 1.0 * t."successes" / t."uses" END AS "successRate",
       m."medianDurationMs",
       p."baselineDurationMs", p."baselineSource",
       CASE WHEN p."baselineDurationMs" IS NULL THEN 0 ELSE COALESCE(t."uses", 0) * p."baselineDurationMs" - COALESCE(t."totalDurationMs", 0) END AS "timeSavedMs"
FROM "patterns" p
LEFT JOIN "totals" t ON t."patternId" = p."id"
LEFT JOIN "medians" m ON m."patternId" = p."id";

-- The ten most used patterns of the last 7 days (from now, UTC).
CREATE VIEW "top_patterns_weekly" AS
SELECT e."patternId", p."name",
       COUNT(*) AS "uses",
       1.0 * SUM(CASE WHEN e."success" THEN 1 ELSE 0 END) / COUNT(*) AS "successRate",
       CASE WHEN p."baselineDurationMs" IS NULL THEN 0 ELSE COUNT(*) * p."baselineDurationMs" - SUM(e."durationMs") END AS "timeSavedMs"
FROM "executions" e JOIN "patterns" p ON p."id" = e."patternId"
WHERE e."startedAt" >= (CAST(strftime('%s', 'now') AS INTEGER) * 1000 - 7 * 86400000)
GROUP BY e."patternId", p."name", p."baselineDurationMs"
ORDER BY "uses" DESC, e."patternId"
LIMIT 10;

-- Candidates by kind and status.
CREATE VIEW "pattern_candidates_summary" AS
SELECT "kind", "status", COUNT(*) AS "candidates", AVG("confidence") AS "averageConfidence", SUM("evidenceCount") AS "evidenceRuns"
FROM "pattern_candidates"
GROUP BY "kind", "status";
