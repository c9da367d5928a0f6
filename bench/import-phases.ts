// Where the bulk import's worker spends its CPU time per log, phase by phase, in this thread:
// normalize + hash, parse, display-safe copy, judge, row mapping, the COPY text, and the structured
// clone that hands it to the writer (postMessage's, the byte buffers transferred). `node --import tsx bench/import-phases.ts [rounds]`.
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection } from "@/lib/analysis";
import { displaySafe } from "@/lib/ingest/display-safe";
import { normalizeUpload, isRefusal } from "@/lib/ingest/prepare";
import { logCopy, logRows } from "@/lib/ingest/rows";
import { corpusTexts, goldenTexts } from "./corpus";

const texts = [...goldenTexts(), ...corpusTexts()];
const rounds = Number(process.argv[2] ?? 5);
const phases = ["normalize", "parse", "displaySafe", "judge", "logRows", "copyText", "clone"] as const;
const cpu: Record<string, number[]> = Object.fromEntries(phases.map((p) => [p, []]));
const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let r = 0; r < rounds; r++) {
  const t: Record<string, number> = Object.fromEntries(phases.map((p) => [p, 0]));
  for (const text of texts) {
    let a = now();
    const up = normalizeUpload(text);
    let b = now(); t.normalize += b - a; a = b;
    if (isRefusal(up)) continue;
    const parsed = parseBisectionLog(up.normalized);
    b = now(); t.parse += b - a; a = b;
    if (!parsed.ok) continue;
    const log = displaySafe(parsed.log);
    b = now(); t.displaySafe += b - a; a = b;
    const judgement = judgeBisection(log, up.normalized);
    b = now(); t.judge += b - a; a = b;
    const rows = logRows({ id: up.hash.slice(0, 12), hash: up.hash, text: up.normalized, log, judgement });
    b = now(); t.logRows += b - a; a = b;
    const copy = logCopy(rows);
    b = now(); t.copyText += b - a; a = b;
    // what postMessage does with it: the byte buffers are transferred, not copied
    structuredClone(copy, { transfer: [copy.bytes.buffer as ArrayBuffer, copy.slots.buffer as ArrayBuffer] });
    b = now(); t.clone += b - a; a = b;
  }
  for (const p of phases) cpu[p].push(t[p]);
}
const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
let total = 0;
for (const p of phases) total += med(cpu[p]);
console.log(`${texts.length} logs, ${rounds} rounds, CPU ms (median round; min-max), ms a log:`);
for (const p of phases) console.log(`  ${p.padEnd(12)} ${med(cpu[p]).toFixed(0).padStart(6)} ms (${Math.min(...cpu[p]).toFixed(0)}-${Math.max(...cpu[p]).toFixed(0)})  ${(med(cpu[p]) / texts.length).toFixed(2)} ms/log  ${((100 * med(cpu[p])) / total).toFixed(0)}%`);
console.log(`  round totals: ${cpu.parse.map((_, r) => phases.reduce((n, p) => n + cpu[p][r], 0).toFixed(0)).join(", ")} ms`);
console.log(`  ${"total".padEnd(12)} ${total.toFixed(0).padStart(6)} ms  ${(total / texts.length).toFixed(2)} ms/log`);
