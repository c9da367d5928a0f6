// What kept the reproducer from running, read from a real error bisection (Log_17ee6a6c880000,
// kept as a golden): the expected commits and lines were read from the log text by hand.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { blockingCrashes, type BlockingInput } from "./blocking";

const LOG = "lib/parser/testdata/corpus/2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt";

function inputs(text: string): BlockingInput[] {
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(r.reason);
  return r.log.steps.map((s) => ({
    ...s,
    commitHash: s.commit,
    allRunsOutcome: s.allRuns?.outcome ?? null,
    allRunsTitle: s.allRuns?.title ?? null,
    allRunsLine: s.allRuns?.line ?? null,
  }));
}

describe("blockingCrashes", () => {
  const groups = blockingCrashes(inputs(readFileSync(LOG, "utf8")));

  it("names the crash that failed basic testing on v5.10 .. v5.4 (L124 all runs; L130 19 of 20 at v5.9)", () => {
    const g = groups[0];
    expect(g.title).toBe("KASAN: use-after-free Read in task_active_pid_ns");
    expect(g.kind).toBe("test-failed");
    expect(g.steps.map((s) => s.release)).toEqual(["v5.10", "v5.9", "v5.8", "v5.7", "v5.6", "v5.5", "v5.4"]);
    expect(g.steps.map((s) => s.line)).toEqual([124, 130, 153, 158, 163, 168, 173]);
    // v5.9: run #0 `failed: ... broken console` (L129), runs #1-#19 the KASAN title
    expect(g.steps[1]).toMatchObject({ failed: 19, runs: 20 });
    expect(g.steps[0]).toMatchObject({ failed: null, runs: null });
  });

  it("groups a machinery message whose address changes per run (scp to 10.128.x.y) into one, by its first line", () => {
    const scp = groups.find((g) => g.title.startsWith("failed to copy test binary to VM"));
    expect(scp?.steps.map((s) => s.release)).toEqual(["v5.3", "v5.2", "v5.1", "v5.0", "v4.20", "v4.19"]);
    expect(scp?.title).not.toContain("\n");
  });

  it("boot failures are their own kind (v4.18-v4.16 `all runs: boot failed: kernel panic: Attempted to kill init!`)", () => {
    const boot = groups.find((g) => g.kind === "boot-failed" && g.title === "kernel panic: Attempted to kill init!");
    expect(boot?.steps.map((s) => [s.release, s.line])).toEqual([["v4.18", 701], ["v4.17", 706], ["v4.16", 711]]);
  });

  it("a commit where one run reached the reproducer is not blocked", () => {
    const step: BlockingInput = {
      index: 0, commitHash: "a".repeat(40), release: null, line: 1, allRunsOutcome: null, allRunsTitle: null, allRunsLine: null,
      runs: [
        { outcome: "test-failed", title: "KASAN: x", line: 2 },
        { outcome: "ok", title: null, line: 3 },
      ],
    };
    expect(blockingCrashes([step])).toEqual([]);
    expect(blockingCrashes([{ ...step, runs: [step.runs[0], { outcome: "infra", title: "lost connection", line: 3 }] }])).toHaveLength(1);
  });

  it("the seed log has no blocked commit", () => {
    expect(blockingCrashes(inputs(readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8")))).toEqual([]);
  });
});

describe("headline", () => {
  it("is the first line, also where the stored title has U+FFFD for line ends", async () => {
    const { headline } = await import("./blocking");
    expect(headline("failed to copy: exit status 1\nWarning: added")).toBe("failed to copy: exit status 1");
    expect(headline("failed to copy: exit status 1\ufffdWarning: added")).toBe("failed to copy: exit status 1");
    expect(headline("KASAN: use-after-free Read in x")).toBe("KASAN: use-after-free Read in x");
  });
});
