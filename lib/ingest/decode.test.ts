// A log saved as UTF-16 or UTF-32 with its byte-order mark is the same log as its UTF-8, through
// every door: the API's text/plain and multipart bodies and the CLI's file reader (helper h24's
// audit: UTF-16 with a BOM was stored as a new bisection whose line 1 began with two U+FFFD).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLogFromRequest } from "@/lib/upload-body";
import { decodeLog } from "./decode";
import { normalizeUpload } from "./prepare";
import { readLogFile } from "./read-file";

const SEED = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");

function utf16(text: string, little: boolean): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(little ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (little ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (little ? 1 : 0)] = c >> 8;
  }
  return out;
}
function utf32(text: string, little: boolean): Uint8Array<ArrayBuffer> {
  const points = [...text].map((ch) => ch.codePointAt(0)!);
  const out = new Uint8Array(4 + points.length * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xfeff, little);
  points.forEach((p, i) => view.setUint32(4 + 4 * i, p, little));
  return out;
}
const SAMPLE = "bisecting cause commit starting from 9c54130cd255\nrun #0: crashed: KASAN: use-after-free Read in f — ü 😀\n";

describe("decodeLog", () => {
  it("reads UTF-8 with and without its BOM, UTF-16 LE/BE and UTF-32 LE/BE by theirs", () => {
    const utf8 = new TextEncoder().encode(SAMPLE);
    expect(decodeLog(utf8)).toBe(SAMPLE);
    expect(decodeLog(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(SAMPLE);
    for (const little of [true, false]) {
      expect(decodeLog(utf16(SAMPLE, little))).toBe(SAMPLE);
      expect(decodeLog(utf32(SAMPLE, little))).toBe(SAMPLE);
    }
  });

  it("makes U+FFFD of what is no character: bad UTF-8, a UTF-32 unit past U+10FFFF or a surrogate, a cut last unit", () => {
    expect(decodeLog(new Uint8Array([0x61, 0xff, 0x62]))).toBe("a\ufffdb");
    const bad = new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0, 0, 0, 0x11, 0, 0x00, 0xd8, 0, 0, 0x62, 0, 0]);
    expect(decodeLog(bad)).toBe("a\ufffd\ufffd\ufffd");
  });
});

const id = (text: string) => {
  const u = normalizeUpload(text);
  if ("reason" in u) throw new Error(u.reason);
  return u.hash;
};

describe("a UTF-16 or UTF-32 log is the seed's bisection", () => {
  const seedHash = id(SEED);

  it("sent as text/plain or as a multipart file part", async () => {
    for (const bytes of [utf16(SEED, true), utf16(SEED, false), utf32(SEED, true), utf32(SEED, false)]) {
      const plain = await readLogFromRequest(new Request("http://x/api/bisections", { method: "POST", headers: { "content-type": "text/plain" }, body: bytes }));
      expect(id(plain.log!)).toBe(seedHash);
      const form = new FormData();
      form.set("log", new Blob([bytes]), "bisect.txt");
      const part = await readLogFromRequest(new Request("http://x/api/bisections", { method: "POST", body: form }));
      expect(id(part.log!)).toBe(seedHash);
    }
  });

  it("read by the CLI from a file, and UTF-8 with a BOM too (Buffer#toString kept it)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bv-decode-"));
    const files: [string, Uint8Array][] = [
      ["utf16le.txt", utf16(SEED, true)],
      ["utf32be.txt", utf32(SEED, false)],
      ["bom8.txt", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SEED)])],
    ];
    for (const [name, bytes] of files) {
      writeFileSync(path.join(dir, name), bytes);
      expect(id(await readLogFile(path.join(dir, name))), name).toBe(seedHash);
    }
  });
});

describe("a log whose lines end in CR alone", () => {
  it("is refused at line 1 with how to convert it; CRLF and a CR inside a line are not", () => {
    expect(normalizeUpload(SEED.replaceAll("\n", "\r"))).toEqual({
      reason: "the log's lines end in CR alone, without LF, so it reads as one line: convert them first (tr '\\r' '\\n' < log > log.txt)",
      status: 400,
      line: 1,
    });
    // trailing blank lines or whitespace do not hide it (helper h25's review)
    for (const tail of ["\n\n", "\n ", "\r\n\r\n"]) expect(normalizeUpload(SEED.trimEnd().replaceAll("\n", "\r") + tail)).toHaveProperty("status", 400);
    expect(normalizeUpload(SEED.replaceAll("\n", "\r\n"))).toHaveProperty("hash", id(SEED));
    expect(normalizeUpload(SEED.replace("\n", "\r\rx\n"))).toHaveProperty("hash");
    expect(normalizeUpload("one line\r\n")).toHaveProperty("hash");
  });
});
