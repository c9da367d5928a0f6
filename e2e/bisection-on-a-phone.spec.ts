// A kernel developer reads a bisection on a phone (390 px): the tested-commits table says that it
// scrolls sideways rather than cutting its numbers at the box edge without a word, an e-mail
// address breaks only between addresses (or, when one alone is wider than the box, after an @ or
// a dot, never at a hyphen) and copies as itself, and the header's buttons keep their labels on
// one line while the header wraps and the page stays 390 px wide. Logs seeded by the e2e server
// (lib/parser/testdata); defects seen on the review screenshots of 2026-12-01.
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectScrollCue, seedId } from "./helpers";

const RECIPIENT_LOGS = [
  "lib/parser/testdata/corpus/2019-cc-kasan-alloc-free-msg-quotes-arm64-trace.Log_17c22c72a00000.txt",
  "lib/parser/testdata/corpus/2021-git-warnings-20runs-kasan.Log_13532e85b00000.txt",
  "lib/parser/testdata/corpus/2020-parent-not-tested-recipients.Log_15395f41900000.txt",
];

async function upload(page: Page, text: string): Promise<string> {
  const res = await page.request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: text });
  expect(res.ok()).toBe(true);
  return (await res.json()).id as string;
}

/** The addresses of the log's `cc: [...]` and `recipients (to|cc): [...]` lines, read from its text. */
function recipientsOf(text: string): { to: string[]; cc: string[] } {
  const list = (s: string) => [...new Set([...s.matchAll(/"([^"]*)"/g)].map((m) => m[1]))];
  const to: string[] = [];
  const cc: string[] = [];
  for (const line of text.split("\n")) {
    let m: RegExpMatchArray | null;
    if ((m = /^cc: \[(.*)\]/.exec(line))) cc.push(...list(m[1]));
    else if ((m = /^recipients \((to|cc)\): \[(.*)\]/.exec(line))) (m[1] === "to" ? to : cc).push(...list(m[2]));
  }
  return { to: [...new Set(to)], cc: [...new Set(cc)] };
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** Where each occurrence of each address sits: its line boxes, the characters a line ends after,
 *  and whether it could fit on one line of its box. Read from the rendered text by Range, so it
 *  does not depend on the markup. */
function addressLayout(box: Locator, addresses: string[]) {
  return box.evaluate((root, addrs) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const chars: { node: Text; at: number }[] = [];
    let text = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      for (let i = 0; i < t.data.length; i++) chars.push({ node: t, at: i });
      text += t.data;
    }
    const mid = (i: number) => {
      const r = document.createRange();
      r.setStart(chars[i].node, chars[i].at);
      r.setEnd(chars[i].node, chars[i].at + 1);
      const rect = [...r.getClientRects()].find((x) => x.width > 0) ?? r.getBoundingClientRect();
      return { y: rect.top + rect.height / 2, x: rect.left, right: rect.right };
    };
    const boxWidth = (root as HTMLElement).getBoundingClientRect().width;
    const out: { address: string; lines: number; breaksAfter: string[]; width: number; boxWidth: number }[] = [];
    for (const a of addrs) {
      const from = text.indexOf(a);
      if (from < 0) {
        out.push({ address: a, lines: -1, breaksAfter: [], width: 0, boxWidth });
        continue;
      }
      let lines = 1;
      const breaksAfter: string[] = [];
      let prev = mid(from);
      for (let i = from + 1; i < from + a.length; i++) {
        const m = mid(i);
        if (Math.abs(m.y - prev.y) > 4) {
          lines++;
          breaksAfter.push(text[i - 1]);
        }
        prev = m;
      }
      // the width the address takes on one line: its characters are monospaced
      const width = (prev.right - prev.x) * a.length;
      out.push({ address: a, lines, breaksAfter, width, boxWidth });
    }
    return out;
  }, addresses);
}

/** Distinct lines the element's text sits on. */
const textLines = (el: Locator) =>
  el.evaluate((root) => {
    const ys: number[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const r = document.createRange();
      r.selectNodeContents(n);
      for (const rect of r.getClientRects()) if (rect.width > 0) ys.push(rect.top + rect.height / 2);
    }
    return ys.filter((y, i) => ys.findIndex((z) => Math.abs(z - y) <= 4) === i).length;
  });

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 900 } });

  test("the tested-commits table that is wider than its box shows a scroll cue on the cut edge, and no cell cuts its own content", async ({ page, request }) => {
    await page.goto(`/b/${await seedId(request)}`);
    const box = page.locator("#timeline table").locator("xpath=..");
    const fit = await box.evaluate((b) => ({ sw: b.scrollWidth, cw: b.clientWidth }));
    // the seed's 15 rows with 20-run strips and four title columns do not fit 390 px
    expect(fit.sw).toBeGreaterThan(fit.cw);
    // the cue: shadows drawn on the box that the content covers where there is nothing more to
    // scroll to (background-attachment: local), so it needs no JavaScript
    await expectScrollCue(box);
    // the box cuts the table, not a cell its own content
    const cells = await page.locator("#timeline tbody td").evaluateAll((tds) =>
      tds.filter((c) => (c as HTMLElement).offsetParent !== null && c.scrollWidth > c.clientWidth + 1).map((c) => (c as HTMLElement).innerText.slice(0, 40)),
    );
    expect(cells).toEqual([]);
    // unscrolled, the box shows each row's number, commit with its role folded under it, verdict
    // and revisions left whole (`11797` showed as `1179` at the box edge, L30)
    const row = page.locator("#step-2");
    const edge = await box.evaluate((b) => b.getBoundingClientRect().right);
    const commit = row.locator("td", { has: page.getByRole("link", { name: "c5a58f877ca6" }) });
    expect(await commit.evaluate((td) => getComputedStyle(td, "::after").content)).toBe('"bisect"');
    await expect(row.locator("td", { hasText: /^bisect$/ })).toBeHidden();
    for (const part of [row.locator("td").first(), commit, row.locator("td", { hasText: /^crashed/ }), row.getByText("11797", { exact: true })]) {
      await expect(part).toBeVisible();
      const r = (await part.boundingBox())!;
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(edge);
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });

  test("e-mail addresses break only between addresses, copy as themselves, and never at a hyphen", async ({ page }) => {
    let checked = 0;
    for (const file of RECIPIENT_LOGS) {
      const text = readFileSync(file, "utf8");
      const want = recipientsOf(text);
      await page.goto(`/b/${await upload(page, text)}`);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      const dd = page.locator("#facts dt", { hasText: /^recipients$/ }).locator("xpath=following-sibling::dd[1]");
      // the text a reader copies is the real list, ASCII hyphens and all
      const shown = (await dd.innerText()).split("\n").map((l) => l.trim());
      if (want.to.length) expect(shown).toContain(`to: ${want.to.join(", ")}`);
      if (want.cc.length) expect(shown).toContain(`cc: ${want.cc.join(", ")}`);
      for (const a of await addressLayout(dd, [...want.to, ...want.cc])) {
        expect(a.lines, a.address).toBeGreaterThan(0);
        if (a.width <= a.boxWidth) expect(a.lines, `${a.address} fits ${Math.round(a.boxWidth)} px but is broken after ${a.breaksAfter.join(" ")}`).toBe(1);
        checked++;
      }
      // the author's address likewise
      const author = page.locator("#culprit dt", { hasText: /^author$/ }).locator("xpath=following-sibling::dd[1]");
      const email = /^Author: .*<([^>]+)>/m.exec(text)![1];
      await expect(author).toContainText(`<${email}>`);
      // with its brackets: `<` stayed behind on the name's line once the address moved to the next
      const [a] = await addressLayout(author, [`<${email}>`]);
      expect(a.lines).toBe(1);
    }
    expect(checked).toBeGreaterThan(20);
  });

  test("an address wider than the box breaks after an @ or a dot, never at a hyphen", async ({ page }) => {
    const long = "linux-arm-kernel-and-friends@lists.infradead-mirror.example.org";
    // and one whose name alone is wider than the box: it breaks where it must, inside the box
    const longer = "a-mailing-list-name-longer-than-a-phone-screen-is-wide@example.org";
    const text = readFileSync(RECIPIENT_LOGS[2], "utf8").replace('"robh@kernel.org"]', `"robh@kernel.org" "${long}" "${longer}"]`);
    await page.goto(`/b/${await upload(page, text)}`);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    const dd = page.locator("#facts dt", { hasText: /^recipients$/ }).locator("xpath=following-sibling::dd[1]");
    await expect(dd).toContainText(`to: broonie@kernel.org, festevam@gmail.com, robh@kernel.org, ${long}, ${longer}`);
    expect(await dd.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    const [a] = await addressLayout(dd, [long]);
    expect(a.width).toBeGreaterThan(a.boxWidth);
    expect(a.lines).toBeGreaterThan(1);
    for (const c of a.breaksAfter) expect(["@", "."]).toContain(c);
    // the address starts a line of its own rather than breaking after the comma's neighbour
    const others = await addressLayout(dd, ["robh@kernel.org"]);
    expect(others[0].lines).toBe(1);
  });

  test("the header's buttons keep their labels on one line; the header wraps and the page stays 390 px wide", async ({ page, request }) => {
    for (const path of ["/", `/b/${await seedId(request)}`, "/upload"]) {
      await page.goto(path);
      await expect(page.getByTestId("theme-toggle")).toBeVisible();
      for (const button of [page.getByRole("button", { name: /^keys/ }), page.getByTestId("theme-toggle")]) {
        expect(await textLines(button), `${path}: ${await button.innerText()}`).toBe(1);
        await expect(button).toBeInViewport({ ratio: 1 });
      }
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
      const header = await page.getByRole("banner").evaluate((h) => ({ sw: h.scrollWidth, cw: h.clientWidth }));
      expect(header.sw).toBeLessThanOrEqual(header.cw);
    }
  });
});
