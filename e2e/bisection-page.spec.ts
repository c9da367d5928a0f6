// A maintainer opens the permalink of the seed bisection (cause, title drift) and reads what
// was blamed, whether to believe it, and the evidence: values checked by hand against
// lib/parser/testdata/cause-kvm_wait-title-drift.txt.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { seedId } from "./helpers";

const CULPRIT = "997acaf6b4b59c6a9c259740312a69ea549cc684";


/** The k/n texts of one signature column, by row. */
async function column(page: Page, title: string): Promise<string[]> {
  return page.locator("#timeline table").evaluate((table, t) => {
    const heads = [...table.querySelectorAll("thead th")];
    const at = heads.findIndex((th) => th.querySelector(".sr-only")?.textContent === t);
    return [...table.querySelectorAll("tbody tr")].map((tr) => (tr.children[at] as HTMLElement).innerText.trim());
  }, title);
}

test("read what was blamed, and that the judge doubts it", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("WARNING in kvm_wait");
  await expect(page.getByTestId("found-commit")).toContainText("Introduced by 997acaf6b4b5");
  await expect(page.getByTestId("found-commit")).toContainText("lockdep: report broken irq restoration");
  await expect(page.getByTestId("fixes-tag")).toHaveText('Fixes: 997acaf6b4b5 ("lockdep: report broken irq restoration")');
  await expect(page.getByRole("button", { name: /copy Fixes: \(looks wrong\)/ })).toHaveAttribute("title", /bisection looks wrong: check before using/);
  const verdict = page.getByTestId("verdict");
  await expect(verdict.getByRole("heading")).toContainText("Likely wrong: chased a different crash");
  const evidence = verdict.locator("a[href*='/log']");
  expect(await evidence.count()).toBeGreaterThan(3);
  await expect(evidence.first()).toHaveAttribute("href", new RegExp(`^/b/${id}/log(\\?L=\\d+-\\d+)?#L\\d+$`));
  await expect(verdict.locator(`a[href='/b/${id}/log?L=51-55#L51']`)).toHaveCount(1);
  await expect(page.locator("a", { hasText: "[JSON]" })).toHaveAttribute("href", `/api/bisections/${id}`);
});

test("see the title drift in the tested commits", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}`);
  const rows = page.locator("#timeline tbody tr");
  await expect(rows).toHaveCount(15);
  const psock = await column(page, "WARNING: refcount bug in sk_psock_get");
  expect(psock[0]).toBe("19/20");
  expect(psock.slice(1).filter((c) => /\d|all/.test(c))).toEqual([]);
  const kvm = await column(page, "WARNING in kvm_wait");
  expect(kvm[7]).toBe("all");
  expect(kvm[13]).toBe("8/10");
  expect(kvm[2]).toContain("6/10");
  await expect(page.locator("#timeline .sig-keys li", { hasText: "sk_psock_get" })).toContainText("† last seen #0");
  await expect(page.locator("#timeline .sig-keys li", { hasText: "WARNING in kvm_wait" })).toContainText("boot ×3");
  // verdicts in words, runs as labelled shapes, the same binary and the culprit marked
  await expect(rows.nth(0)).toContainText("crashed");
  await expect(rows.nth(4)).toContainText("OK (good)");
  await expect(rows.nth(2).locator('[title="run 9: boot failed: WARNING in kvm_wait"]')).toHaveCount(1);
  await expect(rows.nth(2).getByRole("img", { name: /^10 runs: .*1 boot failed: WARNING in kvm_wait/ })).toHaveCount(1);
  await expect(rows.nth(1)).toContainText("all OK");
  await expect(rows.nth(14)).toContainText("same binary as #12");
  await expect(rows.nth(13)).toContainText("culprit");
  await expect(rows.nth(2)).toContainText("11797");
  await expect(rows.nth(0).locator("a[data-row-link]")).toHaveAttribute("href", `/b/${id}/log?L=3-24#L3`);
});

test("move through the tested commits with j and k", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}`);
  await expect(page.locator("html")).toHaveAttribute("data-keys", "on");
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("j");
  await expect(page.locator("#step-0")).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page.locator("#step-2")).toBeFocused();
  await page.keyboard.press("k");
  await expect(page.locator("#step-1")).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/b/${id}/log\\?L=26-28#L26$`));
});

