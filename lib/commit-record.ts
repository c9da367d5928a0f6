// What the bisections stored here say together about one commit: where another bisection of
// the same crash saw the opposite of what the blaming one concluded, and how far the blamings
// can be trusted before a `Fixes:` tag is written. Pure.
import { stepOutcome, type CompareStep } from "@/lib/analysis/compare";

export interface Blaming {
  id: string;
  type: string;
  verdict: string;
  title: string | null;
}

export interface TestedStep extends CompareStep {
  bisectionId: string;
  type: string;
  title: string | null;
  index: number;
  line: number;
  endLine: number;
}

export interface Contradiction {
  /** the bisection whose step contradicts the blaming */
  bisectionId: string;
  step: number;
  line: number;
  endLine: number;
  title: string;
  /** what that step saw: "OK" at a blamed culprit, "crashed" at a named fix */
  saw: "OK" | "crashed";
}

/** Steps of other bisections of the same crash that saw the commit the other way: no crash
 *  at a commit blamed for causing it, a crash at a commit named as its fix. */
export function contradictions(found: Blaming[], steps: TestedStep[]): Contradiction[] {
  const expect = new Map<string, "crashed" | "OK">();
  for (const b of found) if (b.title) expect.set(b.title, b.type === "fix" ? "OK" : "crashed");
  const blamers = new Set(found.map((b) => b.id));
  const out: Contradiction[] = [];
  for (const s of steps) {
    if (blamers.has(s.bisectionId) || !s.title) continue;
    const want = expect.get(s.title);
    const saw = stepOutcome(s.type, s);
    if (!want || (saw !== "OK" && saw !== "crashed") || saw === want) continue;
    out.push({ bisectionId: s.bisectionId, step: s.index, line: s.line, endLine: s.endLine, title: s.title, saw });
  }
  return out;
}

/** A warning to print beside the `Fixes:` tag, or null when every blaming was judged clean. */
export function fixesWarning(found: Blaming[]): string | null {
  if (found.length === 0) return "No bisection found this commit; it was only tested.";
  const wrong = found.filter((b) => b.verdict === "likely-wrong").length;
  const doubtful = found.filter((b) => b.verdict === "doubtful").length;
  if (wrong === 0 && doubtful === 0) return null;
  const n = found.length;
  if (wrong === n) {
    const who = n === 1 ? "The one bisection that found this commit was" : `All ${n} bisections that found this commit were`;
    return `${who} judged likely wrong: do not use this tag without checking.`;
  }
  const parts = [wrong ? `${wrong} likely wrong` : null, doubtful ? `${doubtful} doubtful` : null].filter(Boolean).join(", ");
  return `Of ${n} bisection${n === 1 ? "" : "s"} that found this commit, ${parts}: check before using this tag.`;
}
