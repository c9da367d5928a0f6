// Link finding on the shapes syzbot sends: its bisection email (the template of
// dashboard/app/templates/mail_bisect_result.txt), bare links, its bug page's HTML, file names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bisectLogIdsInHtml, findSyzbotLinks, logXidFromFileName, urlTokens } from "./links";

const hosts = { origin: "http://127.0.0.1:9" };

const EMAIL = `syzbot has bisected this issue to:

commit 36e65cb4a0448942ec316b24d60446bbd5cc7827
Author: Author Kernelov <author@kernel.org>

    kernel: add a bug

bisection log:  https://syzkaller.appspot.com/x/bisect.txt?x=10073cd0700000
start commit:   111111111111 kernel_commit_title1
git tree:       upstream
final oops:     https://syzkaller.appspot.com/x/report.txt?x=14073cd0700000
console output: https://syzkaller.appspot.com/x/log.txt?x=12073cd0700000
kernel config:  https://syzkaller.appspot.com/x/.config?x=a989f27ebc47e2dc
dashboard link: https://syzkaller.appspot.com/bug?extid=decf42d66dced481afc1
syz repro:      https://syzkaller.appspot.com/x/repro.syz?x=13073cd0700000
C reproducer:   https://syzkaller.appspot.com/x/repro.c?x=15073cd0700000

Reported-by: syzbot+decf42d66dced481afc1@syzkaller.appspotmail.com
Fixes: 36e65cb4a044 ("kernel: add a bug")

For information about bisection process see: https://goo.gl/tpsmEJ#bisection
`;

