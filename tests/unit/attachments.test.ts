import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  filenameForType,
  inlineDisposition,
  safeFilename,
  sniffType,
} from "@/lib/attachments/sniff";
import { UPLOAD_BODY_LIMIT_BYTES, bodyLimitFor, BODY_LIMIT_BYTES, uploadKind } from "@/lib/request/body-limit";
import { IMPORT_SCREEN_MAX_BYTES } from "@/lib/validation/import";
import { ZAttachmentFiles } from "@/lib/validation/attachments";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
const pad = (head: Uint8Array, n = 64) => {
  const out = new Uint8Array(Math.max(n, head.length));
  out.set(head);
  return out;
};

const PNG = pad(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\rIHDR"));
const JPEG = pad(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF\0"));
const WEBP = pad(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "));
const WEBP_LOSSLESS = pad(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8L"));
const PDF = bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");

describe("sniffType", () => {
  it("tells the four kept types by their first bytes", () => {
    expect(sniffType(PNG)).toBe("image/png");
    expect(sniffType(JPEG)).toBe("image/jpeg");
    expect(sniffType(WEBP)).toBe("image/webp");
    expect(sniffType(WEBP_LOSSLESS)).toBe("image/webp");
    expect(sniffType(PDF)).toBe("application/pdf");
    expect(ATTACHMENT_TYPES).toEqual(["image/jpeg", "image/png", "image/webp", "application/pdf"]);
  });

  it("refuses what is not one of them, whatever its name says", () => {
    expect(sniffType(bytes("Foto kegiatan, sebenarnya teks biasa.\n"))).toBeNull(); // a text file renamed .jpg
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(bytes("GIF89a", [1, 0, 1, 0]))).toBeNull();
    expect(sniffType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toBeNull(); // RIFF, but audio
    expect(sniffType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPXXXX"))).toBeNull(); // WEBP without a VP8 chunk
    expect(sniffType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull(); // cut-off PNG signature
    expect(sniffType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffType(bytes("PK\x03\x04"))).toBeNull(); // a .docx or .zip
  });

  it("refuses HTML, and a page carrying a signature further in", () => {
    expect(sniffType(bytes("<!DOCTYPE html><html><body>hi</body></html>"))).toBeNull();
    // A PDF reader would find this header within the first KiB; a browser would render the page.
    expect(sniffType(bytes("<html><script>alert(document.cookie)</script>\n%PDF-1.4\n"))).toBeNull();
    expect(sniffType(bytes("\n%PDF-1.4\n"))).toBeNull();
    expect(sniffType(bytes([0xef, 0xbb, 0xbf], "%PDF-1.4"))).toBeNull(); // a BOM before the header
  });

  it("refuses a polyglot: an image's signature followed by markup a sniffing browser would run", () => {
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x30], "<SCRIPT>alert(1)</SCRIPT>"))).toBeNull(); // in a JPEG comment
    expect(sniffType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "\0\0\0\x20tEXt<html><body onload=x()>"))).toBeNull();
    expect(sniffType(bytes("%PDF-1.4\n<iframe src=//evil></iframe>"))).toBeNull();
    // Markup past the first KiB is not what sniffing looks at: a long PDF may quote anything.
    const late = new Uint8Array(4096);
    late.set(PDF);
    late.set(bytes("<script>"), 2048);
    expect(sniffType(late)).toBe("application/pdf");
  });
});

describe("safeFilename", () => {
  it("keeps a plain name as it is", () => {
    expect(safeFilename("Notulen FKP 2026-T3.pdf")).toBe("Notulen FKP 2026-T3.pdf");
    expect(safeFilename("foto-ruang-tunggu.JPG")).toBe("foto-ruang-tunggu.JPG");
  });

  it("keeps the last path segment only", () => {
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename("..\\..\\Windows\\system.ini")).toBe("system.ini");
    expect(safeFilename("C:\\Users\\kepala\\Desktop\\bukti.png")).toBe("bukti.png");
    expect(safeFilename("../")).toBe("lampiran");
    expect(safeFilename("..")).toBe("lampiran");
    expect(safeFilename(".htaccess")).toBe("htaccess");
  });

  it("drops NUL and other control characters, and bidirectional overrides", () => {
    expect(safeFilename("bukti\u0000.php.jpg")).toBe("bukti.php.jpg");
    expect(safeFilename("a\r\nb\t.pdf")).toBe("ab.pdf");
    expect(safeFilename("foto\u202egpj.exe")).toBe("fotogpj.exe"); // would read "fotoexe.jpg"
    expect(safeFilename("\u2067x\u2069\u200b.png")).toBe("x.png");
    expect(safeFilename("\u0085\u009f\u007f")).toBe("lampiran");
    expect(safeFilename('a<b>:"c|d?*.pdf')).toBe("a_b___c_d__.pdf");
  });

  it("cuts a very long name to 120 characters and keeps its extension", () => {
    const long = safeFilename(`${"a".repeat(500)}.pdf`);
    expect(long).toHaveLength(120);
    expect(long.endsWith(".pdf")).toBe(true);
    const emoji = safeFilename(`${"😀".repeat(200)}.jpeg`);
    expect([...emoji]).toHaveLength(120);
    expect(emoji.endsWith("😀.jpeg")).toBe(true); // not half an emoji
    expect(safeFilename("x".repeat(300))).toHaveLength(120);
  });

  it("gives a name that says what the bytes are", () => {
    expect(filenameForType("bukti.jpeg", "image/jpeg")).toBe("bukti.jpeg");
    expect(filenameForType("bukti", "image/jpeg")).toBe("bukti.jpg");
    expect(filenameForType("notulen.jpg", "application/pdf")).toBe("notulen.jpg.pdf");
    expect(filenameForType("Scan.PDF", "application/pdf")).toBe("Scan.PDF");
    expect(filenameForType(`${"b".repeat(200)}.txt`, "image/png")).toHaveLength(120);
  });
});

