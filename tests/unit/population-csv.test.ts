import { describe, expect, it } from "vitest";
import { POPULATION_MAX_ROWS, ZSavePopulations } from "@/lib/validation/periods";
import { parsePopulationCsv, POPULATION_CSV_MAX_BYTES, POPULATION_CSV_MAX_ROWS } from "@/lib/validation/population-csv";

const csv = (text: string) => new TextEncoder().encode(text);

describe("parsePopulationCsv", () => {
  it("reads ';' or ',' lines, with a BOM, a header, CRLF and blank lines; codes upper-cased", () => {
    expect(parsePopulationCsv(csv("\uFEFFKode;Populasi\r\ndisdukcapil;12.000\r\n\r\nRSUD;  800 \r\n"))).toEqual({
      ok: true,
      rows: [
        { line: 2, unitCode: "DISDUKCAPIL", population: 12000 },
        { line: 4, unitCode: "RSUD", population: 800 },
      ],
    });
    expect(parsePopulationCsv(csv('DINKES,500\n"PKM-CIBODAS","40"'))).toEqual({
      ok: true,
      rows: [
        { line: 1, unitCode: "DINKES", population: 500 },
        { line: 2, unitCode: "PKM-CIBODAS", population: 40 },
      ],
    });
  });

  it("names every bad line by its number in the file", () => {
    const r = parsePopulationCsv(csv("kode;n\nA;1\nB\nC D;5\nA;2\nE;1,5\nF;0\nG;\nH;200000000\nI;3;4\n"));
    expect(r).toEqual({
      ok: false,
      error: "lines",
      lines: [
        { line: 3, code: "columns" },
        { line: 4, code: "unitCode" },
        { line: 5, code: "duplicate" },
        { line: 6, code: "notWhole" },
        { line: 7, code: "notPositive" },
        { line: 8, code: "missing" },
        { line: 9, code: "tooLarge" },
        { line: 10, code: "columns" },
      ],
    });
  });

  it("refuses an empty file, a header alone, and a file over the size limit", () => {
    expect(parsePopulationCsv(csv(""))).toEqual({ ok: false, error: "empty" });
    expect(parsePopulationCsv(csv("\uFEFF\r\n  \r\n"))).toEqual({ ok: false, error: "empty" });
    expect(parsePopulationCsv(csv("kode;populasi\n"))).toEqual({ ok: false, error: "empty" });
    // A first line with an empty population is a bad line, not a header.
    expect(parsePopulationCsv(csv("DINKES;\nRSUD;5"))).toEqual({ ok: false, error: "lines", lines: [{ line: 1, code: "missing" }] });
    expect(parsePopulationCsv(new Uint8Array(POPULATION_CSV_MAX_BYTES + 1).fill(0x41))).toEqual({ ok: false, error: "tooBig" });
    // One limit with the grid's write (ZSavePopulations): as many lines as it takes, with or without a header, and not one more.
    expect(POPULATION_CSV_MAX_ROWS).toBe(POPULATION_MAX_ROWS);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `U${i};1`).join("\n");
    expect(parsePopulationCsv(csv(lines(POPULATION_MAX_ROWS)))).toMatchObject({ ok: true });
    expect(parsePopulationCsv(csv(`kode;populasi\n${lines(POPULATION_MAX_ROWS)}`))).toMatchObject({ ok: true });
    expect(parsePopulationCsv(csv(lines(POPULATION_MAX_ROWS + 1)))).toEqual({ ok: false, error: "tooManyRows" });
    const full = parsePopulationCsv(csv(lines(POPULATION_MAX_ROWS)));
    const populations = full.ok ? Object.fromEntries(full.rows.map((r) => [r.unitCode, String(r.population)])) : {};
    expect(ZSavePopulations.safeParse({ period: "2025-T4", populations }).success).toBe(true);
    expect(ZSavePopulations.safeParse({ period: "2025-T4", populations: { ...populations, EXTRA: "1" } }).error?.issues[0]?.message).toBe("tooManyRows");
  });
});
