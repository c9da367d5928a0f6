// `npm run bench`: parser throughput (goldens, corpus) beside line splitting; adversarial input
// beside real logs of the same size; corpus import
// and re-import; the judge on the labelled corpus; page server times at 1,000 and 100,000
// bisections. Prints figures; BENCHMARKS.md records them with this command.
import { benchParse } from "./parse";
import { benchImport, importQuietly } from "./import";
import { benchJudge } from "./judge";
import { benchAdversarial } from "./adversarial";
import { benchPages } from "./pages";
import { freshDatabase } from "./db";
import { corpusTexts, goldenTexts } from "./corpus";
import { contentHash, normalizeLog, bisectionIdFor } from "@/lib/ingest/normalize";
import { readFileSync } from "node:fs";

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

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
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
