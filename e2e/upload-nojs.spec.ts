// The upload form is a plain form: without JavaScript a log still lands on its permalink and
// a refused text still says why; a log over 1 MB goes through the form too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const CORPUS = path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023");

test("without JavaScript: a refused text says why", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto("/upload");
  await page.getByLabel("Log text").fill("BUG: KASAN: use-after-free in foo+0x1/0x2\nCall Trace:\n foo+0x1/0x2\n");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator("#upload-error")).toContainText("Not stored");
  await expect(page.locator("#upload-error")).toContainText("crash report");
  await expect(page.getByLabel("Log text")).toHaveValue("BUG: KASAN: use-after-free in foo+0x1/0x2\nCall Trace:\n foo+0x1/0x2\n");
  await ctx.close();
});

test("a log over 1 MB uploads through the form", async ({ page }) => {
  const big = readdirSync(CORPUS)
    .map((f) => path.join(CORPUS, f))
    .find((f) => statSync(f).size > 1_100_000 && statSync(f).size < 4_000_000)!;
  expect(big, "a corpus log between 1.1 and 4 MB").toBeTruthy();
  await page.goto("/upload");
  await page.setInputFiles("input[type=file]", big);
  await page.getByRole("button", { name: "Upload" }).click();
  await page.waitForURL(/\/b\/[0-9a-f]{12}$/, { timeout: 20_000 });
  await expect(page.locator("h1")).not.toBeEmpty();
  expect(readFileSync(big).length).toBeGreaterThan(1_100_000);
});
