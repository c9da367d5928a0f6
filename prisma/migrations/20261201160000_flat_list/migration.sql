-- The list at any size (issue 13): every list query walks an index in its own order and stops
-- at the page it shows (lib/data/list-query.ts; plans at 1,000,000 rows in BENCHMARKS.md).

-- Hash prefixes go through btrees (the database's C collation serves `LIKE 'prefix%'`): the
-- found and start commits here, candidates through the commit table and this GIN. The search
-- text keeps only words, so its trigram index no longer carries 38 trigrams per hash.
CREATE INDEX "bisection_start_commit_hash_idx" ON "bisection"("start_commit_hash");
CREATE INDEX "bisection_candidates_idx" ON "bisection" USING GIN ("candidates");
UPDATE "bisection"
SET search_text = array_to_string(ARRAY(
  SELECT l FROM unnest(string_to_array(search_text, E'\n')) WITH ORDINALITY AS u(l, n)
  WHERE l !~ '^[0-9a-f]{40}$' ORDER BY n), E'\n')
WHERE search_text ~ '(^|\n)[0-9a-f]{40}(\n|$)';

-- Sorting by crash title walks crash_signature's title index and, per title, this one; sorting
-- by commits tested, outcome or verdict takes each value's newest rows from its own index.
DROP INDEX "bisection_crash_signature_id_idx";
CREATE INDEX "bisection_crash_signature_id_uploaded_at_id_idx" ON "bisection"("crash_signature_id", "uploaded_at" DESC, "id");
CREATE INDEX "bisection_step_count_uploaded_at_id_idx" ON "bisection"("step_count", "uploaded_at" DESC, "id");
CREATE INDEX "bisection_outcome_uploaded_at_id_idx" ON "bisection"("outcome", "uploaded_at" DESC, "id");
-- other bisections of a crash (/b/<id>): the newest by start title as well as by final title
CREATE INDEX "bisection_start_signature_id_uploaded_at_idx" ON "bisection"("start_signature_id", "uploaded_at" DESC);

-- How many bisections of each type, outcome and verdict: the list's total without counting
-- rows. Kept by statement triggers, so every write (ingest, bulk import, a backfill) keeps it
-- exact; rows are upserted in key order, so concurrent writers cannot deadlock on them.
CREATE TABLE "bisection_tally" (
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "bisection_tally_pkey" PRIMARY KEY ("type", "outcome", "verdict")
);

CREATE FUNCTION bisection_tally_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO bisection_tally AS t (type, outcome, verdict, n)
  SELECT type, outcome, verdict, count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (type, outcome, verdict) DO UPDATE SET n = t.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION bisection_tally_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO bisection_tally AS t (type, outcome, verdict, n)
  SELECT type, outcome, verdict, -count(*) FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (type, outcome, verdict) DO UPDATE SET n = t.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION bisection_tally_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO bisection_tally AS t (type, outcome, verdict, n)
  SELECT type, outcome, verdict, sum(d) FROM (
    SELECT type, outcome, verdict, 1 AS d FROM new_rows
    UNION ALL SELECT type, outcome, verdict, -1 FROM old_rows) AS c
  GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (type, outcome, verdict) DO UPDATE SET n = t.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION bisection_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM bisection_tally;
  RETURN NULL;
END $$;

CREATE TRIGGER "bisection_tally_insert" AFTER INSERT ON "bisection"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bisection_tally_insert();
CREATE TRIGGER "bisection_tally_delete" AFTER DELETE ON "bisection"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bisection_tally_delete();
CREATE TRIGGER "bisection_tally_update" AFTER UPDATE ON "bisection"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bisection_tally_update();
CREATE TRIGGER "bisection_tally_truncate" AFTER TRUNCATE ON "bisection"
  FOR EACH STATEMENT EXECUTE FUNCTION bisection_tally_truncate();

INSERT INTO "bisection_tally" (type, outcome, verdict, n)
SELECT type, outcome, verdict, count(*) FROM "bisection" GROUP BY 1, 2, 3;
