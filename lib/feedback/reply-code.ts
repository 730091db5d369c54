import { createHash, createHmac } from "node:crypto";

/** No 0/O, 1/I/L: read aloud or copied from a screenshot without doubt. 31 symbols. */
export const REPLY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const REPLY_CODE_LENGTH = 10;

/**
 * The citizen's reply code, derived from the submission's idempotency key so a replayed
 * submission (double tap, retry, restart) gets the same code; only its hash is stored.
 * 10 symbols of 31 = ~49.5 bits.
 */
export function deriveReplyCode(secret: string, idempotencyKey: string): string {
  const mac = createHmac("sha256", secret).update(`reply:${idempotencyKey}`).digest();
  let out = "";
  for (let i = 0; i < REPLY_CODE_LENGTH; i++) out += REPLY_ALPHABET[mac[i]! % REPLY_ALPHABET.length];
  return out;
}

/** "K7QM4XD2P9" -> "K7QM-4XD2-P9". */
export function formatReplyCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** What the citizen typed or the link carried -> the canonical code, or null when it cannot be one. */
export function normalizeReplyCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== REPLY_CODE_LENGTH) return null;
  for (const ch of code) if (!REPLY_ALPHABET.includes(ch)) return null;
  return code;
}

export function hashReplyCode(code: string): string {
  return createHash("sha256").update(`reply:${code}`).digest("hex");
}

/** The same condition as the trigger `response_feedback_insert`: a saran, or any score of 1 or 2. */
export function landsInInbox(answers: Record<string, number>, saran: string | null | undefined): boolean {
  return (saran != null && saran !== "") || Object.values(answers).some((v) => v <= 2);
}
