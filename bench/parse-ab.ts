// Another parser against this one on the corpus, in one process, alternating rounds and
// counting CPU time (process.cpuUsage): on a machine shared with other work, wall time moves by
// 2x between runs, CPU time of alternating rounds far less. The other parser is a copy of
// lib/parser (a directory with its index.ts; give it a package.json of {"type":"module"}):
//   git archive main lib/parser | tar -x -C /tmp/old && echo '{"type":"module"}' > /tmp/old/lib/parser/package.json
//   node --import tsx bench/parse-ab.ts /tmp/old/lib/parser [rounds]
import path from "node:path";
import { corpusTexts } from "./corpus";

const cpu = (fn: () => void) => {
  const a = process.cpuUsage();
  fn();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main() {
  const other = await import(path.resolve(process.argv[2], "index.ts"));
  const ours = await import("@/lib/parser");
  const rounds = Number(process.argv[3] ?? 15);
  const texts = corpusTexts();
  let sink = 0;
  const parse = (p: typeof ours) => cpu(() => {
    for (const t of texts) {
      const r = p.parseBisectionLog(t);
      sink += r.ok ? r.log.steps.length : 0;
    }
  });
  const split = () => cpu(() => {
    for (const t of texts) sink += t.split("\n").length;
  });
  for (let r = 0; r < 3; r++) {
    parse(other);
    parse(ours);
  }
  const a: number[] = [];
  const b: number[] = [];
  const s: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(parse(other));
    b.push(parse(ours));
    s.push(split());
  }
  if (sink < 0) console.log(sink);
  console.log(`corpus, ${texts.length} logs, CPU ms, median of ${rounds} alternating rounds after 3 warm-ups:`);
  console.log(`  ${process.argv[2]}: ${median(a).toFixed(1)} ms (${(median(a) / median(s)).toFixed(1)}x split)`);
  console.log(`  this lib/parser: ${median(b).toFixed(1)} ms (${(median(b) / median(s)).toFixed(1)}x split)`);
  console.log(`  split into lines: ${median(s).toFixed(1)} ms; this / other: ${(median(b) / median(a)).toFixed(3)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
