// A developer follows evidence into the raw log: linked lines are highlighted, line numbers
// select lines and ranges into the URL, and the text is the log's own, unchanged.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";

async function seedId(request: APIRequestContext): Promise<string> {
  const { rows } = (await (await request.get("/api/bisections?q=sk_psock_get")).json()) as { rows: { id: string; crashTitle: string | null; startTitle: string | null }[] };
  const seed = rows.find((r) => r.crashTitle === "WARNING in kvm_wait" && r.startTitle === "WARNING: refcount bug in sk_psock_get");
  expect(seed, "the seed log is imported").toBeTruthy();
  return seed!.id;
}

const selected = (page: import("@playwright/test").Page) =>
  page.locator("[data-log-lines] > div[data-sel]").evaluateAll((els) => els.map((e) => e.id));

test("a linked range is highlighted and scrolled to", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}/log#L30-L40`);
  await expect(page.locator("#L30")).toHaveAttribute("data-sel", "");
  expect(await selected(page)).toEqual(Array.from({ length: 11 }, (_, i) => `L${30 + i}`));
  await expect(page.locator("#L35")).toBeInViewport();
  await expect(page.locator("#L1")).toContainText("bisecting cause commit starting from 9c54130cd25528028b2d38f6ada0c79e92210390");
});

test("click a line number, then shift-click another to select a range", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}/log`);
  await expect(page.locator("[data-log-lines]")).toHaveAttribute("data-js", ""); // the script ran
  await page.locator("#L10 > a").click();
  await expect(page).toHaveURL(new RegExp(`/b/${id}/log#L10$`));
  expect(await selected(page)).toEqual(["L10"]);
  await page.locator("#L14 > a").click({ modifiers: ["Shift"] });
  await expect(page).toHaveURL(new RegExp(`/b/${id}/log\\?L=10-14#L10$`));
  expect(await selected(page)).toEqual(["L10", "L11", "L12", "L13", "L14"]);
  await page.locator("#L20 > a").click();
  await expect(page).toHaveURL(new RegExp(`/b/${id}/log#L20$`));
  expect(await selected(page)).toEqual(["L20"]);
});

test("a linked range is highlighted without JavaScript, and the same link with it", async ({ browser, request }) => {
  const id = await seedId(request);
  for (const javaScriptEnabled of [false, true]) {
    const ctx = await browser.newContext({ javaScriptEnabled });
    const page = await ctx.newPage();
    await page.goto(`/b/${id}/log?L=5-24#L5`);
    if (javaScriptEnabled) await expect(page.locator("[data-log-lines]")).toHaveAttribute("data-js", "");
    expect(await selected(page)).toEqual(Array.from({ length: 20 }, (_, i) => `L${5 + i}`));
    const bg = (sel: string) => page.locator(sel).evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await bg("#L24")).not.toBe(await bg("#L25"));
    await ctx.close();
  }
});

test("a single linked line is highlighted without JavaScript", async ({ browser, request }) => {
  const id = await seedId(request);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`/b/${id}/log#L5`);
  const bg = (sel: string) => page.locator(sel).evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await bg("#L5")).not.toBe(await bg("#L6"));
  // the hint offers what works without scripts only
  await expect(page.locator(".hint")).toHaveText("click a line number to link to it", { useInnerText: true });
  await ctx.close();
});

test("log text is shown as text and served as plain text", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}/log`);
  await expect(page.locator("#L186")).toContainText("Author: Mark Rutland <mark.rutland@arm.com>");
  const res = await request.get(`/b/${id}/log.txt`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  const text = await res.text();
  expect(text.startsWith("bisecting cause commit starting from 9c54130cd255")).toBe(true);
  expect(text).toContain("Author: Mark Rutland <mark.rutland@arm.com>");
  expect((await request.get("/b/000000000000/log.txt")).status()).toBe(404);
});

for (const scheme of ["light", "dark"] as const) {
  test(`no accessibility violations on the log (${scheme})`, async ({ page, request }) => {
    const id = await seedId(request);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/b/${id}/log#L30-L40`);
    await expect(page.locator("#L30")).toHaveAttribute("data-sel", "");
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}

test("the site has a favicon", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
});
