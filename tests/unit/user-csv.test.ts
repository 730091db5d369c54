import { describe, expect, it } from "vitest";
import { parseUserCsv, splitCsvLine, USER_CSV_MAX_CHARS, USER_CSV_MAX_ROWS } from "@/lib/validation/user-csv";

const ok = (text: string) => {
  const r = parseUserCsv(text);
  if (!r.ok) throw new Error(`refused: ${r.error}`);
  return r;
};

describe("parseUserCsv", () => {
  it("reads name;email lines, with or without a header, any line ending, a BOM tolerated", () => {
    const want = [
      { line: 1, name: "Siti Aminah", email: "siti@dinkes.go.id" },
      { line: 2, name: "Budi Santoso", email: "budi@dinkes.go.id" },
    ];
    expect(ok("Siti Aminah;siti@dinkes.go.id\nBudi Santoso;budi@dinkes.go.id\n")).toEqual({ ok: true, rows: want, problems: [] });
    expect(ok("\uFEFFSiti Aminah;siti@dinkes.go.id\r\nBudi Santoso;BUDI@Dinkes.go.id\r\n").rows).toEqual(want);
    expect(ok("Siti Aminah,siti@dinkes.go.id\rBudi Santoso,budi@dinkes.go.id").rows).toEqual(want);
    expect(ok("\uFEFFNama;Email\nSiti Aminah;siti@dinkes.go.id\nBudi Santoso;budi@dinkes.go.id").rows).toEqual(want.map((r) => ({ ...r, line: r.line + 1 })));
  });

  it("takes the column order from a header, and counts blank lines in the line numbers", () => {
    expect(ok("e-mail,nama\n\nsiti@dinkes.go.id,Siti Aminah\n").rows).toEqual([{ line: 3, name: "Siti Aminah", email: "siti@dinkes.go.id" }]);
    // Without a header the order is name, email: an address in the name column is a bad address.
    expect(ok("siti@dinkes.go.id;Siti Aminah").problems).toEqual([{ line: 1, reason: "email" }]);
  });

  it("keeps a comma inside a name when `;` separates, and reads quoted cells", () => {
    expect(ok("Dr. Budi, S.Kom;budi@x.id").rows[0]!.name).toBe("Dr. Budi, S.Kom");
    expect(ok('"Budi ""Abah"" Santoso",budi@x.id').rows[0]!.name).toBe('Budi "Abah" Santoso');
    expect(splitCsvLine(' "a;b" ; c ', ";")).toEqual(["a;b", "c"]);
    // Excel's trailing delimiter for an empty third column is no column.
    expect(ok("Siti Aminah;siti@x.id;;").rows).toHaveLength(1);
  });

  it("lists every bad line with its number and reason", () => {
    const r = ok(
      [
        "Nama;Email", // 1
        "Siti Aminah;siti@x.id", // 2
        "Budi;budi@", // 3: bad email
        "Siti Lagi;SITI@x.id", // 4: duplicate of line 2
        "A;a@x.id", // 5: name too short
        "Tiga;kolom;di sini", // 6
        "Tab\tdi nama;tab@x.id", // 7
        "Nul\u0000;nul@x.id", // 8
        "Balik\u202Enama;bidi@x.id", // 9
        "Cukup Baik;cukup@x.id", // 10
        "Satu kolom saja", // 11
      ].join("\n"),
    );
    expect(r.rows.map((x) => x.line)).toEqual([2, 10]);
    expect(r.problems).toEqual([
      { line: 3, reason: "email" },
      { line: 4, reason: "duplicate", firstLine: 2 },
      { line: 5, reason: "name" },
      { line: 6, reason: "columns" },
      { line: 7, reason: "controlChar" },
      { line: 8, reason: "controlChar" },
      { line: 9, reason: "controlChar" },
      { line: 11, reason: "columns" },
    ]);
  });

  it("refuses a name longer than an account holds", () => {
    expect(ok(`${"x".repeat(120)};a@x.id`).problems).toEqual([]);
    expect(ok(`${"x".repeat(121)};a@x.id`).problems).toEqual([{ line: 1, reason: "name" }]);
  });

  it("refuses an empty file, a file of a header only, too many lines and too many characters", () => {
    expect(parseUserCsv("")).toEqual({ ok: false, error: "empty" });
    expect(parseUserCsv("\uFEFF\n \n")).toEqual({ ok: false, error: "empty" });
    expect(parseUserCsv("nama;email\n")).toEqual({ ok: false, error: "empty" });
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Orang ${i};o${i}@x.id`).join("\n");
    expect(ok(lines(USER_CSV_MAX_ROWS)).rows).toHaveLength(USER_CSV_MAX_ROWS);
    expect(parseUserCsv(lines(USER_CSV_MAX_ROWS + 1))).toEqual({ ok: false, error: "tooMany" });
    expect(parseUserCsv(`nama;email\n${lines(USER_CSV_MAX_ROWS)}`).ok).toBe(true);
    expect(parseUserCsv("x".repeat(USER_CSV_MAX_CHARS + 1))).toEqual({ ok: false, error: "tooBig" });
  });
});
