import { describe, expect, it } from "vitest";
import { csvText, entryNamer } from "@/lib/export/evidence-files";

// The names uploaded files get inside the evidence ZIP, and its CSV dialects.

describe("entryNamer", () => {
  it("keeps a hostile name inside its folder, without control characters or '..'", () => {
    const name = entryNamer();
    expect(name("rtl/lampiran/2026-T1", "../../etc/passwd\u0000.pdf")).toBe("rtl/lampiran/2026-T1/passwd.pdf");
    expect(name("rtl/lampiran/2026-T1", "..\\..\\boot.ini")).toBe("rtl/lampiran/2026-T1/boot.ini");
    expect(name("rtl/lampiran/2026-T1", "laporan..akhir.pdf")).toBe("rtl/lampiran/2026-T1/laporan.akhir.pdf");
    expect(name("rtl/lampiran/2026-T1", "gpj.\u202eexe.jpg")).toBe("rtl/lampiran/2026-T1/gpj.exe.jpg");
    expect(name("rtl/lampiran/2026-T1", "...")).toBe("rtl/lampiran/2026-T1/lampiran");
    expect(name("rtl/lampiran/2026-T1", "a\r\nb.png")).toBe("rtl/lampiran/2026-T1/ab.png");
  });

  it("numbers equal names (case-insensitively), keeping the extension", () => {
    const name = entryNamer();
    expect(name("x", "bukti.png")).toBe("x/bukti.png");
    expect(name("x", "BUKTI.png")).toBe("x/BUKTI (2).png");
    expect(name("x", "bukti.png")).toBe("x/bukti (3).png");
    expect(name("y", "bukti.png")).toBe("y/bukti.png");
    expect(name("x", "README")).toBe("x/README");
    expect(name("x", "README")).toBe("x/README (2)");
  });
});

describe("csvText", () => {
  it("writes ; and a decimal comma for Indonesian, , and a point for English, with a BOM and CRLF", () => {
    expect(csvText([["Nama", 3, { bare: "50,0" }], ["=1+1", null]], "id")).toBe('\uFEFF"Nama";3;50,0\r\n"\'=1+1";\r\n');
    expect(csvText([["Name", 3, { bare: "50.0" }]], "en")).toBe('\uFEFF"Name",3,50.0\r\n');
  });
});