describe("inlineDisposition", () => {
  it("names the file in ASCII and exactly in RFC 5987 filename*", () => {
    expect(inlineDisposition("Notulen FKP.pdf")).toBe(`inline; filename="Notulen FKP.pdf"; filename*=UTF-8''Notulen%20FKP.pdf`);
    expect(inlineDisposition("Bukti perbaikan ruang tunggu — Puskesmas Ciawi.jpg")).toBe(
      `inline; filename="Bukti perbaikan ruang tunggu _ Puskesmas Ciawi.jpg"; filename*=UTF-8''Bukti%20perbaikan%20ruang%20tunggu%20%E2%80%94%20Puskesmas%20Ciawi.jpg`,
    );
    expect(inlineDisposition(`it's (1).png`)).toBe(`inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`);
    expect(inlineDisposition('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
  });
});

describe("ZAttachmentFiles", () => {
  const file = (size: number, name = "x.jpg") => new File([new Uint8Array(size)], name, { type: "image/jpeg" });
  const errorOf = (v: unknown) => {
    const r = ZAttachmentFiles.safeParse(v);
    return r.success ? null : r.error.issues.map((i) => i.message);
  };

  it("reads an empty file input as none chosen", () => {
    expect(ZAttachmentFiles.parse([new File([], "", { type: "application/octet-stream" })])).toEqual([]);
    expect(ZAttachmentFiles.parse([])).toEqual([]);
    expect(ZAttachmentFiles.parse(undefined)).toEqual([]);
  });

  it("takes up to five files of up to 8 MiB each", () => {
    const five = [1, 2, 3, 4, 5].map((n) => file(n * 100));
    expect(ZAttachmentFiles.parse(five)).toHaveLength(5);
    expect(ZAttachmentFiles.parse([file(ATTACHMENT_MAX_BYTES)])).toHaveLength(1);
  });

  it("says which limit a choice breaks", () => {
    expect(errorOf([file(ATTACHMENT_MAX_BYTES + 1)])).toEqual(["tooLarge"]);
    expect(errorOf([1, 2, 3, 4, 5, 6].map(() => file(10)))).toEqual(["tooManyFiles"]);
    expect(errorOf([1, 2, 3].map(() => file(7 * 1024 * 1024)))).toEqual(["tooLargeTotal"]);
    expect(errorOf(["not a file"])).toEqual(["invalid"]);
  });
});

describe("body limits", () => {
  it("take 21 MiB on the plan pages and 1 MB elsewhere", () => {
    expect(bodyLimitFor("/dasbor/unit/PKM-SUKAMAJU/rtl/2026-T3")).toBe(UPLOAD_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/dasbor/unit/PKM-SUKAMAJU/rtl")).toBe(UPLOAD_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/s/PKM-SUKAMAJU")).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/api/v1/responses")).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/dasbor/unit/PKM-SUKAMAJU")).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/dasbor/unit/X/rtlx")).toBe(BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/dasbor/unit/PKM-SUKAMAJU/impor")).toBe(UPLOAD_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/dasbor/unit/PKM-SUKAMAJU/imporx")).toBe(BODY_LIMIT_BYTES);
    expect(uploadKind("/dasbor/unit/PKM-SUKAMAJU/impor")).toBe("import");
    expect(uploadKind("/dasbor/unit/PKM-SUKAMAJU/rtl/2026-T3")).toBe("attachments");
    expect(uploadKind("/dasbor/unit/PKM-SUKAMAJU/kertas")).toBeNull();
    // The screen's own limit leaves room under the proxy's for the form's other fields.
    expect(IMPORT_SCREEN_MAX_BYTES).toBeLessThan(UPLOAD_BODY_LIMIT_BYTES);
  });

  it("match the limits Next is configured with", () => {
    const config = readFileSync(new URL("../../next.config.js", import.meta.url), "utf8");
    const mb = `${UPLOAD_BODY_LIMIT_BYTES / 1024 / 1024}mb`;
    expect(config).toContain(`bodySizeLimit: "${mb}"`);
    expect(config).toContain(`proxyClientMaxBodySize: "${mb}"`);
  });
});
