// A maintainer reads a bisection page on a phone (390 px), a laptop (1366 px) and a wide screen
// (2560 px): frames in one column set with names whole, the matrix inside the screen with short
// headers, the subject column using the room, the trustworthy range beside the timeline where
// there is room, one symbol per kind of failure. Logs seeded by the
// e2e server (lib/parser/testdata); defects seen on the review screenshots of 2026-12-01.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { seedId } from "./helpers";

const BLOCKED = "lib/parser/testdata/corpus/2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt";

async function blockedId(page: Page): Promise<string> {
  const res = await page.request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: readFileSync(BLOCKED, "utf8") });
  return (await res.json()).id as string;
}

/** Each frame: its function element's height over its line height, and the x of its file. */
async function frames(page: Page) {
  return page.locator("#crash .frame").evaluateAll((els) =>
    els.map((el) => {
      const fn = el.querySelector(".frame-fn") as HTMLElement;
      const where = el.querySelector(".frame-where") as HTMLElement;
      return { fn: fn.innerText, lines: Math.round(fn.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)), x: Math.round(where.getBoundingClientRect().x) };
    }),
  );
}

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 900 } });

  test("stack frames keep function names whole, files at one x, and the page does not scroll sideways", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const f = await frames(page);
    const byName = (n: string) => f.find((x) => x.fn.startsWith(n))!;
    // were "pv_wait / _head_o / r_lock", "queued_spin / _lock_slowp / ath"
    expect(byName("pv_wait_head_or_lock").lines).toBe(1);
    expect(byName("queued_spin_lock_slowpath").lines).toBe(1);
    expect(new Set(f.map((x) => x.x)).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("the matrix header is one short line (no band of tall titles), the titles are listed whole", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const head = await page.locator("#timeline thead").boundingBox();
    expect(head!.height).toBeLessThan(40);
    await expect(page.locator("#timeline .sig-keys li").first()).toContainText("WARNING: refcount bug in sk_psock_get");
  });

  test("a rule id in the odds line stays on one line", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const ids = page.locator("span.font-mono", { hasText: /^title-drift:/ });
    const box = await ids.first().boundingBox();
    expect(box!.height).toBeLessThan(20);
  });
});

test.describe("at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("an error bisection's twelve-title matrix fits its box, with every note on screen", async ({ page }) => {
    await page.goto(`/b/${await blockedId(page)}`);
    const fit = await page.locator("#timeline table").evaluate((t) => ({ sw: t.scrollWidth, box: t.parentElement!.clientWidth, head: t.querySelector("thead")!.getBoundingClientRect().height }));
    expect(fit.sw).toBeLessThanOrEqual(fit.box);
    expect(fit.head).toBeLessThan(40);
    await expect(page.locator("#step-6 .tl-notes")).toContainText("failed to create VM pool");
  });

  test("a basic-testing failure has one symbol in runs, verdict, matrix and legend", async ({ page }) => {
    await page.goto(`/b/${await blockedId(page)}`);
    const row = page.locator("#step-10");
    // its verdict and its `all runs:` strip (the subject column is absent: release rows have none)
    await expect(row.locator("td i.shape-basic")).toHaveCount(2);
    await expect(page.locator("#timeline thead th", { hasText: /^subject$/ })).toHaveCount(0);
    await expect(row.locator("td.sig-cell", { hasText: "⊘all" })).toHaveCount(1);
    await expect(page.locator("#step-12 .shape-failed")).toHaveCount(0);
    await expect(page.getByTestId("matrix-legend")).toContainText("failed basic kernel testing infra or other failure");
  });
});

