// Review 3 (screenshots of 2026-12-01, /work/notes/review3/findings.md): what a reader at 390 px
// could not read. The replay script scrolled without a cue and each "# not trusted" comment hid
// the command after it (item 4); the other bisections of the crash showed only id, date and
// title, their verdict, culprit and compare link beyond the edge (5); a release whose test
// could not be set up (VM pool) showed two dashes and a three-line note (7); compare broke a
// crash title inside an identifier (10); the list's search placeholder was cut (19).
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { FIXTURE, expectScrollCue, seedId } from "./helpers";

/** f614f8ebde37 of the review: release v5.14 (L100-L104) ends in `failed: failed to create VM pool: ...` */
const VM_POOL_LOG = "lib/parser/testdata/corpus/2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt";

async function upload(page: Page, text: string): Promise<string> {
  const res = await page.request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: text });
  expect(res.ok()).toBe(true);
  return (await res.json()).id as string;
}

/** The seed, except that git was told its first bisect step was good: another bisection of the same crash. */
const variant = () => FIXTURE.replace("# git bisect bad c5a58f877ca645a3303f7a57476f2de837fdb97a", "# git bisect good c5a58f877ca645a3303f7a57476f2de837fdb97a");

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** The words (runs of letters and digits; an identifier's parts between its `_`s) of the box's text that a line breaks inside. */
function brokenWords(box: Locator) {
  return box.evaluateAll((roots) => {
    const out: string[] = [];
    for (const root of roots) {
      if ((root as HTMLElement).offsetParent === null) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        for (const m of t.data.matchAll(/[A-Za-z0-9]+/g)) {
          const r = document.createRange();
          r.setStart(t, m.index!);
          r.setEnd(t, m.index! + m[0].length);
          const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
    }
    return out;
  });
}

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 900 } });

  test("the replay script puts each untrusted verdict's reason on its own line and scrolls with a cue", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const box = page.getByTestId("replay-script");
    // folded under its summary line until the reader opens it
    await expect(box).toBeHidden();
    await page.locator("#trusted-range summary").click();
    await expect(box).toBeVisible();
    const lines = (await box.textContent())!.trimEnd().split("\n");
    // the seed's 8 untrusted verdicts (WARNING in kvm_wait): a comment saying why, then the command commented out
    const reasons = lines.flatMap((l, i) => (l.startsWith("# not trusted") ? [i] : []));
    expect(reasons).toHaveLength(8);
    for (const i of reasons) {
      expect(lines[i]).not.toContain("git bisect");
      expect(lines[i + 1]).toMatch(/^# git bisect (good|bad) [0-9a-f]{40}$/);
    }
    // what git bisect replay reads: every line a `git bisect` command or a comment
    expect(lines.every((l) => l.startsWith("git bisect ") || l.startsWith("#"))).toBe(true);
    // the command's start (`# git bisect bad 997acaf6b4b5`) is on screen unscrolled
    const edge = await box.evaluate((b) => b.getBoundingClientRect().right);
    const shown = await box.evaluate((b) => {
      const t = b.firstChild as Text;
      const at = t.data.indexOf("# git bisect bad ") + "# git bisect bad 997acaf6b4b5".length;
      const r = document.createRange();
      r.setStart(t, at - 1);
      r.setEnd(t, at);
      return r.getBoundingClientRect().right;
    });
    expect(shown).toBeLessThanOrEqual(edge);
    // wider than the box, it scrolls under the timeline's cue: shadows the content covers where there is no more
    const fit = await box.evaluate((b) => ({ sw: b.scrollWidth, cw: b.clientWidth }));
    expect(fit.sw).toBeGreaterThan(fit.cw);
    await expectScrollCue(box);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });

  test("the other bisections of the crash fold each row so its verdict, culprit and compare link are on screen", async ({ page, request }) => {
    const a = await seedId(request);
    await upload(page, variant());
    await page.goto(`/b/${a}`);
    // every row shown (the list stops at its first few): its id, verdict, culprit and compare link on screen
    const rows = page.locator("#related tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      const culprit = row.locator('a[href^="/c/"]');
      const parts = [row.locator('a[href^="/b/"]'), row.getByText(/likely wrong|doubtful|no warning signs|n\/a/).first(), row.getByRole("link", { name: "compare" })];
      if ((await culprit.count()) > 0) parts.push(culprit);
      for (const part of parts) {
        await expect(part).toBeVisible();
        const r = (await part.boundingBox())!;
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width).toBeLessThanOrEqual(390);
      }
    }
    // nothing beyond the box: it does not scroll
    const box = page.locator("#related table").locator("xpath=..");
    const fit = await box.evaluate((x) => ({ sw: x.scrollWidth, cw: x.clientWidth }));
    expect(fit.sw).toBeLessThanOrEqual(fit.cw);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });

  test("a release whose test could not be set up says so with the infra mark, its long note clamped to two lines", async ({ page }) => {
    const id = await upload(page, readFileSync(VM_POOL_LOG, "utf8"));
    await page.goto(`/b/${id}`);
    const row = page.locator("tr", { has: page.getByRole("link", { name: "7d2a07b76933" }) }).first();
    const verdict = row.locator("td", { hasText: "setup failed" });
    await expect(verdict).toBeVisible();
    await expect(verdict.locator("i.shape-failed")).toHaveCount(1);
    // the note: two lines, the whole under its disclosure, no JavaScript needed
    const note = row.locator("td.tl-notes details");
    const summary = note.locator("summary");
    const lineHeight = await summary.evaluate((s) => parseFloat(getComputedStyle(s.querySelector(".tl-clamp")!).lineHeight));
    const closed = (await summary.boundingBox())!.height;
    expect(closed).toBeLessThanOrEqual(2 * lineHeight + 2);
    const other = (await page.locator("#step-5").boundingBox())!.height;
    expect((await row.boundingBox())!.height).toBeLessThanOrEqual(other * 1.5);
    await summary.click();
    await expect(note).toHaveAttribute("open", "");
    expect((await summary.boundingBox())!.height).toBeGreaterThan(closed);
    await expect(note).toContainText("NullFields:[]}.");
  });

  test("compare breaks a crash title only at spaces or after a slash, comma or underscore, never inside a word, and fits the screen", async ({ page, request }) => {
    const a = await seedId(request);
    const b = await upload(page, variant());
    await page.goto(`/compare?a=${a}&b=${b}`);
    // the start commit's titles (L5-L24): "... bpf_exec_tx_verdict, WARNING: refcount bug in sk_psock_get"
    const titles = page.locator("td[data-side] div.font-mono");
    await expect(titles.filter({ hasText: "bpf_exec_tx_verdict" }).first()).toBeVisible();
    expect(await brokenWords(titles)).toEqual([]);
    // and the table fits the screen: side B's titles are not cut at the box edge
    const box = page.getByTestId("compare-table").locator("xpath=..");
    const fit = await box.evaluate((x) => ({ sw: x.scrollWidth, cw: x.clientWidth }));
    expect(fit.sw).toBeLessThanOrEqual(fit.cw);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });
});

for (const width of [390, 1366]) {
  test(`the list's search placeholder fits its box at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    const box = page.locator("input[data-search-box]");
    const fit = await box.evaluate((el) => {
      const input = el as HTMLInputElement;
      const s = getComputedStyle(input);
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      const inner = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      return { text: ctx.measureText(input.placeholder).width, inner, placeholder: input.placeholder };
    });
    expect(fit.placeholder.length).toBeGreaterThan(0);
    expect(fit.text).toBeLessThanOrEqual(fit.inner);
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
  });
}
