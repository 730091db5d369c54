import "server-only";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { claimDigest, finishDigest, noteDigestFailure, settledDigests, type TDigestClaim } from "@/lib/dal/digest/claim";
import { listDigestRecipients, loadDigestRecipient, monthlyDigestUnits, weeklyDigestUnits } from "@/lib/dal/digest/figures";
import { agencySettings } from "@/lib/dal/settings";
import { composeMonthlyDigest, composeWeeklyDigest, monthlyHasNews, weeklyHasNews } from "@/lib/digest/compose";
import { digestJobKey, dueDigests } from "@/lib/digest/schedule";
import { QUEUES, sendJob } from "@/lib/jobs/queue";
import type { TMailBody } from "@/lib/mail/messages";
import { mailEnabled, sendMail } from "@/lib/mail/transport";
import { configuredOrigin } from "@/lib/request/public-origin";

// Reminder digests by email: weekly to each kepala unit (Monday 07:00 on the agency's clock),
// monthly to each pimpinan (the 1st, 07:00). An hourly scan queues one job per recipient and
// period (singletonKey: one waiting job each); the worker claims the digest in digest_sent
// before it sends (see lib/dal/digest/claim.ts), so several instances, a scan run twice or a
// retried job send it once. Nothing happens without SMTP_URL. A digest with nothing to report
// (no feedback open or new, no action due; or no unit) is not sent: it is recorded SKIPPED.

export const ZDigestJob = z.object({
  kind: z.enum(["WEEKLY", "MONTHLY"]),
  userId: z.uuid(),
  periodKey: z.string().regex(/^\d{4}-(W\d{2}|\d{2})$/),
  /** The period reported, [from, to), and the moment the figures are as of (the scan's). */
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  asOf: z.iso.datetime(),
});
export type TDigestJob = z.infer<typeof ZDigestJob>;

/** Queues the digests due at `now` for every recipient not yet settled. Returns how many jobs were queued. */
export async function scanDueDigests(now = new Date()): Promise<number> {
  if (!mailEnabled()) return 0;
  const { timeZone } = await agencySettings();
  let queued = 0;
  for (const due of dueDigests(now, timeZone)) {
    const settled = await settledDigests(due.kind, due.periodKey);
    for (const userId of await listDigestRecipients(due.kind)) {
      if (settled.has(userId)) continue;
      const data: TDigestJob = { kind: due.kind, userId, periodKey: due.periodKey, from: due.from.toISOString(), to: due.to.toISOString(), asOf: now.toISOString() };
      if (await sendJob(QUEUES.digest, data, { singletonKey: digestJobKey(due.kind, userId, due.periodKey) })) queued++;
    }
  }
  return queued;
}

/** The digest's text for one recipient, or null when there is nothing to report (or no recipient). */
export async function buildDigest(job: TDigestJob): Promise<{ to: string; body: TMailBody } | null> {
  const recipient = await loadDigestRecipient(job.userId, job.kind);
  if (!recipient) return null;
  const { timeZone, feedbackTargetDays } = await agencySettings();
  const origin = configuredOrigin() ?? "";
  const asOf = new Date(job.asOf);
  const common = { locale: recipient.locale, name: recipient.name, timeZone, origin };
  if (job.kind === "WEEKLY") {
    const units = await weeklyDigestUnits(recipient.caller, { from: new Date(job.from), to: new Date(job.to) }, asOf);
    if (!weeklyHasNews(units)) return null;
    return { to: recipient.email, body: composeWeeklyDigest({ ...common, from: new Date(job.from), to: new Date(job.to), targetDays: feedbackTargetDays, units }) };
  }
  const monthly = await monthlyDigestUnits(recipient.caller, asOf);
  if (!monthlyHasNews(monthly)) return null;
  return { to: recipient.email, body: composeMonthlyDigest({ ...common, month: new Date(job.to), ...monthly }) };
}

/** The worker: claim, compose, send, mark SENT. A failed send throws: pg-boss retries the job. */
export async function workDigest(job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
  const parsed = ZDigestJob.safeParse(job.data);
  if (!parsed.success || !mailEnabled()) return;
  const data = parsed.data;
  const claim: TDigestClaim = { kind: data.kind, userId: data.userId, periodKey: data.periodKey };
  if (!(await claimDigest(claim, job.id))) return; // sent already, or another live job holds it
  const digest = await buildDigest(data);
  if (!digest) return finishDigest(claim, job.id, "SKIPPED");
  try {
    await sendMail({ to: digest.to, ...digest.body });
  } catch (err) {
    await noteDigestFailure(claim, job.id, err instanceof Error ? err.message : String(err));
    throw err;
  }
  await finishDigest(claim, job.id, "SENT");
}
