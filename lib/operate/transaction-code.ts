// One-time transaction codes as people write and type them, and their short link.
// Pure: the data layer (lib/dal/operate.ts, lib/dal/short-link.ts) and the counter
// screen share it, tests/unit checks it.

/** No 0/O, 1/I: a code copied from a receipt by hand reads back the same. */
export const TRANSACTION_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const TRANSACTION_CODE_LENGTH = 10;

const SHAPE = new RegExp(`^[${TRANSACTION_CODE_ALPHABET}]{${TRANSACTION_CODE_LENGTH}}$`);

/**
 * The code as issued (upper case, no separators) from what a person typed or a link carried:
 * "abcd-efgh 23" reads as "ABCDEFGH23". Null when it cannot be a code at all.
 */
export function normalizeTransactionCode(raw: string): string | null {
  if (raw.length > 40) return null;
  const compact = raw.replace(/[\s._-]/g, "").toUpperCase();
  return SHAPE.test(compact) ? compact : null;
}

/** The short link's path: the code itself is the key, so the link says nothing else. */
export function shortLinkPath(code: string): string {
  return `/k/${code}`;
}
