// The found-commit block (§3.1) in the shapes real logs show.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDelete, gitDateToIso } from "./culprit";
import { P } from "./patterns";
import { A, F, parse } from "./test-helpers";



const head = [`bisecting cause commit starting from ${A}`, `testing commit ${F} with gcc (GCC) 10.2.1 20210217`, "all runs: OK", `# git bisect good ${F}`];

describe("found commit block", () => {
  it("2021 fixture: diffstat, summary and `create mode`, message de-indented", () => {
    const log = parse([
      ...head,
      `${F} is the first bad commit`,
      `commit ${F}`,
      "Author: Mark Rutland <mark.rutland@arm.com>",
      "Date:   Mon Jan 11 15:37:07 2021 +0000",
      "",
      "    lockdep: report broken irq restoration",
      "    ",
      "    We generally expect local_irq_save() and local_irq_restore() to be",
      "    ",
      "    Signed-off-by: Mark Rutland <mark.rutland@arm.com>",
      "",
      " include/linux/irqflags.h       | 12 ++++++++++++",
      " kernel/locking/Makefile        |  3 ++-",
      " kernel/locking/irqflag-debug.c | 11 +++++++++++",
      " lib/old.c                      |  8 --------",
      " 4 files changed, 32 insertions(+), 9 deletions(-)",
      " create mode 100644 kernel/locking/irqflag-debug.c",
      " delete mode 100644 lib/old.c",
      "",
      `culprit signature: d97410920c25b0aa45d97b3ef5bf96ef6eb46b1a562b2dc990337fd4cada67ff`,
      "parent  signature: 7c8257325884b4d0090d3718fcc5a705f2aa6ce136cb0bccd37304dc7b8f9247",
      "revisions tested: 15, total time: 3h52m11.87855939s (build: 1h38m35.148598075s, test: 2h11m36.282389147s)",
      `first bad commit: ${F} lockdep: report broken irq restoration`,
    ]);
    const c = log.commit!;
    expect(log.outcome).toBe("found");
    expect(c).toMatchObject({ hash: F, subject: "lockdep: report broken irq restoration", author: "Mark Rutland <mark.rutland@arm.com>", authorName: "Mark Rutland", authorEmail: "mark.rutland@arm.com", dateIso: "2021-01-11T15:37:07.000Z", filesChanged: 4, insertions: 32, deletions: 9, line: 5, endLine: 22 });
    expect(c.message).toBe("We generally expect local_irq_save() and local_irq_restore() to be\n\nSigned-off-by: Mark Rutland <mark.rutland@arm.com>");
    expect(c.files.map((f) => [f.path, f.created, f.deleted, f.changes])).toEqual([
      ["include/linux/irqflags.h", false, false, 12],
      ["kernel/locking/Makefile", false, false, 3],
      ["kernel/locking/irqflag-debug.c", true, false, 11],
      ["lib/old.c", false, true, 8],
    ]);
    expect(c.files[1]).toMatchObject({ insertions: 2, deletions: 1 });
    expect(log.culpritSignature).toMatch(/^d974/);
    expect(log.parentSignature).toMatch(/^7c82/);
    expect(log.warnings).toEqual([]);
  });

  it("2019 git < 2.22: raw `:100644 100644 sha sha M\\tpath` lines (A created, D deleted); a directory entry is a directory", () => {
    const log = parse([
      ...head,
      `${F} is the first bad commit`,
      `commit ${F}`,
      "Author: Thomas Gleixner <tglx@linutronix.de>",
      "Date:   Tue Nov 12 21:40:33 2019 +0100",
      "",
      "    x86/ioperm: Extend IOPL config to control ioperm() as well",
      "",
      ":040000 040000 522455d5cba1c6f5e4b7e2a87602900d1f1dc216 74aba07665ddecb0bd48e5995b390227cf8ed566 M\tarch",
      ":000000 100644 0000000000000000000000000000000000000000 74aba07665ddecb0bd48e5995b390227cf8ed566 A\tnew.c",
      ":100644 000000 522455d5cba1c6f5e4b7e2a87602900d1f1dc216 0000000000000000000000000000000000000000 D\told.c",
      "revisions tested: 18, total time: 4h9m10.724285763s (build: 1h48m10.886821286s, test: 2h14m58.5845443s)",
    ]);
    // `:040000 040000 <tree> <tree> M\tarch` is git's raw diff of the directory arch, not a file
    expect(log.commit!.files.map((f) => [f.path, f.created, f.deleted, f.changes])).toEqual([
      ["arch/", false, false, null],
      ["new.c", true, false, null],
      ["old.c", false, true, null],
    ]);
    expect(log.commit!.dateIso).toBe("2019-11-12T20:40:33.000Z");
    expect(log.warnings).toEqual([]);
  });

  it("a diffstat path shortened to `.../tail` takes the full path its `create mode` line gives", () => {
    const log = parse([
      ...head,
      `${F} is the first bad commit`,
      `commit ${F}`,
      "Author: Ann Dev <ann@example.org>",
      "Date:   Mon Jan 11 15:37:07 2021 +0000",
      "",
      "    regulator: add bindings",
      "",
      " .../bindings/regulator/vendor,very-long-regulator-name.yaml | 40 ++++++++++++++++++++",
      " .../bindings/regulator/vendor,other-regulator.yaml           | 12 ++++++------",
      " drivers/regulator/Kconfig                                   |  4 ++++",
      " 3 files changed, 50 insertions(+), 6 deletions(-)",
      " create mode 100644 Documentation/devicetree/bindings/regulator/vendor,very-long-regulator-name.yaml",
      "",
      "revisions tested: 18, total time: 4h9m10.724285763s (build: 1h48m10.886821286s, test: 2h14m58.5845443s)",
    ]);
    expect(log.commit!.files.map((f) => [f.path, f.created, f.changes])).toEqual([
      ["Documentation/devicetree/bindings/regulator/vendor,very-long-regulator-name.yaml", true, 40],
      // no line of the log gives this one in full: it stays elided
      [".../bindings/regulator/vendor,other-regulator.yaml", false, 12],
      ["drivers/regulator/Kconfig", false, 4],
    ]);
  });

  it("a culprit message quoting a crash report (`Call trace:`) stays in the commit", () => {
    const log = parse([
      ...head,
      `${F} is the first bad commit`,
      `commit ${F}`,
      "Merge: 114b5b355ec0 edf070a0fb45",
      "Author: A <a@b.c>",
      "Date:   Mon Jan 11 15:37:07 2021 +0106",
      "",
      "    arm64: fix",
      "    ",
      "    Call trace:",
      "     dump_backtrace+0x0/0x2d0 arch/arm64/kernel/stacktrace.c:100",
      "    crash: not a crash line",
      "",
      `first bad commit: ${F} arm64: fix`,
    ]);
    expect(log.crash).toBeNull();
    expect(log.commit!.mergeParents).toEqual(["114b5b355ec0", "edf070a0fb45"]);
    expect(log.commit!.message).toContain("Call trace:\n dump_backtrace+0x0/0x2d0");
    expect(log.commit!.dateIso).toBe("2021-01-11T14:31:07.000Z");
    expect(log.warnings).toEqual([]);
  });

  it("`first bad commit:` alone (git block missing) still names the commit", () => {
    const log = parse([...head, `first bad commit: ${F} lockdep: report broken irq restoration`]);
    expect(log.outcome).toBe("found");
    expect(log.commit).toMatchObject({ hash: F, subject: "lockdep: report broken irq restoration", files: [], line: 5 });
  });

  it("reads git dates with odd offsets, and rejects junk", () => {
    expect(gitDateToIso("Sat Apr 18 03:04:55 2020 +0900")).toBe("2020-04-17T18:04:55.000Z");
    expect(gitDateToIso("yesterday")).toBeNull();
  });
});

