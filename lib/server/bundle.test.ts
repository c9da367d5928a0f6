import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { bundled } from "./bundle.mjs";

const dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-bundle-"));
// the bundles of this test's modules go beside them, not into node_modules/.cache
process.env.BISECTVIEW_BUNDLE_CACHE = path.join(dir, "cache");
afterAll(() => {
  delete process.env.BISECTVIEW_BUNDLE_CACHE;
  rmSync(dir, { recursive: true, force: true });
});

/** Writes `text` to `name` in the temporary tree, with an mtime `ageSecs` in the past. */
function put(name: string, text: string, ageSecs: number) {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const t = Date.now() / 1000 - ageSecs;
  utimesSync(file, t, t);
}

/** What the bundle at `file` (CommonJS) exports as `answer`. */
function answer(file: string | null): unknown {
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(readFileSync(file!, "utf8"), { module, exports: module.exports, require: () => ({}) });
  return module.exports.answer;
}

describe("bundled", () => {
  const entry = path.join(dir, "lib/entry.ts");
  const cjs = { format: "cjs" } as const;

  it("bundles a TypeScript module with what it imports into one CommonJS file", async () => {
    put("lib/dep.ts", `export const base: number = 40;\n`, 60);
    put("lib/entry.ts", `import { base } from "./dep";\nexport const answer: number = base + 2;\n`, 60);
    expect(answer(await bundled(entry, cjs))).toBe(42);
  });

  it("is made again when a source it was made of changes, not served stale from its cache", async () => {
    const cached = await bundled(entry, cjs);
    expect(answer(cached)).toBe(42);
    expect(await bundled(entry, cjs)).toBe(cached); // the same file, from the cache
    put("lib/dep.ts", `export const base: number = 50;\n`, 30);
    expect(answer(await bundled(entry, cjs))).toBe(52);
    // a source saved just now is bundled, but the bundle is not kept: the next call makes it again
    put("lib/dep.ts", `export const base: number = 60;\n`, 0);
    expect(answer(await bundled(entry, cjs))).toBe(62);
    put("lib/dep.ts", `export const base: number = 70;\n`, 0);
    expect(answer(await bundled(entry, cjs))).toBe(72);
  });

  it("as ES modules: npm packages stay imports, dynamic imports stay lazy, import.meta.url is each source's", async () => {
    put("lib/esm/late.ts", `export const late: string = import.meta.url;\n(globalThis as Record<string, unknown>).lateRan = true;\n`, 60);
    put("lib/esm/main.ts", `import { z } from "zod";\nexport const here: string = import.meta.url;\nexport const ok = z.string().parse("x");\nexport const later = () => import("./late");\n`, 60);
    const file = await bundled(path.join(dir, "lib/esm/main.ts"), { format: "esm" });
    expect(path.dirname(path.dirname(file!))).toBe(path.join(dir, "cache"));
    expect(readFileSync(file!, "utf8")).toMatch(/from "zod"/);
    const m = (await import(pathToFileURL(file!).href)) as { here: string; ok: string; later(): Promise<{ late: string }> };
    expect(m.here).toBe(pathToFileURL(path.join(dir, "lib/esm/main.ts")).href);
    expect(m.ok).toBe("x");
    expect((globalThis as Record<string, unknown>).lateRan).toBeUndefined();
    expect((await m.later()).late).toBe(pathToFileURL(path.join(dir, "lib/esm/late.ts")).href);
    expect((globalThis as Record<string, unknown>).lateRan).toBe(true);
  });

  it("answers null for a module esbuild cannot bundle (the import then loads the TypeScript through tsx)", async () => {
    put("lib/broken.ts", `import { nothing } from "./missing";\nexport const answer = nothing;\n`, 60);
    expect(await bundled(path.join(dir, "lib/broken.ts"), cjs)).toBeNull();
  });
});
