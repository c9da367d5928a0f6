// `npm run bench -- layout`: the timeline's subject column in a real Chromium, on corpus pages at
// six screen widths. The built server on a fresh embedded PostgreSQL with every corpus log; for
// each page and width: whether the timeline's box scrolls sideways, how many subjects are cut
// (their span's text wider than its box), and whether a subject is cut although the table ends
// 200 px or more before its box does (room it did not take). LAYOUT_PAGES (default 120) logs,
// picked by the md5 of their id, so the same ones each run; LAYOUT_PAGES=all for every one.
// Chromium: LAYOUT_CHROMIUM, default Debian's /usr/bin/chromium.
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { chromium } from "playwright-core";
import { freshDatabase } from "./db";
import { importQuietly } from "./import";
import { startServer } from "./load";
import { corpusFiles } from "./corpus";
import { bisectionIdFor, contentHash, normalizeLog } from "@/lib/ingest/normalize";

const WIDTHS = [1280, 1366, 1600, 1920, 2299, 2560];

interface PageFigures {
  scrolls: boolean;
  subjects: number;
  cut: number;
  cutWithRoom: boolean;
}

export async function benchLayout(): Promise<string> {
  const texts = corpusFiles().map((f) => readFileSync(f, "utf8"));
  const ids = texts.map((t) => bisectionIdFor(contentHash(normalizeLog(t))));
  const md5 = (s: string) => createHash("md5").update(s).digest("hex");
  const n = process.env.LAYOUT_PAGES === "all" ? ids.length : Number(process.env.LAYOUT_PAGES ?? 120);
  const picked = [...new Set(ids)].sort((a, b) => (md5(a) < md5(b) ? -1 : 1)).slice(0, n);
  const db = await freshDatabase();
  try {
    await importQuietly(db.url, texts);
    const server = await startServer(db.url);
    const browser = await chromium.launch({
      executablePath: process.env.LAYOUT_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const out = [
      `timeline subject column, ${picked.length} corpus pages (by md5 of id), Chromium ${browser.version()}:`,
      "  width   pages with subjects   subjects cut (rows)   pages with a cut   box scrolls   cut with 200 px of room",
    ];
    try {
      for (const width of WIDTHS) {
        const ctx = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await ctx.newPage();
        const all: PageFigures[] = [];
        for (const id of picked) {
          await page.goto(`http://127.0.0.1:${server.port}/b/${id}`, { waitUntil: "load" });
          const f = await page.evaluate((): PageFigures | null => {
            const box = document.querySelector("#timeline .scroll-cue");
            const table = box?.querySelector("table");
            if (!box || !table) return null;
            // the cell's text box: its span (a cell of builds before the span measures itself)
            const spans = [...table.querySelectorAll<HTMLElement>("td.tl-subject")].filter((td) => td.offsetParent !== null).map((td) => td.querySelector<HTMLElement>("span") ?? td);
            const cut = spans.filter((s) => s.scrollWidth > s.clientWidth).length;
            const room = box.getBoundingClientRect().right - table.getBoundingClientRect().right;
            return { scrolls: box.scrollWidth > box.clientWidth, subjects: spans.length, cut, cutWithRoom: cut > 0 && room >= 200 };
          });
          if (f) all.push(f);
        }
        await ctx.close();
        const withSubjects = all.filter((f) => f.subjects > 0);
        const cells = [
          String(width).padStart(7),
          String(withSubjects.length).padStart(21),
          `${all.reduce((s, f) => s + f.cut, 0)} of ${all.reduce((s, f) => s + f.subjects, 0)}`.padStart(21),
          String(all.filter((f) => f.cut > 0).length).padStart(18),
          String(all.filter((f) => f.scrolls).length).padStart(13),
          String(all.filter((f) => f.cutWithRoom).length).padStart(25),
        ];
        out.push(cells.join(" "));
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    return out.join("\n");
  } finally {
    await db.stop();
  }
}
