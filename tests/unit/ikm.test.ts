import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IkmInputError,
  KEPMENPAN_25_2004,
  PERMENPAN_14_2017,
  TEMPLATES,
  assessSample,
  classifyMutu,
  collectStats,
  compareIkm,
  computeIkm,
  computeIkmFromRows,
  computeIkmFromSums,
  createIkmAccumulator,
  defineTemplate,
  formatDecimal,
  formatIkm,
  formatInteger,
  formatKonversi,
  getTemplate,
  mergeStats,
  minimumSample,
  resolveTemplate,
  roundHalfUp,
  toKonversi,
  type IkmStats,
  type IkmTemplate,
  type ItemStats,
  type ResponseRow,
  type Score,
} from "@/lib/ikm";

const P2017 = PERMENPAN_14_2017;
const K2004 = KEPMENPAN_25_2004;

/** Every item answered `answered` times with a total of `sum`: konversi = 25 * sum / answered. */
function uniformStats(template: IkmTemplate, answered: number, sum: number): IkmStats {
  const items: Record<string, ItemStats> = {};
  for (const { code } of template.items) items[code] = { answered, sum };
  return { respondents: answered, items };
}

/** Stats whose konversi is exactly `thousandths` / 1000 (1..4 templates). */
function statsForKonversi(template: IkmTemplate, thousandths: number): IkmStats {
  // konversi = 25 * sum / answered; with answered = 25000, sum = konversi * 1000.
  return uniformStats(template, 25000, thousandths);
}

function row(template: IkmTemplate, scores: readonly Score[]): Record<string, Score> {
  return Object.fromEntries(template.items.map((item, i) => [item.code, scores[i]]));
}

