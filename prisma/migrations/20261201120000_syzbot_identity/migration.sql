-- Where a bisection lives on syzbot (issue 15): the log's x= id, the bug, the artifact links.

-- CreateTable
CREATE TABLE "syzbot_link" (
    "bisection_id" TEXT NOT NULL,
    "log_xid" TEXT,
    "bug_extid" TEXT,
    "bug_id" TEXT,
    "bug_title" TEXT,
    "log_url" TEXT,
    "bug_url" TEXT,
    "console_url" TEXT,
    "config_url" TEXT,
    "syz_repro_url" TEXT,
    "c_repro_url" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "syzbot_link_pkey" PRIMARY KEY ("bisection_id")
);

-- CreateTable
CREATE TABLE "syzbot_bug_check" (
    "bug_key" TEXT NOT NULL,
    "checked_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bisections" INTEGER NOT NULL,

    CONSTRAINT "syzbot_bug_check_pkey" PRIMARY KEY ("bug_key")
);

-- CreateIndex
CREATE UNIQUE INDEX "syzbot_link_log_xid_key" ON "syzbot_link"("log_xid");

-- CreateIndex
CREATE INDEX "syzbot_link_bug_extid_idx" ON "syzbot_link"("bug_extid");

-- CreateIndex
CREATE INDEX "syzbot_link_bug_id_idx" ON "syzbot_link"("bug_id");

-- AddForeignKey
ALTER TABLE "syzbot_link" ADD CONSTRAINT "syzbot_link_bisection_id_fkey" FOREIGN KEY ("bisection_id") REFERENCES "bisection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
