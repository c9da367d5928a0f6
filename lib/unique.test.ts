import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound } from "./unique";

describe("lowerBound", () => {
  it("is the first index not below the key, as a scan finds it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (xs, key) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const scan = sorted.findIndex((x) => x >= key);
        expect(lowerBound(sorted, key)).toBe(scan < 0 ? sorted.length : scan);
      }),
    );
    expect(lowerBound(["a_", "b", "b_x"], "b_")).toBe(2);
  });
});
