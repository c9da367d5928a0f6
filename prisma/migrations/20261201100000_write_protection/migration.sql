-- Per-client write counters for the rate limit (lib/server/rate-limit.ts): one row per client
-- and fixed window, bumped with one INSERT ... ON CONFLICT DO UPDATE, so every app instance on
-- this database shares the count. Windows older than the current one are deleted as they end.

-- CreateTable
CREATE TABLE "write_rate" (
    "client" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "write_rate_pkey" PRIMARY KEY ("client","window_start")
);

-- CreateIndex
CREATE INDEX "write_rate_window_start_idx" ON "write_rate"("window_start");
