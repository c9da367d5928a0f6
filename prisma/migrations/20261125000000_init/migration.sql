-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "bisection" (
    "id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "uploaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "start_commit_hash" TEXT NOT NULL,
    "found_commit_hash" TEXT,
    "crash_signature_id" INTEGER,
    "start_signature_id" INTEGER,
    "candidates" TEXT[],
    "error" TEXT,
    "syzkaller_commit" TEXT,
    "host" TEXT,
    "revisions_tested" INTEGER,
    "total_seconds" DOUBLE PRECISION,
    "build_seconds" DOUBLE PRECISION,
    "test_seconds" DOUBLE PRECISION,
    "culprit_signature" TEXT,
    "parent_signature" TEXT,
    "error_probability" DOUBLE PRECISION,
    "flaky_text" TEXT,
    "horizon_message" TEXT,
    "recipients_to" TEXT[],
    "recipients_cc" TEXT[],
    "bisect_start_line" INTEGER,
    "result_line" INTEGER,
    "truncated" BOOLEAN NOT NULL,
    "head_truncated" BOOLEAN NOT NULL,
    "line_count" INTEGER NOT NULL,
    "step_count" INTEGER NOT NULL,
    "warnings" JSONB NOT NULL,
    "verdict" TEXT NOT NULL,
    "verdict_headline" TEXT,
    "findings" JSONB NOT NULL,
    "confidence" DOUBLE PRECISION,
    "search_text" TEXT NOT NULL,

    CONSTRAINT "bisection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raw_log" (
    "bisection_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,

    CONSTRAINT "raw_log_pkey" PRIMARY KEY ("bisection_id")
);

-- CreateTable
CREATE TABLE "commit" (
    "hash" TEXT NOT NULL,
    "subject" TEXT,
    "author" TEXT,
    "author_email" TEXT,
    "date_text" TEXT,
    "date" TIMESTAMP(3),
    "message" TEXT,
    "merge_parents" TEXT[],
    "files_changed" INTEGER,
    "insertions" INTEGER,
    "deletions" INTEGER,

    CONSTRAINT "commit_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "commit_file" (
    "commit_hash" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "created" BOOLEAN NOT NULL,
    "deleted" BOOLEAN NOT NULL,
    "changes" INTEGER,
    "insertions" INTEGER,
    "deletions" INTEGER,

    CONSTRAINT "commit_file_pkey" PRIMARY KEY ("commit_hash","path")
);

-- CreateTable
CREATE TABLE "crash_signature" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "crash_signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "step" (
    "bisection_id" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "commit_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "release" TEXT,
    "subject" TEXT,
    "compiler" TEXT,
    "compiler_type" TEXT,
    "kernel_signature" TEXT,
    "build_error" TEXT,
    "all_runs_outcome" TEXT,
    "all_runs_title" TEXT,
    "all_runs_line" INTEGER,
    "representative_crash" TEXT,
    "false_negative_chance" DOUBLE PRECISION,
    "notes" JSONB NOT NULL,
    "verdict" TEXT,
    "verdict_line" INTEGER,
    "revisions_left" INTEGER,
    "untested" BOOLEAN NOT NULL,
    "line" INTEGER NOT NULL,
    "end_line" INTEGER NOT NULL,

    CONSTRAINT "step_pkey" PRIMARY KEY ("bisection_id","index")
);

-- CreateTable
CREATE TABLE "run" (
    "bisection_id" TEXT NOT NULL,
    "step_index" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "title" TEXT,
    "signature_id" INTEGER,
    "line" INTEGER NOT NULL,
    "end_line" INTEGER NOT NULL,

    CONSTRAINT "run_pkey" PRIMARY KEY ("bisection_id","step_index","index","line")
);

-- CreateTable
CREATE TABLE "crash_report" (
    "bisection_id" TEXT NOT NULL,
    "signature_id" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "end_line" INTEGER NOT NULL,
    "header" TEXT,
    "guilty_file" TEXT,
    "guilty_frame" INTEGER,

    CONSTRAINT "crash_report_pkey" PRIMARY KEY ("bisection_id")
);

-- CreateTable
CREATE TABLE "frame" (
    "bisection_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "function" TEXT NOT NULL,
    "offset" INTEGER,
    "size" INTEGER,
    "file" TEXT,
    "line" INTEGER,
    "inline" BOOLEAN NOT NULL,
    "module" TEXT,
    "unreliable" BOOLEAN NOT NULL,
    "section" TEXT NOT NULL,
    "context" TEXT,
    "log_line" INTEGER NOT NULL,

    CONSTRAINT "frame_pkey" PRIMARY KEY ("bisection_id","position")
);

-- CreateIndex
CREATE UNIQUE INDEX "bisection_content_hash_key" ON "bisection"("content_hash");

-- CreateIndex
CREATE INDEX "bisection_uploaded_at_id_idx" ON "bisection"("uploaded_at" DESC, "id");

-- CreateIndex
CREATE INDEX "bisection_found_commit_hash_idx" ON "bisection"("found_commit_hash");

-- CreateIndex
CREATE INDEX "bisection_crash_signature_id_idx" ON "bisection"("crash_signature_id");

-- CreateIndex
CREATE INDEX "bisection_start_commit_hash_idx" ON "bisection"("start_commit_hash");

-- CreateIndex
CREATE INDEX "bisection_verdict_uploaded_at_idx" ON "bisection"("verdict", "uploaded_at" DESC);

-- CreateIndex
CREATE INDEX "bisection_search_text_idx" ON "bisection" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "commit_file_path_idx" ON "commit_file"("path");

-- CreateIndex
CREATE UNIQUE INDEX "crash_signature_title_key" ON "crash_signature"("title");

-- CreateIndex
CREATE INDEX "step_commit_hash_idx" ON "step"("commit_hash");

-- CreateIndex
CREATE INDEX "run_signature_id_idx" ON "run"("signature_id");

-- CreateIndex
CREATE INDEX "frame_function_idx" ON "frame"("function");

-- CreateIndex
CREATE INDEX "frame_file_idx" ON "frame"("file");

-- AddForeignKey
ALTER TABLE "bisection" ADD CONSTRAINT "bisection_start_commit_hash_fkey" FOREIGN KEY ("start_commit_hash") REFERENCES "commit"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bisection" ADD CONSTRAINT "bisection_found_commit_hash_fkey" FOREIGN KEY ("found_commit_hash") REFERENCES "commit"("hash") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bisection" ADD CONSTRAINT "bisection_crash_signature_id_fkey" FOREIGN KEY ("crash_signature_id") REFERENCES "crash_signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bisection" ADD CONSTRAINT "bisection_start_signature_id_fkey" FOREIGN KEY ("start_signature_id") REFERENCES "crash_signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raw_log" ADD CONSTRAINT "raw_log_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commit_file" ADD CONSTRAINT "commit_file_commit_hash_fkey" FOREIGN KEY ("commit_hash") REFERENCES "commit"("hash") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step" ADD CONSTRAINT "step_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step" ADD CONSTRAINT "step_commit_hash_fkey" FOREIGN KEY ("commit_hash") REFERENCES "commit"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run" ADD CONSTRAINT "run_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run" ADD CONSTRAINT "run_bisection_id_step_index_fkey" FOREIGN KEY ("bisection_id", "step_index") REFERENCES "step"("bisection_id", "index") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run" ADD CONSTRAINT "run_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "crash_signature"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crash_report" ADD CONSTRAINT "crash_report_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crash_report" ADD CONSTRAINT "crash_report_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "crash_signature"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "frame" ADD CONSTRAINT "frame_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
