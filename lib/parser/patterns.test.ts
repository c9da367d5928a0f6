// Every rule of patterns.ts carries a sample line; the sample must match its own regex and
// start with the literal prefix the dispatcher checks first.
import { describe, expect, it } from "vitest";
import { FP, P, type Pattern } from "./patterns";

const all: [string, Pattern][] = [...Object.entries(P), ...Object.entries(FP)];

describe("patterns.ts samples", () => {
  it.each(all)("%s matches its sample", (_name, pat) => {
    pat.re.lastIndex = 0;
    expect(pat.re.exec(pat.sample)).not.toBeNull();
    expect(pat.sample.startsWith(pat.prefix)).toBe(true);
  });

  it("anchors every log-line rule at the line start", () => {
    for (const [name, pat] of Object.entries(P)) expect(pat.re.source.startsWith("^"), name).toBe(true);
  });
});
