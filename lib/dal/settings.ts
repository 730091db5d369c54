import "server-only";
import { queryRows, sql } from "@/lib/dal/sql";
import { AGENCY_TIME_ZONES, type TAgencyTimeZone } from "@/lib/periods";

// The agency's settings that do not depend on who asks. Read through SQL's
// suara_timezone(), the same function the rollups cut days and months with, so
// a page and a rollup can never disagree on which month a response is in.
// Cached briefly in-process (a change shows within SETTINGS_TTL_MS).

const SETTINGS_TTL_MS = 30_000;
let cached: { at: number; timeZone: TAgencyTimeZone } | null = null;

/** The agency's clock (WIB, WITA or WIT). */
export async function agencyTimeZone(): Promise<TAgencyTimeZone> {
  if (cached && Date.now() - cached.at < SETTINGS_TTL_MS) return cached.timeZone;
  const [row] = await queryRows<{ tz: string }>(sql`SELECT suara_timezone() AS tz`);
  const timeZone = AGENCY_TIME_ZONES.find((z) => z === row?.tz) ?? "Asia/Jakarta";
  cached = { at: Date.now(), timeZone };
  return timeZone;
}

/** Forget the cached settings (after a change, and in tests). */
export function clearSettingsCache() {
  cached = null;
}
