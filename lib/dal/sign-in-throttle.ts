import "server-only";
import { prisma } from "@/lib/db";
import { sql } from "@/lib/dal/sql";

// Wrong passwords are slowed per account AND client together: after a few, that client
// waits longer and longer before it may try that account again, while the account's owner
// on another device signs in as usual (a limit per account alone would let anyone lock
// anyone out). An attempt is counted before its password is checked, in one statement, so
// a burst of parallel tries cannot all slip in before the first failure is written.

export const SIGN_IN_THROTTLE = {
  /** Tries in a row without any wait; after the last of them the pair waits (at least 2). */
  triesBeforeWait: 5,
  /** The first wait; it doubles with each further try. */
  firstDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
  /** An hour without attempts forgets the earlier ones. */
  quietSeconds: 60 * 60,
};

/** Refused: how long to wait, and which wait it is (its end, in epoch seconds: the same for every refusal during it). */
export type TThrottleCharge = { allowed: true } | { allowed: false; retryAfterSeconds: number; waitId: number };

/** Counts an attempt at `email` from `clientKey`, unless that pair is waiting: then how long. */
export async function chargeSignInAttempt(email: string, clientKey: string): Promise<TThrottleCharge> {
  const { triesBeforeWait, firstDelaySeconds, maxDelaySeconds, quietSeconds } = SIGN_IN_THROTTLE;
  const quiet = sql`make_interval(secs => ${quietSeconds})`;
  // The existing row's attempts + 1 is this attempt's number n; from n = triesBeforeWait on,
  // the pair then waits firstDelay * 2^(n - triesBeforeWait), at most maxDelay (a right
  // password meanwhile clears the row). A pair that is waiting is not updated: nothing returned.
  const charged = await prisma.$queryRaw<{ attempts: number }[]>`
    INSERT INTO sign_in_throttle AS t (email, client_key, attempts, last_attempt_at, blocked_until)
    VALUES (${email}, ${clientKey}, 1, now(), NULL)
    ON CONFLICT (email, client_key) DO UPDATE SET
      attempts = CASE WHEN t.last_attempt_at < now() - ${quiet} THEN 1 ELSE t.attempts + 1 END,
      last_attempt_at = now(),
      blocked_until = CASE WHEN t.last_attempt_at >= now() - ${quiet} AND t.attempts + 1 >= ${triesBeforeWait}::int
                           THEN now() + least(${firstDelaySeconds}::float8 * 2 ^ (t.attempts + 1 - ${triesBeforeWait}::int), ${maxDelaySeconds}::float8) * interval '1 second'
                      END
    WHERE t.blocked_until IS NULL OR t.blocked_until <= now()
    RETURNING t.attempts`;
  if (Math.random() < 0.01) {
    void prisma.$executeRaw`DELETE FROM sign_in_throttle WHERE last_attempt_at < now() - make_interval(secs => ${quietSeconds})`.catch(() => {});
  }
  if (charged.length > 0) return { allowed: true };
  const [row] = await prisma.$queryRaw<{ wait: number; until: number }[]>`
    SELECT greatest(1, ceil(extract(epoch FROM blocked_until - now())))::int AS wait, floor(extract(epoch FROM blocked_until))::int AS until
      FROM sign_in_throttle WHERE email = ${email} AND client_key = ${clientKey}`;
  return { allowed: false, retryAfterSeconds: row?.wait ?? firstDelaySeconds, waitId: row?.until ?? 0 };
}

/** After a right password: the pair starts afresh. */
export async function clearSignInAttempts(email: string, clientKey: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM sign_in_throttle WHERE email = ${email} AND client_key = ${clientKey}`;
}