/** The summary's matching as a plain scan (the spec findFile's indexes answer): the file at the
 *  cursor when its stat names the path, else the nearest from the cursor, cyclically, of the
 *  diffstat's files whose stat names it; none: a file of its own, out of the scan. */
function summaryByScan(stats: string[], summary: ["create" | "delete", string][]) {
  const samePath = (stat: string, path: string) => stat === path || (stat.startsWith(".../") && path.endsWith(stat.slice(3)));
  const files = stats.map((path) => ({ path, created: false, deleted: false, listed: true }));
  let cursor = 0;
  for (const [kind, path] of summary) {
    const n = files.length;
    let i = -1;
    if (n > 0) {
      const from = cursor % n;
      if (samePath(files[from].path, path)) i = from;
      else
        for (let d = 1; d < n && i < 0; d++) {
          const j = (from + d) % n;
          if (files[j].listed && samePath(files[j].path, path)) i = j;
        }
    }
    if (i < 0) files.push({ path, created: false, deleted: false, listed: false });
    else cursor = i + 1;
    const f = i < 0 ? files[files.length - 1] : files[i];
    if (f.path.startsWith(".../") && !path.startsWith(".../")) f.path = path;
    if (kind === "create") f.created = true;
    else f.deleted = true;
  }
  return files.map(({ path, created, deleted }) => ({ path, created, deleted }));
}

