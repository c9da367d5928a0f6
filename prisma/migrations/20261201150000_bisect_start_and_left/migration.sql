-- What the parser knows about git's range, stored so the read path parses nothing (issue 11):
-- the `# git bisect start <bad> <good>` commits and the `Bisecting: N revisions left` count git
-- printed after it, and for each bisect step the count git printed when it chose that commit
-- (lib/parser/git-block.ts). Before, the page re-read the start line and the next one from the
-- raw log, and shifted each step's `revisions_left` (the count printed after its verdict) back
-- to the next bisect step; the backfill below does exactly that once, from the raw log and the
-- stored steps, so rows stored before this migration show what they showed (the parser gives the
-- same values on all 776 corpus logs and the goldens). Display fields are stored printable
-- (lib/ingest/display-safe.ts): C0/C1 controls become U+FFFD.

-- AlterTable
ALTER TABLE "bisection" ADD COLUMN "bisect_start_bad" TEXT,
ADD COLUMN "bisect_start_good" TEXT,
ADD COLUMN "bisect_start_left" INTEGER;

-- AlterTable
ALTER TABLE "step" ADD COLUMN "revisions_left_at_test" INTEGER;

-- Backfill: the start line and the line after it, from the raw log (line numbers are 1-based
-- lines of the stored, normalized text, as the parser counts them)
UPDATE "bisection" AS b
SET bisect_start_bad = regexp_replace(v.m[1], '[\x01-\x08\x0a-\x1f\x7f-\x9f]', U&'\FFFD', 'g'),
    bisect_start_good = regexp_replace(v.m[2], '[\x01-\x08\x0a-\x1f\x7f-\x9f]', U&'\FFFD', 'g'),
    bisect_start_left = v.left_count::int
FROM (
  SELECT l.bisection_id,
    regexp_match(split_part(l.text, E'\n', x.bisect_start_line), '^# git bisect start (\S+) (\S+)') AS m,
    substring(split_part(l.text, E'\n', x.bisect_start_line + 1) FROM '^Bisecting: (\d+) revisions? left') AS left_count
  FROM "raw_log" l JOIN "bisection" x ON x.id = l.bisection_id
  WHERE x.bisect_start_line IS NOT NULL
) AS v
WHERE b.id = v.bisection_id AND v.m IS NOT NULL;

-- Backfill: a bisect step was chosen with the count printed after the previous bisect step or
-- verdict (the start's count for the first)
UPDATE "step" AS s
SET revisions_left_at_test = CASE WHEN w.k = 1 THEN b.bisect_start_left ELSE w.prev_left END
FROM (
  SELECT bisection_id, "index", role,
    lag(revisions_left) OVER (PARTITION BY bisection_id ORDER BY "index") AS prev_left,
    row_number() OVER (PARTITION BY bisection_id ORDER BY "index") AS k
  FROM "step"
  WHERE role = 'bisect' OR verdict IS NOT NULL
) AS w
JOIN "bisection" b ON b.id = w.bisection_id
WHERE s.bisection_id = w.bisection_id AND s."index" = w."index" AND w.role = 'bisect';
