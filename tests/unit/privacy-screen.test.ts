import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalData, screenText, segmentText } from "@/lib/privacy/screen";

const masked = (s: string) => screenText(s).text;

describe("screening a saran for personal data", () => {
  it("masks names after titles, in any title case, but only capitalised names", () => {
    expect(masked("Terima kasih Pak Budi Santoso atas bantuannya")).toBe("Terima kasih Pak [nama] atas bantuannya");
    expect(masked("Bapak Andi sangat ramah.")).toBe("Bapak [nama] sangat ramah.");
    expect(masked("Bpk. Joko dan Ibu Siti Aminah")).toBe("Bpk. [nama] dan Ibu [nama]");
    expect(masked("dilayani Sdri. Rina, Sdr Tono, Saudara Eko, Saudari Maya")).toBe(
      "dilayani Sdri. [nama], Sdr [nama], Saudara [nama], Saudari [nama]",
    );
    expect(masked("Mas Agus dan Mbak Dewi")).toBe("Mas [nama] dan Mbak [nama]");
    expect(masked("diperiksa dr. Hendra, Dr. Lestari, Prof. Wibowo, H. Ahmad, Hj. Fatimah")).toBe(
      "diperiksa dr. [nama], Dr. [nama], Prof. [nama], H. [nama], Hj. [nama]",
    );
    expect(masked("pak Budi lambat")).toBe("pak [nama] lambat");
    expect(masked("Pak Budi S. melayani")).toBe("Pak [nama] melayani");
    // Lower-case words after a title are ordinary words (documented decision), role words are kept.
    expect(masked("ibu siti dan ibu hamil harus antre, bapak saya juga")).toBe("ibu siti dan ibu hamil harus antre, bapak saya juga");
    expect(masked("Pak Lurah dan Ibu Kepala ramah")).toBe("Pak Lurah dan Ibu Kepala ramah");
    // A title inside a word is not a title.
    expect(masked("Sebagai Pemaku Dinas")).toBe("Sebagai Pemaku Dinas");
    expect(masked("Jumbu Andi")).toBe("Jumbu Andi");
    // At most three words.
    expect(masked("Pak Budi Santoso Wijaya Kusuma")).toBe("Pak [nama] Kusuma");
  });

  it("masks phone numbers in the common Indonesian shapes", () => {
    for (const phone of ["081234567890", "0812-3456-7890", "0812 3456 7890", "0812.3456.789", "+62 812 3456 7890", "+6281234567890", "62812345678", "(0)812 3456 789"]) {
      expect(masked(`hubungi ${phone} ya`), phone).toBe("hubungi [nomor telepon] ya");
    }
    // Too short to be a phone; ordinary numbers stay.
    expect(masked("antre 081 menit, nomor 2024, 15 menit")).toBe("antre 081 menit, nomor 2024, 15 menit");
  });

  it("masks email addresses", () => {
    expect(masked("kirim ke budi.santoso+ikm@mail.co.id atau a_b@x.com.")).toBe("kirim ke [email] atau [email].");
    expect(masked("bukan email: @dinas dan budi@ saja")).toBe("bukan email: @dinas dan budi@ saja");
  });

  it("masks a name that runs into an email up to the email (found by the idempotence property)", () => {
    expect(masked("Pak A'x@y.id")).toBe("Pak [nama][email]");
    expect(masked("hubungi Pak Budi Sant@x.id besok")).toBe("hubungi Pak [nama] [email] besok");
    expect(masked(masked("Pak A'x@y.id"))).toBe("Pak [nama][email]");
  });

  it("masks a NIK with or without separators, and an 18-digit NIP", () => {
    expect(masked("NIK saya 3201234567890001")).toBe("NIK saya [NIK]");
    expect(masked("NIK 3201 2345 6789 0001 dan 32.01.23.456789.0001")).toBe("NIK [NIK] dan [NIK]");
    expect(masked("NIP 198501012010011001 / 19850101 201001 1 001")).toBe("NIP [NIP] / [NIP]");
    expect(masked("nomor 12345678901234567890")).toBe("nomor [nomor]");
  });

  it("reports every finding with its span in the original text", () => {
    const text = "Pak Budi, 0812-3456-7890, budi@mail.com, 3201234567890001";
    const findings = findPersonalData(text);
    expect(findings.map((f) => f.kind)).toEqual(["name", "phone", "email", "nik"]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findings[0]?.text).toBe("Budi");
    expect(segmentText(text, findings).map((p) => p.text).join("")).toBe(text);
    expect(screenText("Pelayanan cepat, terima kasih").findings).toEqual([]);
  });

  it("uses the masks it is given (the UI language)", () => {
    const en = { email: "[email]", nip: "[NIP]", nik: "[NIK]", phone: "[phone number]", number: "[number]", name: "[name]" };
    expect(screenText("Pak Budi 081234567890", en).text).toBe("Pak [name] [phone number]");
  });

  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom("Pak ", "Ibu ", "Bu ", "Dr. ", "H. ", " ", "-", ".", "@", "+62", "08", "Budi", "Santoso", "siti", "x@y.id", "\n"),
    fc.stringMatching(/^[0-9 .\-]{1,40}$/),
  );
  const text = fc.array(piece, { maxLength: 20 }).map((a) => a.join(""));

  it("is idempotent: screening a screened text finds nothing more", () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = screenText(s).text;
        expect(screenText(once).text).toBe(once);
        expect(findPersonalData(once)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("never leaves a run of 16 digits, and findings never overlap", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(screenText(s).text).not.toMatch(/\d{16}/);
        const f = findPersonalData(s);
        f.forEach((x, i) => i > 0 && expect(x.start).toBeGreaterThanOrEqual(f[i - 1]?.end ?? 0));
      }),
      { numRuns: 2000 },
    );
  });
});
