import "server-only";
import { prisma } from "@/lib/db";
import { hitRateWindows } from "@/lib/dal/rate-limit";
import { hashToken } from "@/lib/dal/responses";
import { normalizeTransactionCode } from "@/lib/operate/transaction-code";

// The short link /k/<code> sent by SMS or WhatsApp: the one-time transaction code is its only key.
// It opens the unit's survey with the code applied and says nothing else: no citizen, no transaction,
// no service name. Nobody signs in, so a lookup is limited per client instead.

export type TShortLink =
  /** Unused and in force: the survey path with the code applied (only what that page shows anyway). */
  | { kind: "open"; path: string }
  | { kind: "used" }
  /** Past its date, or its unit or service no longer takes answers: it can never be used now. */
  | { kind: "expired" }
  /** Not a code, or no such code. */
  | { kind: "unknown" }
  | { kind: "limited" };

/** Lookups per client and minute: a citizen tapping the link again, not someone guessing 50-bit codes. */
export const SHORT_LINK_LOOKUPS_PER_MINUTE = 30;

type TRow = { used: boolean; expired: boolean; unit_code: string; unit_active: boolean; service_code: string | null; service_active: boolean | null };

export async function resolveShortLink(rawCode: string, clientKey: string): Promise<TShortLink> {
  const [hits] = await hitRateWindows([{ key: `short-link:${clientKey}`, windowSeconds: 60 }]);
  if ((hits ?? 0) > SHORT_LINK_LOOKUPS_PER_MINUTE) return { kind: "limited" };
  const code = normalizeTransactionCode(rawCode);
  if (!code) return { kind: "unknown" };
  // One lookup by the hash, every answer from the same row; expiry on the database's clock,
  // the one the claim at submit uses (lib/dal/responses.ts).
  const [row] = await prisma.$queryRaw<TRow[]>`
    SELECT t.used_at IS NOT NULL AS used,
           (t.expires_at IS NOT NULL AND t.expires_at <= now()) AS expired,
           u.code AS unit_code, u.active AS unit_active, s.code AS service_code, s.active AS service_active
      FROM transaction_token t
      JOIN unit u ON u.id = t.unit_id
      LEFT JOIN service s ON s.id = t.service_id
     WHERE t.token_hash = ${hashToken(code)}`;
  if (!row) return { kind: "unknown" };
  if (row.used) return { kind: "used" };
  if (row.expired || !row.unit_active || row.service_active === false) return { kind: "expired" };
  const service = row.service_code ? `/${encodeURIComponent(row.service_code)}` : "";
  return { kind: "open", path: `/s/${encodeURIComponent(row.unit_code)}${service}?t=${code}` };
}
