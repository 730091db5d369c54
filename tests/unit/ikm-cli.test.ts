// Runs scripts/ikm.ts as a child process (the tsx that `npx tsx` resolves to) on fixture files.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
const FIXTURES = "tests/fixtures/ikm";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runIkm(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["scripts/ikm.ts", ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

// The worked example of tests/unit/ikm.test.ts: IKM 425/132, konversi 10625/132 = 80.49 (B).
const EXPECTED_SUMS = [40, 37, 32, 44, 38, 39, 45, 36, 30];
const EXPECTED_ANSWERED = [12, 12, 12, 11, 12, 12, 12, 12, 11];

function expectWorkedExample(json: Record<string, unknown>) {
  expect(json.respondents).toBe(12);
  expect(json.template).toBe("permenpan-14-2017");
  const unsur = json.unsur as { code: string; nrr: number; answered: number; sum: number }[];
  expect(unsur.map((u) => u.code)).toEqual(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
  expect(unsur.map((u) => u.sum)).toEqual(EXPECTED_SUMS);
  expect(unsur.map((u) => u.answered)).toEqual(EXPECTED_ANSWERED);
  unsur.forEach((u, i) => expect(u.nrr).toBeCloseTo(EXPECTED_SUMS[i]! / EXPECTED_ANSWERED[i]!, 12));
  expect(json.ikm as number).toBeCloseTo(425 / 132, 12);
  expect(json.konversi as number).toBeCloseTo(10625 / 132, 10);
  expect(json.konversiRounded).toBe(80.49);
  expect(json.mutu).toBe("B");
  expect(json.kinerja).toBe("Baik");
  expect(json.weakest).toBe("U3");
}

let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "ikm-cli-"));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Tabulasi");
  sheet.addRow(["TABULASI SKM"]);
  sheet.addRow(["No", "Usia", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "Saran"]);
  const rows = [
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
  rows.forEach((scores, i) => sheet.addRow([i + 1, 30 + i, ...scores, i % 2 ? "" : "Saran; panjang, sekali"]));
  await book.xlsx.writeFile(path.join(tmp, "tabulasi.xlsx"));

  const bad = new ExcelJS.Workbook();
  const badSheet = bad.addWorksheet("Data");
  badSheet.addRow(["No", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]);
  badSheet.addRow([1, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
  badSheet.addRow([2, 4, 4, 4, 4, 4, 4, 4.5, 4, 4]);
  await bad.xlsx.writeFile(path.join(tmp, "desimal.xlsx"));
  await writeFile(path.join(tmp, "kosong.xlsx"), "");
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("npm run ikm -- <file> --json", () => {
  it("Indonesian-locale CSV (';', BOM, CRLF, title row)", async () => {
    const run = await runIkm(`${FIXTURES}/tabulasi-id.csv`, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expectWorkedExample(json);
    expect(json.rowsWithoutAnswers).toEqual([16]);
    expect(json.minimumSample).toBeUndefined();
  });

  it("English-locale CSV (',', shuffled and lower-case headers)", async () => {
    const run = await runIkm(`${FIXTURES}/tabulasi-en.csv`, "--json", "--population", "1000");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expectWorkedExample(json);
    expect(json.population).toBe(1000);
    expect(json.minimumSample).toBe(278);
    expect(json.sampleMet).toBe(false);
  });

  it("XLSX written by exceljs", async () => {
    const run = await runIkm(path.join(tmp, "tabulasi.xlsx"), "--json", "--population", "12");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expectWorkedExample(json);
    expect(json.minimumSample).toBe(12);
    expect(json.sampleMet).toBe(true);
    // a census: no sampling error
    expect(json.ci95.standardError).toBe(0);
  });

  it("14-unsur tabulation with --template kepmenpan-25-2004", async () => {
    const run = await runIkm(`${FIXTURES}/tabulasi-2004.csv`, "--template", "kepmenpan-25-2004", "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.template).toBe("kepmenpan-25-2004");
    expect(json.unsur).toHaveLength(14);
    // Sums by column: U1 12, U2 12, U3 11, U4 13, U5 12, U6 13, U7 10, U8 12, U9 14, U10 11,
    // U11 9/3, U12 10, U13 12, U14 13; Σ NRR = (12+12+11+13+12+13+10+12+14+11+10+12+13)/4 + 3
    // = 155/4 + 3 = 167/4; IKM = 167/56 (weight 1/14); konversi = 4175/56 = 74.553... -> 74.55,
    // band B of 25/2004 (62.51..81.25) — the same number would be C under 14/2017.
    expect(json.ikm).toBeCloseTo(167 / 56, 12);
    expect(json.konversiRounded).toBe(74.55);
    expect(json.mutu).toBe("B");
    expect(json.weakest).toBe("U7");
  });

  it("prints a readable Indonesian table without --json", async () => {
    const run = await runIkm(`${FIXTURES}/tabulasi-id.csv`, "--population", "10000");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/U3 +Waktu Penyelesaian +12 +2,67 +0,296 +1/);
    expect(run.stdout).toMatch(/IKM \(skala 1–4\) +: 3,220/);
    expect(run.stdout).toMatch(/IKM konversi \(25–100\) +: 80,49/);
    expect(run.stdout).toMatch(/Mutu pelayanan +: B/);
    expect(run.stdout).toMatch(/Kinerja unit pelayanan : Baik/);
    expect(run.stdout).toMatch(/Unsur terlemah +: U3 Waktu Penyelesaian \(NRR 2,67\)/);
    expect(run.stdout).toMatch(/minimum 370 untuk populasi 10\.000 .*BELUM terpenuhi \(kurang 358\)/);
  });
});

describe("npm run ikm -- --population N", () => {
  it.each([
    ["100", 80],
    ["1000", 278],
    ["1000000", 384],
  ])("--population %s --json", async (population, minimum) => {
    const run = await runIkm("--population", population, "--json");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ population: Number(population), minimumSample: minimum });
  });

  it("text form", async () => {
    const run = await runIkm("--population", "550");
    expect(run.stdout.trim()).toBe("Populasi 550: sampel minimum 226 responden (Krejcie & Morgan).");
  });
});

describe("bad input: exit 2 and one clear line naming file, row and column", () => {
  const cases: [string, string[], RegExp][] = [
    ["score outside the scale", [`${FIXTURES}/skor-diluar-skala.csv`], /skor-diluar-skala\.csv" baris 3, kolom U3 \(D\): nilai "5" bukan skor yang sah/],
    ["decimal score (comma)", [`${FIXTURES}/skor-desimal.csv`], /skor-desimal\.csv" baris 3, kolom U5 \(F\): nilai "3,5"/],
    ["decimal score (point)", [`${FIXTURES}/skor-desimal-en.csv`], /skor-desimal-en\.csv" baris 2, kolom U3 \(D\): nilai "3\.5"/],
    ["text score", [`${FIXTURES}/skor-teks.csv`], /skor-teks\.csv" baris 3, kolom U7 \(H\): nilai "baik"/],
    ["zero score", [`${FIXTURES}/skor-nol.csv`], /skor-nol\.csv" baris 2, kolom U9 \(J\): nilai "0"/],
    ["missing item column", [`${FIXTURES}/kolom-hilang.csv`], /kolom-hilang\.csv" baris 1: kolom U7 tidak ada/],
    ["doubled item column", [`${FIXTURES}/kolom-ganda.csv`], /kolom-ganda\.csv" baris 1: kolom U3 muncul lebih dari sekali/],
    ["header only", [`${FIXTURES}/hanya-judul.csv`], /hanya-judul\.csv": tidak ada baris responden/],
    ["empty file", [`${FIXTURES}/kosong.csv`], /kosong\.csv" kosong/],
    ["unreadable spreadsheet", [`${FIXTURES}/rusak.xlsx`], /rusak\.xlsx" tidak dapat dibaca sebagai spreadsheet XLSX/],
    ["missing file", [`${FIXTURES}/tidak-ada.csv`], /tidak-ada\.csv" tidak ditemukan/],
    [
      "14-unsur file read as 9 unsur",
      [`${FIXTURES}/tabulasi-2004.csv`],
      /tabulasi-2004\.csv" baris 1: kolom U10, U11, U12, U13, U14 bukan unsur template permenpan-14-2017; .*--template kepmenpan-25-2004/,
    ],
    ["unknown template", [`${FIXTURES}/tabulasi-id.csv`, "--template", "permenpan-2099"], /template "permenpan-2099" tidak dikenal/],
    ["bad population", [`${FIXTURES}/tabulasi-id.csv`, "--population", "1.000"], /--population harus bilangan bulat positif/],
    ["no file", [], /berkas tabulasi tidak diberikan/],
    ["unknown option", [`${FIXTURES}/tabulasi-id.csv`, "--foo"], /opsi tidak dikenal: --foo/],
  ];

  it.each(cases)("%s", async (_name, args, pattern) => {
    const run = await runIkm(...args, "--json");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Kesalahan: /);
    expect(lines[0]).toMatch(pattern);
  });

  it("decimal score in an XLSX", async () => {
    const run = await runIkm(path.join(tmp, "desimal.xlsx"), "--json");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/desimal\.xlsx" baris 3, kolom U7 \(H\): nilai "4\.5"/);
  });

  it("empty XLSX", async () => {
    const run = await runIkm(path.join(tmp, "kosong.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/kosong\.xlsx" kosong/);
  });
});
