// A merge of a whole release changes thousands of files (11,835 in the largest corpus log):
// the page lists the first 15, a count per directory and links to /b/<id>/files for all of
// them, so each reader of that page is not sent them.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CulpritSection } from "@/components/bisection/culprit-section";
import { culpritView, filesByDirectory } from "@/lib/pages/culprit";
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
    const html = renderToStaticMarkup(<CulpritSection c={culpritView("0123456789ab", commit(40), "cause")} />);
    expect(rows(html)).toBe(40);
    expect(html).not.toContain("files-not-listed");
  });

  it("of a huge merge lists 15 files, then a count per directory and a link to all of them", () => {
    const c = commit(11_835);
    c.files[20] = { ...c.files[20], path: "net/core/dev.c", changes: 7 };
    c.files[21] = { ...c.files[21], path: "MAINTAINERS", changes: 2 };
    const html = renderToStaticMarkup(<CulpritSection c={culpritView("0123456789ab", c, "cause")} />);
    expect(rows(html)).toBe(15);
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("dir/file14.c");
    expect(text).not.toContain("dir/file15.c");
    expect(html).toMatch(/and 11,820 more files:/);
    expect(html).toContain('href="/b/0123456789ab/files"');
    expect(html).toContain('href="/b/0123456789ab/files?dir=net%2F"');
    expect(filesByDirectory(c.files)).toEqual([
      { dir: "dir/", files: 11_833, changes: 11_833 },
      { dir: "MAINTAINERS", files: 1, changes: 2 },
      { dir: "net/", files: 1, changes: 7 },
    ]);
  });

  it("labels the per-directory counts with visible column headers (files, changed lines)", () => {
    const html = renderToStaticMarkup(<CulpritSection c={culpritView("0123456789ab", commit(11_835), "cause")} />);
    const table = html.slice(html.indexOf("files changed per top-level directory"));
    const thead = table.slice(table.indexOf("<thead"), table.indexOf("</thead>"));
    expect(thead).not.toContain("sr-only");
    expect(thead.replace(/<[^>]+>/g, " ").split(/\s+/).filter(Boolean)).toEqual(["directory", "files", "changed", "lines"]);
  });

  it("breaks a path only after a `/`, never at a hyphen inside a name", () => {
    const c = commit(1);
    c.files[0] = { ...c.files[0], path: "Documentation/ABI/obsolete/sysfs-firmware-acpi" };
    const html = renderToStaticMarkup(<CulpritSection c={culpritView("0123456789ab", c, "cause")} />);
    expect(html).toContain('<span class="whitespace-nowrap">Documentation/</span><wbr/><span class="whitespace-nowrap">ABI/</span><wbr/><span class="whitespace-nowrap">obsolete/</span><wbr/><span class="whitespace-nowrap">sysfs-firmware-acpi</span>');
    expect(html).not.toContain("overflow-wrap:anywhere");
  });
});

