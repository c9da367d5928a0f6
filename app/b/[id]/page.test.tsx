// One log never changes another's page: a crafted copy of the fixture that names the same
// culprit with another subject, author, message and files is stored as its own bisection, and
// the fixture's page, rendered by the real page against a real database, stays byte for byte
// the same where it shows the culprit. The commit record shows the two accounts.
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";

const FIXTURE = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const CULPRIT = "997acaf6b4b59c6a9c259740312a69ea549cc684";

/** The fixture with its culprit's header, message and diffstat rewritten (lines 186-229). */
function spoofed(): string {
  return FIXTURE.replace("Author: Mark Rutland <mark.rutland@arm.com>", "Author: Mallory <mallory@example.org>")
    .replace("    lockdep: report broken irq restoration", "    SPOOFED SUBJECT")
    .replace("    We generally expect local_irq_save()", "    SPOOFED MESSAGE local_irq_save()")
    .replace(" lib/Kconfig.debug              |  8 ++++++++\n", " lib/Kconfig.debug              |  8 ++++++++\n drivers/evil/crafted.c         |  1 +\n")
    .replace(" 4 files changed, 32 insertions(+)", " 5 files changed, 33 insertions(+)");
}

type Page = (props: { params: Promise<{ id: string }> }) => Promise<React.ReactElement>;
let db: TestDatabase;
let BisectionPage: Page;
let CommitPage: (props: { params: Promise<{ hash: string }> }) => Promise<React.ReactElement>;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  BisectionPage = (await import("./page")).default;
  CommitPage = (await import("../../c/[hash]/page")).default;
});
afterAll(async () => {
  await db.drop();
});

const render = async (id: string) => renderToStaticMarkup(await BisectionPage({ params: Promise.resolve({ id }) }));
/** The culprit section of a rendered bisection page. */
function culpritSection(html: string): string {
  const start = html.indexOf('<section id="culprit"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</section>", start) + "</section>".length);
}

describe("a crafted log naming another log's culprit", () => {
  it("leaves the original bisection's page as it was", async () => {
    const original = await ingestLog(db.prisma, FIXTURE);
    const before = await render(original.id);
    expect(culpritSection(before)).toContain("lockdep: report broken irq restoration");

    const spoof = await ingestLog(db.prisma, spoofed());
    expect(spoof.duplicate).toBe(false);
    expect(spoof.id).not.toBe(original.id);

    const after = await render(original.id);
    expect(culpritSection(after)).toBe(culpritSection(before));
    // outside the list of other bisections of the crash (where the crafted one is listed as
    // itself), nothing of the crafted log reaches the page
    const own = after.slice(0, after.indexOf('<section id="related"'));
    expect(own.length).toBeGreaterThan(1000);
    expect(own).not.toContain("SPOOFED");
    expect(own).not.toContain("Mallory");
    expect(own).not.toContain("drivers/evil/crafted.c");

    // the crafted log's own page shows what that log says
    const crafted = culpritSection(await render(spoof.id));
    expect(crafted).toContain("SPOOFED SUBJECT");
    expect(crafted).toContain("drivers/evil/crafted.c");
  });

  it("keeps the path filter to each log's own files", async () => {
    const { listBisections } = await import("@/lib/data/list");
    const { parseListParams } = await import("@/lib/validations/list");
    const page = await listBisections(db.prisma, parseListParams({ path: "drivers/evil/" }));
    expect(page.rows.map((r) => r.foundCommit?.subject)).toEqual(["SPOOFED SUBJECT"]);
  });

  it("shows on /c/<hash> that the logs disagree, and which says what", async () => {
    const html = renderToStaticMarkup(await CommitPage({ params: Promise.resolve({ hash: CULPRIT }) }));
    expect(html).toContain("The logs disagree about this commit: 2 different accounts");
    expect(html).toMatch(/differs in subject, author, author email, message, changed files/);
    // the header is the first upload's account
    expect(html.slice(0, html.indexOf("The logs disagree"))).toContain("lockdep: report broken irq restoration");
  });
});

describe("a log whose titles and subject carry control characters", () => {
  it("renders a page with none of them in an attribute (tooltips, labels), only in the raw log text", async () => {
    const spiked = FIXTURE.replaceAll("WARNING in kvm_wait", "WARNING in kvm\u0001wait \u001b[31mred\u001b[0m\u0007")
      .replace("    lockdep: report broken irq restoration", "    lockdep: report\u000c broken irq restoration\u0008");
    const { id } = await ingestLog(db.prisma, spiked);
    const html = await render(id);
    expect(html).toContain("WARNING in kvm\ufffdwait \ufffd[31mred\ufffd[0m\ufffd");
    expect(html).toContain("lockdep: report\ufffd broken irq restoration\ufffd");
    const attributes = [...html.matchAll(/ [\w:-]+="([^"]*)"/g)].map((m) => m[1]);
    // the title is in many attributes (run tooltips, the strips' labels, matrix headers): all of them were read
    expect(attributes.filter((a) => a.includes("kvm\ufffdwait")).length).toBeGreaterThan(5);
    expect(attributes.filter((a) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(a))).toEqual([]);
  });
});

describe("the culprit's files as git's diffstat gave them", () => {
  it("shows the count where git scaled its bar, and does not link a shortened path", async () => {
    const log = FIXTURE.replace(
      " lib/Kconfig.debug              |  8 ++++++++\n",
      " lib/Kconfig.debug              |  8 ++++++++\n MAINTAINERS                    | 724 +-----\n .../bindings/regulator/vendor,regulator.yaml | 4 ++++\n",
    );
    const { id } = await ingestLog(db.prisma, log);
    const files = culpritSection(await render(id));
    // `MAINTAINERS | 724 +-----`: 724 lines changed, the bar scaled to 6 characters
    expect(files).toMatch(/<a [^>]*>MAINTAINERS<\/a><\/td><td [^>]*>724<\/td><td colSpan="2" [^>]*title="git scaled the \+\/- bar: only the total is known">scaled<\/td>/);
    // the path breaks only after its slashes (components/ui/slash-breaks.tsx): read as text
    expect(files.replace(/<(?!\/?(td|a)\b)[^>]+>/g, "")).toMatch(/<td[^>]*>\.\.\.\/bindings\/regulator\/vendor,regulator\.yaml path shortened</);
    expect(files).not.toMatch(/href="[^"]*\.\.\.\/bindings/);
    expect(files).toContain("path shortened");
  });
});

