-- No query reads these: search goes through bisection.search_text, and start commits,
-- crash signatures of runs and frame rows are never deleted or looked up by these columns.
-- Dropping them makes an import ~16% faster (BENCHMARKS.md).

-- DropIndex
DROP INDEX "bisection_start_commit_hash_idx";

-- DropIndex
DROP INDEX "run_signature_id_idx";

-- DropIndex
DROP INDEX "frame_function_idx";

-- DropIndex
DROP INDEX "frame_file_idx";
