-- The path filter at any size (issue 13): `?path=kernel/locking/` walked the list in upload order
-- and probed each bisection's culprit files until a page matched (1.8-1.95x its 1,000-row time at
-- 1,000,000 rows, BENCHMARKS.md). Here every directory that holds one of a culprit's files, once
-- per bisection and with the bisection's upload time, so a directory's bisections come newest
-- first from one index and the walk stops at the page. Kept by statement triggers on
-- culprit_file, so every writer (ingest, the bulk import's COPY, a backfill) keeps it whole.

-- The directories of a path, outermost first: `kernel/`, `kernel/locking/` for
-- `kernel/locking/lockdep.c`; at most 8 levels and 201 characters (a path filter is at most 200
-- characters; a deeper or longer one is answered from culprit_file itself), so a hostile diffstat
-- line adds at most 8 rows. Not STRICT, so PostgreSQL inlines it into the statement that calls
-- it (a strict SQL function runs through the function executor row by row: 554 ms against 185 ms
-- for the corpus's 22,505 files).
CREATE FUNCTION culprit_dirs(path text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_string(s.parts[1:n], '/') || '/'
  FROM (SELECT string_to_array(left(path, 201), '/') AS parts) AS s,
       generate_series(1, least(cardinality(s.parts) - 1, 8)) AS n
$$;

CREATE TABLE "culprit_dir" (
    "bisection_id" TEXT NOT NULL,
    "dir" TEXT NOT NULL,
    "uploaded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "culprit_dir_pkey" PRIMARY KEY ("bisection_id", "dir")
);

CREATE FUNCTION culprit_dir_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO culprit_dir (bisection_id, dir, uploaded_at)
  SELECT DISTINCT f.bisection_id, d.dir, b.uploaded_at
  FROM new_rows f JOIN bisection b ON b.id = f.bisection_id CROSS JOIN LATERAL culprit_dirs(f.path) AS d(dir)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

-- these bisections' directories again from the files they have now
CREATE FUNCTION culprit_dir_rebuild(ids text[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM culprit_dir d WHERE d.bisection_id = ANY(ids);
  INSERT INTO culprit_dir (bisection_id, dir, uploaded_at)
  SELECT DISTINCT f.bisection_id, d.dir, b.uploaded_at
  FROM culprit_file f JOIN bisection b ON b.id = f.bisection_id CROSS JOIN LATERAL culprit_dirs(f.path) AS d(dir)
  WHERE f.bisection_id = ANY(ids);
$$;

-- a file removed: its bisections' directories from the files they still have
CREATE FUNCTION culprit_dir_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM culprit_dir_rebuild(ARRAY(SELECT DISTINCT bisection_id FROM old_rows));
  RETURN NULL;
END $$;

-- an update that changes no path (the re-judge filling `position`) changes no directory
CREATE FUNCTION culprit_dir_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT bisection_id, path FROM old_rows EXCEPT SELECT bisection_id, path FROM new_rows) THEN
    PERFORM culprit_dir_rebuild(ARRAY(SELECT bisection_id FROM old_rows UNION SELECT bisection_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "culprit_dir_insert" AFTER INSERT ON "culprit_file"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION culprit_dir_insert();
CREATE TRIGGER "culprit_dir_delete" AFTER DELETE ON "culprit_file"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION culprit_dir_refresh();
CREATE TRIGGER "culprit_dir_update" AFTER UPDATE ON "culprit_file"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION culprit_dir_update();
-- a bisection's upload time moved (a backfill, a test's fixed dates): its directories follow
CREATE FUNCTION culprit_dir_uploaded_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE culprit_dir SET uploaded_at = NEW.uploaded_at WHERE bisection_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "culprit_dir_uploaded_at" AFTER UPDATE OF uploaded_at ON "bisection"
  FOR EACH ROW WHEN (OLD.uploaded_at IS DISTINCT FROM NEW.uploaded_at) EXECUTE FUNCTION culprit_dir_uploaded_at();

-- also when a session skips ordinary triggers (the bulk import, logical replication)
ALTER TABLE "bisection" ENABLE ALWAYS TRIGGER "culprit_dir_uploaded_at";
ALTER TABLE "culprit_file" ENABLE ALWAYS TRIGGER "culprit_dir_insert";
ALTER TABLE "culprit_file" ENABLE ALWAYS TRIGGER "culprit_dir_delete";
ALTER TABLE "culprit_file" ENABLE ALWAYS TRIGGER "culprit_dir_update";

INSERT INTO culprit_dir (bisection_id, dir, uploaded_at)
SELECT DISTINCT f.bisection_id, d.dir, b.uploaded_at
FROM culprit_file f JOIN bisection b ON b.id = f.bisection_id CROSS JOIN LATERAL culprit_dirs(f.path) AS d(dir);

-- a directory's bisections, newest first (the list's order: upload time, then id)
CREATE INDEX "culprit_dir_dir_uploaded_at_bisection_id_idx" ON "culprit_dir"("dir", "uploaded_at" DESC, "bisection_id");

ALTER TABLE "culprit_dir" ADD CONSTRAINT "culprit_dir_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
