-- When the bisection itself ran (issue 12): the time on the log's `<host> starts bisection <time>`
-- line (syzbot prints it since mid-2022), beside the upload time. NULL for logs without that line.
-- Rows stored before this migration are filled from their stored raw log (the same first line
-- the parser reads). Stored in UTC without a zone, as Prisma keeps every DateTime.

-- AlterTable
ALTER TABLE "bisection" ADD COLUMN "started_at" TIMESTAMP(3);

UPDATE "bisection" b
SET "started_at" = substring(r."text" from '(?n)^[^\n]+ starts bisection (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,9})? [+-]\d{4})( |$)')::timestamptz AT TIME ZONE 'UTC'
FROM "raw_log" r
WHERE r."bisection_id" = b."id" AND strpos(r."text", ' starts bisection ') > 0;

-- CreateIndex
CREATE INDEX "bisection_started_at_id_idx" ON "bisection"("started_at" DESC NULLS LAST, "id");
