// `npm run cli`: scripts/cli.ts run from its esbuild bundle (lib/server/bundle.mjs, made on first
// use and again after a change), which starts in a fraction of the time tsx takes to load the
// same TypeScript (BENCHMARKS.md "Import, round three"); through tsx when esbuild cannot.
import { fileURLToPath } from "node:url";
import { bundled } from "../lib/server/bundle.mjs";

const entry = fileURLToPath(new URL("./cli.ts", import.meta.url));
const file = await bundled(entry, { format: "esm" });
if (file) await import(file);
else {
  const { tsImport } = await import("tsx/esm/api");
  await tsImport(entry, import.meta.url);
}
