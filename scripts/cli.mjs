// `npm run cli`: scripts/cli.ts run from its esbuild bundle (lib/server/bundle.mjs, made on first
// use and again after a change), which starts in a fraction of the time tsx takes to load the
// same TypeScript (BENCHMARKS.md "Import, round three"); through tsx when esbuild cannot.
// package.json runs it with `--interrupt-budget=300000` (V8's default is 67584): functions run
// longer in the interpreter before V8 optimizes them, so a batch process compiles fewer of
// them (a first import pass of the corpus: 3.3-4.6 s of CPU in Node against 4.3-5.1 s); the
// code they end with is the same.
import { fileURLToPath } from "node:url";
import { bundled } from "../lib/server/bundle.mjs";

const entry = fileURLToPath(new URL("./cli.ts", import.meta.url));
const file = await bundled(entry, { format: "esm" });
if (file) await import(file);
else {
  const { tsImport } = await import("tsx/esm/api");
  await tsImport(entry, import.meta.url);
}