describe("the culprit's files in the log's order", () => {
  /** The paths of the culprit section's file rows, top to bottom (the folded rest included). */
  const shownPaths = (html: string) =>
    [...culpritSection(html).matchAll(/<tr class="border-t[^>]*><td[^>]*>(.*?)<\/td>/g)].map((m) =>
      m[1].replace(/<(strong|span) class="file-note[^"]*">[^<]*<\/(strong|span)>/g, "").replace(/<[^>]+>/g, "").trim(),
    );

  it("shows git's diffstat as the log lists it, shortened paths where git printed them (Log_14da4445d00000, L279-L316)", async () => {
    const text = readFileSync("../shared/corpus/syzbot-cause-2019-2023/Log_14da4445d00000.txt", "utf8");
    const { id } = await ingestLog(db.prisma, text);
    const paths = shownPaths(await render(id));
    // by hand from the log: L279-L287, then L288-L316 in order (`create mode` at L318-L319 gives
    // the two shortened Documentation paths whole, in their diffstat places)
    expect(paths.slice(0, 11)).toEqual([
      ".../bindings/regulator/max8997-regulator.txt",
      ".../bindings/regulator/mcp16502-regulator.txt",
      "Documentation/devicetree/bindings/regulator/mt6315-regulator.yaml",
      ".../bindings/regulator/nxp,pca9450-regulator.yaml",
      ".../bindings/regulator/nxp,pf8x00-regulator.yaml",
      ".../bindings/regulator/qcom,rpmh-regulator.txt",
      ".../bindings/regulator/qcom-labibb-regulator.yaml",
      "Documentation/devicetree/bindings/regulator/richtek,rt4831-regulator.yaml",
      "MAINTAINERS",
      "arch/arm64/boot/dts/qcom/qrb5165-rb5.dts",
      "drivers/mfd/ab8500-core.c",
    ]);
    expect(paths).toHaveLength(38);
    expect(paths.at(-1)).toBe("lib/linear_ranges.c");
    // every diffstat line of the log, in its order: a path, or git's `.../tail` ending it
    const stat = text.split("\n").slice(278, 316).map((l) => l.slice(1, l.indexOf("|")).trim());
    expect(stat).toHaveLength(38);
    paths.forEach((p, i) => expect(p === stat[i] || (stat[i].startsWith(".../") && p.endsWith(stat[i].slice(3))), `${i}: ${p} / ${stat[i]}`).toBe(true));
  });

  it("keeps a diffstat's own order where it is not in path order, written in an order of neither", async () => {
    // the seed's diffstat (L227-L230) with two files added out of path order
    const log = FIXTURE.replace(" lib/Kconfig.debug              |  8 ++++++++\n", " lib/Kconfig.debug              |  8 ++++++++\n MAINTAINERS                    |  2 +-\n arch/x86/Kconfig               |  1 +\n")
      .replace(" 4 files changed, 32 insertions(+)", " 6 files changed, 34 insertions(+), 1 deletion(-)");
    const { id } = await ingestLog(db.prisma, log);
    const want = ["include/linux/irqflags.h", "kernel/locking/Makefile", "kernel/locking/irqflag-debug.c", "lib/Kconfig.debug", "MAINTAINERS", "arch/x86/Kconfig"];
    expect(shownPaths(await render(id))).toEqual(want);
    // the rows in the table in another order than the log's and the paths' (the heap keeps
    // rewritten rows at its end): the read still gives the log's
    await db.prisma.$executeRawUnsafe(`UPDATE culprit_file SET changes = changes WHERE bisection_id = $1 AND path IN ('include/linux/irqflags.h', 'MAINTAINERS')`, id);
    const { forgetImmutable } = await import("@/lib/data/immutable-cache");
    forgetImmutable(db.prisma);
    expect(shownPaths(await render(id))).toEqual(want);
  });
});
