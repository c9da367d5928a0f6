// The raw log page's HTML: one element per line with its anchor, the text escaped and whole,
// `?L=` marked on the server, and nothing sent twice.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { escapeHtml, linkCommits, logPageChunks, type LogPage } from "./html";

const page = (text: string, selected: [number, number] | null = null): string =>
  [...logPageChunks({ id: "0123456789ab", text, selected, nonce: "n0nce", palette: ":root{--bg:#fff}", themeScript: "/*t*/" } satisfies LogPage)].join("");

function lines(html: string): string[] {
  return [...html.matchAll(/<div id=L(\d+)( data-sel)?><a href=#L\1>\1<\/a>(.*?)<\/div>/g)].map((m) => `${m[1]}${m[2] ? "*" : ""}|${m[3]}`);
}

describe("the log page", () => {
  it("numbers lines as the log does: a final newline ends the last line", () => {
    expect(lines(page("a\nb\n"))).toEqual(["1|a", "2|b"]);
    expect(lines(page("a\n\n"))).toEqual(["1|a", "2|"]);
    expect(lines(page("a"))).toEqual(["1|a"]);
    expect(lines(page(""))).toEqual(["1|"]);
  });

  it("escapes markup in log text", () => {
    expect(lines(page('<script>alert("x")</script> & more'))).toEqual(["1|&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"]);
    expect(escapeHtml("a\u0000b")).toBe("a\ufffdb");
  });

  it("links full commit hashes to their commit pages, and nothing shorter or inside a word", () => {
    const h = "997acaf6b4b59c6a9c259740312a69ea549cc684";
    expect(linkCommits(`# git bisect bad ${h}`)).toBe(`# git bisect bad <a href=/c/${h}>${h}</a>`);
    expect(linkCommits(`x${h} ${h.slice(0, 39)} ${h}0`)).toBe(`x${h} ${h.slice(0, 39)} ${h}0`);
    const html = page(`testing commit ${h} with gcc\n`);
    expect(html).toContain(`<div id=L1><a href=#L1>1</a>testing commit <a href=/c/${h}>${h}</a> with gcc</div>`);
  });

  it("marks the ?L= range on the server", () => {
    expect(lines(page("a\nb\nc\nd\n", [2, 3]))).toEqual(["1|a", "2*|b", "3*|c", "4|d"]);
  });

  it("carries the nonce on its inline style and scripts, and each line once", () => {
    const seed = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
    const html = page(seed);
    expect(html.match(/<(script|style) nonce="n0nce">/g)).toHaveLength(3);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(lines(html)).toHaveLength(292);
    expect(html.split("Author: Mark Rutland &lt;mark.rutland@arm.com&gt;").length - 1).toBe(1);
    // the whole page: the log's text plus about 40 bytes a line and the page's own 5 KB
    expect(html.length).toBeLessThan(seed.length + 292 * 45 + 8_000);
  });
});
