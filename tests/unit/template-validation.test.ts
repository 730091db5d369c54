import { describe, expect, it } from "vitest";
import { PERMENPAN_14_2017, ZI_SPAK } from "@/lib/ikm";
import { templateContentFromForm, unflattenForm } from "@/lib/validation/template-form";
import { ZCreateTemplate, ZSetUnitTemplate, ZTemplateContent } from "@/lib/validation/templates";

// Every rule a questionnaire version must keep to be saved: the scale, a label for every
// score in both languages, unique item codes, and bands covering 25.00..100.00 exactly.

const item = (code: string, min = 1, max = 4) => ({
  code,
  unsur: `Unsur ${code}`,
  unsurEn: `Element ${code}`,
  question: "Bagaimana?",
  questionEn: "How?",
  options: Array.from({ length: max - min + 1 }, (_, k) => ({ value: min + k, label: `L${min + k}`, labelEn: `E${min + k}` })),
});
const bands = () => PERMENPAN_14_2017.bands.map((b) => ({ mutu: b.mutu, kinerja: b.kinerja, kinerjaEn: b.kinerjaEn, min: b.min, max: b.max }));
const content = (over: Record<string, unknown> = {}) => ({ scaleMin: 1, scaleMax: 4, asksHarapan: false, items: [item("U1"), item("U2")], bands: bands(), ...over });

/** field path -> message of the first issue there. */
function errors(input: unknown): Record<string, string> {
  const r = ZTemplateContent.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
}

describe("a version's content", () => {
  it("accepts the regulation's own template and a 1..6 one; harapan is off unless asked", () => {
    expect(errors(content())).toEqual({});
    const parsed = ZTemplateContent.parse({ ...content(), asksHarapan: undefined });
    expect(parsed.asksHarapan).toBe(false);
    const six = content({ scaleMin: 1, scaleMax: 6, items: ZI_SPAK.items.map((i) => item(i.code, 1, 6)) });
    expect(errors(six)).toEqual({});
  });

  it("scale: integers 0..10, min < max, at most 10 options", () => {
    expect(errors(content({ scaleMin: 4, scaleMax: 4 }))).toMatchObject({ scaleMax: "scaleOrder" });
    expect(errors(content({ scaleMin: 5, scaleMax: 2 }))).toMatchObject({ scaleMax: "scaleOrder" });
    expect(errors(content({ scaleMin: 0, scaleMax: 10, items: [item("U1", 0, 10)] }))).toMatchObject({ scaleMax: "scaleSpan" });
    expect(errors(content({ scaleMin: "1,5" }))).toMatchObject({ scaleMin: "integer" });
    expect(errors(content({ scaleMax: 11 }))).toMatchObject({ scaleMax: "scaleRange" });
    expect(errors(content({ scaleMin: "" }))).toMatchObject({ scaleMin: "number" });
    expect(errors(content({ scaleMin: "1", scaleMax: "4" }))).toEqual({});
  });

  it("every item has a label in both languages for every score of the scale", () => {
    // Scale widened to 1..5 but the items still have 4 labels.
    expect(errors(content({ scaleMax: 5 }))).toMatchObject({ "items.0.options": "optionsScale", "items.1.options": "optionsScale" });
    const missing = item("U1");
    missing.options[2]!.labelEn = "  ";
    expect(errors(content({ items: [missing] }))).toEqual({ "items.0.options.2.labelEn": "required" });
    const shuffled = item("U1");
    shuffled.options.reverse();
    expect(errors(content({ items: [shuffled] }))).toEqual({ "items.0.options": "optionsScale" });
    expect(errors(content({ items: [{ ...item("U1"), question: "" }] }))).toEqual({ "items.0.question": "required" });
    expect(errors(content({ items: [] }))).toEqual({ items: "noItems" });
  });

  it("item codes are unique and well formed (answers are keyed by them)", () => {
    expect(errors(content({ items: [item("U1"), item("u1")] }))).toEqual({ "items.1.code": "duplicate" });
    expect(errors(content({ items: [item("1U")] }))).toEqual({ "items.0.code": "itemCode" });
    expect(ZTemplateContent.parse(content({ items: [item("p3")] })).items[0]!.code).toBe("P3");
  });

  it("bands start at 25.00, end at 100.00, each 0.01 after the previous, no gap, no overlap", () => {
    const b = () => bands();
    const gap = b();
    gap[1]!.min = 65.01;
    expect(errors(content({ bands: gap }))).toEqual({ "bands.1.min": "bandGap" });
    const overlap = b();
    overlap[2]!.min = 76.6;
    expect(errors(content({ bands: overlap }))).toEqual({ "bands.2.min": "bandOverlap" });
    const start = b();
    start[0]!.min = 30;
    expect(errors(content({ bands: start }))).toEqual({ "bands.0.min": "bandStart" });
    const end = b();
    end[3]!.max = 99.99;
    expect(errors(content({ bands: end }))).toEqual({ "bands.3.max": "bandEnd" });
    const reversed = b();
    reversed[1]!.max = 64;
    expect(errors(content({ bands: reversed }))).toMatchObject({ "bands.1.max": "bandReversed" });
    const decimals = b();
    decimals[0]!.max = 64.999;
    expect(errors(content({ bands: decimals }))).toMatchObject({ "bands.0.max": "twoDecimals" });
    const outside = b();
    outside[3]!.max = 101;
    expect(errors(content({ bands: outside }))).toMatchObject({ "bands.3.max": "konversiRange" });
    // Comma decimals as an Indonesian keyboard types them.
    const comma = b().map((x) => ({ ...x, min: String(x.min).replace(".", ","), max: String(x.max).replace(".", ",") }));
    expect(errors(content({ bands: comma }))).toEqual({});
    // Two bands are enough, when they cover the range.
    expect(errors(content({ bands: [{ ...b()[0]!, max: 50 }, { ...b()[3]!, min: 50.01 }] }))).toEqual({});
  });

  it("mutu letters: from the worst upwards, each once, kinerja worded in both languages", () => {
    const swapped = bands();
    swapped[0]!.mutu = "C";
    swapped[1]!.mutu = "D";
    expect(errors(content({ bands: swapped }))).toEqual({ "bands.1.mutu": "mutuOrder" });
    const twice = bands();
    twice[1]!.mutu = "D";
    expect(errors(content({ bands: twice }))).toEqual({ "bands.1.mutu": "mutuOrder" });
    const letter = bands() as { mutu: string }[];
    letter[0]!.mutu = "E";
    expect(errors(content({ bands: letter }))).toMatchObject({ "bands.0.mutu": "invalidChoice" });
    const unnamed = bands();
    unnamed[2]!.kinerjaEn = "";
    expect(errors(content({ bands: unnamed }))).toEqual({ "bands.2.kinerjaEn": "required" });
  });
});

