// Small derivations the page needs from the stored bisection and its raw log.
import { BISECTING_LINE } from "./timeline";
import { stepSubject, type UiStep } from "./types";

/** The good commit and the initial range, read from the `# git bisect start` line and the next. */
export function bisectStartFacts(lines: string): { good: string | null; initialLeft: number | null } {
  const [start = "", next = ""] = lines.split("\n");
  const good = /^# git bisect start \S+ (\S+)/.exec(start)?.[1] ?? null;
  const left = BISECTING_LINE.exec(next)?.[1];
  return { good, initialLeft: left ? Number(left) : null };
}

export function distinctCompilers(steps: UiStep[]): string[] {
  return [...new Set(steps.map((s) => s.compiler ?? s.compilerType).filter((c): c is string => !!c))];
}

export function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

export function candidateList(hashes: string[], steps: UiStep[]): { hash: string; subject: string | null }[] {
  return hashes.map((hash) => {
    const s = steps.find((x) => x.commitHash === hash);
    return { hash, subject: s ? stepSubject(s) : null };
  });
}

export function headTitle(final: string | null | undefined, start: string | null | undefined): string {
  return final ?? start ?? "(no crash title)";
}
