-- The judge's second round (issue 14): the calibrated chance that the result is wrong, and the
-- judge's detail stored at ingest so the read path derives nothing from raw text: the guilty
-- file's route (frame, skip rules), the trusted range with its replay script, and the terms of
-- the chance. Rows stored before this migration keep NULL (re-import to fill them).

-- AlterTable
ALTER TABLE "bisection" ADD COLUMN "chance_wrong" DOUBLE PRECISION,
ADD COLUMN "judge_detail" JSONB;
