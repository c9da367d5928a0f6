import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// the e2e server's stand-in for syzbot (scripts/e2e-server.ts); specs read the port from here
process.env.E2E_SYZBOT_PORT ??= String(port + 50);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM, not the default SIGKILL of the process group: the embedded PostgreSQL runs in its
    // own group (lib/server/embedded-postgres.ts) and is stopped by the server's shutdown
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    // no upload token: the specs write from loopback, the default rule; the rate limit stays on
    // but above what the specs upload in a minute (its 429 is tested in vitest)
    env: {
      PORT: String(port),
      BISECTVIEW_PG_PORT: process.env.E2E_PG_PORT ?? "5435",
      NEXT_TELEMETRY_DISABLED: "1",
      BISECTVIEW_UPLOAD_TOKEN: "",
      BISECTVIEW_WRITE_RATE: "10000/min",
      E2E_SYZBOT_PORT: process.env.E2E_SYZBOT_PORT,
    },
    stdout: "pipe",
  },
});
