// A TypeScript entry point and the project modules it imports as JavaScript bundled by esbuild
// (tsx's own), so a process or thread runs it without tsx: tsx's loader, which transforms and
// lexes every module, and V8's compiling of that lexer cost the CLI 1.5 s at start and the
// bulk import's parse worker 1.2-1.9 s of a first pass (BENCHMARKS.md "Import, round three").
// Plain JavaScript, so scripts/cli.mjs can use it before anything can load TypeScript.
//
// The bundle is kept under node_modules/.cache/bisectview (BISECTVIEW_BUNDLE_CACHE) with the size and mtime of every
// source it was made of, and made again (0.1-0.3 s) when one of them changed: never stale. A
// source saved while esbuild read it may be bundled as it was: that bundle runs once and is
// not kept. null when esbuild cannot make it or the cache cannot be written (the caller then
// loads the TypeScript through tsx).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const cacheDir = () => process.env.BISECTVIEW_BUNDLE_CACHE ?? join(ROOT, "node_modules/.cache/bisectview");
// a bundle directory this old is no longer run by any process (its chunks load lazily)
const STALE_MS = 24 * 3600 * 1000;

/** @returns {typeof import("esbuild") | null} */
function loadEsbuild() {
  try {
    // a dependency of tsx (a dependency of ours)
    const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"));
    return fromTsx("esbuild");
  } catch {
    return null;
  }
}

/** @param {{ esbuild: string, main: string, inputs: [string, number, number][] }} stamp */
function fresh(stamp, esbuild) {
  if (stamp.esbuild !== esbuild) return false;
  try {
    statSync(stamp.main);
    return stamp.inputs.every(([p, size, mtimeMs]) => {
      const s = statSync(p);
      return s.size === size && s.mtimeMs === mtimeMs;
    });
  } catch {
    return false; // a source or the bundle is gone
  }
}

/** Each project module's `import.meta.url` is its source's URL, not the bundle's, so what it
 *  finds next to itself (the worker's entry, Prisma's generated files) is found. */
const sourceUrls = {
  name: "source-import-meta-url",
  /** @param {import("esbuild").PluginBuild} build */
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, (args) => {
      if (args.path.includes(`/node_modules/`)) return undefined;
      const text = readFileSync(args.path, "utf8");
      return { contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: args.path.endsWith("x") ? "tsx" : "ts" };
    });
  },
};

/** Removes this key's bundle directories a day old, but never `keep`. */
function sweep(key, keep) {
  try {
    for (const d of readdirSync(cacheDir())) {
      const p = join(cacheDir(), d);
      if (d.startsWith(`${key}-`) && p !== keep && Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
    }
  } catch {
    // best effort
  }
}

/**
 * The path of `entry` (an absolute .ts path) bundled, or null.
 * @param {string} entry
 * @param {{ format: "esm" | "cjs" }} opts esm: the npm packages stay imports, and dynamic imports
 *   stay lazy (chunks); cjs: one file with everything (for a worker thread)
 * @returns {Promise<string | null>}
 */
export async function bundled(entry, opts) {
  const esbuild = loadEsbuild();
  if (!esbuild) return null;
  const key = `${basename(entry).replace(/\.[cm]?tsx?$/, "")}-${opts.format}-${createHash("sha256").update(entry).digest("hex").slice(0, 8)}`;
  const stampFile = join(cacheDir(), `${key}.json`);
  try {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
    if (fresh(stamp, esbuild.version)) return stamp.main;
  } catch {
    // not made yet, or unreadable: made below
  }
  const started = Date.now();
  const outdir = join(cacheDir(), `${key}-${started.toString(36)}-${process.pid}`);
  const ext = opts.format === "esm" ? ".mjs" : ".cjs";
  let inputs;
  try {
    const out = await esbuild.build({
      entryPoints: [entry],
      absWorkingDir: ROOT,
      bundle: true,
      platform: "node",
      format: opts.format,
      target: "node20",
      packages: opts.format === "esm" ? "external" : undefined,
      splitting: opts.format === "esm",
      outdir,
      entryNames: "[name]",
      outExtension: { ".js": ext },
      metafile: true,
      logLevel: "silent",
      plugins: [sourceUrls],
    });
    inputs = Object.keys(out.metafile.inputs)
      .map((p) => resolve(ROOT, p))
      .filter((p) => !relative(ROOT, p).startsWith("node_modules"));
  } catch {
    rmSync(outdir, { recursive: true, force: true });
    return null;
  }
  const main = join(outdir, `${basename(entry).replace(/\.[cm]?tsx?$/, "")}${ext}`);
  try {
    /** @type {[string, number, number][]} */
    const stamps = inputs.map((p) => {
      const s = statSync(p);
      return [p, s.size, s.mtimeMs];
    });
    if (stamps.some(([, , mtimeMs]) => mtimeMs >= started - 1000)) return main;
    // under a temporary name, then renamed: a concurrent process reads a whole stamp
    const tmp = `${stampFile}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ esbuild: esbuild.version, main, inputs: stamps }));
    renameSync(tmp, stampFile);
    sweep(key, outdir);
  } catch {
    // not kept: made again next time
  }
  return main;
}

