// Where the parser's time goes, per kind of line. A first parse records the kind of every line
// (the parser's `probe`); a timed parse then reads the clock after the last line of each run of
// lines of one kind (121,617 reads for the corpus's 288,991 lines) and gives the time since the
// previous read to that kind. The clock's own cost per read is measured beside it and taken off.
// The budget each kind is measured against: `split("\n")` of the same lines, joined.
import { parseBisectionLog, type LineKind } from "@/lib/parser";

const PER_TEXT = "(per text: split, set-up, finish)";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The kind of every line of each text, in order (one probe call per line). */
function kindsOf(texts: string[]): LineKind[][] {
  return texts.map((t) => {
    const kinds: LineKind[] = [];
    parseBisectionLog(t, (k) => void kinds.push(k));
    return kinds;
  });
}

/** Lines of each text as the parser counts them (a final newline ends the last line). */
function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** A probe that reads the clock after line j when line j+1 is of another kind; `ends` marks
 *  those lines (from the first parse), `spent` gets the time of each run of lines. */
function clockedProbe() {
  const p = {
    ends: new Uint8Array(0),
    ids: new Int32Array(0),
    spent: new Float64Array(0),
    j: 0,
    last: 0,
    probe: () => {
      const j = p.j++;
      if (p.ends[j] === 0) return;
      const now = performance.now();
      p.spent[p.ids[j]] += now - p.last;
      p.last = now;
    },
  };
  return p;
}

/** ms of one clock read, in the same probe, when every call reads it. */
function clockCost(): number {
  const p = clockedProbe();
  const n = 1 << 16;
  p.ends = new Uint8Array(n).fill(1);
  p.ids = new Int32Array(n);
  p.spent = new Float64Array(1);
  const runs: number[] = [];
  for (let r = 0; r < 7; r++) {
    p.j = 0;
    const t0 = (p.last = performance.now());
    for (let i = 0; i < n; i++) p.probe();
    runs.push((performance.now() - t0) / n);
  }
  return median(runs);
}

export function benchParseKinds(name: string, texts: string[], reps = 5): string {
  const kinds = kindsOf(texts);
  const lines = texts.map(linesOf);
  kinds.forEach((k, i) => {
    if (k.length !== lines[i].length) throw new Error(`probe saw ${k.length} lines of ${lines[i].length}`);
  });
  const names = [...new Set(kinds.flat()), PER_TEXT];
  const index = new Map(names.map((n, i) => [n, i]));
  const ids = kinds.map((k) => Int32Array.from(k, (n) => index.get(n) ?? 0));
  const readsOf = names.map((_, k) => ids.reduce((n, id) => n + id.filter((x, j) => x === k && (j === id.length - 1 || id[j + 1] !== x)).length, 0));
  const ends = ids.map((id) => Uint8Array.from(id, (x, j) => (j === id.length - 1 || id[j + 1] !== x ? 1 : 0)));
  const reads = ends.reduce((n, e) => n + e.reduce((a, b) => a + b, 0), 0);
  const p = clockedProbe();
  const perText = index.get(PER_TEXT)!;
  const perRep: Float64Array[] = [];
  const total: number[] = [];
  const costs: number[] = [];
  for (let r = 0; r <= reps; r++) {
    const spent = new Float64Array(names.length);
    let all = 0;
    let lost = 0;
    texts.forEach((t, i) => {
      p.ends = ends[i];
      p.ids = ids[i];
      p.spent = spent;
      p.j = 0;
      const t0 = (p.last = performance.now());
      const first = lines[i].length > 0 ? ids[i][0] : perText;
      const before = spent[first];
      parseBisectionLog(t, p.probe);
      const end = performance.now();
      all += end - t0;
      // the first run of lines holds the split of the whole text: that goes to the per-text row
      // when the run is one line long; else it stays with its kind (noted below)
      if (ends[i][0] === 1) {
        spent[perText] += spent[first] - before;
        spent[first] = before;
      } else lost++;
      spent[perText] += end - p.last;
    });
    const cost = clockCost();
    costs.push(cost);
    // each kind's reads cost the clock once each
    for (let k = 0; k < names.length; k++) spent[k] -= cost * readsOf[k];
    if (r > 0) perRep.push(spent); // the first round warms up
    if (r > 0) total.push(all);
    if (r === 0 && lost > 0) console.log(`(${lost} texts start with a run of 2+ lines of one kind: their split stays in that kind)`);
  }
  const parseMs = names.map((_, i) => median(perRep.map((a) => a[i])));
  // the budget: split("\n") of each kind's lines, joined, beside split of whole texts
  const splitMs = names.map((n, i) => {
    if (n === PER_TEXT) return NaN;
    const joined = lines.flatMap((ls, t) => ls.filter((_, j) => ids[t][j] === i)).join("\n");
    let sink = 0;
    const ms: number[] = [];
    for (let r = 0; r <= reps; r++) {
      const t0 = performance.now();
      sink += joined.split("\n").length;
      if (r > 0) ms.push(performance.now() - t0);
    }
    return sink > 0 ? median(ms) : 0;
  });
  const count = names.map((_, i) => ids.reduce((n, id) => n + id.filter((x) => x === i).length, 0));
  const chars = names.map((_, i) => lines.reduce((n, ls, t) => n + ls.reduce((m, l, j) => m + (ids[t][j] === i ? l.length + 1 : 0), 0), 0));
  const sum = parseMs.reduce((a, b) => a + b, 0);
  const order = names.map((_, i) => i).sort((a, b) => parseMs[b] - parseMs[a]);
  const rows = order.map((i) => {
    const ratio = Number.isNaN(splitMs[i]) ? "" : `${(parseMs[i] / splitMs[i]).toFixed(1)}x`;
    const perLine = count[i] > 0 ? `${((parseMs[i] * 1e6) / count[i]).toFixed(0)} ns/line` : "";
    return `  ${names[i].padEnd(36)} ${String(count[i]).padStart(7)} lines ${(chars[i] / 1024 / 1024).toFixed(2).padStart(6)} MiB ${parseMs[i].toFixed(1).padStart(7)} ms ${(Number.isNaN(splitMs[i]) ? "" : splitMs[i].toFixed(2)).padStart(6)} ms ${ratio.padStart(7)} ${perLine.padStart(13)} ${((100 * parseMs[i]) / sum).toFixed(1).padStart(5)}%`;
  });
  return [
    `${name}, per kind of line (median of ${reps} runs; ${reads} clock reads of ${median(costs) * 1e6 < 10 ? (median(costs) * 1e6).toFixed(1) : (median(costs) * 1e6).toFixed(0)} ns each taken off; whole parse with the probe ${median(total).toFixed(1)} ms):`,
    `  ${"kind".padEnd(36)} ${"lines".padStart(13)} ${"size".padStart(10)} ${"parse".padStart(10)} ${"split".padStart(9)} ${"ratio".padStart(7)} ${"".padStart(13)} share`,
    ...rows,
  ].join("\n");
}
