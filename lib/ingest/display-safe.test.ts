import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { displaySafe, printable } from "./display-safe";

describe("printable", () => {
  it("replaces C0 and C1 controls but keeps tabs and every other character", () => {
    expect(printable("a\u0000b\u001bc\u007fd\u0085e\tf ü ✓")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde\tf ü ✓");
    expect(printable("WARNING in kvm_wait")).toBe("WARNING in kvm_wait");
  });
});

describe("displaySafe", () => {
  it("leaves a log without control characters as the parser gave it", () => {
    const r = parseBisectionLog(readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"));
    if (!r.ok) throw new Error(r.reason);
    expect(displaySafe(r.log)).toEqual(r.log);
  });
});
