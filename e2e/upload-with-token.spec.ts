// A team server with upload tokens: the API needs a Bearer token, the form a token field, or a
// sign-in once (an HttpOnly, SameSite=Strict cookie) after which the form needs none. Runs a
// second app process (scripts/serve.ts, BISECTVIEW_UPLOAD_TOKEN set) on the e2e database.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { expect, test, type Browser } from "@playwright/test";
import { FIXTURE_PATH } from "./helpers";

const TOKEN = "e2e-token-alice-5f1c9a";
let child: ChildProcess;
let base = "";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  base = `http://localhost:${port}`;
  child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `postgresql://postgres:bisectview@127.0.0.1:${process.env.E2E_PG_PORT ?? "5435"}/bisectview`,
      BISECTVIEW_UPLOAD_TOKEN: `alice:${TOKEN}`,
      BISECTVIEW_WRITE_RATE: "10000/min",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the token server did not start");
});
test.afterAll(() => {
  child?.kill("SIGTERM");
});

const context = (browser: Browser, javaScriptEnabled = true) => browser.newContext({ baseURL: base, javaScriptEnabled });

test("the API takes an upload only with a Bearer token, and says so", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: base });
  const log = { multipart: { log: { name: "bisect.txt", mimeType: "text/plain", buffer: Buffer.from("x") } } };
  const none = await api.post("/api/bisections", log);
  expect(none.status()).toBe(401);
  expect((await none.json()).error).toMatch(/Authorization: Bearer <token>/);
  const wrong = await api.post("/api/bisections", { ...log, headers: { authorization: "Bearer nope" } });
  expect(wrong.status()).toBe(403);
  const ok = await api.post("/api/bisections", { headers: { authorization: `Bearer ${TOKEN}`, "content-type": "text/plain" }, data: "hello\n" });
  // past the token, the log itself is judged: not a bisection log
  expect(ok.status()).toBe(400);
  await api.dispose();
});

test("the form asks for the token; a wrong one is refused with the reason, the right one uploads", async ({ browser }) => {
  const ctx = await context(browser, false);
  const page = await ctx.newPage();
  await page.goto("/upload");
  await expect(page.getByTestId("write-rule")).toContainText("Uploads need a token");
  await page.setInputFiles("input[type=file]", FIXTURE_PATH);
  await page.getByLabel("Upload token").fill("not-the-token");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator("#upload-error")).toContainText("not one this server accepts");
  await page.setInputFiles("input[type=file]", FIXTURE_PATH);
  await page.getByLabel("Upload token").fill(TOKEN);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL(/\/b\/[0-9a-f]{12}$/);
  await ctx.close();
});

test("sign in once: the cookie is HttpOnly and SameSite=Strict, and the form needs no token", async ({ browser }) => {
  const ctx = await context(browser);
  const page = await ctx.newPage();
  await page.goto("/signin");
  await page.getByLabel("Upload token").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toContainText("not one this server accepts");
  await page.getByLabel("Upload token").fill(TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/upload$/);
  await expect(page.getByTestId("write-rule")).toContainText("Uploading as alice");
  await expect(page.getByLabel("Upload token")).toHaveCount(0);
  const [cookie] = await ctx.cookies();
  expect(cookie).toMatchObject({ name: "bisectview_token", httpOnly: true, sameSite: "Strict" });
  await page.setInputFiles("input[type=file]", FIXTURE_PATH);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL(/\/b\/[0-9a-f]{12}$/);
  await ctx.close();
});
