// A merge of a whole release changes thousands of files (11,835 in the largest corpus log):
// the page lists the first 15, a count per directory and links to /b/<id>/files for all of
// them, so each reader of that page is not sent them.
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CulpritSection } from "@/components/bisection/culprit-section";
import { culpritView, filesByDirectory } from "@/lib/pages/culprit";
import type { PageCommit } from "@/lib/pages/types";
import { parseBisectionLog } from "@/lib/parser";

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


/** Each row of each file table in the section: its cells' text. */
function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr class="border-t[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1].replace(/<[^>]+>/g, "")));
}
/** The visible column names of each file table (screen-reader-only words left out). */
function heads(html: string): string[][] {
  return [...html.matchAll(/<table class="files[^>]*>.*?<thead[^>]*>(.*?)<\/thead>/g)].map((m) =>
    [...m[1].matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((th) => th[1].replace(/<span class="sr-only">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "").trim()),
  );
}

function parsedCommit(file: string): PageCommit {
  const r = parseBisectionLog(readFileSync(file, "utf8"));
  if (!r.ok || !r.log.commit) throw new Error(`${file}: no commit`);
  const c = r.log.commit;
  return {
    hash: c.hash, subject: c.subject, author: c.authorName, authorEmail: c.authorEmail, dateText: c.date, date: c.dateIso, message: c.message, mergeParents: c.mergeParents,
    filesChanged: c.filesChanged, insertions: c.insertions, deletions: c.deletions,
    files: c.files.map(({ line: _line, ...f }) => f),
  };
}

describe("the culprit's file table against git's diffstat lines", () => {
  // Log_14da4445d00000 (/b/89d3c425b6e2), L279-L326, copied by hand (create and delete mode from L318-L326): git scaled its bar (the
  // largest change, 728 lines, does not fit), so only the bars with one character a line give the split
  // (the 1-line changes, and mcp16502.c's `2 +-`).
  const DIFFSTAT: [path: string, changed: string, plus: string, minus: string, note: "" | "created" | "deleted" | "path shortened"][] = [
    [".../bindings/regulator/max8997-regulator.txt", "1", "1", "0", "path shortened"], //   1 +
    [".../bindings/regulator/mcp16502-regulator.txt", "3", "", "", "path shortened"], //   3 +-
    ["Documentation/devicetree/bindings/regulator/mt6315-regulator.yaml", "69", "", "", "created"], //  69 ++ (create mode gives the path)
    [".../bindings/regulator/nxp,pca9450-regulator.yaml", "5", "", "", "path shortened"], //   5 +
    [".../bindings/regulator/nxp,pf8x00-regulator.yaml", "17", "", "", "path shortened"], //  17 +-
    [".../bindings/regulator/qcom,rpmh-regulator.txt", "2", "", "", "path shortened"], //   2 +
    [".../bindings/regulator/qcom-labibb-regulator.yaml", "30", "", "", "path shortened"], //  30 +-
    ["Documentation/devicetree/bindings/regulator/richtek,rt4831-regulator.yaml", "35", "", "", "created"], //  35 +
    ["MAINTAINERS", "4", "", "", ""], //   4 +-
    ["arch/arm64/boot/dts/qcom/qrb5165-rb5.dts", "9", "", "", ""], //   9 +-
    ["drivers/mfd/ab8500-core.c", "1", "0", "1", ""], //   1 -
    ["drivers/regulator/Kconfig", "51", "", "", ""], //  51 +-
    ["drivers/regulator/Makefile", "5", "", "", ""], //   5 +-
    ["drivers/regulator/ab3100.c", "724", "", "", "deleted"], // 724 -------------------- (delete mode)
    ["drivers/regulator/ab8500-ext.c", "422", "", "", ""], // 422 +-----------
    ["drivers/regulator/ab8500.c", "116", "", "", ""], // 116 +++-
    ["drivers/regulator/atc260x-regulator.c", "539", "", "", "created"], // 539 +++++++++++++++
    ["drivers/regulator/axp20x-regulator.c", "7", "", "", ""], //   7 +-
    ["drivers/regulator/bd70528-regulator.c", "11", "", "", ""], //  11 +-
    ["drivers/regulator/bd71828-regulator.c", "13", "", "", ""], //  13 +-
    ["drivers/regulator/bd718x7-regulator.c", "20", "", "", ""], //  20 +-
    ["drivers/regulator/core.c", "18", "", "", ""], //  18 +-
    ["drivers/regulator/mcp16502.c", "2", "1", "1", ""], //   2 +- (two characters for two lines: the split is exact)
    ["drivers/regulator/mt6315-regulator.c", "299", "", "", "created"], // 299 +++++++++
    ["drivers/regulator/mtk-dvfsrc-regulator.c", "215", "", "", "created"], // 215 ++++++
    ["drivers/regulator/pca9450-regulator.c", "22", "", "", ""], //  22 +
    ["drivers/regulator/pf8x00-regulator.c", "278", "", "", ""], // 278 +++++---
    ["drivers/regulator/qcom-labibb-regulator.c", "728", "", "", ""], // 728 ++++++++++++++++++++-
    ["drivers/regulator/qcom-rpmh-regulator.c", "34", "", "", ""], //  34 +
    ["drivers/regulator/rohm-regulator.c", "9", "", "", ""], //   9 +-
    ["drivers/regulator/rt4831-regulator.c", "198", "", "", "created"], // 198 ++++++
    ["drivers/regulator/s5m8767.c", "15", "", "", ""], //  15 +-
    ["include/linux/mfd/abx500/ab8500.h", "3", "", "", ""], //   3 -
    ["include/linux/mfd/rohm-generic.h", "14", "", "", ""], //  14 +-
    ["include/linux/regulator/ab8500.h", "166", "", "", "deleted"], // 166 -----
    ["include/linux/regulator/mt6315-regulator.h", "44", "", "", "created"], //  44 ++
    ["include/linux/regulator/pca9450.h", "7", "", "", ""], //   7 +
    ["lib/linear_ranges.c", "8", "", "", ""], //   8 +-
  ];

  it("has visible column names, git's count in one column and insertions and deletions each in its own, unsigned", () => {
    const c = parsedCommit("../shared/corpus/syzbot-cause-2019-2023/Log_14da4445d00000.txt");
    const html = renderToStaticMarkup(<CulpritSection c={culpritView("89d3c425b6e2", c, "cause")} />);
    // the first 15 files, then the rest in a <details>: both tables under the same names
    expect(heads(html)).toEqual([
      ["file", "changed lines", "+", "−"],
      ["file", "changed lines", "+", "−"],
    ]);
    // what the summary says of a file (created, deleted) or of its path follows the path; the
    // split where the bar has one character a line, or the file was created (all +) or deleted
    // (all −); elsewhere one cell over both columns says git scaled the bar, with no number
    expect(tableRows(html)).toEqual(
      DIFFSTAT.map(([path, changed, plus, minus, note]) => [
        note ? `${path} ${note}` : path,
        changed,
        ...(plus !== "" ? [plus, minus] : note === "created" ? [changed, "0"] : note === "deleted" ? ["0", changed] : ["scaled"]),
      ]),
    );
    expect(html).toContain('<td colSpan="2" class="file-note pr-2 text-right text-muted" title="git scaled the +/- bar: only the total is known">scaled</td>');
    // the caption says which rows have the split: of the first 15, the two 1-line changes,
    // the two created files and ab3100.c (deleted)
    expect(html).toContain("+ and − exact on 5 of 15 rows (git&#x27;s bar at one character a line, or a created or deleted file); &quot;scaled&quot;: git scaled the +/- bar: only the total is known");
    // a zero is muted, not a red figure
    expect(html).not.toMatch(/text-crash">0</);
    // L317: ` 38 files changed, 2661 insertions(+), 1483 deletions(-)`
    expect(html).toContain("38 files changed, 2,661 insertions (+), 1,483 deletions (−)");
  });

  it("gives the split where git's bar has one character a line (the seed, L227-L232)", () => {
    const html = renderToStaticMarkup(<CulpritSection c={culpritView("7b3543c7f532", parsedCommit("lib/parser/testdata/cause-kvm_wait-title-drift.txt"), "cause")} />);
    expect(tableRows(html)).toEqual([
      ["include/linux/irqflags.h", "12", "12", "0"], //  include/linux/irqflags.h       | 12 ++++++++++++
      ["kernel/locking/Makefile", "1", "1", "0"], //  kernel/locking/Makefile        |  1 +
      ["kernel/locking/irqflag-debug.c created", "11", "11", "0"], //  kernel/locking/irqflag-debug.c | 11 +++++++++++ (L232: create mode)
      ["lib/Kconfig.debug", "8", "8", "0"], //  lib/Kconfig.debug              |  8 ++++++++
    ]);
    expect(html).toContain("4 files changed, 32 insertions (+)<");
    // every row exact: no note on the + and − columns
    expect(html).not.toContain("split-note");
  });
});
