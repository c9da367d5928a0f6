-- Raw logs stored deflated by the app (issue 13: import speed and disk). PostgreSQL compressed
-- `text` itself with pglz, in the import's one backend: 657 of 2,804 ms of a corpus pass
-- (pg_stat_statements, 18.7 MiB of logs). zlib level 1 in the import's worker thread makes 3.7
-- MiB of them in 0.22 s, and PostgreSQL stores those bytes as they are (STORAGE EXTERNAL: no
-- second try at compressing). Rows stored before keep their `text`; a row holds one of the two.
-- Readers: lib/raw-log.ts (inflate), lib/data/bisection.ts (lines), lib/ingest/rejudge.ts.
ALTER TABLE "raw_log" ADD COLUMN "deflated" BYTEA;
ALTER TABLE "raw_log" ALTER COLUMN "deflated" SET STORAGE EXTERNAL;
ALTER TABLE "raw_log" ALTER COLUMN "text" DROP NOT NULL;
ALTER TABLE "raw_log" ADD CONSTRAINT "raw_log_one_form" CHECK (("text" IS NULL) <> ("deflated" IS NULL));
