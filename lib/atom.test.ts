import { describe, expect, it } from "vitest";
import { bisectionsAtom, entryTitle, esc } from "./atom";
import type { BisectionListRow } from "./view-types";

const row: BisectionListRow = {
  id: "0123456789ab",
  uploadedAt: "2026-11-24T10:00:00.000Z",
  type: "cause",
  outcome: "found",
  verdict: "likely-wrong",
  verdictHeadline: "chased a different crash",
  crashTitle: "WARNING in kvm_wait",
  startTitle: "WARNING: refcount bug in sk_psock_get",
  foundCommit: { hash: "997acaf6b4b59c6a9c259740312a69ea549cc684", subject: "lockdep: report <broken> & irq", author: "Mark Rutland" },
  candidates: 0,
  error: null,
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

describe("esc", () => {
  it("replaces what XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) and keeps tab, newline, astral", () => {
    expect(esc("a\u0000b\u0008c\u000bd\u001fe\ufffef\uffff")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffd");
    expect(esc("x\ud800y\udc00z")).toBe("x\ufffdy\ufffdz");
    expect(esc("tab\tnl\ncr\r \u{1F600} <&>")).toBe("tab\tnl\ncr\r \u{1F600} &lt;&amp;&gt;");
  });
});
