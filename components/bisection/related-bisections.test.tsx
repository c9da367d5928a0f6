// "Other bisections of this crash" on a bisection page: a row found through the crash the start
// commit showed (the seed's start crashed with "WARNING: refcount bug in sk_psock_get", L5, while
// it chased "WARNING in kvm_wait") is not a bisection of this crash, and says so.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RelatedBisections, type RelatedBisection } from "./related-bisections";

const KVM = "WARNING in kvm_wait";
const PSOCK = "WARNING: refcount bug in sk_psock_get";
const row = (id: string, crash: string | null, start: string | null): RelatedBisection => ({
  id,
  type: "cause",
  outcome: "found",
  verdict: "likely-wrong",
  uploadedAt: "2026-12-01T12:00:00Z",
  startedAt: null,
  foundCommit: null,
  crashSignature: crash ? { title: crash } : null,
  startSignature: start ? { title: start } : null,
});
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&rsquo;/g, "’").replace(/&#x27;/g, "'").replace(/&ldquo;|&rdquo;/g, '"');

describe("RelatedBisections", () => {
  it("names the rows that share only the start commit's crash, in the heading and on the row", () => {
    const html = renderToStaticMarkup(
      <RelatedBisections id="7b3543c7f532" related={[row("a5b489ee8903", KVM, PSOCK), row("a089a6c20836", PSOCK, PSOCK)]} shown={10} title={KVM} startTitle={PSOCK} />,
    );
    const t = text(html);
    expect(t).toContain("Other bisections of this crash and of the start commit's crash (2)");
    const rows = html.split("<tr").slice(1).map(text);
    expect(rows[0]).not.toContain("start commit");
    expect(rows[1]).toContain(`${PSOCK} · the crash at this log’s start commit`);
  });

  it("keeps the plain heading when every row is of this crash (by its final or its start title)", () => {
    const t = text(renderToStaticMarkup(<RelatedBisections id="x" related={[row("a", KVM, null), row("b", PSOCK, KVM)]} shown={10} title={KVM} startTitle={PSOCK} />));
    expect(t).toContain("Other bisections of this crash (2)");
    expect(t).not.toContain("start commit");
  });

  it("links the list search of both crashes when there are more than it shows", () => {
    const rows = Array.from({ length: 3 }, (_, i) => row(`r${i}`, i === 2 ? PSOCK : KVM, null));
    const html = renderToStaticMarkup(<RelatedBisections id="x" related={rows} shown={2} title={KVM} startTitle={PSOCK} />);
    expect(html).toContain(`href="/?q=${encodeURIComponent(KVM)}"`);
    expect(html).toContain(`href="/?q=${encodeURIComponent(PSOCK)}"`);
  });
});
