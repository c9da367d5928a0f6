// A maintainer browses all bisections: search, path filter, verdict filter, sorting, paging
// state in the URL, honest empty states, and the same filters on the JSON list and the feed.
import { expect, test } from "@playwright/test";
import { CULPRIT, seedId } from "./helpers";

test("search by title, hash prefix, function in the trace, and filter by the culprit's path", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto("/");
  const total = Number((await page.getByRole("heading", { level: 1 }).textContent())!.match(/\((\d+)\)/)![1]);
  expect(total).toBeGreaterThan(25);
  for (const q of ["kvm_wait", "997acaf6", "do_exit", "Mark Rutland"]) {
    await page.goto(`/?q=${encodeURIComponent(q)}`);
    await expect(page.locator(`a[href="/b/${id}"]`), `search ${q}`).toBeVisible();
  }
  await page.goto("/?path=kernel/locking/");
  await expect(page.locator(`a[href="/b/${id}"]`)).toBeVisible();
  const filtered = Number((await page.getByRole("heading", { level: 1 }).textContent())!.match(/\((\d+)\)/)![1]);
  expect(filtered).toBeLessThan(total);
  await page.goto("/?path=drivers/does-not-exist/");
  await expect(page.getByTestId("empty-state")).toContainText("No bisection matches these filters");
  await page.getByTestId("empty-state").getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a search for a bisection's id (pasted from its URL) links that bisection above the results", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/?q=${id}`);
  const named = page.getByTestId("named-bisection");
  await expect(named).toContainText(`${id} is a bisection: WARNING in kvm_wait`);
  await named.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/b/${id}$`));
  // twelve hex digits that are no bisection's id search as a hash prefix, without the line
  await page.goto("/?q=000000000000");
  await expect(page.getByTestId("named-bisection")).toHaveCount(0);
});

test("the search box is a GET form: `/` focuses it and Enter searches", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-keys", "on");
  await page.keyboard.press("/");
  await expect(page.locator("[data-search-box]")).toBeFocused();
  await page.keyboard.type("irqflag-debug");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=irqflag-debug/);
  await expect(page.locator(`a[href="/b/${id}"]`)).toBeVisible();
});

test("sort by commits tested, both ways, with the state in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^Sort by Tested/ }).click();
  await expect(page).toHaveURL(/sort=tested/);
  // read once the sorted page is rendered (its header says the sort)
  await expect(page.locator('th[aria-sort="descending"]')).toContainText("Tested");
  const read = async () => (await page.locator("tbody tr td:last-child").allTextContents()).map(Number);
  const desc = await read();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await page.getByRole("link", { name: /^Sort by Tested/ }).click();
  await expect(page).toHaveURL(/sort=tested&dir=asc/);
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText("Tested");
  const asc = await read();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
});

test("verdict filter on the page, the JSON list and the Atom feed", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto("/?verdict=likely-wrong");
  await expect(page.locator(`a[href="/b/${id}"]`)).toBeVisible();
  await page.goto("/?verdict=clean");
  await expect(page.locator(`a[href="/b/${id}"]`)).toHaveCount(0);
  const json = await (await request.get("/api/bisections?verdict=likely-wrong&per=200")).json();
  expect(json.rows.every((r: { verdict: string }) => r.verdict === "likely-wrong")).toBe(true);
  expect(json.rows.map((r: { id: string }) => r.id)).toContain(id);
  const feed = await request.get("/feed.atom?path=kernel/locking/&verdict=likely-wrong");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain(`<title>culprit ${CULPRIT.slice(0, 12)}: WARNING in kvm_wait</title>`);
  expect(xml).toContain(`/b/${id}"`);
  const none = await (await request.get("/feed.atom?path=drivers/does-not-exist/")).text();
  expect(none).not.toContain("<entry>");
});

test("theme toggle: system, dark, light, kept across pages", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-keys", "on"); // hydrated
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await bg()).not.toBe(light);
  await page.goto("/upload");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveAttribute("data-keys", "on"); // hydrated
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.getByTestId("theme-toggle").click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
});

test("the `?` key opens the keyboard help and Escape closes it", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-keys", "on");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeHidden();
});

