import { describe, expect, it } from "vitest";
import { groupAccounts, type CulpritAccount } from "./commit-accounts";

const account = (id: string, day: number, over: Partial<CulpritAccount> = {}): CulpritAccount => ({
  bisectionId: id,
  uploadedAt: new Date(Date.UTC(2026, 0, day)),
  subject: "net: fix a leak",
  author: "A U Thor",
  authorEmail: "a@example.org",
  dateText: "Mon Jan 1 00:00:00 2024 +0000",
  message: "net: fix a leak\n\nbody",
  mergeParents: [],
  filesDigest: "d1",
  files: 2,
  ...over,
});

describe("groupAccounts", () => {
  it("puts logs that agree in one group, the earliest upload first", () => {
    const g = groupAccounts([account("b", 2), account("a", 1)]);
    expect(g).toHaveLength(1);
    expect(g[0].bisectionIds).toEqual(["a", "b"]);
    expect(g[0].first.bisectionId).toBe("a");
  });

  it("names what a later, disagreeing log changed", () => {
    const g = groupAccounts([account("a", 1), account("s", 3, { subject: "SPOOFED SUBJECT", filesDigest: "d2" }), account("b", 2)]);
    expect(g.map((x) => x.bisectionIds)).toEqual([["a", "b"], ["s"]]);
    expect(g[1].differs).toEqual(["subject", "files"]);
  });

  it("keeps the first upload's account first even when more logs agree with a later one", () => {
    const g = groupAccounts([account("a", 1), account("x", 2, { author: "Mallory" }), account("y", 3, { author: "Mallory" })]);
    expect(g[0].first.bisectionId).toBe("a");
    expect(g[1].bisectionIds).toEqual(["x", "y"]);
    expect(g[1].differs).toEqual(["author"]);
  });
});
