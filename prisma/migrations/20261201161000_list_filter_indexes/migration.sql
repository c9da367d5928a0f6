-- Filters that select few rows stop early at 1,000,000 bisections too (BENCHMARKS.md):
-- `?type=fix` (about 0.1% of the rows) walks its own index in upload order instead of the whole
-- table's, and a path prefix gives its bisections from the path index alone (an index-only scan
-- to count them, rather than probing culprit_file once per bisection).
CREATE INDEX "bisection_type_uploaded_at_id_idx" ON "bisection"("type", "uploaded_at" DESC, "id");

DROP INDEX "culprit_file_path_idx";
CREATE INDEX "culprit_file_path_bisection_id_idx" ON "culprit_file"("path", "bisection_id");
