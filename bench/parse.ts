// Parser throughput beside the time to merely split the same text into lines, in one run.
import { parseBisectionLog } from "@/lib/parser";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(fn: () => void, reps: number): number {
  fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function benchParse(name: string, texts: string[], reps = 7): string {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const mb = bytes / 1024 / 1024;
  let sink = 0;
  const split = timeIt(() => {
    for (const t of texts) sink += t.split("\n").length;
  }, reps);
  const parse = timeIt(() => {
    for (const t of texts) {
      const r = parseBisectionLog(t);
      sink += r.ok ? r.log.steps.length : 0;
    }
  }, reps);
  if (sink < 0) console.log(sink);
  return [
    `${name}: ${texts.length} logs, ${mb.toFixed(2)} MiB (median of ${reps} runs)`,
    `  split into lines: ${split.toFixed(1)} ms  (${(mb / (split / 1000)).toFixed(0)} MiB/s)`,
    `  parse:            ${parse.toFixed(1)} ms  (${(mb / (parse / 1000)).toFixed(1)} MiB/s, ${(texts.length / (parse / 1000)).toFixed(0)} logs/s)`,
    `  parse / split:    ${(parse / split).toFixed(1)}x`,
  ].join("\n");
}
