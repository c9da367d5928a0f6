-- The bulk import writes culprit_dir itself (issue 13: import speed). Its statement trigger on
-- culprit_file was a third of the import's PostgreSQL time beside the table's own rows: 514 of
-- 3,250 ms a corpus pass (pg_stat_statements), most of it computing each path's directories one
-- array expression at a time. The import's worker thread computes them (lib/ingest/rows.ts
-- `culpritDirs`, the rule of `culprit_dirs` above, checked against it by a property test) and
-- COPYs them with the other tables.
-- - The insert trigger now fires for ordinary sessions only: a session that set
--   `session_replication_role = replica` (the bulk import, when it may; a logical replica, which
--   receives culprit_dir's rows as it receives every table's) writes the rows itself. A bulk
--   import that may not set that role sees the trigger fire and sends no rows of its own.
-- - Deletes and path updates still rebuild from culprit_file in every session (ENABLE ALWAYS).
-- - `uploaded_at` defaults to the transaction's time, which is the bisection row's own default
--   in the same transaction: the COPY leaves it out, and the two agree.
ALTER TABLE "culprit_dir" ALTER COLUMN "uploaded_at" SET DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "culprit_file" ENABLE TRIGGER "culprit_dir_insert";