test.describe("at 2560 px", () => {
  test.use({ viewport: { width: 2560, height: 1200 } });

  test("the subject column shows a whole subject", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const cut = await page.locator("#timeline td.tl-subject span", { hasText: "lockdep: report broken irq restoration" }).first().evaluate((s) => s.scrollWidth > s.clientWidth);
    expect(cut).toBe(false);
  });

  test("the trustworthy range sits beside the timeline, which keeps its width; on a laptop it is below", async ({ page, request }) => {
    const id = await seedId(request);
    await page.goto(`/b/${id}`);
    const box = (sel: string) => page.locator(sel).boundingBox().then((b) => b!);
    const [tl, table, trust] = await Promise.all([box("#timeline"), box("#timeline table"), box("#trusted-range")]);
    expect(trust.x).toBeGreaterThan(table.x + table.width);
    expect(Math.abs(trust.y - tl.y)).toBeLessThan(20);
    expect(await page.locator("#timeline table").evaluate((t) => t.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(2560);
    await page.setViewportSize({ width: 1366, height: 900 });
    const [tl2, trust2] = await Promise.all([box("#timeline"), box("#trusted-range")]);
    expect(trust2.y).toBeGreaterThan(tl2.y + tl2.height - 1);
  });
});

test.describe("at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("a laptop shows the subject column too, cut with an ellipsis, and the page stays within the window", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    await expect(page.locator("#timeline td.tl-subject", { hasText: "lockdep: report broken irq restoration" }).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    // the head has the column too, so every cell sits under its own head
    const x = (sel: string) => page.locator(sel).first().evaluate((e) => Math.round(e.getBoundingClientRect().left));
    expect(await x("#timeline thead th:has-text('subject')")).toBe(await x("#step-13 td.tl-subject"));
    expect(await x("#timeline thead th:has-text('verdict')")).toBe(await x("#step-13 td:has(.shape)"));
  });

  test("the subject takes the room the other columns leave, and the matrix does not scroll for it", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const subject = page.locator("#timeline td.tl-subject", { hasText: "lockdep: report broken irq restoration" }).first();
    // 26ch was all a laptop got: "Merge tag 'for-linus-5..." (about 170 px)
    expect((await subject.boundingBox())!.width).toBeGreaterThan(300);
    expect(await subject.locator("span").evaluate((s) => s.scrollWidth > s.clientWidth)).toBe(false);
    expect(await page.locator("#timeline .scroll-cue").evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  });
});

test.describe("at 1920 px", () => {
  test.use({ viewport: { width: 1920, height: 1000 } });

  test("every subject of the seed is whole, and the table stops near what it needs instead of leaving a gap after short subjects", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const cells = page.locator("#timeline td.tl-subject");
    const widths = await cells.evaluateAll((tds) =>
      tds.map((td) => {
        const r = document.createRange();
        r.selectNodeContents(td);
        const s = td.querySelector("span")!;
        return { text: r.getBoundingClientRect().width, cell: td.getBoundingClientRect().width, cut: s.scrollWidth > s.clientWidth };
      }),
    );
    expect(widths.some((w) => w.cut)).toBe(false);
    const longest = Math.max(...widths.map((w) => w.text));
    // the column is at most a few characters wider than its longest subject
    expect(widths[0].cell - longest).toBeLessThan(120);
    expect((await page.locator("#timeline table").boundingBox())!.width).toBeLessThan(1900);
  });

  test("one 235-character merge subject is cut at the column's 132 characters, whole in its tooltip; the notes keep their width", async ({ page }) => {
    const log = readFileSync("../shared/corpus/syzbot-cause-2019-2023/Log_17c2c723d00000.txt", "utf8");
    const res = await page.request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: log });
    await page.goto(`/b/${(await res.json()).id}`);
    const long = page.locator("#timeline td.tl-subject", { hasText: "Merge branches 'for-next/acpi', 'for-next/bpf'" });
    await expect(long).toHaveAttribute("title", /for-next\/acpi.*into for-next\/core$/);
    const m = await long.evaluate((td) => {
      const s = td.querySelector("span")!;
      // a monospace character's width: that of the subject's first ten over ten
      const r = document.createRange();
      r.setStart(s.firstChild!, 0);
      r.setEnd(s.firstChild!, 10);
      const ch = r.getBoundingClientRect().width / 10;
      return { cut: s.scrollWidth > s.clientWidth, chars: s.clientWidth / ch };
    });
    expect(m.cut).toBe(true);
    expect(Math.abs(m.chars - 132)).toBeLessThan(4);
    // the other subjects are whole, and the notes column is not pressed to its 18ch least
    const cut = await page.locator("#timeline td.tl-subject span").evaluateAll((ss) => ss.filter((s) => s.scrollWidth > s.clientWidth).length);
    expect(cut).toBe(1);
    expect(await page.locator("#timeline .scroll-cue").evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  });

  test("a long machinery note wraps in at most 80ch instead of pressing the subjects: every subject is whole", async ({ page }) => {
    // #8: `failed: failed to create VM pool: ...`, 300 characters, took 925 px beside btrfs subjects cut
    const log = readFileSync("../shared/corpus/syzbot-cause-2019-2023/Log_147b96a7880000.txt", "utf8");
    const res = await page.request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: log });
    await page.goto(`/b/${(await res.json()).id}`);
    const cut = await page.locator("#timeline td.tl-subject span").evaluateAll((ss) => ss.filter((s) => s.scrollWidth > s.clientWidth).length);
    expect(cut).toBe(0);
    const note = page.locator("#step-8 td.tl-notes");
    await expect(note).toContainText("failed to create VM pool");
    // 80ch of the notes' 0.8rem (13.5 px to the rem): under 600 px with the cell's padding
    expect((await note.boundingBox())!.width).toBeLessThan(600);
    expect(await page.locator("#timeline .scroll-cue").evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  });
});