describe("other inputs", () => {
  it("a new template's key is a lower-case slug", () => {
    expect(ZCreateTemplate.parse({ key: "SPKP-2027", name: "Survei ZI", nameEn: "", from: "zi-spkp" })).toEqual({ key: "spkp-2027", name: "Survei ZI", nameEn: null, from: "zi-spkp" });
    expect(ZCreateTemplate.safeParse({ key: "a b", name: "x", nameEn: "", from: "scratch" }).error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["key", "keyFormat"],
      ["name", "tooShort"],
    ]);
  });

  it("a unit's choice is a template key, or empty to inherit", () => {
    const unitId = "00000000-0000-4000-8000-000000000000";
    expect(ZSetUnitTemplate.parse({ unitId, templateKey: "" })).toEqual({ unitId, templateKey: null });
    expect(ZSetUnitTemplate.parse({ unitId, templateKey: "zi-spak" })).toEqual({ unitId, templateKey: "zi-spak" });
    expect(ZSetUnitTemplate.safeParse({ unitId, templateKey: "X Y" }).success).toBe(false);
  });
});

describe("the editor's form", () => {
  it("turns dotted field names back into the content, arrays in index order with gaps closed", () => {
    const form = new FormData();
    form.set("scaleMin", "1");
    form.set("scaleMax", "4");
    form.set("items.3.code", "U2");
    form.set("items.0.code", "U1");
    form.set("items.0.options.1.label", "b");
    form.set("items.0.options.0.label", "a");
    form.set("bands.0.mutu", "D");
    form.set("items.__proto__.x", "bad");
    form.set("other", "ignored");
    expect(templateContentFromForm(form)).toEqual({
      scaleMin: "1",
      scaleMax: "4",
      asksHarapan: false,
      items: [{ code: "U1", options: [{ label: "a" }, { label: "b" }] }, { code: "U2" }],
      bands: [{ mutu: "D" }],
    });
    form.set("asksHarapan", "on");
    expect(templateContentFromForm(form).asksHarapan).toBe(true);
    expect(unflattenForm([["items", "x"]], ["items"])).toEqual({ items: "x" });
  });
});