describe("templates", () => {
  it("permenpan-14-2017 has the 9 unsur in questionnaire order with DOMAIN's option labels", () => {
    expect(P2017.items.map((i) => i.code)).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
    expect(P2017.items.map((i) => i.name)).toEqual([
      "Persyaratan",
      "Sistem, Mekanisme, dan Prosedur",
      "Waktu Penyelesaian",
      "Biaya/Tarif",
      "Produk Spesifikasi Jenis Pelayanan",
      "Kompetensi Pelaksana",
      "Perilaku Pelaksana",
      "Sarana dan Prasarana",
      "Penanganan Pengaduan, Saran dan Masukan",
    ]);
    const labels = (code: string) => P2017.items.find((i) => i.code === code)!.options.map((o) => o.id);
    expect(labels("U1")).toEqual(["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]);
    expect(labels("U4")).toEqual(["Sangat mahal", "Cukup mahal", "Murah", "Gratis"]);
    // The known bug in existing apps: U8/U9 labels swapped.
    expect(labels("U8")).toEqual(["Buruk", "Cukup", "Baik", "Sangat baik"]);
    expect(labels("U9")).toEqual([
      "Tidak ada",
      "Ada tetapi tidak berfungsi",
      "Berfungsi kurang maksimal",
      "Dikelola dengan baik",
    ]);
    for (const item of P2017.items) {
      expect(item.options.map((o) => o.value)).toEqual([1, 2, 3, 4]);
      expect(item.options.every((o) => o.en.length > 0)).toBe(true);
      expect(item.question).toMatch(/^Bagaimana (pendapat|pemahaman) Saudara tentang .+\?$/);
      expect(item.questionEn.length).toBeGreaterThan(0);
    }
    expect(P2017.items[1]!.question).toBe("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?");
  });

  it("permenpan-14-2017 bands and kinerja", () => {
    expect(P2017.bands.map((b) => [b.mutu, b.min, b.max, b.kinerja])).toEqual([
      ["D", 25, 64.99, "Tidak Baik"],
      ["C", 65, 76.6, "Kurang Baik"],
      ["B", 76.61, 88.3, "Baik"],
      ["A", 88.31, 100, "Sangat Baik"],
    ]);
  });

  it("kepmenpan-25-2004 has 14 unsur in the decree's order and its bands", () => {
    expect(K2004.items.map((i) => i.code)).toEqual(Array.from({ length: 14 }, (_, i) => `U${i + 1}`));
    expect(K2004.items.map((i) => i.name)).toEqual([
      "Prosedur Pelayanan",
      "Persyaratan Pelayanan",
      "Kejelasan Petugas Pelayanan",
      "Kedisiplinan Petugas Pelayanan",
      "Tanggung Jawab Petugas Pelayanan",
      "Kemampuan Petugas Pelayanan",
      "Kecepatan Pelayanan",
      "Keadilan Mendapatkan Pelayanan",
      "Kesopanan dan Keramahan Petugas",
      "Kewajaran Biaya Pelayanan",
      "Kepastian Biaya Pelayanan",
      "Kepastian Jadwal Pelayanan",
      "Kenyamanan Lingkungan",
      "Keamanan Pelayanan",
    ]);
    expect(K2004.bands.map((b) => [b.mutu, b.min, b.max])).toEqual([
      ["D", 25, 43.75],
      ["C", 43.76, 62.5],
      ["B", 62.51, 81.25],
      ["A", 81.26, 100],
    ]);
  });

  it("lookup, default and immutability", () => {
    expect(getTemplate("permenpan-14-2017")).toBe(P2017);
    expect(getTemplate("kepmenpan-25-2004")).toBe(K2004);
    expect(getTemplate("toString")).toBeUndefined();
    expect(resolveTemplate()).toBe(P2017);
    expect(() => resolveTemplate("nope")).toThrow(/tidak dikenal/);
    expect(Object.keys(TEMPLATES)).toEqual(["permenpan-14-2017", "kepmenpan-25-2004"]);
    expect(Object.isFrozen(P2017.items[7]!.options[0])).toBe(true);
    expect(() => {
      (P2017.items as unknown as unknown[]).push({});
    }).toThrow();
  });

  it("defineTemplate rejects gaps, overlaps, incomplete coverage and bad scales", () => {
    const base = {
      id: "x",
      name: "X",
      scale: { min: 1, max: 4 },
      items: [{ code: "A" }, { code: "B" }].map((i) => ({ ...i, name: i.code })),
      bands: P2017.bands.map((b) => ({ ...b })),
    };
    expect(() => defineTemplate(base)).not.toThrow();
    const withBands = (bands: typeof base.bands) => () => defineTemplate({ ...base, bands });
    expect(withBands(base.bands.map((b) => (b.mutu === "C" ? { ...b, min: 65.01 } : b)))).toThrow(/mulai di 65.00/);
    expect(withBands(base.bands.map((b) => (b.mutu === "C" ? { ...b, min: 64.99 } : b)))).toThrow();
    expect(withBands(base.bands.map((b) => (b.mutu === "A" ? { ...b, max: 99.99 } : b)))).toThrow(/100/);
    expect(withBands(base.bands.map((b) => (b.mutu === "D" ? { ...b, min: 0 } : b)))).toThrow(/25.00/);
    expect(() => defineTemplate({ ...base, scale: { min: 4, max: 1 } })).toThrow(/skala/);
    expect(() => defineTemplate({ ...base, scale: { min: 1, max: 4.5 } })).toThrow(/skala/);
    expect(() => defineTemplate({ ...base, items: [] })).toThrow(/tidak ada unsur/);
    expect(() => defineTemplate({ ...base, items: [{ code: "A", name: "A" }, { code: "a", name: "a" }] })).toThrow(/ganda/);
    expect(() =>
      defineTemplate({ ...base, items: [{ code: "A", name: "A", options: [{ value: 1, id: "x" }] }] }),
    ).toThrow(/pilihan/);
  });
});

describe("classifyMutu: every band edge, both sides", () => {
  const cases2017: [number, string][] = [
    [25, "D"],
    [64.99, "D"],
    [65.0, "C"],
    [76.6, "C"],
    [76.61, "B"],
    [88.3, "B"],
    [88.31, "A"],
    [100, "A"],
  ];
  const cases2004: [number, string][] = [
    [25, "D"],
    [43.75, "D"],
    [43.76, "C"],
    [62.5, "C"],
    [62.51, "B"],
    [81.25, "B"],
    [81.26, "A"],
    [100, "A"],
  ];

  it.each(cases2017)("14/2017: %s -> %s", (konversi, mutu) => {
    expect(classifyMutu(konversi).mutu).toBe(mutu);
    expect(classifyMutu(konversi, "permenpan-14-2017").mutu).toBe(mutu);
  });

  it.each(cases2004)("25/2004: %s -> %s", (konversi, mutu) => {
    expect(classifyMutu(konversi, K2004).mutu).toBe(mutu);
  });

  it("rounds to two decimals before classifying (half up)", () => {
    expect(classifyMutu(64.994).mutu).toBe("D");
    expect(classifyMutu(64.995).mutu).toBe("C");
    expect(classifyMutu(76.6049).mutu).toBe("C");
    expect(classifyMutu(76.605).mutu).toBe("B");
    expect(classifyMutu(88.304).mutu).toBe("B");
    expect(classifyMutu(88.305).mutu).toBe("A");
    expect(classifyMutu(43.754, K2004).mutu).toBe("D");
    expect(classifyMutu(43.755, K2004).mutu).toBe("C");
    expect(classifyMutu(62.505, K2004).mutu).toBe("B");
    expect(classifyMutu(81.255, K2004).mutu).toBe("A");
    // just under 25 rounds to 25.00; 100.004 rounds to 100.00
    expect(classifyMutu(24.995).mutu).toBe("D");
    expect(classifyMutu(100.004).mutu).toBe("A");
  });

  it("kinerja follows mutu", () => {
    expect(classifyMutu(64.99).kinerja).toBe("Tidak Baik");
    expect(classifyMutu(65).kinerja).toBe("Kurang Baik");
    expect(classifyMutu(76.61).kinerja).toBe("Baik");
    expect(classifyMutu(88.31).kinerja).toBe("Sangat Baik");
  });

  it("rejects values outside 25..100", () => {
    expect(() => classifyMutu(24.99)).toThrow(RangeError);
    expect(() => classifyMutu(100.01)).toThrow(RangeError);
    expect(() => classifyMutu(Number.NaN)).toThrow(RangeError);
  });

  it("every two-decimal value from 25.00 to 100.00 is in exactly one band (both templates)", () => {
    for (const template of [P2017, K2004]) {
      for (let h = 2500; h <= 10000; h++) {
        const value = h / 100;
        const holding = template.bands.filter((b) => value >= b.min && value <= b.max);
        expect(holding).toHaveLength(1);
        expect(classifyMutu(value, template).mutu).toBe(holding[0]!.mutu);
      }
    }
  });
});

describe("computeIkmFromSums at the band edges (exact fractions, no float drift)", () => {
  const edges2017: [number, string][] = [
    [64990, "D"],
    [65000, "C"],
    [76600, "C"],
    [76610, "B"],
    [88300, "B"],
    [88310, "A"],
    [64994, "D"],
    [64995, "C"],
    [76605, "B"],
    [88305, "A"],
  ];
  it.each(edges2017)("konversi %s/1000 -> %s", (thousandths, mutu) => {
    const result = computeIkmFromSums(statsForKonversi(P2017, thousandths));
    expect(result.mutu).toBe(mutu);
    expect(result.konversiRounded).toBe(Math.round(thousandths / 10 + 1e-9) / 100);
  });

  const edges2004: [number, string][] = [
    [43750, "D"],
    [43760, "C"],
    [62500, "C"],
    [62510, "B"],
    [81250, "B"],
    [81260, "A"],
    [43755, "C"],
  ];
  it.each(edges2004)("25/2004 konversi %s/1000 -> %s", (thousandths, mutu) => {
    expect(computeIkmFromSums(statsForKonversi(K2004, thousandths), { template: K2004 }).mutu).toBe(mutu);
  });

  it("an IKM of 2.5998 (below the printed 2.60) is still C: classification is on konversi 65.00", () => {
    // 2.5998 * 25 = 64.995 -> 65.00
    const result = computeIkmFromSums(uniformStats(P2017, 5000, 12999));
    expect(result.ikm).toBeCloseTo(2.5998, 12);
    expect(result.konversiRounded).toBe(65);
    expect(result.mutu).toBe("C");
  });

  it("rounds from the exact value where floating-point sums land just below the half", () => {
    // Every item answered 5000 times. Exact konversi = 25/9 x Σ sum_i / 5000.
    const make = (sums: number[]): IkmStats => ({
      respondents: 5000,
      items: Object.fromEntries(sums.map((sum, i) => [`U${i + 1}`, { answered: 5000, sum }])),
    });
    // Σ = 116991 -> 25 x 116991 / 45000 = 64.995 exactly -> 65.00 -> C.
    // Naively, Σ (sum_i/5000 x 1/9) x 25 = 64.99499999999999 -> 64.99 -> D.
    const a = [14189, 14123, 10240, 7673, 17172, 17848, 14908, 5382, 15456];
    const naiveA = a.reduce((acc, sum) => acc + (sum / 5000) * (1 / 9), 0) * 25;
    expect(Math.round(naiveA * 100) / 100).toBe(64.99);
    expect(computeIkmFromSums(make(a))).toMatchObject({ konversiRounded: 65, mutu: "C" });
    // Σ = 158949 -> 88.305 exactly -> 88.31 -> A; even (Σ NRR / 9) x 25 gives 88.30499999999999 -> B.
    const b = [15988, 19426, 18816, 18775, 16293, 18754, 14636, 18430, 17831];
    const naiveB = (b.reduce((acc, sum) => acc + sum / 5000, 0) / 9) * 25;
    expect(naiveB).toBeLessThan(88.305);
    expect(computeIkmFromSums(make(b))).toMatchObject({ konversiRounded: 88.31, mutu: "A" });
  });
});

describe("computeIkmFromRows", () => {
  it("all 4s = exactly 100 (A), all 1s = exactly 25 (D), both templates", () => {
    for (const template of [P2017, K2004]) {
      const k = template.items.length;
      const fours = Array.from({ length: 7 }, () => Array<number>(k).fill(4));
      const ones = Array.from({ length: 7 }, () => Array<number>(k).fill(1));
      const best = computeIkmFromRows(fours, { template });
      const worst = computeIkmFromRows(ones, { template });
      expect(best.ikm).toBe(4);
      expect(best.konversi).toBe(100);
      expect(best.konversiRounded).toBe(100);
      expect(best.mutu).toBe("A");
      expect(worst.ikm).toBe(1);
      expect(worst.konversi).toBe(25);
      expect(worst.mutu).toBe("D");
      expect(best.weight).toBe(1 / k);
    }
  });

  it("uses the exact weight: the printed 0.111 would cap a perfect score at 99.9", () => {
    const result = computeIkmFromRows([Array<number>(9).fill(4)]);
    expect(result.weight).toBe(1 / 9);
    expect(result.konversi).toBe(100);
    const withPrintedWeight = result.items.reduce((sum, item) => sum + item.nrr! * 0.111, 0) * 25;
    expect(withPrintedWeight).toBeCloseTo(99.9, 10);
  });

  it("a single respondent: NRR = their scores, no confidence interval", () => {
    const scores = [3, 2, 4, 4, 3, 3, 4, 2, 1];
    const result = computeIkmFromRows([row(P2017, scores)]);
    expect(result.respondents).toBe(1);
    expect(result.items.map((i) => i.nrr)).toEqual(scores);
    expect(result.items.map((i) => i.answered)).toEqual(Array(9).fill(1));
    // Σ = 26, IKM = 26/9, konversi = 650/9 = 72.222... -> 72.22 C
    expect(result.ikm).toBe(26 / 9);
    expect(result.konversiRounded).toBe(72.22);
    expect(result.mutu).toBe("C");
    expect(result.confidence).toBeNull();
    expect(result.items.every((i) => i.stdDev === null)).toBe(true);
  });

  it("blanks (null, undefined, missing key) are left out of that item's count, never scored 0", () => {
    const rows: ResponseRow[] = [
      { U1: 4, U2: 4, U3: 4, U4: 4, U5: 4, U6: 4, U7: 4, U8: 4, U9: 4 },
      { U1: 2, U2: null, U3: undefined, U4: 2, U5: 2, U6: 2, U7: 2, U8: 2, U9: 2 }, // U2, U3 blank
      { U1: 3, U2: 3, U4: 3, U5: 3, U6: 3, U7: 3, U8: 3, U9: 3, Saran: 5 } as ResponseRow, // U3 missing
    ];
    const result = computeIkmFromRows(rows);
    const byCode = Object.fromEntries(result.items.map((i) => [i.code, i]));
    expect(byCode.U1).toMatchObject({ answered: 3, sum: 9, nrr: 3 });
    expect(byCode.U2).toMatchObject({ answered: 2, sum: 7, nrr: 3.5 });
    expect(byCode.U3).toMatchObject({ answered: 1, sum: 4, nrr: 4 });
    expect(result.respondents).toBe(3);
  });

  it("a row with nothing answered is not a respondent", () => {
    const result = computeIkmFromRows([Array<number>(9).fill(3), Array<Score>(9).fill(null), {}]);
    expect(result.respondents).toBe(1);
    expect(result.konversi).toBe(75);
  });

  it("an item nobody answered: NRR null, index 'tidak dapat dihitung'", () => {
    const rows = [row(P2017, [3, 3, 3, null, 3, 3, 3, 3, 3]), row(P2017, [4, 4, 4, null, 4, 4, 4, 4, 4])];
    const result = computeIkmFromRows(rows);
    expect(result.computable).toBe(false);
    expect(result.unansweredItems).toEqual(["U4"]);
    expect(result.ikm).toBeNull();
    expect(result.konversi).toBeNull();
    expect(result.konversiRounded).toBeNull();
    expect(result.mutu).toBeNull();
    expect(result.kinerja).toBeNull();
    expect(result.confidence).toBeNull();
    const u4 = result.items[3]!;
    expect(u4).toMatchObject({ code: "U4", answered: 0, nrr: null, weightedNrr: null, rank: null });
    // the other items are still ranked and reported
    expect(result.priorities).toHaveLength(8);
    expect(result.items[0]!.nrr).toBe(3.5);
    expect(formatKonversi(result)).toBe("–");
  });

  it("no rows at all: not computable", () => {
    const result = computeIkmFromRows([]);
    expect(result.respondents).toBe(0);
    expect(result.computable).toBe(false);
    expect(result.unansweredItems).toHaveLength(9);
  });

  it.each([0, 5, 3.5, -1, Number.NaN, Infinity])("rejects score %s", (bad) => {
    const scores: Score[] = [3, 3, 3, 3, 3, 3, 3, 3, 3];
    scores[4] = bad;
    expect(() => computeIkmFromRows([Array<number>(9).fill(3), scores])).toThrow(IkmInputError);
    try {
      computeIkmFromRows([Array<number>(9).fill(3), scores]);
    } catch (error) {
      expect((error as IkmInputError).rowIndex).toBe(1);
      expect((error as IkmInputError).itemCode).toBe("U5");
    }
  });

  it("rejects a score given as text", () => {
    expect(() => computeIkmFromRows([{ U1: "3" as unknown as number }])).toThrow(/U1/);
  });

  it("ranks weakest first; ties broken by item order, compared exactly", () => {
    // U2 = 10/3 and U5 = 20/6 are equal fractions; U2 must come first.
    const stats: IkmStats = {
      respondents: 6,
      items: {
        U1: { answered: 6, sum: 24 },
        U2: { answered: 3, sum: 10 },
        U3: { answered: 6, sum: 12 },
        U4: { answered: 6, sum: 24 },
        U5: { answered: 6, sum: 20 },
        U6: { answered: 6, sum: 18 },
        U7: { answered: 6, sum: 24 },
        U8: { answered: 6, sum: 18 },
        U9: { answered: 6, sum: 23 },
      },
    };
    const result = computeIkmFromSums(stats);
    expect(result.priorities).toEqual(["U3", "U6", "U8", "U2", "U5", "U9", "U1", "U4", "U7"]);
    expect(result.items.map((i) => i.rank)).toEqual([7, 4, 1, 8, 5, 2, 9, 3, 6]);
  });

  it("accepts rows as arrays in item order, the same as keyed rows", () => {
    const arrays: Score[][] = [
      [1, 2, 3, 4, 1, 2, 3, 4, 1],
      [4, null, 3, 2, 1, 4, 3, 2, 1],
    ];
    const keyed = arrays.map((scores) => row(P2017, scores));
    expect(computeIkmFromRows(arrays)).toEqual(computeIkmFromRows(keyed));
    expect(computeIkm(arrays)).toEqual(computeIkmFromRows(keyed));
  });

  it("streams through an accumulator", () => {
    const accumulator = createIkmAccumulator("permenpan-14-2017");
    accumulator.add(Array<number>(9).fill(4));
    const first = accumulator.stats();
    accumulator.add(Array<number>(9).fill(2));
    expect(first.respondents).toBe(1);
    expect(computeIkmFromSums(accumulator.stats()).konversi).toBe(75);
  });
});

describe("computeIkmFromSums validation", () => {
  it("rejects impossible rollups", () => {
    const good = uniformStats(P2017, 10, 30);
    expect(() => computeIkmFromSums(good)).not.toThrow();
    expect(() => computeIkmFromSums({ ...good, items: { ...good.items, U1: { answered: 10, sum: 41 } } })).toThrow(
      /U1/,
    );
    expect(() => computeIkmFromSums({ ...good, items: { ...good.items, U1: { answered: 10, sum: 9 } } })).toThrow(
      IkmInputError,
    );
    expect(() => computeIkmFromSums({ ...good, items: { ...good.items, U1: { answered: 11, sum: 33 } } })).toThrow(
      /responden/,
    );
    expect(() => computeIkmFromSums({ ...good, items: { ...good.items, U1: { answered: 2.5, sum: 8 } } })).toThrow();
    expect(() => computeIkmFromSums({ ...good, respondents: -1 })).toThrow();
    expect(() => computeIkmFromSums({ ...good, indexSum: 30 })).toThrow(/bersama/);
    expect(() => computeIkmFromSums({ ...good, indexSum: 50, indexSumSquares: 100 })).toThrow(IkmInputError);
  });

  it("without index sums there is no confidence interval, the rest is computed", () => {
    const result = computeIkmFromSums(uniformStats(P2017, 10, 30));
    expect(result.konversi).toBe(75);
    expect(result.confidence).toBeNull();
  });
});

describe("worked example (hand-built, realistic: 12 respondents, two blanks)", () => {
  // Same data as tests/fixtures/ikm/tabulasi-id.csv. Scores per respondent, U1..U9:
  const rows: Score[][] = [
    [3, 3, 3, 4, 3, 3, 4, 3, 3],
    [4, 3, 3, 4, 3, 4, 4, 3, 3],
    [3, 3, 2, 4, 3, 3, 3, 3, 2],
    [3, 4, 3, 4, 4, 3, 4, 3, 3],
    [4, 3, 2, 4, 3, 3, 4, 4, 3],
    [3, 3, 3, 4, 3, 4, 4, 3, null],
    [3, 2, 2, 4, 3, 3, 3, 3, 2],
    [4, 4, 3, 4, 4, 4, 4, 3, 3],
    [3, 3, 3, null, 3, 3, 4, 2, 3],
    [3, 3, 2, 4, 3, 3, 3, 3, 3],
    [4, 3, 3, 4, 3, 3, 4, 3, 2],
    [3, 3, 3, 4, 3, 3, 4, 3, 3],
  ];
  // By hand:
  //   U1: 4 fours + 8 threes = 40 / 12 = 3.333      U6: 3 fours + 9 threes     = 39 / 12 = 3.250
  //   U2: 2x4 + 1x2 + 9x3   = 37 / 12 = 3.083      U7: 9 fours + 3 threes     = 45 / 12 = 3.750
  //   U3: 4 twos + 8 threes = 32 / 12 = 2.667      U8: 1x4 + 1x2 + 10x3       = 36 / 12 = 3.000
  //   U4: 11 fours (1 blank)= 44 / 11 = 4.000      U9: 3 twos + 8 threes (1 blank) = 30 / 11 = 2.727
  //   U5: 2 fours + 10 threes = 38 / 12 = 3.167
  //   Σ NRR = (40+37+32+38+39+45+36)/12 + 44/11 + 30/11 = 267/12 + 74/11 = 89/4 + 74/11 = 1275/44
  //   IKM = 1275/44 / 9 = 425/132 = 3.21970 (weight exactly 1/9)
  //   konversi = 25 x 425/132 = 10625/132 = 80.4924... -> 80.49 -> B (76.61..88.30), "Baik"
  //   weakest first: U3 (2.667), U9 (2.727), U8 (3.000), U2, U5, U6, U1, U7, U4
  //   Krejcie-Morgan for N = 1000: 3.841*1000*0.25 / (0.0025*999 + 0.96025) = 960.25/3.45775
  //   = 277.7 -> 278; 12 < 278: below the minimum sample, still reported.
  const result = computeIkmFromRows(rows, { population: 1000 });

  it("NRR, IKM, konversi, mutu", () => {
    expect(result.items.map((i) => [i.code, i.answered, i.sum])).toEqual([
      ["U1", 12, 40],
      ["U2", 12, 37],
      ["U3", 12, 32],
      ["U4", 11, 44],
      ["U5", 12, 38],
      ["U6", 12, 39],
      ["U7", 12, 45],
      ["U8", 12, 36],
      ["U9", 11, 30],
    ]);
    expect(result.items[8]!.nrr).toBe(30 / 11);
    expect(result.ikm).toBeCloseTo(425 / 132, 14);
    expect(result.konversi).toBe(result.ikm! * 25);
    expect(result.konversi).toBeCloseTo(10625 / 132, 12);
    expect(result.konversiRounded).toBe(80.49);
    expect(result.mutu).toBe("B");
    expect(result.kinerja).toBe("Baik");
    expect(formatIkm(result.ikm)).toBe("3,220");
    expect(formatKonversi(result)).toBe("80,49");
  });

  it("priorities and sample", () => {
    expect(result.priorities).toEqual(["U3", "U9", "U8", "U2", "U5", "U6", "U1", "U7", "U4"]);
    expect(result.sample).toEqual({ population: 1000, minimumSample: 278, respondents: 12, met: false });
  });

  it("confidence interval: per-respondent index, SE = 25 sd(y)/sqrt(n) x FPC", () => {
    const indexes = rows.map((r) => {
      const answered = r.filter((s): s is number => s != null);
      return answered.reduce((a, b) => a + b, 0) / answered.length;
    });
    const n = indexes.length;
    const mean = indexes.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(indexes.reduce((a, y) => a + (y - mean) ** 2, 0) / (n - 1));
    const se = ((25 * sd) / Math.sqrt(n)) * Math.sqrt((1000 - n) / (1000 - 1));
    expect(result.confidence!.standardError).toBeCloseTo(se, 12);
    expect(result.confidence!.lower).toBeCloseTo(result.konversi! - 1.96 * se, 3);
    expect(result.confidence!.upper).toBeCloseTo(result.konversi! + 1.96 * se, 3);
    expect(result.confidence!.finitePopulationCorrection).toBe(true);
  });
});

describe("minimumSample (Krejcie & Morgan, X²=3.841, P=0.5, d=0.05, nearest respondent)", () => {
  it.each([
    [100, 80],
    [550, 226],
    [1000, 278],
    [10000, 370],
    [75000, 382],
    [1000000, 384],
  ])("N=%s -> %s", (population, expected) => {
    expect(minimumSample(population)).toBe(expected);
  });

  it("small populations and invalid input", () => {
    expect(minimumSample(1)).toBe(1);
    expect(minimumSample(10)).toBe(10);
    for (const n of [1, 5, 20, 50, 200, 3000, 1e7]) expect(minimumSample(n)).toBeLessThanOrEqual(n);
    for (const bad of [0, -5, 1.5, Number.NaN, Infinity]) expect(() => minimumSample(bad)).toThrow(RangeError);
  });

  it("assessSample marks below-minimum results", () => {
    expect(assessSample(278, 1000).met).toBe(true);
    expect(assessSample(277, 1000)).toEqual({ population: 1000, minimumSample: 278, respondents: 277, met: false });
  });
});

describe("compareIkm", () => {
  const many = (scores: number[], copies: number) => Array.from({ length: copies }, (_, i) => scores.map((s, j) => (i + j) % 3 === 0 ? Math.max(1, s - 1) : s));

  it("reports delta, direction and whether it is beyond noise", () => {
    const previous = computeIkmFromRows(many([3, 3, 3, 3, 3, 3, 3, 3, 3], 400));
    const current = computeIkmFromRows(many([4, 4, 3, 4, 4, 4, 4, 3, 4], 400));
    const comparison = compareIkm(current, previous);
    expect(comparison.delta).toBeCloseTo(current.konversi! - previous.konversi!, 12);
    expect(comparison.direction).toBe("naik");
    expect(comparison.significant).toBe(true);
    expect(comparison.standardError).toBeCloseTo(
      Math.hypot(current.confidence!.standardError, previous.confidence!.standardError),
      12,
    );
    expect(comparison.margin).toBeCloseTo(1.96 * comparison.standardError!, 3);
    expect(compareIkm(previous, current).direction).toBe("turun");
  });

  it("a small change on few respondents is within noise", () => {
    const a = computeIkmFromRows([Array(9).fill(3), Array(9).fill(4), Array(9).fill(2)]);
    const b = computeIkmFromRows([Array(9).fill(3), Array(9).fill(4), [2, 2, 2, 2, 2, 2, 2, 2, 3]]);
    const comparison = compareIkm(b, a);
    expect(comparison.direction).toBe("naik");
    expect(comparison.significant).toBe(false);
    expect(comparison.mutuChanged).toBe(false);
    expect(compareIkm(a, a).direction).toBe("tetap");
  });

  it("unknown noise or uncomputable index gives nulls", () => {
    const withoutCi = computeIkmFromSums(uniformStats(P2017, 10, 30));
    const withCi = computeIkmFromRows([Array(9).fill(3), Array(9).fill(4)]);
    expect(compareIkm(withCi, withoutCi).significant).toBeNull();
    expect(compareIkm(withCi, withoutCi).direction).toBe("naik");
    const none = computeIkmFromRows([]);
    expect(compareIkm(withCi, none)).toMatchObject({ delta: null, direction: null, significant: null });
  });
});

describe("custom template", () => {
  const zi = defineTemplate({
    id: "spkp-zi",
    name: "Survei Persepsi Kualitas Pelayanan",
    scale: { min: 1, max: 6 },
    items: Array.from({ length: 8 }, (_, i) => ({ code: `P${i + 1}`, name: `Pertanyaan ${i + 1}` })),
    bands: P2017.bands.map((b) => ({ ...b })),
  });

  it("maps the scale linearly: min -> 25, max -> 100", () => {
    expect(computeIkmFromRows([Array(8).fill(1)], { template: zi }).konversi).toBe(25);
    expect(computeIkmFromRows([Array(8).fill(6)], { template: zi }).konversi).toBe(100);
    const mid = computeIkmFromRows([Array(8).fill(3), Array(8).fill(4)], { template: zi });
    expect(mid.ikm).toBe(3.5);
    expect(mid.konversi).toBe(62.5);
    expect(mid.mutu).toBe("D");
    expect(toKonversi(3.5, zi)).toBe(62.5);
    expect(toKonversi(3, P2017)).toBe(75);
  });

  it("validates scores against its own scale", () => {
    expect(() => computeIkmFromRows([Array(8).fill(7)], { template: zi })).toThrow(IkmInputError);
    expect(computeIkmFromRows([Array(8).fill(5)], { template: zi }).ikm).toBe(5);
  });
});

describe("format helpers (display only)", () => {
  it("rounds half up on the printed decimal, with Indonesian or English separators", () => {
    expect(formatDecimal(64.995)).toBe("65,00");
    expect(formatDecimal(64.994)).toBe("64,99");
    expect(formatDecimal(80.4924, 2, "en")).toBe("80.49");
    expect(formatDecimal(1 / 9, 3)).toBe("0,111");
    expect(formatDecimal(1 / 14, 3)).toBe("0,071");
    expect(formatDecimal(2.5, 0)).toBe("3");
    expect(formatDecimal(1.005, 2)).toBe("1,01");
    expect(formatDecimal(100)).toBe("100,00");
    expect(formatDecimal(1e-7)).toBe("0,00");
    expect(formatDecimal(null)).toBe("–");
    expect(formatDecimal(undefined)).toBe("–");
    expect(roundHalfUp(64.995)).toBe(65);
    expect(roundHalfUp(76.605)).toBe(76.61);
    expect(roundHalfUp(3.2197, 3)).toBe(3.22);
    expect(formatInteger(1234567)).toBe("1.234.567");
    expect(formatInteger(1234567, "en")).toBe("1,234,567");
    expect(formatInteger(12)).toBe("12");
  });
});

// ---------------------------------------------------------------- properties

const scoreArb = (min: number, max: number) =>
  fc.oneof({ weight: 9, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constant(null) });

/** Rows for a template; every item answered at least once so the index is computable. */
function rowsArb(template: IkmTemplate, maxRows = 40) {
  const k = template.items.length;
  const { min, max } = template.scale;
  return fc
    .tuple(
      fc.array(fc.integer({ min, max }), { minLength: k, maxLength: k }),
      fc.array(fc.array(scoreArb(min, max), { minLength: k, maxLength: k }), { maxLength: maxRows }),
    )
    .map(([complete, rest]) => [complete as Score[], ...rest]);
}

function statsByHand(template: IkmTemplate, rows: readonly Score[][]): IkmStats {
  const items: Record<string, { answered: number; sum: number; sumSquares: number }> = {};
  for (const { code } of template.items) items[code] = { answered: 0, sum: 0, sumSquares: 0 };
  let respondents = 0;
  let indexSum = 0;
  let indexSumSquares = 0;
  for (const scores of rows) {
    const given = template.items.flatMap(({ code }, i) => {
      const s = scores[i];
      if (s == null) return [];
      items[code]!.answered += 1;
      items[code]!.sum += s;
      items[code]!.sumSquares += s * s;
      return [s];
    });
    if (given.length === 0) continue;
    respondents += 1;
    const y = given.reduce((a, b) => a + b, 0) / given.length;
    indexSum += y;
    indexSumSquares += y * y;
  }
  return { respondents, items, indexSum, indexSumSquares };
}

describe("properties", () => {
  const templates = fc.constantFrom(P2017, K2004);

  it("konversi = 25 x IKM exactly, IKM within [1, 4], mutu from the rounded konversi", () => {
    fc.assert(
      fc.property(templates.chain((t) => fc.tuple(fc.constant(t), rowsArb(t))), ([template, rows]) => {
        const result = computeIkmFromRows(rows, { template });
        expect(result.computable).toBe(true);
        expect(result.konversi).toBe(25 * result.ikm!);
        expect(result.ikm!).toBeGreaterThanOrEqual(1);
        expect(result.ikm!).toBeLessThanOrEqual(4);
        expect(Math.abs(result.konversiRounded! - result.konversi!)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(result.mutu).toBe(classifyMutu(result.konversiRounded!, template).mutu);
        if (result.confidence) {
          expect(result.confidence.lower).toBeLessThanOrEqual(result.konversi! + 1e-9);
          expect(result.confidence.upper).toBeGreaterThanOrEqual(result.konversi! - 1e-9);
          expect(result.confidence.lower).toBeGreaterThanOrEqual(25);
          expect(result.confidence.upper).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("item order is irrelevant (template order and row key order)", () => {
    fc.assert(
      fc.property(
        rowsArb(P2017).chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray([...P2017.items.keys()], { minLength: 9, maxLength: 9 })),
        ),
        ([rows, permutation]) => {
          const permuted = defineTemplate({
            id: "permuted",
            name: "permuted",
            scale: P2017.scale,
            items: permutation.map((i) => P2017.items[i]!),
            bands: P2017.bands.map((b) => ({ ...b })),
          });
          const keyed = rows.map((scores) => {
            const entries = P2017.items.map((item, i) => [item.code, scores[i]] as const);
            return Object.fromEntries(permutation.map((i) => entries[i]!));
          });
          const a = computeIkmFromRows(keyed, { template: P2017 });
          const b = computeIkmFromRows(keyed, { template: permuted });
          expect(b.ikm).toBe(a.ikm);
          expect(b.konversi).toBe(a.konversi);
          expect(b.konversiRounded).toBe(a.konversiRounded);
          expect(b.mutu).toBe(a.mutu);
          const nrr = (r: typeof a) => Object.fromEntries(r.items.map((i) => [i.code, [i.answered, i.sum, i.nrr]]));
          expect(nrr(b)).toEqual(nrr(a));
          expect(b.confidence?.standardError ?? -1).toBeCloseTo(a.confidence?.standardError ?? -1, 10);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("row order is irrelevant", () => {
    fc.assert(
      fc.property(
        rowsArb(P2017).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          const a = computeIkmFromRows(rows);
          const b = computeIkmFromRows(shuffled);
          expect(b.ikm).toBe(a.ikm);
          expect(b.konversiRounded).toBe(a.konversiRounded);
          expect(b.items).toEqual(a.items);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("from sums (tallied independently) equals from rows", () => {
    fc.assert(
      fc.property(
        templates.chain((t) => fc.tuple(fc.constant(t), rowsArb(t), fc.option(fc.integer({ min: 1, max: 100000 }), { nil: undefined }))),
        ([template, rows, population]) => {
          const options = population === undefined ? { template } : { template, population };
          expect(computeIkmFromSums(statsByHand(template, rows), options)).toEqual(
            computeIkmFromRows(rows, options),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("pooled rollups equal the computation on the concatenated rows", () => {
    fc.assert(
      fc.property(
        fc.array(rowsArb(P2017, 15), { minLength: 1, maxLength: 6 }),
        (units) => {
          const pooled = computeIkmFromSums(mergeStats(units.map((rows) => collectStats(rows))));
          const all = computeIkmFromRows(units.flat());
          expect(pooled.respondents).toBe(all.respondents);
          expect(pooled.items.map((i) => [i.answered, i.sum, i.nrr, i.rank])).toEqual(
            all.items.map((i) => [i.answered, i.sum, i.nrr, i.rank]),
          );
          expect(pooled.ikm).toBe(all.ikm);
          expect(pooled.konversiRounded).toBe(all.konversiRounded);
          expect(pooled.mutu).toBe(all.mutu);
          expect(pooled.priorities).toEqual(all.priorities);
          // index sums add in a different order: equal up to floating-point rounding
          expect(pooled.confidence?.standardError ?? -1).toBeCloseTo(all.confidence?.standardError ?? -1, 9);
          for (const [p, a] of pooled.items.map((item, i) => [item, all.items[i]!] as const)) {
            if (a.stdDev === null) expect(p.stdDev).toBeNull();
            else expect(p.stdDev!).toBeCloseTo(a.stdDev, 9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("pooling is not the mean of unit indexes (a large unit weighs more)", () => {
    const big = Array.from({ length: 90 }, () => Array<number>(9).fill(4));
    const small = Array.from({ length: 10 }, () => Array<number>(9).fill(2));
    const pooled = computeIkmFromSums(mergeStats([collectStats(big), collectStats(small)]));
    expect(pooled.ikm).toBe(3.8);
    expect(pooled.konversi).toBe(95);
  });

  it("mergeStats drops index sums unless every input has them", () => {
    const a = collectStats([Array<number>(9).fill(3)]);
    const b: IkmStats = { respondents: 1, items: a.items };
    expect(mergeStats([a, a]).indexSum).toBe(6);
    expect(mergeStats([a, b]).indexSum).toBeUndefined();
    expect(computeIkmFromSums(mergeStats([a, b])).confidence).toBeNull();
  });
});

describe("worked example from a published report", () => {
  // Laporan SKM online, Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tulang Bawang Barat,
  // tahun 2023 semester 1 (e-smile.tubaba.go.id/main/skm/laporan/online), as published:
  //   1 respondent, U1..U9 all 4; "Σ Nilai / Unsur 4", "NRR / Unsur 4",
  //   "NRR Tertimbang / Unsur 0.44" (NRR x 0,111), "IKM UNIT PELAYANAN 100 (Sangat Baik)".
  // By hand: NRR = 4/1 = 4 for each unsur; weight 1/9; NRR tertimbang = 4/9 = 0.444...;
  // IKM = 9 x 4/9 = 4; konversi = 4 x 25 = 100.00 -> 88.31..100.00 = A, Sangat Baik.
  // With the printed weight instead, 9 x (4 x 0.111) x 25 = 99.90: the report's own "100"
  // is only right because it computed with 1/9, as we do.
  it("recomputes the published numbers", () => {
    const result = computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, 4]], { template: "permenpan-14-2017" });
    expect(result.items.map((i) => i.nrr)).toEqual(Array(9).fill(4));
    expect(result.items.map((i) => Number(i.weightedNrr!.toFixed(2)))).toEqual(Array(9).fill(0.44));
    expect(result.ikm).toBe(4);
    expect(result.konversi).toBe(100);
    expect(result.mutu).toBe("A");
    expect(result.kinerja).toBe("Sangat Baik");
    expect(Number((9 * 4 * 0.111 * 25).toFixed(2))).toBe(99.9); // what the rounded weight would have given
  });
});
