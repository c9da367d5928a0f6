-- What a log says about the commit it found is kept per bisection (culprit, culprit_file), so
-- a later upload naming the same hash cannot change an earlier bisection's page. The shared
-- commit row keeps only the hash and a first-wins subject.

-- CreateTable
CREATE TABLE "culprit" (
    "bisection_id" TEXT NOT NULL,
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

    CONSTRAINT "culprit_pkey" PRIMARY KEY ("bisection_id")
);

-- CreateTable
CREATE TABLE "culprit_file" (
    "bisection_id" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "created" BOOLEAN NOT NULL,
    "deleted" BOOLEAN NOT NULL,
    "changes" INTEGER,
    "insertions" INTEGER,
    "deletions" INTEGER,

    CONSTRAINT "culprit_file_pkey" PRIMARY KEY ("bisection_id","path")
);

-- CreateIndex
CREATE INDEX "culprit_hash_idx" ON "culprit"("hash");

-- CreateIndex
CREATE INDEX "culprit_file_path_idx" ON "culprit_file"("path");

-- AddForeignKey
ALTER TABLE "culprit" ADD CONSTRAINT "culprit_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "culprit" ADD CONSTRAINT "culprit_hash_fkey" FOREIGN KEY ("hash") REFERENCES "commit"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "culprit_file" ADD CONSTRAINT "culprit_file_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "culprit"("bisection_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing bisections keep the details their commit row holds now (the last writer's: the
-- best that can be recovered once a row was shared).
INSERT INTO "culprit" (bisection_id, hash, subject, author, author_email, date_text, date, message, merge_parents, files_changed, insertions, deletions)
SELECT b.id, c.hash, c.subject, c.author, c.author_email, c.date_text, c.date, c.message, c.merge_parents, c.files_changed, c.insertions, c.deletions
FROM "bisection" b JOIN "commit" c ON c.hash = b.found_commit_hash;

INSERT INTO "culprit_file" (bisection_id, path, created, deleted, changes, insertions, deletions)
SELECT b.id, f.path, f.created, f.deleted, f.changes, f.insertions, f.deletions
FROM "bisection" b JOIN "commit_file" f ON f.commit_hash = b.found_commit_hash;

-- DropTable
DROP TABLE "commit_file";

-- AlterTable
ALTER TABLE "commit" DROP COLUMN "author",
DROP COLUMN "author_email",
DROP COLUMN "date_text",
DROP COLUMN "date",
DROP COLUMN "message",
DROP COLUMN "merge_parents",
DROP COLUMN "files_changed",
DROP COLUMN "insertions",
DROP COLUMN "deletions";
