// The judge scored on developers' marks: `GET /api/labels` of a running Bisectview (the same
// shape as the corpus's labels.json, plus each bisection's permalink id), each log read from
// `/b/<id>/log.txt` and judged by the current judge.
//   JUDGE_LABELS_FROM=http://localhost:3000 npm run bench -- judge
import { judgeBisection } from "@/lib/analysis";
import { VERDICTS } from "@/lib/domain/words";
import { parseBisectionLog } from "@/lib/parser";

interface ExportedLabel {
  correct: boolean | null;
  id: string;
}

export interface MarkScore {
  labelled: number;
  wrong: number;
  right: number;
  matrix: Record<string, { wrong: number; right: number }>;
}

/** The verdict × label matrix over (label, log text) pairs. */
export function scoreJudge(items: { correct: boolean; text: string }[]): MarkScore {
  const matrix: MarkScore["matrix"] = {};
  for (const it of items) {
    const r = parseBisectionLog(it.text);
    const verdict = r.ok ? judgeBisection(r.log, it.text).verdict : "rejected";
    (matrix[verdict] ??= { wrong: 0, right: 0 })[it.correct ? "right" : "wrong"]++;
  }
  const wrong = items.filter((i) => !i.correct).length;
  return { labelled: items.length, wrong, right: items.length - wrong, matrix };
}

export function formatMarkScore(s: MarkScore, source: string): string {
  const cell = (v: string, k: "wrong" | "right") => s.matrix[v]?.[k] ?? 0;
  const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : "0.0"}%`;
  const out = [`judge on developers' marks from ${source}: ${s.labelled} bisections (${s.wrong} marked wrong, ${s.right} right)`, "", "verdict        wrong  right"];
  for (const v of [...VERDICTS, "rejected"]) if (s.matrix[v] || v !== "rejected") out.push(`${v.padEnd(14)} ${String(cell(v, "wrong")).padStart(5)}  ${String(cell(v, "right")).padStart(5)}`);
  const fw = cell("likely-wrong", "wrong") + cell("doubtful", "wrong");
  const fr = cell("likely-wrong", "right") + cell("doubtful", "right");
  out.push("", `flagged (likely-wrong or doubtful): ${pct(fw, s.wrong)} of wrong, ${pct(fr, s.right)} of right`);
  return out.join("\n");
}

export async function benchJudgeOnMarks(origin: string): Promise<string> {
  const base = origin.replace(/\/+$/, "");
  const res = await fetch(`${base}/api/labels`);
  if (!res.ok) throw new Error(`${base}/api/labels answered ${res.status}`);
  const labels = (await res.json()) as Record<string, ExportedLabel>;
  const items: { correct: boolean; text: string }[] = [];
  for (const l of Object.values(labels)) {
    if (l.correct === null) continue; // developers disagree: no label
    const log = await fetch(`${base}/b/${l.id}/log.txt`);
    if (!log.ok) throw new Error(`${base}/b/${l.id}/log.txt answered ${log.status}`);
    items.push({ correct: l.correct, text: await log.text() });
  }
  return formatMarkScore(scoreJudge(items), `${base}/api/labels`);
}