describe("the summary's `create mode` lines find their diffstat files", () => {
  // few names, so shortened stats share their tails and paths their endings
  const full = fc.array(fc.constantFrom("a", "b", "ab"), { minLength: 1, maxLength: 3 }).chain((dirs) => fc.constantFrom("x.c", "y.c").map((f) => [...dirs, f].join("/")));
  const stat = full.chain((path) => {
    const cuts = path.split("/").length - 1;
    return fc.nat(cuts).map((k) => (k === 0 ? path : `.../${path.split("/").slice(k).join("/")}`));
  });
  it("as a scan of every file would (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(stat, { maxLength: 10 }), fc.array(fc.tuple(fc.constantFrom("create" as const, "delete" as const), full), { maxLength: 10 }), (stats, summary) => {
        const log = parse([
          ...head,
          `${F} is the first bad commit`,
          `commit ${F}`,
          "Author: Ann Dev <ann@example.org>",
          "Date:   Mon Jan 11 15:37:07 2021 +0000",
          "",
          "    subject",
          "",
          ...stats.map((p) => ` ${p} | 1 +`),
          ...summary.map(([k, p]) => ` ${k} mode 100644 ${p}`),
        ]);
        expect(log.commit!.files.map(({ path, created, deleted }) => ({ path, created, deleted }))).toEqual(summaryByScan(stats, summary));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("createDelete", () => {
  it("reads a `create mode` / `delete mode` line as the summary regex does", () => {
    const kind = fc.constantFrom(" create mode ", " delete mode ", " create mode", " rename ", "create mode ");
    const digits = fc.constantFrom("100644", "0", "", "12a", "7");
    const sep = fc.constantFrom(" ", "  ", "\t", "", " \u00a0");
    const piece = fc.constantFrom(" ", "  ", "\t", "a", "dir/f.c", "\u00a0", "\r", "\u2028", "\n", "x y", ".../t.c", "");
    const rest = fc.tuple(fc.array(piece, { maxLength: 6 }), fc.string({ maxLength: 4 })).map(([a, x]) => a.join("") + x);
    fc.assert(
      fc.property(kind, digits, sep, rest, (k, d, s, r) => {
        const t = k + d + s + r;
        const m = P.createDelete.re.exec(t);
        expect(createDelete(t)).toEqual(m ? [m[1], m[2]] : null);
      }),
      { numRuns: 20_000 },
    );
    expect(createDelete(" create mode 100644 kernel/locking/irqflag-debug.c")).toEqual(["create", "kernel/locking/irqflag-debug.c"]);
    expect(createDelete(" delete mode 100644 drivers/regulator/ab3100.c  ")).toEqual(["delete", "drivers/regulator/ab3100.c"]);
    expect(createDelete(" create mode  x")).toBeNull();
  });
});
