import "server-only";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { agencyTimeZone } from "@/lib/dal/settings";
import { listStuckReplies, loadReplyForEmail, markReplyEmail } from "@/lib/dal/reply-delivery";
import { QUEUES, sendJob } from "@/lib/jobs/queue";
import { buildReplyEmail } from "@/lib/mail/messages";
import { mailEnabled, sendMail } from "@/lib/mail/transport";
import { configuredOrigin } from "@/lib/request/public-origin";

// A unit's reply to a citizen, emailed to the address they left with consent. The inbox
// writes the reply as QUEUED and calls sendReplyEmailSoon after its commit; a job that was
// never queued (a crash in between) is picked up by the sweeper (every minute).

const ZEmail = z.email().max(200);

/** QUEUED when email is on (SMTP_URL) and the citizen left a valid address; else NONE. */
export function replyEmailStatus(email: string | null | undefined): "QUEUED" | "NONE" {
  return mailEnabled() && !!email && ZEmail.safeParse(email.trim()).success ? "QUEUED" : "NONE";
}

/** Queues the reply's email (one waiting job per reply). Never throws: the sweeper retries. */
export async function sendReplyEmailSoon(replyId: string): Promise<void> {
  try {
    await sendJob(QUEUES.replyEmail, { replyId }, { singletonKey: replyId });
  } catch (err) {
    console.error(`[suara] reply ${replyId}: email not queued (${err instanceof Error ? err.message : String(err)}); the sweeper will retry`);
  }
}

/** The worker: sends one reply; a failure is retried, the last one marks it FAILED. */
export async function workReplyEmail(job: PgBoss.JobWithMetadata<{ replyId: string }>): Promise<void> {
  const reply = await loadReplyForEmail(job.data.replyId);
  if (!reply || reply.emailStatus !== "QUEUED") return; // sent already, or gone
  const email = reply.email?.trim();
  if (!mailEnabled() || !email || !ZEmail.safeParse(email).success) return markReplyEmail(reply.id, "NONE");
  const body = buildReplyEmail({
    locale: reply.locale,
    unitName: reply.unitName,
    unitCode: reply.unitCode,
    reply: reply.body,
    saran: reply.saran,
    submittedAt: reply.submittedAt,
    timeZone: await agencyTimeZone(),
    origin: configuredOrigin(),
  });
  try {
    await sendMail({ to: email, ...body });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (job.retryCount >= job.retryLimit) await markReplyEmail(reply.id, "FAILED", message);
    throw err;
  }
  await markReplyEmail(reply.id, "SENT");
}

/** The sweeper: queues again every reply left QUEUED without a job. Returns how many. */
export async function sweepStuckReplies(): Promise<number> {
  const stuck = await listStuckReplies();
  for (const id of stuck) await sendReplyEmailSoon(id);
  return stuck.length;
}
