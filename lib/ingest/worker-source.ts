// The bulk import's parse worker as one JavaScript file, bundled by esbuild (tsx's own) from the
// TypeScript sources, so the worker thread loads no module through tsx: tsx's loader and its
// lexer, which V8 compiled hot in every import (1.2-1.9 s of a first pass, BENCHMARKS.md
// "Import, round three"), do not run there. The bundle is kept under node_modules/.cache with
// the size and mtime of every source it was made of, and made again (60-100 ms) when one of them
// changed, so it is never stale. null when esbuild cannot make it (the caller loads the
// TypeScript through tsx as before).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface Esbuild {
  version: string;
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[]; metafile?: { inputs: Record<string, unknown> } };
}

/** What a cached bundle was made of: esbuild's version, each source's path, size and mtime. */
type Stamp = { esbuild: string; inputs: [path: string, size: number, mtimeMs: number][] };

function loadEsbuild(): Esbuild | null {
  try {
    // a dependency of tsx (a dependency of ours), loaded only here
    const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
    return fromTsx("esbuild") as Esbuild;
  } catch {
    return null;
  }
}

function fresh(stamp: Stamp, esbuild: string): boolean {
  if (stamp.esbuild !== esbuild) return false;
  try {
    return stamp.inputs.every(([p, size, mtimeMs]) => {
      const s = statSync(p);
      return s.size === size && s.mtimeMs === mtimeMs;
    });
  } catch {
    return false; // a source is gone
  }
}

/** The CommonJS text of `entry` (a file: URL of a .ts module) with everything it imports, or null. */
export function bundledWorker(entry: string): string | null {
  const file = fileURLToPath(entry);
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  const cache = join(root, "node_modules/.cache/bisectview");
  const name = `${basename(file).replace(/\.ts$/, "")}-${createHash("sha256").update(file).digest("hex").slice(0, 8)}`;
  const esbuild = loadEsbuild();
  if (!esbuild) return null;
  try {
    const stamp = JSON.parse(readFileSync(join(cache, `${name}.json`), "utf8")) as Stamp;
    if (fresh(stamp, esbuild.version)) return readFileSync(join(cache, `${name}.cjs`), "utf8");
  } catch {
    // not cached yet, or unreadable: made below
  }
  let text: string;
  let inputs: string[];
  const started = Date.now();
  try {
    const out = esbuild.buildSync({
      entryPoints: [file],
      absWorkingDir: root,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    if (!out.outputFiles?.[0] || !out.metafile) return null;
    text = out.outputFiles[0].text;
    inputs = Object.keys(out.metafile.inputs).map((p) => resolve(root, p));
  } catch {
    return null;
  }
  try {
    const stamp: Stamp = { esbuild: esbuild.version, inputs: inputs.map((p) => [p, statSync(p).size, statSync(p).mtimeMs]) };
    // a source saved while (or just before) esbuild read it may be bundled as it was: not kept
    if (stamp.inputs.some(([, , mtimeMs]) => mtimeMs >= started - 1000)) return text;
    mkdirSync(cache, { recursive: true });
    // written under temporary names and renamed, so a concurrent import reads a whole file
    const tmp = `.${process.pid}`;
    writeFileSync(join(cache, `${name}.cjs${tmp}`), text);
    writeFileSync(join(cache, `${name}.json${tmp}`), JSON.stringify(stamp));
    renameSync(join(cache, `${name}.cjs${tmp}`), join(cache, `${name}.cjs`));
    renameSync(join(cache, `${name}.json${tmp}`), join(cache, `${name}.json`));
  } catch {
    // no cache (a read-only checkout): the bundle is still used
  }
  return text;
}
