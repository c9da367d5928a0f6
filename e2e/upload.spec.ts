// A developer uploads a log through the form, lands on its permalink, and gets the same
// permalink from the HTTP API; bad input is refused with the reason and stores nothing.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const FIXTURE = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";

test("upload a log through the form and land on the culprit", async ({ page }) => {
  await page.goto("/upload");
  await page.setInputFiles("input[type=file]", FIXTURE);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL(/\/b\/[0-9a-f]{12}$/);
  await expect(page.getByText("997acaf6b4b5").first()).toBeVisible();
  await expect(page.getByText("lockdep: report broken irq restoration").first()).toBeVisible();
  // the same log through the API names the same permalink
  const res = await page.request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: readFileSync(FIXTURE, "utf8") });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.duplicate).toBe(true);
  expect(page.url()).toContain(`/b/${body.id}`);
});

test("paste text that is not a bisection log and read why it was refused", async ({ page, request }) => {
  const before = (await (await request.get("/api/health")).json()).bisections;
  await page.goto("/upload");
  await page.getByLabel("Log text").fill("commit 997acaf6b4b59c6a9c259740312a69ea549cc684\nAuthor: Mark Rutland <mark.rutland@arm.com>\n");
  await page.getByRole("button", { name: "Upload" }).click();
  const alert = page.locator("#upload-error");
  await expect(alert).toContainText("Not stored");
  await expect(alert).toContainText("bisecting cause commit starting from");
  // the pasted text is still there to be fixed
  await expect(page.getByLabel("Log text")).toHaveValue("commit 997acaf6b4b59c6a9c259740312a69ea549cc684\nAuthor: Mark Rutland <mark.rutland@arm.com>\n");
  expect((await (await request.get("/api/health")).json()).bisections).toBe(before);
});

test("curl-style multipart upload, and the API's 400 and 413", async ({ request }) => {
  const log = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt");
  const ok = await request.post("/api/bisections", { multipart: { log: { name: "bisect.txt", mimeType: "text/plain", buffer: log } } });
  expect([200, 201]).toContain(ok.status());
  const bad = await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: "" });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toBeTruthy();
  const big = await request.post("/api/bisections", {
    headers: { "content-type": "text/plain" },
    data: Buffer.alloc(11 * 1024 * 1024, 0x61),
  });
  expect(big.status()).toBe(413);
});
