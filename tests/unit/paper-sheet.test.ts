import { describe, expect, it } from "vitest";
import { checkSheet, dateRefusal, OLDEST_SHEET_DAYS, sheetPeriod } from "@/lib/paper/sheet";
import { ZPaperEntry, paperSheetFromForm } from "@/lib/validation/paper";

const unit = { created: "2025-06-01", today: "2026-12-03" };

describe("a paper sheet's date", () => {
  it("is refused in the future, before the unit existed, or more than the limit back; the edges are allowed", () => {
    expect(dateRefusal("2026-12-03", unit)).toBeNull();
    expect(dateRefusal("2026-12-04", unit)).toBe("dateFuture");
    expect(dateRefusal("2025-06-01", { ...unit, today: "2026-06-01" })).toBeNull();
    expect(dateRefusal("2025-05-31", unit)).toBe("dateBeforeUnit");
    const old = { created: "2020-01-01", today: "2026-12-03" };
    const edge = new Date(Date.parse("2026-12-03T00:00:00Z") - OLDEST_SHEET_DAYS * 86_400_000).toISOString().slice(0, 10);
    const past = new Date(Date.parse("2026-12-03T00:00:00Z") - (OLDEST_SHEET_DAYS + 1) * 86_400_000).toISOString().slice(0, 10);
    expect(dateRefusal(edge, old)).toBeNull();
    expect(dateRefusal(past, old)).toBe("dateTooOld");
  });

  it("falls in the period of the agency's rhythm in which its number must not repeat", () => {
    expect(sheetPeriod("2026-11-30", "QUARTER")).toEqual({ from: "2026-10-01", to: "2027-01-01" });
    expect(sheetPeriod("2026-07-01", "SEMESTER")).toEqual({ from: "2026-07-01", to: "2027-01-01" });
    expect(sheetPeriod("2026-03-31", "YEAR")).toEqual({ from: "2026-01-01", to: "2027-01-01" });
  });
});

describe("a paper sheet's form", () => {
  it("reads the typed profile keys as the options they stand for, and blanks as unanswered", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ unitCode: "capil", date: "2026-12-01", sheetNumber: "7", service: "", a_U1: "4", a_U2: "", gender: "p", age: "", education: "3", occupation: "6", saran: "  " }))
      form.append(k, v);
    const parsed = ZPaperEntry.parse({ ...paperSheetFromForm(form), nonce: "4b0e8a3e-8a0c-4a43-9a3f-2f0f5b1c2d3e" });
    expect(parsed).toMatchObject({ unitCode: "CAPIL", answers: { U1: 4 }, gender: "P", education: "SMA", occupation: "LAINNYA", allowDuplicate: false });
    expect(parsed.age).toBeUndefined();
    expect(parsed.service).toBeUndefined();
    expect(parsed.saran).toBeUndefined();
  });

  it("is checked against the questionnaire: items, scale and service", () => {
    const survey = { templateVersionId: "v", items: [{ code: "U1" }, { code: "U2" }], scale: { min: 1, max: 4 }, services: [{ id: "s1", code: "A" }, { id: "s2", code: "B" }] };
    const sheet = (over: object) => ({ unitCode: "X", date: "2026-12-01", answers: { U1: 4 }, saran: undefined, allowDuplicate: false, ...over });
    expect(checkSheet(sheet({ service: "B" }), survey)).toEqual({ serviceId: "s2" });
    expect(checkSheet(sheet({}), survey)).toEqual({ errors: { service: "serviceRequired" } });
    expect(checkSheet(sheet({ service: "A", answers: { U1: 0, U3: 2 } }), survey)).toEqual({ errors: { "answers.U1": "scoreOutOfScale", "answers.U3": "unknownItem" } });
    expect(checkSheet(sheet({ answers: {} }), { ...survey, services: [{ id: "s1", code: "A" }] })).toEqual({ errors: { answers: "noAnswer" } });
  });
});
