import "server-only";
import { prisma } from "@/lib/db";

// Fixed-window counters in PostgreSQL, so every app instance sees the same
// counts (an in-memory limiter would let a second instance double the limit).

export type TRateWindow = { key: string; windowSeconds: number };

/** Counts one hit in each window, in one round trip; returns the counts after it. */
export async function hitRateWindows(windows: TRateWindow[]): Promise<number[]> {
  if (windows.length === 0) return [];
  const keys = windows.map((w) => w.key);
  const seconds = windows.map((w) => w.windowSeconds);
  const rows = await prisma.$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO rate_limit_counter AS c (key, window_start, count, expires_at)
    SELECT k, to_timestamp(floor(extract(epoch FROM now()) / s) * s), 1,
           to_timestamp(floor(extract(epoch FROM now()) / s) * s + s)
      FROM unnest(${keys}::text[], ${seconds}::int[]) AS w(k, s)
    ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
    RETURNING key, count`;
  const byKey = new Map(rows.map((r) => [r.key, Number(r.count)]));
  maybePruneRateCounters();
  return keys.map((k) => byKey.get(k) ?? 0);
}

/** Takes back one hit counted in each window (an attempt that turned out not to count, e.g. a right password). */
export async function unhitRateWindows(windows: TRateWindow[]): Promise<void> {
  if (windows.length === 0) return;
  const keys = windows.map((w) => w.key);
  const seconds = windows.map((w) => w.windowSeconds);
  await prisma.$executeRaw`
    UPDATE rate_limit_counter c SET count = greatest(c.count - 1, 0)
      FROM unnest(${keys}::text[], ${seconds}::int[]) AS w(k, s)
     WHERE c.key = w.k AND c.window_start = to_timestamp(floor(extract(epoch FROM now()) / w.s) * w.s)`;
}

/** Now and then (1 call in 100), drop windows that are over. */
export function maybePruneRateCounters() {
  if (Math.random() < 0.01) {
    void prisma.$executeRaw`DELETE FROM rate_limit_counter WHERE expires_at < now() - interval '1 hour'`.catch(() => {});
  }
}
