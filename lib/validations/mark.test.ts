// The mark schema on its own: which characters a note and a lore link may hold. The form
// action (app/b/[id]/actions.ts) and the marks route both parse through parseMarkInput.
import { describe, expect, it } from "vitest";
import { parseMarkInput } from "./mark";

const controls = [...Array.from({ length: 32 }, (_, i) => i), ...Array.from({ length: 33 }, (_, i) => 0x7f + i)].map((c) => String.fromCharCode(c));

describe("parseMarkInput", () => {
  it("keeps tabs and line breaks inside a note", () => {
    const r = parseMarkInput({ verdict: "wrong", note: "line one\r\n\tline two\nthree" });
    expect(r).toEqual({ ok: true, mark: { verdict: "wrong", realCulprit: null, note: "line one\r\n\tline two\nthree", loreLink: null } });
  });

  it("refuses every other C0 control, DEL and C1 control inside a note, naming the field", () => {
    for (const c of controls.filter((c) => !"\t\n\r".includes(c))) {
      const r = parseMarkInput({ verdict: "wrong", note: `a${c}b` });
      expect(r, `U+${c.charCodeAt(0).toString(16).padStart(4, "0")}`).toEqual({ ok: false, error: "note: the note must not contain control characters (NUL, escape...; tabs and line breaks are fine)" });
    }
  });

  it("refuses every control character inside a lore link, tab and newline included", () => {
    for (const c of controls) {
      const r = parseMarkInput({ verdict: "wrong", lore: `https://lore.kernel.org/all/a${c}b/` });
      expect(r).toEqual({ ok: false, error: "lore: the lore link must not contain control characters (NUL, newline, escape...)" });
    }
  });
});
