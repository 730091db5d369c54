import { describe, expect, it } from "vitest";
import { PERMENPAN_14_2017 } from "@/lib/ikm";
import { labelScorer, parseAge, parseEducation, parseGender, parseOccupation } from "@/lib/import";

const item = (code: string) => PERMENPAN_14_2017.items.find((i) => i.code === code)!;
const score = (code: string, text: string) => labelScorer(item(code), PERMENPAN_14_2017.scale)(text);

describe("labels -> scores", () => {
  it("tells apart labels that contain each other (U8 Baik / Sangat baik, U4 Cukup mahal / Sangat mahal)", () => {
    expect(score("U8", "Baik")).toEqual({ ok: true, score: 3 });
    expect(score("U8", "Sangat Baik")).toEqual({ ok: true, score: 4 });
    expect(score("U8", "SANGAT BAIK")).toEqual({ ok: true, score: 4 });
    expect(score("U8", "Cukup")).toEqual({ ok: true, score: 2 });
    expect(score("U8", "Buruk")).toEqual({ ok: true, score: 1 });
    expect(score("U4", "Cukup mahal")).toEqual({ ok: true, score: 2 });
    expect(score("U4", "Sangat mahal")).toEqual({ ok: true, score: 1 });
    expect(score("U4", "Murah")).toEqual({ ok: true, score: 3 });
    expect(score("U1", "Sesuai")).toEqual({ ok: true, score: 3 });
    expect(score("U1", "Kurang sesuai")).toEqual({ ok: true, score: 2 });
    expect(score("U9", "Dikelola dengan baik")).toEqual({ ok: true, score: 4 });
    // A label of another item, or a longer phrase holding a label, is not an option here.
    expect(score("U4", "Cukup")).toEqual({ ok: false, reason: "unknownLabel" });
    expect(score("U8", "Cukup mahal")).toEqual({ ok: false, reason: "unknownLabel" });
    expect(score("U8", "Lumayan baik")).toEqual({ ok: false, reason: "unknownLabel" });
    expect(score("U8", "Baik sekali")).toEqual({ ok: false, reason: "unknownLabel" });
  });

  it("reads prefixes, case, punctuation, diacritics, English labels and the scale's numbers", () => {
    expect(score("U7", "d. Sangat sopan dan ramah")).toEqual({ ok: true, score: 4 });
    expect(score("U7", "b) kurang sopan dan ramah")).toEqual({ ok: true, score: 2 });
    expect(score("U7", "(a) Tidak sopan dan ramah")).toEqual({ ok: true, score: 1 });
    expect(score("U2", "3. Mudah")).toEqual({ ok: true, score: 3 });
    expect(score("U2", "  sangat   mudah. ")).toEqual({ ok: true, score: 4 });
    expect(score("U2", "Sángat mudah")).toEqual({ ok: true, score: 4 });
    expect(score("U8", "Very good")).toEqual({ ok: true, score: 4 });
    expect(score("U8", "4")).toEqual({ ok: true, score: 4 });
    expect(score("U8", "2,0")).toEqual({ ok: true, score: 2 });
    expect(score("U8", "c")).toEqual({ ok: true, score: 3 });
    expect(score("U8", "")).toEqual({ ok: true, score: null });
  });

  it("refuses numbers outside the scale", () => {
    expect(score("U3", "5")).toEqual({ ok: false, reason: "outOfScale" });
    expect(score("U3", "0")).toEqual({ ok: false, reason: "outOfScale" });
    expect(score("U3", "3,5")).toEqual({ ok: false, reason: "unknownLabel" });
  });
});

describe("profile words", () => {
  it("maps gender, education and occupation words to the profile codes", () => {
    expect(parseGender("Laki-laki")).toEqual({ ok: true, value: "L" });
    expect(parseGender("PEREMPUAN")).toEqual({ ok: true, value: "P" });
    expect(parseGender("P")).toEqual({ ok: true, value: "P" });
    expect(parseGender("")).toEqual({ ok: true, value: null });
    expect(parseGender("Tidak tahu")).toEqual({ ok: false });
    expect(parseEducation("SMA/SMK")).toEqual({ ok: true, value: "SMA" });
    expect(parseEducation("SLTP")).toEqual({ ok: true, value: "SMP" });
    expect(parseEducation("D3")).toEqual({ ok: true, value: "D1_D3" });
    expect(parseEducation("D1-D3")).toEqual({ ok: true, value: "D1_D3" });
    expect(parseEducation("S1")).toEqual({ ok: true, value: "S1" });
    expect(parseEducation("Kuliah")).toEqual({ ok: false });
    expect(parseOccupation("Wiraswasta")).toEqual({ ok: true, value: "WIRAUSAHA" });
    expect(parseOccupation("PNS/ASN")).toEqual({ ok: true, value: "PNS" });
    expect(parseOccupation("Petani")).toEqual({ ok: true, value: "LAINNYA" });
    expect(parseAge("35 tahun")).toEqual({ ok: true, value: 35 });
    expect(parseAge("7")).toEqual({ ok: false });
    expect(parseAge("tiga puluh")).toEqual({ ok: false });
  });
});