test("sort by when the bisection ran (its log's `starts bisection` line), undated logs last", async ({ page }) => {
  await page.goto("/?sort=ran");
  const rows = page.locator("table:has(th[aria-sort]) tbody tr");
  const ran = rows.locator("td:nth-child(2)");
  const cells = await ran.allTextContents();
  const dated = cells.filter((c) => c !== "–");
  expect(dated.length).toBeGreaterThan(3);
  expect(dated).toEqual([...dated].sort().reverse());
  expect(cells.slice(0, dated.length)).toEqual(dated); // "–" only after every dated row
  await expect(page.locator('th[aria-sort="descending"]')).toContainText("Ran");
  // the newest in the seed: `ci2 starts bisection 2023-03-...` somewhere under lib/parser/testdata
  await rows.first().locator("td").nth(4).getByRole("link").click();
  const head = page.locator("main header");
  await expect(head).toContainText(/ran \d{4}-\d\d-\d\d \d\d:\d\d UTC on ci2?/);
  await expect(head).toContainText(`ran ${dated[0]}`);
});

test("next and previous page by the rows' own positions, without JavaScript; the JSON list gives the same cursors", async ({ browser, request }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto("/?per=25&sort=tested&dir=desc");
  // the header's controls that need scripts are not offered without them
  await expect(page.getByTestId("theme-toggle")).toBeHidden();
  await expect(page.getByTestId("keys-button")).toBeHidden();
  const rows = () => page.getByTestId("bisection-table").locator("tbody a[data-nav-row]").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  const first = await rows();
  expect(first).toHaveLength(25);
  const nav = page.getByRole("navigation", { name: "Pages" });
  await expect(nav).toContainText("1–25 of");
  await nav.getByRole("link", { name: "next →" }).click();
  await expect(page).toHaveURL(/[?&]after=[A-Za-z0-9_-]+/);
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page).toHaveURL(/sort=tested/);
  await expect(nav).toContainText("26–");
  const second = await rows();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((h) => first.includes(h))).toEqual([]);
  // the JSON list under the same URL answers the same rows and the cursor to go on from
  const json = await (await request.get(`/api/bisections${new URL(page.url()).search}`)).json();
  expect(json.rows.map((r: { id: string }) => `/b/${r.id}`)).toEqual(second);
  expect(json.before).toEqual(expect.any(String));
  await nav.getByRole("link", { name: "← previous" }).click();
  // the first page again, once it has loaded (the rows read during the navigation were none:
  // CI at 3233410)
  await expect(page).not.toHaveURL(/after=|before=/);
  await expect(nav).toContainText("1–25 of");
  expect(await rows()).toEqual(first);
  // a cursor from no list of ours opens the page it names, and the API refuses it with a reason
  await page.goto("/?per=25&sort=tested&dir=desc&after=bogus");
  expect(await rows()).toEqual(first);
  const bad = await request.get("/api/bisections?after=bogus");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/^after: is not a position this list gave/);
  await ctx.close();
});

test("a search offers best match: crash titles holding the search first, then the other matches; the JSON list takes it too", async ({ page, request }) => {
  await page.goto("/?q=kvm_wait");
  const order = page.getByTestId("search-order");
  await expect(order.locator("b")).toHaveText("newest first");
  await order.getByRole("link", { name: "best match" }).click();
  await expect(page).toHaveURL(/sort=relevance/);
  await expect(order).toContainText("crash titles holding “kvm_wait” first");
  // the crash title column: every row holding the search comes before every row that does not
  const titles = await page.locator("tbody tr td:nth-child(5)").allInnerTexts();
  const holds = titles.map((t) => t.toLowerCase().includes("kvm_wait"));
  expect(holds.includes(true) && holds.includes(false)).toBe(true);
  expect(holds.indexOf(false)).toBeGreaterThan(holds.lastIndexOf(true));
  await order.getByRole("link", { name: "newest first" }).click();
  await expect(page).not.toHaveURL(/sort=relevance/);
  const api = await request.get("/api/bisections?q=kvm_wait&sort=relevance&per=25");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.rows[0].crashTitle).toContain("kvm_wait");
  const bad = await request.get("/api/bisections?sort=relevance");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/relevance orders the matches of a search: give q too/);
});

test("a link with a filter value the list does not know shows the list without it, and says what was left out", async ({ page }) => {
  await page.goto("/?type=bogus&verdict=likely-wrong&per=7");
  const note = page.getByTestId("ignored-params");
  await expect(note).toContainText('type=bogus: Invalid option: expected one of "cause"|"fix"');
  await expect(note).toContainText("per=7: must be one of 25, 50, 100, 200");
  // the good filter still holds
  await expect(page.locator("select[name=verdict]")).toHaveValue("likely-wrong");
  await page.goto("/?verdict=likely-wrong");
  await expect(page.getByTestId("ignored-params")).toHaveCount(0);
});
