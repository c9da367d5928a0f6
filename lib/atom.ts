// Atom 1.0 for the list of bisections (RFC 4287). Pure: rows in, XML out.
import { syzbotLinkList, type BisectionListRow } from "@/lib/view-types";
import { shortHash } from "@/lib/format";
import { BISECTION_TYPES, foundWord, isWord, outcomeWords, OUTCOMES } from "@/lib/domain/words";

// Characters XML 1.0 forbids even as references: C0 controls other than tab, newline and
// carriage return, and U+FFFE/U+FFFF (lone surrogates go through toWellFormed first).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text made safe for XML: forbidden characters become U+FFFD, markup characters entities. */
export function esc(s: string): string {
  return s
    .toWellFormed()
    .replace(NOT_XML, "\ufffd")
    .replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** The row's result in words ("introduced by", "fixed by") and what it found ("culprit", "fix");
 *  the list's rows carry the columns' text (lib/data/list.ts), a word this code does not know
 *  as it is. */
function resultWords(r: BisectionListRow): { outcome: string; found: string } {
  const type = isWord(BISECTION_TYPES, r.type) ? r.type : "cause";
  return { outcome: isWord(OUTCOMES, r.outcome) ? outcomeWords(type, r.outcome) : r.outcome, found: foundWord(type) };
}

export function entryTitle(r: BisectionListRow): string {
  const crash = r.crashTitle ?? r.startTitle ?? "(no crash title)";
  const words = resultWords(r);
  if (r.foundCommit) return `${words.found} ${shortHash(r.foundCommit.hash)}: ${crash}`;
  return `${r.type} bisection ${words.outcome}: ${crash}`;
}

export function bisectionsAtom(rows: BisectionListRow[], opts: { base: string; selfHref: string; subtitle: string }): string {
  const updated = rows[0]?.uploadedAt ?? new Date(0).toISOString();
  const entries = rows.map((r) => {
    const url = `${opts.base}/b/${r.id}`;
    const found = r.foundCommit
      ? ` ${shortHash(r.foundCommit.hash)} ("${r.foundCommit.subject ?? ""}")${r.foundCommit.author ? ` by ${r.foundCommit.author}` : ""}`
      : "";
    const summary = [
      `${r.type} bisection: ${resultWords(r).outcome}${found}`,
      `verdict: ${r.verdict}${r.verdictHeadline ? ` (${r.verdictHeadline})` : ""}`,
      `${r.commitsTested} commits tested`,
      // when the bisection itself ran, where its log says (syzbot prints it since mid-2022)
      ...(r.startedAt ? [`ran ${r.startedAt.slice(0, 16).replace("T", " ")} UTC`] : []),
      ...(r.marks.wrong || r.marks.right ? [`developers: ${r.marks.wrong} wrong, ${r.marks.right} right`] : []),
    ].join("; ");
    // syzbot's pages of the bisection, as related links ("syzbot bug", "bisect.txt", ...)
    const related = syzbotLinkList(r.syzbot).map((l) => `\n    <link rel="related" title="${esc(l.label)}" href="${esc(l.href)}"/>`).join("");
    return `  <entry>
    <id>${esc(url)}</id>
    <title>${esc(entryTitle(r))}</title>
    <link rel="alternate" type="text/html" href="${esc(url)}"/>${related}
    <published>${r.uploadedAt}</published>
    <updated>${r.uploadedAt}</updated>
    <summary>${esc(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${esc(opts.selfHref)}</id>
  <title>Bisectview: new bisections</title>
  <subtitle>${esc(opts.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${esc(opts.selfHref)}"/>
  <link rel="alternate" type="text/html" href="${esc(opts.base)}/"/>
  <updated>${updated}</updated>
  <author><name>Bisectview</name></author>
${entries.join("\n")}
</feed>
`;
}
