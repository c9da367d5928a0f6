-- Developers' verdicts on bisections (issue 15): history, one row per mark, never updated.

-- CreateTable
CREATE TABLE "developer_mark" (
    "id" SERIAL NOT NULL,
    "bisection_id" TEXT NOT NULL,
    "who" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "real_culprit" TEXT,
    "note" TEXT,
    "lore_link" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersedes" INTEGER,

    CONSTRAINT "developer_mark_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "developer_mark_bisection_id_created_at_idx" ON "developer_mark"("bisection_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "developer_mark_supersedes_key" ON "developer_mark"("supersedes");

-- AddForeignKey
ALTER TABLE "developer_mark" ADD CONSTRAINT "developer_mark_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "developer_mark" ADD CONSTRAINT "developer_mark_supersedes_fkey" FOREIGN KEY ("supersedes") REFERENCES "developer_mark"("id") ON DELETE SET NULL ON UPDATE CASCADE;
