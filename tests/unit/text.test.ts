import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasControlChars, plainString } from "@/lib/validation/text";

describe("free text", () => {
  it("refuses every C0/C1 control, DEL and the bidi overrides; keeps line breaks and tabs only in multi-line text", () => {
    for (let c = 0; c < 0x20; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(hasControlChars(s), `U+${c.toString(16)}`).toBe(true);
      expect(hasControlChars(s, { multiline: true }), `U+${c.toString(16)} multi-line`).toBe(![9, 10, 13].includes(c));
    }
    for (const c of [0x7f, 0x80, 0x9f, 0x202a, 0x202e, 0x2066, 0x2069]) expect(hasControlChars(String.fromCharCode(c), { multiline: true })).toBe(true);
    expect(hasControlChars("Pelayanan ramah, antre 15 menit — terima kasih! 😊 Ü ß 漢字")).toBe(false);
  });

  it("never refuses printable text, and the schema reports controlChar", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        const clean = s.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "");
        expect(plainString().safeParse(clean).success).toBe(true);
      }),
    );
    const r = plainString().safeParse("a\u0000b");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("controlChar");
  });
});