describe("findSyzbotLinks", () => {
  it("reads every link of a syzbot bisection email by its path", () => {
    const r = findSyzbotLinks(EMAIL, hosts);
    expect(r.logXids).toEqual(["10073cd0700000"]);
    expect(r.logUrls["10073cd0700000"]).toBe("https://syzkaller.appspot.com/x/bisect.txt?x=10073cd0700000");
    expect(r.bugs).toEqual([{ kind: "extid", value: "decf42d66dced481afc1" }]);
    expect(r.bugUrl).toBe("https://syzkaller.appspot.com/bug?extid=decf42d66dced481afc1");
    expect(r.consoleUrl).toBe("https://syzkaller.appspot.com/x/log.txt?x=12073cd0700000");
    expect(r.configUrl).toBe("https://syzkaller.appspot.com/x/.config?x=a989f27ebc47e2dc");
    expect(r.syzReproUrl).toBe("https://syzkaller.appspot.com/x/repro.syz?x=13073cd0700000");
    expect(r.cReproUrl).toBe("https://syzkaller.appspot.com/x/repro.c?x=15073cd0700000");
    expect(r.foreign).toEqual([]);
  });

  it("takes the Reported-by address as the bug's extid when there is no dashboard link", () => {
    const r = findSyzbotLinks("Reported-by: syzbot+0267d1c87b9ed4eb5def@syzkaller.appspotmail.com\n", hosts);
    expect(r.bugs).toEqual([{ kind: "extid", value: "0267d1c87b9ed4eb5def" }]);
  });

  it("reads /bug?id=, /text?tag=Log&x= and links on the configured origin", () => {
    const r = findSyzbotLinks(
      "see https://syzkaller.appspot.com/bug?id=cb1dbe55dc6daa7e739a0d09a0ae4d5e3e5a10c8, and http://127.0.0.1:9/text?tag=Log&amp;x=abc.",
      hosts,
    );
    expect(r.bugs).toEqual([{ kind: "id", value: "cb1dbe55dc6daa7e739a0d09a0ae4d5e3e5a10c8" }]);
    expect(r.logXids).toEqual(["abc"]);
  });

  it("sets syzbot-shaped links on other hosts apart, and ignores other links", () => {
    const r = findSyzbotLinks("https://evil.example/x/bisect.txt?x=10073cd0700000 https://lore.kernel.org/r/abc@x", hosts);
    expect(r.logXids).toEqual([]);
    expect(r.foreign).toEqual(["https://evil.example/x/bisect.txt?x=10073cd0700000"]);
    expect(r.urls).toBe(2);
  });

  it("refuses ids that are not hex or too long", () => {
    const r = findSyzbotLinks("https://syzkaller.appspot.com/x/bisect.txt?x=zz https://syzkaller.appspot.com/x/bisect.txt?x=1234567890abcdef0", hosts);
    expect(r.logXids).toEqual([]);
  });

  it("keeps each of thousands of links once, in order of first mention", () => {
    const hex = (i: number) => i.toString(16).padStart(14, "0");
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      lines.push(`https://syzkaller.appspot.com/x/bisect.txt?x=${hex(i)}`, `https://syzkaller.appspot.com/bug?extid=${hex(i)}`, `Reported-by: syzbot+${hex(i)}@syzkaller.appspotmail.com`);
      if (i % 2 === 0) lines.push(`https://syzkaller.appspot.com/x/bisect.txt?x=${hex(i >> 1)}`);
    }
    const r = findSyzbotLinks(lines.join("\n"), hosts);
    expect(r.logXids).toEqual(Array.from({ length: 3000 }, (_, i) => hex(i)));
    // a dashboard link and the Reported-by address name one bug (extid) once
    expect(r.bugs.length).toBe(3000);
    expect(r.bugs[2999]).toEqual({ kind: "extid", value: hex(2999) });
  });

  it("finds the tokens a plain scan for http(s):// finds, on texts of URL pieces", () => {
    // the reference: the text lower-cased, each `http` tried in turn (the first version, correct
    // but quadratic in V8's optimized code on a few thousand links)
    const END = new Set([" ", "\t", "\n", "\r", "<", ">", '"', "'", "(", ")", "[", "]", "{", "}", "`"]);
    const TRAIL = new Set([".", ",", ";", ":", "!", "?"]);
    const reference = (text: string) => {
      const out: string[] = [];
      const lower = text.toLowerCase();
      for (let i = 0; i < text.length; ) {
        const a = lower.indexOf("http", i);
        if (a < 0) break;
        const rest = lower.startsWith("https://", a) ? 8 : lower.startsWith("http://", a) ? 7 : 0;
        if (!rest) {
          i = a + 4;
          continue;
        }
        let e = a + rest;
        while (e < text.length && !END.has(text[e])) e++;
        let end = e;
        while (end > a + rest && TRAIL.has(text[end - 1])) end--;
        if (end > a + rest) out.push(text.slice(a, end).replace(/&amp;/g, "&"));
        i = e;
      }
      return out;
    };
    const piece = fc.constantFrom("http", "HTTP", "https", "Https", "://", ":/", "/", "s", "x", ".", ",", " ", "\n", "(", ")", "&amp;", "?x=1", "syzkaller.appspot.com", "ftp");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join("")), (t) => {
        expect(urlTokens(t)).toEqual(reference(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds every one of 12,000 dashboard links, once the scan is optimized", () => {
    // (the first version, the reference above, took 6 s here in V8's optimized code: BENCHMARKS.md
    // "Pasted syzbot links"; speed is measured there, this checks the result)
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://syzkaller.appspot.com/bug?extid=${i.toString(16).padStart(20, "0")}`).join("\n");
    for (let k = 0; k < 3; k++) expect(urlTokens(links(3000)).length).toBe(3000);
    const r = findSyzbotLinks(links(12_000), hosts);
    expect(r.bugs.length).toBe(12_000);
  });

  it("stays linear on a long run of near-URLs", () => {
    const t = "http".repeat(200_000) + "https://".repeat(50_000);
    // the https:// run has no separator: one token
    expect(urlTokens(t).length).toBe(1);
  });
});

describe("bisectLogIdsInHtml", () => {
  it("finds both link forms of syzbot's bug page, each once", () => {
    const html = `<a href="https://syzkaller.appspot.com/x/bisect.txt?x=1612a9f2d00000">bisect log</a>
      <a href="/text?tag=Log&amp;x=17ab">bisect log</a> <a href="/x/bisect.txt?x=1612a9f2d00000">again</a>
      <a href="/text?tag=CrashLog&amp;x=99">log</a>`;
    expect(bisectLogIdsInHtml(html)).toEqual(["1612a9f2d00000", "17ab"]);
  });
});

describe("logXidFromFileName", () => {
  it("reads the corpus's Log_<x>.txt names", () => {
    expect(logXidFromFileName("../shared/corpus/syzbot-cause-2019-2023/Log_10073cd0700000.txt")).toBe("10073cd0700000");
    expect(logXidFromFileName("bisect.txt")).toBeNull();
    expect(logXidFromFileName("Log_nothex.txt")).toBeNull();
  });
});
