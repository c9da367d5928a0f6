// `npm run bench`: parser throughput (goldens, corpus) beside line splitting; adversarial input
// beside real logs of the same size; corpus import
// and re-import; the judge on the labelled corpus; page server times at 1,000 and 100,000
// bisections; `-- load`: the built server under 200 concurrent readers (bench/load.ts). Prints figures; BENCHMARKS.md records them with this command.
import { benchParse } from "./parse";
import { benchImport, importQuietly } from "./import";
import { benchJudge } from "./judge";
import { benchJudgeOnMarks } from "./judge-marks";
import { benchAdversarial } from "./adversarial";
import { benchPages } from "./pages";
import { benchLoad } from "./load";
import { benchWeight } from "./weight";
import { freshDatabase } from "./db";
import { corpusTexts, goldenTexts } from "./corpus";
import { contentHash, normalizeLog, bisectionIdFor } from "@/lib/ingest/normalize";
import { readFileSync } from "node:fs";

const only = process.argv.slice(2);
// `load` and `weight` start the built server: only when asked for by name
const want = (name: string) => (only.length === 0 && name !== "load" && name !== "weight") || only.includes(name);

async function main() {
  console.log(`node ${process.version}, ${new Date().toISOString()}\n`);
  if (want("parse")) {
    console.log(benchParse("golden logs", goldenTexts()));
    console.log(benchParse("corpus", corpusTexts(), 5));
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
  if (want("import") || want("pages")) {
    const db = await freshDatabase();
    try {
      const texts = [...goldenTexts(), ...corpusTexts()];
      if (want("import")) {
        console.log(await benchImport(db.url, texts));
        console.log();
      } else await importQuietly(db.url, texts);
      if (want("pages")) {
        const seed = bisectionIdFor(contentHash(normalizeLog(readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"))));
        console.log(await benchPages(db.url, seed));
      }
    } finally {
      await db.stop();
    }
  }
  if (want("weight")) console.log(`${await benchWeight()}\n`);
  if (want("load")) await benchLoad(); // prints each figure as it goes
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
