import { describe, expect, it } from "vitest";
import { deriveReplyCode, formatReplyCode, hashReplyCode, landsInInbox, normalizeReplyCode, REPLY_ALPHABET } from "@/lib/feedback/reply-code";

const SECRET = "x".repeat(32);

describe("reply code", () => {
  it("is deterministic per idempotency key and differs between keys", () => {
    const a = deriveReplyCode(SECRET, "key-1");
    expect(deriveReplyCode(SECRET, "key-1")).toBe(a);
    expect(deriveReplyCode(SECRET, "key-2")).not.toBe(a);
    expect(deriveReplyCode("y".repeat(32), "key-1")).not.toBe(a);
  });

  it("uses 10 unambiguous symbols", () => {
    expect(REPLY_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++) expect(deriveReplyCode(SECRET, `k${i}`)).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  });

  it("is grouped for display and accepted with or without dashes, in any case", () => {
    expect(formatReplyCode("K7QM4XD2P9")).toBe("K7QM-4XD2-P9");
    expect(normalizeReplyCode("K7QM-4XD2-P9")).toBe("K7QM4XD2P9");
    expect(normalizeReplyCode("k7qm4xd2p9")).toBe("K7QM4XD2P9");
    expect(normalizeReplyCode(" k7qm 4xd2-p9 ")).toBe("K7QM4XD2P9");
  });

  it("refuses what cannot be a code", () => {
    expect(normalizeReplyCode("K7QM4XD2P")).toBeNull();
    expect(normalizeReplyCode("K7QM4XD2P99")).toBeNull();
    expect(normalizeReplyCode("K7QM4XD2P0")).toBeNull();
    expect(normalizeReplyCode("K7QM4XD2PI")).toBeNull();
    expect(normalizeReplyCode("")).toBeNull();
  });

  it("hashes the canonical code only", () => {
    expect(hashReplyCode("K7QM4XD2P9")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReplyCode("K7QM4XD2P9")).not.toBe(hashReplyCode("K7QM4XD2P8"));
  });

  it("qualifies exactly like the inbox trigger: a saran or a score of 1 or 2", () => {
    expect(landsInInbox({ U1: 3, U2: 4 }, null)).toBe(false);
    expect(landsInInbox({ U1: 3, U2: 4 }, "")).toBe(false);
    expect(landsInInbox({ U1: 3, U2: 2 }, null)).toBe(true);
    expect(landsInInbox({ U1: 1 }, undefined)).toBe(true);
    expect(landsInInbox({ U1: 4 }, "antrian lama")).toBe(true);
  });
});
