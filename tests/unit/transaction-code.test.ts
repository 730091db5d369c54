import { describe, expect, it } from "vitest";
import { normalizeTransactionCode, shortLinkPath, TRANSACTION_CODE_ALPHABET } from "@/lib/operate/transaction-code";

describe("transaction code as typed", () => {
  it("reads case, spaces and dashes a person types as the code issued", () => {
    expect(normalizeTransactionCode("ABCDEFGH23")).toBe("ABCDEFGH23");
    expect(normalizeTransactionCode("abcd-efgh-23")).toBe("ABCDEFGH23");
    expect(normalizeTransactionCode(" abcd efgh 23 ")).toBe("ABCDEFGH23");
    expect(normalizeTransactionCode("AbCd.EfGh_23")).toBe("ABCDEFGH23");
  });

  it("refuses what cannot be a code", () => {
    expect(normalizeTransactionCode("")).toBeNull();
    expect(normalizeTransactionCode("ABCDEFGH2")).toBeNull(); // 9
    expect(normalizeTransactionCode("ABCDEFGH234")).toBeNull(); // 11
    // 0, 1, O and I are not in the alphabet.
    expect(normalizeTransactionCode("ABCDEFGH01")).toBeNull();
    expect(normalizeTransactionCode("OBCDEFGHI2")).toBeNull();
    expect(normalizeTransactionCode("../../etc/")).toBeNull();
    expect(normalizeTransactionCode("ABCDEFGH2%")).toBeNull();
    expect(normalizeTransactionCode(`${"-".repeat(40)}ABCDEFGH23`)).toBeNull();
  });

  it("has 32 symbols, so a random byte maps onto them evenly", () => {
    expect(new Set(TRANSACTION_CODE_ALPHABET).size).toBe(32);
    expect(256 % TRANSACTION_CODE_ALPHABET.length).toBe(0);
  });

  it("makes a short link of the code alone", () => {
    expect(shortLinkPath("ABCDEFGH23")).toBe("/k/ABCDEFGH23");
  });
});