test("/ on a page without a search box goes to the list's, focused", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}`);
  await expect(page.locator("html")).toHaveAttribute("data-keys", "on");
  await page.keyboard.press("/");
  await page.waitForURL(/\/#search$/);
  await expect(page.getByRole("searchbox", { name: /Search/ })).toBeFocused();
  await page.keyboard.type("kvm_wait");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/\?q=kvm_wait/);
  // with a log pasted into the upload form, `/` does not leave the page (helper h25's review)
  await page.goto("/upload");
  await expect(page.locator("html")).toHaveAttribute("data-keys", "on");
  await page.locator("textarea").first().fill("bisecting cause commit starting from 9c54130cd255");
  await page.locator("h1").first().click();
  await page.keyboard.press("/");
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/upload$/);
  await expect(page.locator("textarea").first()).toHaveValue("bisecting cause commit starting from 9c54130cd255");
});

test("read the culprit and follow a frame to the source", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}`);
  const files = page.locator("#culprit tbody tr");
  await expect(files).toHaveCount(4);
  await expect(files.filter({ hasText: "kernel/locking/irqflag-debug.c" })).toContainText("created");
  await expect(page.locator("#culprit")).toContainText(CULPRIT);
  const crash = page.locator("#crash");
  const frame = crash.locator(`a[href*='tree/kernel/locking/irqflag-debug.c?id=${CULPRIT}#n9']`).first();
  await expect(frame).toHaveText("kernel/locking/irqflag-debug.c:9");
  await expect(crash.locator("[data-frame]", { hasText: "touched by culprit" }).first()).toBeVisible();
  await expect(crash.locator("[data-frame='4']")).toContainText("guilty");
  // git's own words, quoted as L30 prints them
  await expect(page.locator("#facts")).toContainText("(after git bisect start: “Bisecting: 11797 revisions left to test after this”)");
  // the WARN() message (L242) above the headline (L243), unfolded: what the warning says
  const headline = crash.getByTestId("crash-headline");
  await expect(headline.locator("p")).toHaveText(["raw_local_irq_restore() called with IRQs enabled", /^WARNING: CPU: 0 PID: 8762 at kernel\/locking\/irqflag-debug.c:9 /]);
  await expect(headline).toBeVisible();
  await expect(crash.getByText("6 syscall entry/exit frames: exit_to_user_mode_prepare, syscall_exit_to_user_mode, entry_SYSCALL_64_after_hwframe (3 more inlined in them)")).toBeVisible();
  // the RIP lines (L248-L249) name the place the WARNING line (L243-L244) does: shown once, linked
  await expect(crash.locator("h3", { hasText: "Instruction pointer" })).toHaveCount(0);
  await expect(crash.locator("h3", { hasText: "Reported at" })).toContainText("the RIP line says the same: L248");
  // report order: the inline kvm_wait (L263) comes before the kvm_wait+0xc3 that contains it (L264)
  const order = await crash.locator("[data-frame] > a.frame-note").evaluateAll((as) => as.map((a) => a.textContent));
  expect(order.slice(2, 5)).toEqual(["L263", "L264", "L265"]);
  await expect(crash.locator("[data-frame] a[href*='/log#L263']")).toHaveCount(1);
  // registers and Code: are folded away, one click from the raw report text
  const raw = crash.locator("details", { hasText: "raw report" });
  await expect(raw.getByText("Code: 51 00 e9 3f fe ff ff", { exact: false })).toBeHidden();
  await raw.locator("summary").click();
  await expect(raw.getByText("RSP: 0018:ffffc9000163fa18 EFLAGS: 00010282")).toBeVisible();
});

test("switch the colour theme", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}`);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-keys", "on"); // hydrated
  const toggle = page.getByTestId("theme-toggle");
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await toggle.click();
  await expect(html).toHaveAttribute("data-theme", "light");
  await toggle.click();
  await expect(html).not.toHaveAttribute("data-theme", /.+/);
});

for (const scheme of ["light", "dark"] as const) {
  test(`no accessibility violations (${scheme})`, async ({ page, request }) => {
    const id = await seedId(request);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/b/${id}`);
    await expect(page.locator("#timeline")).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  });
}

test("read the page without JavaScript", async ({ browser, request }) => {
  const id = await seedId(request);
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`/b/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("WARNING in kvm_wait");
  await expect(page.locator("#timeline tbody tr")).toHaveCount(15);
  await ctx.close();
});

// Next 16 renders the not-found UI of a dynamic route on the client only (vercel/next.js#97000):
// the status is 404 for every client, and the text reads without JavaScript (scripts/serve.ts routes
// requests for what is not stored to the server-rendered 404 page: lib/server/missing-pages.ts).
test("a missing bisection answers 404 and says what to do next, with or without JavaScript", async ({ browser, request }) => {
  for (const path of ["/b/000000000000", "/b/000000000000/log", "/c/0000000", "/compare?a=000000000000&b=000000000000"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  for (const javaScriptEnabled of [false, true]) {
    const ctx = await browser.newContext({ javaScriptEnabled });
    const page = await ctx.newPage();
    for (const path of ["/b/000000000000", "/b/000000000000/log", "/b/not-an-id"]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await expect(page.getByTestId("missing-bisection")).toContainText("No such bisection");
      await expect(page.getByRole("link", { name: "upload a log" })).toBeVisible();
    }
    await page.goto("/c/0000000");
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.locator("main")).toContainText("No stored bisection tested or found a commit starting with 0000000");
    const id = await seedId(request);
    const res = await page.goto(`/compare?a=${id}&b=000000000000`);
    expect(res?.status()).toBe(404);
    await expect(page.locator("main")).toContainText("Nothing is stored under the id 000000000000, so there is nothing to compare.");
    await ctx.close();
  }
});

test("a fix bisection says what happened, not git's inverted words", async ({ page, request }) => {
  const log = readFileSync("lib/parser/testdata/synthetic/fix-found-nfc-2022.txt", "utf8");
  const { id } = await (await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: log })).json();
  await page.goto(`/b/${id}`);
  await expect(page.getByTestId("found-commit")).toContainText("Fixed by eddda463ca4e");
  await expect(page.getByTestId("fixes-tag")).toHaveText("#syz fix: nfc: llcp: hold a reference to the local device in llcp_sock_bind()");
  // git said `bad` for the fix (it did not crash) and `good` for commits that still crashed
  const fixRow = page.locator("#timeline tbody tr", { hasText: "eddda463ca4e" });
  await expect(fixRow).toContainText("did not crash");
  await expect(page.locator("#timeline tbody tr", { hasText: "410c08d8c643" })).toContainText("crashed");
  await expect(page.locator("#timeline")).not.toContainText("(good)");
});
