import { describe, expect, it } from "vitest";
import {
  BISECTION_TYPE,
  BISECTION_TYPES,
  foundWord,
  isWord,
  MARK_CHOICES,
  MARK_VERDICTS,
  OUTCOME,
  OUTCOMES,
  outcomeWords,
  roleWords,
  RUN_OUTCOME,
  RUN_OUTCOMES,
  SEVERITIES,
  SEVERITY,
  VERDICT,
  VERDICTS,
  word,
} from "./words";
import { parseVerdict } from "@/lib/parser/test-block";

describe("the vocabulary", () => {
  it("names each word once per list", () => {
    for (const list of [BISECTION_TYPES, OUTCOMES, RUN_OUTCOMES, VERDICTS, SEVERITIES, MARK_VERDICTS, MARK_CHOICES]) expect(new Set(list).size).toBe(list.length);
  });

  it("reads syzkaller's run words into outcomes, each word to its own outcome", () => {
    const logWords = RUN_OUTCOMES.map((o) => RUN_OUTCOME[o].log);
    expect(new Set(logWords).size).toBe(RUN_OUTCOMES.length);
    for (const o of RUN_OUTCOMES) {
      const text = o === "ok" ? "OK" : `${RUN_OUTCOME[o].log}: some title`;
      expect(parseVerdict(text).outcome, text).toBe(o);
    }
    expect(parseVerdict("infra problem: failed to create VM pool").outcome).toBe("infra");
  });

  it("counts crashed, OK and boot runs apart from the lost ones, and names crashes by their title", () => {
    expect(RUN_OUTCOMES.filter((o) => RUN_OUTCOME[o].count === "lost")).toEqual(["test-failed", "infra", "ignored", "failed"]);
    expect(RUN_OUTCOMES.filter((o) => RUN_OUTCOME[o].signature)).toEqual(["crashed", "boot-failed"]);
  });

  it("marks a doubtful verdict the way a medium finding is marked, and ranks severities", () => {
    expect(VERDICT.doubtful.mark).toBe(SEVERITY.medium.mark);
    expect(SEVERITIES.map((s) => SEVERITY[s].rank)).toEqual([3, 2, 1, 0]);
    expect(VERDICTS.map((v) => VERDICT[v].tone)).toEqual(["bad", "warn", "good", "muted"]);
  });

  it("says what a bisection found and what it concluded, by type", () => {
    expect(foundWord("cause")).toBe("culprit");
    expect(foundWord("fix")).toBe("fix");
    expect(BISECTION_TYPE.fix.tag).toBe("#syz fix:");
    expect(outcomeWords("cause", "found")).toBe("introduced by");
    expect(outcomeWords("fix", "found")).toBe("fixed by");
    expect(outcomeWords("cause", "horizon")).toBe("happens on the oldest tested release");
    expect(outcomeWords("fix", "horizon")).toBe("still happens on HEAD");
    expect(OUTCOME.horizon.label).toEqual({ cause: "oldest release", fix: "still on HEAD" });
    expect(outcomeWords("cause", "inconclusive")).toBe("could be any of");
  });

  it("names roles in words, releases with their tag", () => {
    expect(roleWords("release", "v5.10")).toBe("release v5.10");
    expect(roleWords("release", null)).toBe("release");
    expect(roleWords("merge-base", null)).toBe("merge base");
    expect(roleWords("head", null)).toBe("HEAD");
    expect(roleWords("bisect", "v5.10")).toBe("bisect");
  });

  it("reads a word back, or says where an unknown one came from", () => {
    expect(isWord(OUTCOMES, "found")).toBe(true);
    expect(isWord(OUTCOMES, "bisected")).toBe(false);
    expect(isWord(OUTCOMES, 3)).toBe(false);
    expect(word(VERDICTS, "clean", "bisection x verdict")).toBe("clean");
    expect(() => word(VERDICTS, "wrongish", "bisection x verdict")).toThrow('bisection x verdict: "wrongish" is not one of likely-wrong, doubtful, clean, n/a');
  });
});
