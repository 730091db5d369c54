import { describe, expect, it } from "vitest";
import { normalizeWhatsAppNumber, whatsAppLink, whatsAppShareLink } from "@/lib/feedback/whatsapp";

describe("WhatsApp link", () => {
  it("writes Indonesian numbers with the country code", () => {
    expect(normalizeWhatsAppNumber("0812-3456-7890")).toBe("6281234567890");
    expect(normalizeWhatsAppNumber("+62 812 3456 7890")).toBe("6281234567890");
    expect(normalizeWhatsAppNumber("6281234567890")).toBe("6281234567890");
    expect(normalizeWhatsAppNumber("81234567890")).toBe("6281234567890");
    expect(normalizeWhatsAppNumber("(0812) 3456.7890")).toBe("6281234567890");
    expect(normalizeWhatsAppNumber("0062 812 3456 7890")).toBe("6281234567890");
  });

  it("gives no number for what cannot be one", () => {
    expect(normalizeWhatsAppNumber(null)).toBeNull();
    expect(normalizeWhatsAppNumber("")).toBeNull();
    expect(normalizeWhatsAppNumber("tidak ada")).toBeNull();
    expect(normalizeWhatsAppNumber("0812")).toBeNull();
    expect(normalizeWhatsAppNumber("021-555")).toBeNull();
  });

  it("puts the text in the link, encoded", () => {
    expect(whatsAppLink("0812-3456-7890", "Terima kasih & salam")).toBe("https://wa.me/6281234567890?text=Terima%20kasih%20%26%20salam");
    expect(whatsAppLink("x", "Halo")).toBeNull();
  });

  it("shares with no number when there is none to use, and the officer picks the contact", () => {
    const text = "Nilai kami: https://suara.example/k/ABCDEFGH23";
    expect(whatsAppShareLink(null, text)).toBe("https://wa.me/?text=Nilai%20kami%3A%20https%3A%2F%2Fsuara.example%2Fk%2FABCDEFGH23");
    expect(whatsAppShareLink("", text)).toBe(whatsAppShareLink(null, text));
    expect(whatsAppShareLink("021-555", text)).toBe(whatsAppShareLink(null, text));
    expect(whatsAppShareLink("0812 3456 7890", text)).toBe(`https://wa.me/6281234567890?text=${encodeURIComponent(text)}`);
  });
});
