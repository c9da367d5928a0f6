// Developers' marks read as history: each developer's newest mark counts, earlier ones stay
// visible as superseded. Pure, for pages, the JSON, the feed and the labels export.
import type { MarkVerdict } from "@/lib/domain/words";

export interface MarkView {
  id: number;
  who: string;
  verdict: MarkVerdict;
  realCulprit: string | null;
  note: string | null;
  loreLink: string | null;
  createdAt: string;
}

export interface MarkSummary {
  right: number;
  wrong: number;
  /** real culprits named by the developers' current marks, most named first */
  culprits: { hash: string; by: number }[];
  /** each developer's newest mark, newest first */
  current: MarkView[];
  /** ids of marks a later mark by the same developer replaced */
  superseded: Set<number>;
}

export function summarizeMarks(marks: MarkView[]): MarkSummary {
  const newest = new Map<string, MarkView>();
  for (const m of marks) {
    const prev = newest.get(m.who);
    if (!prev || m.createdAt > prev.createdAt || (m.createdAt === prev.createdAt && m.id > prev.id)) newest.set(m.who, m);
  }
  const current = [...newest.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id));
  const currentIds = new Set(current.map((m) => m.id));
  const culprits = new Map<string, number>();
  for (const m of current) if (m.realCulprit) culprits.set(m.realCulprit, (culprits.get(m.realCulprit) ?? 0) + 1);
  return {
    right: current.filter((m) => m.verdict === "right").length,
    wrong: current.filter((m) => m.verdict === "wrong").length,
    culprits: [...culprits.entries()].map(([hash, by]) => ({ hash, by })).sort((a, b) => b.by - a.by || a.hash.localeCompare(b.hash)),
    current,
    superseded: new Set(marks.filter((m) => !currentIds.has(m.id)).map((m) => m.id)),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 developers marked this wrong, 1 right" */
export function markSummaryWords(s: Pick<MarkSummary, "right" | "wrong">, what = "this"): string {
  const parts: string[] = [];
  if (s.wrong) parts.push(`${plural(s.wrong, "developer", "developers")} marked ${what} wrong`);
  if (s.right) parts.push(parts.length ? `${s.right} right` : `${plural(s.right, "developer", "developers")} marked ${what} right`);
  return parts.join(", ") || "no developer has marked this yet";
}

/** The label a developer consensus gives, in labels.json's terms: true all right, false all wrong,
 *  null when they disagree or nobody marked. */
export function consensus(s: Pick<MarkSummary, "right" | "wrong">): boolean | null {
  if (s.right && !s.wrong) return true;
  if (s.wrong && !s.right) return false;
  return null;
}
