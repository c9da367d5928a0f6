import { describe, expect, it } from "vitest";
import { bisectionsAtom, entryTitle, esc } from "./atom";
import type { BisectionListRow } from "./view-types";

const row: BisectionListRow = {
  id: "0123456789ab",
  uploadedAt: "2026-11-24T10:00:00.000Z",
  startedAt: null,
  type: "cause",
  outcome: "found",
  verdict: "likely-wrong",
  verdictHeadline: "chased a different crash",
  crashTitle: "WARNING in kvm_wait",
  startTitle: "WARNING: refcount bug in sk_psock_get",
  foundCommit: { hash: "997acaf6b4b59c6a9c259740312a69ea549cc684", subject: "lockdep: report <broken> & irq", author: "Mark Rutland" },
  candidates: 0,
  error: null,
  syzbot: null,
  marks: { right: 0, wrong: 0 },
  commitsTested: 15,
};

describe("bisectionsAtom", () => {
  it("titles an entry the way a mail subject would read", () => {
    expect(entryTitle(row)).toBe("culprit 997acaf6b4b5: WARNING in kvm_wait");
    expect(entryTitle({ ...row, foundCommit: null, outcome: "horizon" })).toBe(
      "cause bisection happens on the oldest tested release: WARNING in kvm_wait",
    );
  });
  it("escapes text and links each entry to its permalink", () => {
    const xml = bisectionsAtom([row], { base: "http://h", selfHref: "http://h/feed.atom?path=kernel/", subtitle: "x" });
    expect(xml).toContain("<link rel=\"alternate\" type=\"text/html\" href=\"http://h/b/0123456789ab\"/>");
    expect(xml).toContain("lockdep: report &lt;broken&gt; &amp; irq");
    expect(xml).not.toContain("<broken>");
    expect(xml).toContain("<updated>2026-11-24T10:00:00.000Z</updated>");
  });
});

describe("the bisection's own date in the feed", () => {
  it("says when the bisection ran where its log says it, beside the upload time", () => {
    const xml = bisectionsAtom([{ ...row, startedAt: "2023-02-21T01:40:08.558Z" }], { base: "http://h", selfHref: "http://h/feed.atom", subtitle: "x" });
    expect(xml).toContain("15 commits tested; ran 2023-02-21 01:40 UTC</summary>");
    expect(xml).toContain("<published>2026-11-24T10:00:00.000Z</published>");
    expect(bisectionsAtom([row], { base: "http://h", selfHref: "http://h/feed.atom", subtitle: "x" })).not.toContain("; ran ");
  });
});

describe("syzbot links and developers' marks in the feed", () => {
  it("adds the syzbot links as related links and the marks to the summary", () => {
    const xml = bisectionsAtom(
      [
        {
          ...row,
          syzbot: {
            logXid: "10073cd0700000",
            bugExtid: "decf42d66dced481afc1",
            bugId: null,
            bugTitle: null,
            logUrl: null,
            bugUrl: null,
            consoleUrl: "https://syzkaller.appspot.com/x/log.txt?x=1&y=2",
            configUrl: null,
            syzReproUrl: null,
            cReproUrl: null,
          },
          marks: { right: 1, wrong: 2 },
        },
      ],
      { base: "http://x", selfHref: "http://x/feed.atom", subtitle: "all" },
    );
    expect(xml).toContain('<link rel="related" title="syzbot bug" href="https://syzkaller.appspot.com/bug?extid=decf42d66dced481afc1"/>');
    expect(xml).toContain('<link rel="related" title="bisect.txt" href="https://syzkaller.appspot.com/x/bisect.txt?x=10073cd0700000"/>');
    expect(xml).toContain('<link rel="related" title="console log" href="https://syzkaller.appspot.com/x/log.txt?x=1&amp;y=2"/>');
    expect(xml).toContain("developers: 2 wrong, 1 right");
  });
});

describe("esc", () => {
  it("replaces what XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) and keeps tab, newline, astral", () => {
    expect(esc("a\u0000b\u0008c\u000bd\u001fe\ufffef\uffff")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffd");
    expect(esc("x\ud800y\udc00z")).toBe("x\ufffdy\ufffdz");
    expect(esc("tab\tnl\ncr\r \u{1F600} <&>")).toBe("tab\tnl\ncr\r \u{1F600} &lt;&amp;&gt;");
  });
});
