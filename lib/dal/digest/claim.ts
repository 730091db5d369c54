import "server-only";
import { queryRows, sql } from "@/lib/dal/sql";
import type { TDigestKind } from "@/lib/digest/schedule";

// The claim on one digest (digest_sent), for the digest worker (lib/jobs/digest.ts). No caller:
// the system sends. The worker claims before it sends and marks the claim SENT after the mail
// server accepted the message:
//   - no row: this job takes it (QUEUED, its job id) and sends;
//   - QUEUED by this job: an earlier attempt failed (or died mid-send): this retry sends;
//   - QUEUED by another job: that job owns it (pg-boss retries it) and this one stops, unless
//     the claim is older than any job may run (its owner is gone for good), then it is taken over;
//   - SENT or SKIPPED: done, nothing is sent.
// A crash after the mail server accepted and before SENT is written sends once more on the
// retry: the one window left, a few milliseconds wide.

/** Longer than a digest job may run (the queue expires it after 5 minutes and retries it). */
const STALE_CLAIM = "15 minutes";

export type TDigestClaim = { kind: TDigestKind; userId: string; periodKey: string };

/** Takes the claim for `jobId`; false when the digest is done or another live job holds it. */
export async function claimDigest(c: TDigestClaim, jobId: string): Promise<boolean> {
  const rows = await queryRows<{ attempts: number }>(sql`
    INSERT INTO digest_sent (kind, user_id, period_key, status, job_id, attempts, claimed_at)
    VALUES (${c.kind}::"DigestKind", ${c.userId}::uuid, ${c.periodKey}, 'QUEUED', ${jobId}::uuid, 1, now())
    ON CONFLICT (kind, user_id, period_key) DO UPDATE
       SET job_id = EXCLUDED.job_id, attempts = digest_sent.attempts + 1, claimed_at = now()
     WHERE digest_sent.status = 'QUEUED'
       AND (digest_sent.job_id = EXCLUDED.job_id OR digest_sent.claimed_at < now() - ${STALE_CLAIM}::interval)
    RETURNING attempts`);
  return rows.length === 1;
}

/** Marks the claim SENT (the mail server accepted it) or SKIPPED (nothing to report). */
export async function finishDigest(c: TDigestClaim, jobId: string, status: "SENT" | "SKIPPED"): Promise<void> {
  await queryRows(sql`
    UPDATE digest_sent
       SET status = ${status}::"DigestStatus", sent_at = CASE WHEN ${status} = 'SENT' THEN now() END, last_error = NULL
     WHERE kind = ${c.kind}::"DigestKind" AND user_id = ${c.userId}::uuid AND period_key = ${c.periodKey}
       AND job_id = ${jobId}::uuid AND status = 'QUEUED'`);
}

/** Keeps the last failure on the claim (still QUEUED: the job's retry sends). */
export async function noteDigestFailure(c: TDigestClaim, jobId: string, error: string): Promise<void> {
  await queryRows(sql`
    UPDATE digest_sent SET last_error = ${error.slice(0, 500)}
     WHERE kind = ${c.kind}::"DigestKind" AND user_id = ${c.userId}::uuid AND period_key = ${c.periodKey}
       AND job_id = ${jobId}::uuid AND status = 'QUEUED'`);
}

/** The recipients whose digest of this period is already settled (the scan need not queue them). */
export async function settledDigests(kind: TDigestKind, periodKey: string): Promise<Set<string>> {
  const rows = await queryRows<{ userId: string }>(sql`
    SELECT user_id::text AS "userId" FROM digest_sent
     WHERE kind = ${kind}::"DigestKind" AND period_key = ${periodKey} AND status IN ('SENT', 'SKIPPED')`);
  return new Set(rows.map((r) => r.userId));
}
