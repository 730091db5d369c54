import { describe, expect, it } from "vitest";
import { classifyMutu, computeIkmFromRows, defineTemplate, IkmInputError, toKonversi, ZI_SPAK, ZI_SPKP } from "@/lib/ikm";

// The Zona Integritas perception surveys are ordinary templates: lib/ikm computes their
// index from the scale and bands they declare, with no case of its own for them.

describe("Zona Integritas templates", () => {
  it("declare a 1..6 scale, a label for every score, and bands covering 25..100", () => {
    for (const t of [ZI_SPKP, ZI_SPAK]) {
      expect(t.scale).toEqual({ min: 1, max: 6 });
      for (const item of t.items) expect(item.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(t.bands[0]!.min).toBe(25);
      expect(t.bands.at(-1)!.max).toBe(100);
    }
    expect(ZI_SPKP.items).toHaveLength(8);
    expect(ZI_SPAK.items.map((i) => i.code)).toEqual(["K1", "K2", "K3", "K4", "K5"]);
  });

  it("computes SPAK's index on its own scale: 1 -> 25, 6 -> 100, linear between", () => {
    expect(computeIkmFromRows([Array(5).fill(1)], { template: ZI_SPAK }).konversi).toBe(25);
    expect(computeIkmFromRows([Array(5).fill(6)], { template: ZI_SPAK })).toMatchObject({ ikm: 6, konversi: 100, mutu: "A" });
    // Mean 5 on 1..6: 25 + 75 x 4/5 = 85 -> B under the declared bands.
    const r = computeIkmFromRows([[5, 5, 5, 5, 5], [4, 6, 5, 6, 4]], { template: ZI_SPAK });
    expect(r.ikm).toBe(5);
    expect(r.konversi).toBe(85);
    expect(r).toMatchObject({ mutu: "B", kinerja: "Baik" });
    expect(() => computeIkmFromRows([[7, 1, 1, 1, 1]], { template: ZI_SPAK })).toThrow(IkmInputError);
  });

  it("classifies by the bands the template declares, not by the built-in ones", () => {
    // The same scores under other bands: the edges move with the declaration.
    const strict = defineTemplate({
      id: "zi-spkp-strict",
      name: "SPKP ketat",
      scale: ZI_SPKP.scale,
      items: ZI_SPKP.items.map((i) => ({ code: i.code, name: i.name })),
      bands: [
        { mutu: "D", kinerja: "Tidak Baik", min: 25, max: 79.99 },
        { mutu: "C", kinerja: "Kurang Baik", min: 80, max: 89.99 },
        { mutu: "B", kinerja: "Baik", min: 90, max: 94.99 },
        { mutu: "A", kinerja: "Sangat Baik", min: 95, max: 100 },
      ],
    });
    const rows = [Array(8).fill(5)];
    expect(computeIkmFromRows(rows, { template: ZI_SPKP })).toMatchObject({ konversi: 85, mutu: "B" });
    expect(computeIkmFromRows(rows, { template: strict })).toMatchObject({ konversi: 85, mutu: "C" });
    expect(toKonversi(5.8, strict)).toBeCloseTo(97, 10);
    expect(classifyMutu(94.994, strict).mutu).toBe("B");
    expect(classifyMutu(94.995, strict).mutu).toBe("A");
  });
});
