import { describe, expect, it } from "vitest";
import { logUrl, parseLineRange } from "./log-range";

describe("parseLineRange", () => {
  it("reads the query and fragment forms", () => {
    expect(parseLineRange("5-24")).toEqual([5, 24]);
    expect(parseLineRange("L5-L24")).toEqual([5, 24]);
    expect(parseLineRange("#L5-L24")).toEqual([5, 24]);
    expect(parseLineRange("#L7")).toEqual([7, 7]);
    expect(parseLineRange("24-5")).toEqual([5, 24]);
  });

  it("refuses what is not a range of real line numbers", () => {
    for (const bad of ["", "0", "L0-L3", "5-", "-5", "5-24-30", "x", "5 - 24", "123456789", "%00", "L5-L24x"]) expect(parseLineRange(bad)).toBeNull();
    expect(parseLineRange(null)).toBeNull();
  });
});

describe("logUrl", () => {
  it("links one line by fragment, a range by query with the fragment at its start", () => {
    expect(logUrl("abc", 7)).toBe("/b/abc/log#L7");
    expect(logUrl("abc", 7, 7)).toBe("/b/abc/log#L7");
    expect(logUrl("abc", 5, 24)).toBe("/b/abc/log?L=5-24#L5");
  });
});
