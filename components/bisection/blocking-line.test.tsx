// The line under the first three setup failures counts commits, as the lines above do
// (review3: "and 1 more setup failure" on /b/f614f8ebde37 counted a title that stopped 2 commits).
import { describe, expect, it } from "vitest";
import type { BlockingCrash } from "@/lib/analysis/blocking";
import { moreLine } from "./blocking-line";

const crash = (title: string, steps: number[]): BlockingCrash =>
  ({ kind: "boot-failed", title, steps: steps.map((index) => ({ index, commit: "c".repeat(40), release: null, line: index * 10, failed: null, runs: 10 })) }) as BlockingCrash;

describe("moreLine", () => {
  it("counts the commits the remaining failures stopped, not those listed above", () => {
    const top = [crash("x", [1]), crash("y", [2]), crash("z", [3, 4])];
    expect(moreLine([...top, crash("can't ssh into the instance", [6, 7])], 3)).toBe("and 2 more commits stopped by another setup failure (see the matrix below)");
    expect(moreLine([...top, crash("a", [4, 5]), crash("b", [5])], 3)).toBe("and 1 more commit stopped by 2 other setup failures (see the matrix below)");
    expect(moreLine([...top, crash("a", [1, 3])], 3)).toBe("and another setup failure on the commits above (see the matrix below)");
  });
});
