// The permalink id is the sha256 of the normalized text, so normalization may never change for
// a log already stored. The pinned hashes below were computed with the implementation before
// commit "normalize in one linear pass" (`lines[i].replace(/\s+$/, "")` per line), which is also
// the reference the property compares against on random text.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contentHash, legacyLogHash, logHash, normalizeLog } from "./normalize";
import { logsUnder } from "@/lib/testing/logs-under";

/** The old normalizer, kept as the specification (quadratic on long whitespace runs). */
function reference(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(/\s+$/, "");
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "") end--;
  return lines.slice(0, end).join("\n") + "\n";
}

const CORPUS = path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023");
const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/cause-kvm_wait-title-drift.txt");
const TESTDATA = path.join(__dirname, "../parser/testdata");


/** sha256 over the content hashes of the files, one per line, in name order. */
function digest(files: string[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(contentHash(normalizeLog(readFileSync(f, "utf8"))) + "\n");
  return h.digest("hex");
}

describe("normalizeLog keeps every stored id", () => {
  it("gives the pinned hashes of corpus logs with CRs, trailing blanks, the largest and smallest", () => {
    const pinned: Record<string, string> = {
      "Log_13f3ca8ee00000.txt": "ed2f8984df9dd9cc3f6f3d9aba5aa8464b99c11cc5ae7f4d0381e2e1355f166f", // CRs and trailing blanks
      "Log_11b415ed200000.txt": "63d05fdb0fc2e32f6ab42df24a1f7d62239544a43ebcb0c1e21c5e8af0f7e1e9", // CRs
      "Log_12639fd7200000.txt": "f23bc7a90fd5e760cdd780b4bd7463ae98d8bba825655741dc8d17e931ac9af9", // the largest
      "Log_108a95a7880000.txt": "418d83996243ab82c926e64f3200b110a63be21e8f1d4070cf4a620d16092bdd", // the smallest
      "Log_10008d0e500000.txt": "eefb9c213b05254903bbfac029856769e1424d24e88bc8e4278d35abc70d48a9", // trailing blanks
    };
    for (const [name, hash] of Object.entries(pinned)) {
      expect(contentHash(normalizeLog(readFileSync(path.join(CORPUS, name), "utf8"))), name).toBe(hash);
    }
    expect(contentHash(normalizeLog(readFileSync(FIXTURE, "utf8")))).toBe("7b3543c7f53217e42116e625a4e9f30ce5ae27a225a9b057f560c4a9ad844a1a");
  });

  // goldens added after the digest was pinned: a byte copy and a `head -n` prefix of corpus logs,
  // whose normalization the corpus digest already pins
  const LATER = new Set([
    "2021-cut-after-culprit-message-at-line-202.Log_13532e85b00000.txt",
    "2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt",
    "2021-ref-tracker-warning-after-stack-tail.Log_15c42532700000.txt",
    "2020-raw-gadget-culprit-uapi-far-from-crash.Log_131a4bb6100000.txt",
  ]);

  it("gives the pinned digest over all 776 corpus logs and the goldens it was pinned with", () => {
    const corpus = logsUnder(CORPUS);
    expect(corpus.length).toBe(776);
    expect(digest(corpus)).toBe("3bbc29fa27d0d91815b57f1d4449fd0a7e67932101521bcbc029080d4d765854");
    const all = logsUnder(TESTDATA);
    const goldens = all.filter((f) => !LATER.has(f.split("/").pop()!));
    expect(all.length - goldens.length).toBe(LATER.size);
    expect(goldens.length).toBe(38);
    expect(digest(goldens)).toBe("58ccc44f5938a00720b1ccd6ed5ca9a45900f6187bf2fb89afc95b41b408e787");
  });
});

describe("normalizeLog equals the old per-line /\\s+$/", () => {
  it("strips exactly the code units JavaScript's \\s matches (all 65,536 checked)", () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const stripped = `x${ch}`.trimEnd() === "x";
      if (stripped !== /\s/.test(ch)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  // spaces, tabs, CR, LF, every other \s code unit, and look-alikes that are not \s (NEL U+0085,
  // zero width space U+200B, Mongolian vowel separator U+180E), letters, a surrogate pair
  const units = [
    "a", "x", "é", "😀", " ", " ", "  ", "\t", "\r", "\n", "\n", "\r\n", "\v", "\f", "\u00a0", "\u1680", "\u2000", "\u2005",
    "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u0085", "\u200b", "\u180e",
  ];
  const text = fc.array(fc.constantFrom(...units), { maxLength: 60 }).map((a) => a.join(""));

  it("on random text over whitespace of every kind", () => {
    fc.assert(fc.property(text, (t) => normalizeLog(t) === reference(t)), { numRuns: 5000 });
  });

  it("on random unicode text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), (t) => normalizeLog(t) === reference(t)), { numRuns: 2000 });
  });

  it("on edge cases", () => {
    for (const t of ["", "\n", "\n\n", " ", "a", "a\n", "a \n \n", "\r\n", "a\r\nb\r\n", "a\u2028\nb", "\ufeff", "a\n\n\nb\n\n"]) {
      expect(normalizeLog(t), JSON.stringify(t)).toBe(reference(t));
    }
  });
});

describe("logHash: leading blank lines do not count", () => {
  const seed = normalizeLog(readFileSync(FIXTURE, "utf8"));
  it("is the seed's pinned hash with or without empty or whitespace-only lines above it", () => {
    const want = "7b3543c7f53217e42116e625a4e9f30ce5ae27a225a9b057f560c4a9ad844a1a";
    expect(logHash(seed)).toBe(want);
    for (const above of ["\n", "\n\n\n", "  \t\n\r\n", "\r\n \n"]) expect(logHash(normalizeLog(above + readFileSync(FIXTURE, "utf8"))), JSON.stringify(above)).toBe(want);
  });
  it("is contentHash for every text that does not start with a blank line (every id stored before it)", () => {
    const first = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== "" && !s.startsWith("\n"));
    fc.assert(fc.property(first, fc.string({ maxLength: 60 }), (a, b) => {
      const n = normalizeLog(a + b);
      if (n.startsWith("\n")) return true; // a's first line was whitespace only
      return logHash(n) === contentHash(n) && legacyLogHash(n) === null;
    }), { numRuns: 2000 });
  });
  it("names the whole text's hash as the legacy one only where blank lines lead", () => {
    const n = normalizeLog("\n\n" + readFileSync(FIXTURE, "utf8"));
    expect(n.startsWith("\n\nbisecting cause commit")).toBe(true); // the stored text keeps them
    expect(legacyLogHash(n)).toBe(contentHash(n));
    expect(legacyLogHash(seed)).toBeNull();
  });
  it("keeps a text of blank lines only one line (the parser refuses it as before)", () => {
    expect(logHash("\n")).toBe(contentHash("\n"));
    expect(legacyLogHash("\n")).toBeNull();
  });
});
