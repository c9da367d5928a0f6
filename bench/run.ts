// `npm run bench`: parser throughput (goldens, corpus) beside line splitting, and per kind of line
// (bench/parse-kinds.ts; bench/parse-ab.ts compares another parser copy by CPU time); adversarial input
// beside real logs of the same size; corpus import
// and re-import; the judge on the labelled corpus; page server times at 1,000, 100,000 and
// 1,000,000 bisections (bench/scale.ts); `-- load`: the built server under 200 concurrent readers (bench/load.ts); `-- layout`: the timeline's subject column in Chromium (bench/layout.ts). Prints figures; BENCHMARKS.md records them with this command.
import { benchParse } from "./parse";
import { benchParseKinds } from "./parse-kinds";
import { benchImport } from "./import";
import { benchJudge } from "./judge";
import { benchJudgeOnMarks } from "./judge-marks";
import { benchAdversarial } from "./adversarial";
import { benchPages, DEFAULT_SIZES } from "./pages";
import { benchLoad } from "./load";
import { benchWeight } from "./weight";
import { benchExplain } from "./explain";
import { benchLayout } from "./layout";
import { freshDatabase } from "./db";
import { corpusTexts, goldenTexts } from "./corpus";

const only = process.argv.slice(2);
// `load`, `weight` and `layout` start the built server (`layout` a Chromium too), `explain` prints pages of plans: only when asked for by name
const want = (name: string) => (only.length === 0 && !["load", "weight", "explain", "layout"].includes(name)) || only.includes(name);

async function main() {
  console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
  if (want("parse")) {
    console.log(benchParse("golden logs", goldenTexts()));
    console.log(benchParse("corpus", corpusTexts(), 5));
    console.log();
    console.log(benchParseKinds("corpus", corpusTexts()));
    console.log();
  }
  if (want("judge")) {
    console.log(await benchJudge());
    console.log();
    // developers' marks of a running server as labels too
    if (process.env.JUDGE_LABELS_FROM) {
      console.log(await benchJudgeOnMarks(process.env.JUDGE_LABELS_FROM));
      console.log();
    }
  }
  if (want("adversarial")) {
    console.log(benchAdversarial());
    console.log();
  }
  if (want("import")) {
    const db = await freshDatabase();
    try {
      console.log(await benchImport(db, [...goldenTexts(), ...corpusTexts()]));
      console.log();
    } finally {
      await db.stop();
    }
  }
  if (want("pages")) {
    const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : DEFAULT_SIZES;
    console.log(await benchPages(sizes));
    console.log();
  }
  if (want("explain")) {
    const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(",").map(Number) : DEFAULT_SIZES;
    console.log(await benchExplain(Math.max(...sizes)));
  }
  if (want("weight")) console.log(`${await benchWeight()}\n`);
  if (want("layout")) console.log(`${await benchLayout()}\n`);
  if (want("load")) await benchLoad(); // prints each figure as it goes
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
