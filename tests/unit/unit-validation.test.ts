import { describe, expect, it } from "vitest";
import messagesEn from "@/lib/i18n/messages/en.json";
import messagesId from "@/lib/i18n/messages/id.json";
import { ZNip, ZUpdateUnit } from "@/lib/validation/units";

// The unit head who signs the SKM report: a NIP is exactly 18 digits (the spaces it is
// printed with are dropped), blank clears it, a field left out is left as it is.

const unitId = "6f1c2f7e-8a4b-4c1d-9e2f-0a1b2c3d4e5f";
const base = { unitId, name: "Dinas Kesehatan", kind: "DINAS" };

describe("the unit head's NIP", () => {
  it("takes exactly 18 digits, with or without the printed spaces", () => {
    expect(ZNip.parse("197001011995031001")).toBe("197001011995031001");
    expect(ZNip.parse("19700101 199503 1 001")).toBe("197001011995031001");
    expect(ZNip.parse(" 19700101\t199503 1 001 ")).toBe("197001011995031001");
  });

  it("refuses 17 or 19 digits, letters, dots and dashes with nipFormat", () => {
    for (const bad of ["19700101199503100", "1970010119950310011", "19700101199503100A", "19700101.199503.1.001", "19700101-199503-1-001", "١٩٧٠٠١٠١١٩٩٥٠٣١٠٠١"]) {
      const r = ZNip.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message, bad).toBe("nipFormat");
    }
  });

  it("reads blank as cleared and absent as unchanged", () => {
    expect(ZNip.parse("")).toBeNull();
    expect(ZNip.parse("   ")).toBeNull();
    expect(ZNip.parse(undefined)).toBeUndefined();
  });

  it("words the error in both languages", () => {
    expect(messagesId.fieldErrors.nipFormat).toMatch(/18 angka/);
    expect(messagesEn.fieldErrors.nipFormat).toMatch(/18 digits/);
  });
});

describe("a unit's update with its head", () => {
  it("keeps name, jabatan and NIP, blank ones as null", () => {
    const r = ZUpdateUnit.parse({ ...base, headName: "  dr. Bambang Hermawan, M.Kes. ", headTitle: "Kepala Dinas Kesehatan", headNip: "19700101 199503 1 001" });
    expect(r).toMatchObject({ headName: "dr. Bambang Hermawan, M.Kes.", headTitle: "Kepala Dinas Kesehatan", headNip: "197001011995031001" });
    expect(ZUpdateUnit.parse({ ...base, headName: "", headTitle: " ", headNip: "" })).toMatchObject({ headName: null, headTitle: null, headNip: null });
    const without = ZUpdateUnit.parse(base);
    expect(without.headName).toBeUndefined();
    expect(without.headNip).toBeUndefined();
  });

  it("reports the field that is wrong", () => {
    const r = ZUpdateUnit.safeParse({ ...base, headName: "x".repeat(201), headNip: "123" });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toEqual({ headName: "tooLong", headNip: "nipFormat" });
    expect(ZUpdateUnit.safeParse({ ...base, headTitle: "Kepala\u0000Dinas" }).error?.issues[0]?.message).toBe("controlChar");
  });
});
