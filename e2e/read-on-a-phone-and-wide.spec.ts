// A kernel developer reads the list, a commit's record and a comparison on a phone (390 px) and
// on wide screens: the crash title and the verdicts are on screen first, nothing important is
// cut, no badge is clipped, and the page itself never scrolls sideways.
import { expect, test, type Page } from "@playwright/test";
import { FIXTURE, seedId } from "./helpers";

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Cells whose content is wider than the cell (cut off, or spilling into the next one). */
const overflowingCells = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((cells) =>
    cells
      .filter((c) => (c as HTMLElement).offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
      .map((c) => `${c.scrollWidth}>${c.clientWidth}: ${(c as HTMLElement).innerText.slice(0, 60)}`),
  );

test("the list on a phone: the crash title is the first column and readable, the rest folded under it", async ({ page, request }) => {
  const id = await seedId(request);
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto("/");
  expect(await pageWidth(page)).toBe(390);
  const visibleHeads = await page.getByTestId("bisection-table").locator("thead th").evaluateAll((ths) => ths.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => (t as HTMLElement).innerText.trim()));
  expect(visibleHeads[0]).toMatch(/^Crash title/);
  // the table fits its box: no column off to the right
  const box = await page.getByTestId("bisection-table").evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
  expect(box.table).toBeLessThanOrEqual(box.box);
  await page.goto("/?q=kvm_wait");
  const link = `a[href="/b/${id}"][data-nav-row]`;
  const row = page.getByTestId("bisection-table").locator("tbody tr", { has: page.locator(link) });
  const title = row.locator(link);
  const cell = row.locator("td", { has: page.locator(link) });
  expect((await cell.boundingBox())!.width).toBeGreaterThan(300);
  // other specs may have stored more kvm_wait bisections above it: scrolled to, it must be whole
  // on screen (nothing off to the right)
  // centred: scrolled only "if needed", a row at the page's foot stops a fraction of a pixel short
  // (the browser scrolls by whole pixels; the two-line header at 390 px left it 0.33 px below)
  await title.evaluate((a) => a.scrollIntoView({ block: "center" }));
  await expect(title).toBeInViewport({ ratio: 1 });
  expect(await title.evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true);
  // verdict, outcome and the found commit under the title
  const fold = row.getByTestId("row-fold");
  await expect(fold).toBeVisible();
  await expect(fold).toContainText("likely wrong");
  await expect(fold).toContainText("997acaf6b4b5");
});

for (const width of [1366, 2560]) {
  test(`the list at ${width} px: no cell cuts its content, badges and authors whole`, async ({ page, request }) => {
    await seedId(request);
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    expect(await pageWidth(page)).toBe(width);
    expect(await overflowingCells(page, '[data-testid="bisection-table"] tbody td')).toEqual([]);
    const badges = await page.getByTestId("bisection-table").locator("tbody .badge").evaluateAll((bs) =>
      bs.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => {
        const r = b.getBoundingClientRect();
        const td = b.closest("td")!.getBoundingClientRect();
        return r.left >= td.left && r.right <= td.right;
      }),
    );
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every(Boolean)).toBe(true);
  });
}

test("a commit's record on a phone: each tested step names its bisection id and step; ids and dates on one line", async ({ page, request }) => {
  const id = await seedId(request);
  for (const width of [390, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/c/997acaf6b4b5");
    expect(await pageWidth(page)).toBe(width);
    const tested = page.getByTestId("tested-table");
    const row = tested.locator("tbody tr", { has: page.locator(`a[href="/b/${id}"]`) });
    await expect(row.locator(`a[href="/b/${id}"]`)).toHaveText(id);
    await expect(row.getByRole("link", { name: /^#\d+ bisect$/ })).toBeVisible();
    await expect(row).toContainText("WARNING in kvm_wait");
    // one line box each: an id or a date never breaks
    const lines = await page.locator('[data-testid="tested-table"] tbody a[href^="/b/"]:not([href*="/log"]), [data-testid="found-table"] tbody td:nth-child(2)').evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getClientRects().length),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((n) => n === 1)).toBe(true);
    if (width === 800) {
      const heights = await page.getByTestId("found-table").locator("tbody td:nth-child(2)").evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().height));
      expect(Math.max(...heights)).toBeLessThan(30);
    }
  }
});

test("a comparison on a phone: the A and B verdicts are on screen, the head says each result once", async ({ page, request }) => {
  const a = await seedId(request);
  const variant = FIXTURE.replace("# git bisect bad c5a58f877ca645a3303f7a57476f2de837fdb97a", "# git bisect good c5a58f877ca645a3303f7a57476f2de837fdb97a");
  const b = (await (await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: variant })).json()).id;
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`/compare?a=${a}&b=${b}`);
  expect(await pageWidth(page)).toBe(390);
  const table = page.getByTestId("compare-table");
  for (const side of ["A", "B"]) await expect(table.locator("thead th", { hasText: new RegExp(`^${side}$`) })).toBeInViewport({ ratio: 1 });
  const row = table.locator("tr", { has: page.getByRole("link", { name: "c5a58f877ca6" }) });
  await expect(row.locator('td[data-side="b"]')).toBeInViewport({ ratio: 1 });
  await expect(row.locator('td[data-side="b"]')).toContainText("verdicts differ");
  expect(await table.evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
  const head = page.locator("article > div").first();
  await expect(head).toContainText("cause bisection · culprit 997acaf6b4b5");
  expect(await head.innerText()).not.toMatch(/found · found/);
});
