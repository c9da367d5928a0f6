import { describe, expect, it } from "vitest";
import { decodeMissing, encodeMissing, findMissing, type Lookup } from "./missing-pages";

const stored: Lookup = {
  bisectionExists: async (id) => id === "7b3543c7f532",
  commitExists: async (p) => "997acaf6b4b59c6a9c259740312a69ea549cc684".startsWith(p),
};

describe("findMissing", () => {
  it("passes pages whose bisection or commit is stored", async () => {
    for (const url of ["/b/7b3543c7f532", "/b/7b3543c7f532/log", "/b/7b3543c7f532/log?L=5-24", "/c/997acaf", "/c/997ACAF6B4B5", "/compare?a=7b3543c7f532&b=7b3543c7f532"]) {
      expect(await findMissing("GET", url, stored), url).toBeNull();
    }
  });

  it("names what is missing, and malformed ids count as missing", async () => {
    expect(await findMissing("GET", "/b/000000000000", stored)).toEqual({ kind: "bisection", id: "000000000000" });
    expect(await findMissing("GET", "/b/000000000000/log", stored)).toEqual({ kind: "bisection", id: "000000000000" });
    expect(await findMissing("GET", "/b/%00", stored)).toEqual({ kind: "bisection", id: "\u0000" });
    expect(await findMissing("GET", "/b/%E0%A4%A", stored)).toEqual({ kind: "bisection", id: "" });
    expect(await findMissing("GET", "/c/0000000", stored)).toEqual({ kind: "commit", hash: "0000000" });
    expect(await findMissing("GET", "/compare?a=7b3543c7f532&b=000000000000", stored)).toEqual({ kind: "compare", ids: ["000000000000"] });
  });

  it("leaves other routes, other methods and the compare page's own help alone", async () => {
    for (const url of ["/", "/upload", "/b/7b3543c7f532/log.txt", "/api/bisections/000000000000", "/compare", "/compare?a=x&b=y"]) {
      expect(await findMissing("GET", url, stored), url).toBeNull();
    }
    expect(await findMissing("POST", "/b/000000000000", stored)).toBeNull();
  });
});

describe("encodeMissing", () => {
  it("keeps only printable text for the header, and reads back", () => {
    const v = encodeMissing({ kind: "bisection", id: "ab\u0000\ncd" });
    expect(v).toBe("bisection:abcd");
    expect(decodeMissing(v)).toEqual({ kind: "bisection", what: "abcd" });
    expect(decodeMissing(null)).toBeNull();
  });
});
