import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { bundledWorker } from "./worker-source";

const dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` to `name` in the temporary tree, with an mtime `ageSecs` in the past. */
function put(name: string, text: string, ageSecs: number) {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const t = Date.now() / 1000 - ageSecs;
  utimesSync(file, t, t);
}

/** What the bundle's module exports as `answer`, run as CommonJS. */
function answer(code: string): unknown {
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(code, { module, exports: module.exports, require: () => ({}) });
  return module.exports.answer;
}

describe("bundledWorker", () => {
  const entry = pathToFileURL(path.join(dir, "lib/entry.ts")).href;

  it("bundles a TypeScript module with what it imports into one CommonJS text", () => {
    put("lib/dep.ts", `export const base: number = 40;\n`, 60);
    put("lib/entry.ts", `import { base } from "./dep";\nexport const answer: number = base + 2;\n`, 60);
    expect(answer(bundledWorker(entry)!)).toBe(42);
  });

  it("is made again when a source it was made of changes, not served stale from its cache", () => {
    expect(answer(bundledWorker(entry)!)).toBe(42); // from the cache
    put("lib/dep.ts", `export const base: number = 50;\n`, 30);
    expect(answer(bundledWorker(entry)!)).toBe(52);
    // a source saved just now is bundled, but the bundle is not kept: the next call makes it again
    put("lib/dep.ts", `export const base: number = 60;\n`, 0);
    expect(answer(bundledWorker(entry)!)).toBe(62);
    put("lib/dep.ts", `export const base: number = 70;\n`, 0);
    expect(answer(bundledWorker(entry)!)).toBe(72);
  });

  it("answers null for a module esbuild cannot bundle (the import then loads the TypeScript through tsx)", () => {
    put("lib/broken.ts", `import { nothing } from "./missing";\nexport const answer = nothing;\n`, 60);
    expect(bundledWorker(pathToFileURL(path.join(dir, "lib/broken.ts")).href)).toBeNull();
  });
});
