// A merge of a whole release changes thousands of files (11,835 in the largest corpus log):
// the page lists the first 1,000 and links to the commit for the rest, so each reader of that
// page is not sent all of them.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CulpritSection } from "@/components/bisection/culprit-section";
import type { PageCommit } from "@/lib/pages/types";

function commit(files: number): PageCommit {
  return {
    hash: "0123456789abcdef0123456789abcdef01234567",
    subject: "Merge tag 'big'",
    author: "A",
    authorEmail: "a@example.org",
    dateText: null,
    date: null,
    message: null,
    mergeParents: [],
    filesChanged: files,
    insertions: null,
    deletions: null,
    files: Array.from({ length: files }, (_, i) => ({ path: `dir/file${i}.c`, created: false, deleted: false, changes: 1, insertions: 1, deletions: 0 })),
  };
}

const rows = (html: string) => html.match(/<tr class="border-t/g)?.length ?? 0;

describe("the culprit's file list", () => {
  it("lists every file of an ordinary commit", () => {
    const html = renderToStaticMarkup(<CulpritSection commit={commit(40)} word="Culprit" />);
    expect(rows(html)).toBe(40);
    expect(html).not.toContain("not listed here");
  });

  it("lists 1,000 files of a huge merge and links to the commit for the rest", () => {
    const html = renderToStaticMarkup(<CulpritSection commit={commit(11_835)} word="Culprit" />);
    expect(rows(html)).toBe(1000);
    expect(html).toContain("dir/file999.c");
    expect(html).not.toContain("dir/file1000.c");
    expect(html).toMatch(/and 10,835 more files, not listed here/);
  });
});
