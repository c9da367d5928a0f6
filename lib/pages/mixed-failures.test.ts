// A step whose runs mix basic-testing failures with the machinery's own failures: the kernel
// failed basic testing on every run that got that far, so every page shows it as a basic-testing
// failure (⊘), as the blocking-crash line already counts it. The log is the corpus's error
// bisection Log_17ee6a6c880000, whose v5.9 step (L126-L148) reads, by hand:
//   L126 testing commit bbf5c979011a099af5dc76498918ed7df445635b gcc
//   L129 run #0: failed: failed to run binary in VM: broken console: Permission denied (publickey)
//   L130-L148 run #1 .. run #19: basic kernel testing failed: KASAN: use-after-free Read in task_active_pid_ns
// and a built log: the seed with its release's runs rewritten to machinery and basic-testing
// failures only.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestLog } from "@/lib/ingest";
import { getBisection } from "@/lib/data/bisection";
import { getCommitRecord } from "@/lib/data/commit";
import { getCompareSide } from "@/lib/data/related";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { bisectionPage } from "./bisection";
import { commitPage } from "./commit";
import { comparePage } from "./compare";

const BLOCKED = readFileSync("lib/parser/testdata/corpus/2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt", "utf8");
const SEED = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const V59 = "bbf5c979011a099af5dc76498918ed7df445635b";

/** The seed with its release step's `all runs: OK` (L28, f40ddce88593) replaced by ten runs: two
 *  lost to the machinery (`infra problem`, `failed`) and eight that failed basic testing; and, for
 *  the contrast, the same with one more run that crashed. */
function builtLog(extra: string[] = []): string {
  const runs = ["infra problem: failed to create instance", "failed: failed to run binary in VM: broken console", ...Array<string>(8).fill("basic kernel testing failed: BUG: program execution failed: executor 0: failed to write control pipe"), ...extra];
  const line = "kernel signature: 293e6579f0d65cbda46b2d20e15f30555f6e4ea292502f9356c74a1affb84b2f\nall runs: OK\n";
  expect(SEED).toContain(line);
  return SEED.replace(line, `${line.split("\n")[0]}\n${runs.map((r, i) => `run #${i}: ${r}`).join("\n")}\n`);
}
const RELEASE = "f40ddce88593482919761f74910f42f4b84c004b";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("a step whose runs mix basic-testing failures and infrastructure failures", () => {
  it("is a basic-testing failure (⊘) in the timeline, the blocking line, the commit record and compare", async () => {
    const { id } = await ingestLog(db.prisma, BLOCKED);
    const page = bisectionPage((await getBisection(db.prisma, id))!);
    const row = page.timeline.rows.find((r) => r.commit === V59)!;
    expect(row.line).toBe(126);
    expect(row.runs).toMatchObject({ kind: "runs", summary: "20 runs: 1 failed: failed to run binary in VM: broken console: Permission denied (publickey), 19 basic testing failed: KASAN: use-after-free Read in task_active_pid_ns" });
    expect(row.verdict).toEqual({ outcome: "failed", words: "failed basic testing", git: null, mark: "basic" });
    expect(row.label).toBe(`#${row.index} release v5.9 bbf5c979011a failed basic testing`);
    // the releases that printed one `all runs: basic kernel testing failed` line read the same
    const allRuns = page.timeline.rows.find((r) => r.line === 121)!;
    expect(allRuns.verdict).toEqual(row.verdict);
    // the blocking-crash line names the step with the same title
    const blocking = page.blocking.find((b) => b.title === "KASAN: use-after-free Read in task_active_pid_ns")!;
    expect(blocking.kind).toBe("test-failed");
    expect(blocking.steps.find((s) => s.commit === V59)).toMatchObject({ failed: 19, runs: 20, line: 130 });

    const record = commitPage((await getCommitRecord(db.prisma, V59))!);
    expect(record.steps.map((s) => s.verdict)).toEqual([row.verdict]);

    const side = (await getCompareSide(db.prisma, id))!;
    const cmp = comparePage(side, side);
    expect(cmp.rows.find((r) => r.commit === V59)?.a?.verdict).toEqual(row.verdict);
  });

  it("on a log built to have one: ⊘ where no run got further than basic testing, not where one crashed", async () => {
    const { id } = await ingestLog(db.prisma, builtLog());
    const row = bisectionPage((await getBisection(db.prisma, id))!).timeline.rows.find((r) => r.commit === RELEASE)!;
    expect(row.runs).toMatchObject({ kind: "runs", summary: expect.stringMatching(/^10 runs: 1 infra problem: .*, 1 failed: .*, 8 basic testing failed: /) });
    expect(row.verdict).toEqual({ outcome: "failed", words: "failed basic testing", git: null, mark: "basic" });
    const { id: crashed } = await ingestLog(db.prisma, builtLog(["crashed: WARNING in kvm_wait"]));
    const other = bisectionPage((await getBisection(db.prisma, crashed))!).timeline.rows.find((r) => r.commit === RELEASE)!;
    expect(other.verdict).toMatchObject({ outcome: "crashed", mark: "crashed" });
  });
});
