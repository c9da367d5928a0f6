// Off-target crashes: git bisect only asks "did it crash?", so a crashed verdict (git's `bad`;
// `good` in fix bisections) decided by a crash that is not the bug moves the range as if the bug
// were there. Such verdicts come from machine failures (`lost connection`, `no output from test
// machine`, `SYZFATAL`, reports syzbot could not parse), from another subsystem's crash, or from
// a crash the start commit never showed (google/syzkaller #5414, #3855).
// Severity: high when the verdict that bounds the result (the culprit's own test; in a fix
// bisection the last step that still crashed) was such a crash of an unspecific or unrelated
// kind, or when the trusted verdicts leave more than one commit in question; low when the
// trusted verdicts alone still pin the same result.
import { shortHash } from "@/lib/format";
import { unique, uniqueSorted } from "@/lib/unique";
import { type Context } from "../context";
import { evidenceLines } from "../steps";
import type { Finding } from "../types";

const KIND_WORDS = { unspecific: "machine or syzkaller failures", "other-subsystem": "another subsystem's crash", unseen: "a crash the start commit never showed" } as const;

/** The off-target crash's own line (the first crash at that step, or its `all runs:` line), then the verdict. */
function offLines(ctx: Context, index: number, verdictLine: number): number[] {
  const step = ctx.log.steps[index];
  return step && step.index === index ? evidenceLines(ctx.log.type, step) : [verdictLine];
}

export function offTarget(ctx: Context): Finding[] {
  const trust = ctx.trust;
  if (!trust || trust.reference.length === 0) return [];
  const off = trust.steps.filter((s) => s.crashed && !s.trusted && s.offTarget !== null);
  if (off.length === 0) return [];
  const bound = ctx.blamedStep ? off.find((s) => s.index === ctx.blamedStep?.index) : undefined;
  const kinds = unique(off.map((s) => s.offTarget!));
  const verdict = ctx.fix ? "\"still crashing\" verdict" : "bad verdict";
  const plural = off.length > 1 ? "s" : "";
  const what = `${off.length} ${verdict}${plural} (${off.slice(0, 6).map((s) => shortHash(s.commit)).join(", ")}${off.length > 6 ? ", …" : ""}) ${off.length > 1 ? "were" : "was"} decided by ${kinds.map((k) => KIND_WORDS[k]).join(" or ")}, not by the bug (${trust.reference.slice(0, 2).map((t) => `“${t}”`).join(", ")})`;
  const left = trust.candidates;
  const pinned = trust.reproduces;
  const severity = bound || (!pinned && left !== null && left > 1) ? "high" : !pinned ? "medium" : "low";
  // an inconclusive result has no culprit: its blamed step is the last bad verdict
  const boundWord = ctx.culprit === null && !ctx.fix ? "the last bad verdict before git ran out of commits to test" : `the ${ctx.found}'s own test`;
  const tail = bound
    ? `; ${boundWord} was one of them`
    : pinned
      ? "; the trusted verdicts alone still pin the same result"
      : left !== null
        ? `; the trusted verdicts alone leave about ${left} commits in question`
        : "; the trusted verdicts alone do not pin the result";
  return [{ rule: "off-target", severity, message: `${what}${tail}.`, lines: uniqueSorted(off.flatMap((s) => offLines(ctx, s.index, s.line))).slice(0, 50) }];
}
