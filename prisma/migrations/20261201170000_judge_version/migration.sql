-- Which judge gave each stored verdict (lib/analysis/version.ts). Rows stored before this
-- migration were judged by an older judge: 0, so the server re-judges them from their stored
-- raw log at its next start (lib/ingest/rejudge.ts); ingest writes the current version.

-- AlterTable
ALTER TABLE "bisection" ADD COLUMN "judge_version" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "bisection_judge_version_idx" ON "bisection"("judge_version");
