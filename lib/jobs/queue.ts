import "server-only";
import PgBoss from "pg-boss";
import { serverEnv } from "@/lib/env";

// The job queue: pg-boss on the app's own PostgreSQL (schema "pgboss"), started once per
// process (lazily, or at server start from instrumentation.ts) and stopped on shutdown.
// Cluster-safe: pg-boss fetches jobs with SKIP LOCKED, so a job is worked by one instance;
// its cron runs each schedule once per minute across all instances (a database-side
// timestamp plus a singleton job); "stately" queues keep one waiting job per singletonKey.
// A job whose process died is expired and retried (nothing is lost on a restart).

export const QUEUES = { replyEmail: "reply-email", replySweep: "reply-email-sweep", digest: "digest-email", digestScan: "digest-scan", attachmentSweep: "attachment-file-sweep" } as const;

export type TJobsOptions = { pollingIntervalSeconds?: number; retryDelaySeconds?: number; retryLimit?: number };

type TState = { boss: PgBoss; ready: Promise<PgBoss> };
const g = globalThis as unknown as { suaraJobs?: TState; suaraShutdown?: Set<() => Promise<void>> };
const SHUTDOWN = Symbol.for("suara.shutdown");

/** Starts the queue once per process: workers and schedules included. */
export function startJobs(opts: TJobsOptions = {}): Promise<PgBoss> {
  if (g.suaraJobs) return g.suaraJobs.ready;
  const env = serverEnv();
  // A small pool of its own: PGlite serves one query at a time and refuses extra sockets.
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 2, application_name: "suara-jobs" });
  boss.on("error", (err) => console.error(`[suara] job queue: ${err.message}`));
  const ready = (async () => {
    await boss.start();
    const poll = opts.pollingIntervalSeconds ?? 2;
    await ensureQueue(boss, QUEUES.replyEmail, {
      policy: "stately",
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelaySeconds ?? 30,
      retryBackoff: opts.retryDelaySeconds === undefined,
      expireInSeconds: 300,
    });
    await ensureQueue(boss, QUEUES.replySweep, { policy: "stately", retryLimit: 0, expireInSeconds: 120 });
    const reply = await import("@/lib/jobs/reply-email");
    await boss.work<{ replyId: string }>(QUEUES.replyEmail, { pollingIntervalSeconds: poll, includeMetadata: true, batchSize: 1 }, async ([job]) =>
      reply.workReplyEmail(job!),
    );
    await boss.work(QUEUES.replySweep, { pollingIntervalSeconds: poll }, async () => reply.sweepStuckReplies());
    await boss.schedule(QUEUES.replySweep, "* * * * *");
    // Reminder digests: the scan runs hourly and queues what is due on the agency's clock.
    await ensureQueue(boss, QUEUES.digest, {
      policy: "stately",
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelaySeconds ?? 60,
      retryBackoff: opts.retryDelaySeconds === undefined,
      expireInSeconds: 300,
    });
    await ensureQueue(boss, QUEUES.digestScan, { policy: "stately", retryLimit: 0, expireInSeconds: 300 });
    const digest = await import("@/lib/jobs/digest");
    await boss.work(QUEUES.digest, { pollingIntervalSeconds: poll, includeMetadata: true, batchSize: 1 }, async ([job]) => digest.workDigest(job!));
    await boss.work(QUEUES.digestScan, { pollingIntervalSeconds: poll }, async () => {
      await digest.scanDueDigests();
    });
    await boss.schedule(QUEUES.digestScan, "0 * * * *");
    // Files under ATTACHMENTS_DIR that no row refers to (a rolled-back write, a deleted plan).
    await ensureQueue(boss, QUEUES.attachmentSweep, { policy: "stately", retryLimit: 0, expireInSeconds: 600 });
    await boss.work(QUEUES.attachmentSweep, { pollingIntervalSeconds: poll }, async () => {
      const { sweepAttachmentFiles } = await import("@/lib/dal/attachments");
      await sweepAttachmentFiles();
    });
    await boss.schedule(QUEUES.attachmentSweep, "17 3 * * *");
    return boss;
  })();
  g.suaraJobs = { boss, ready };
  ready.catch((err) => {
    console.error(`[suara] job queue did not start: ${err instanceof Error ? err.message : String(err)}`);
    if (g.suaraJobs?.boss === boss) g.suaraJobs = undefined; // the next send tries again
    void boss.stop({ graceful: false }).catch(() => {});
  });
  // scripts/serve.mjs awaits these before the process exits.
  const hooks = ((globalThis as Record<symbol, unknown>)[SHUTDOWN] ??= new Set()) as Set<() => Promise<void>>;
  hooks.add(stopJobs);
  return ready;
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">) {
  await boss.createQueue(name, { name, ...options });
  await boss.updateQueue(name, { name, ...options });
}

/** Queues a job (starting the queue if this process has not yet). */
export async function sendJob(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = await startJobs();
  return boss.send(name, data, options);
}

/** The queue's state in this process, for /api/health. */
export function jobsState(): "up" | "off" {
  return g.suaraJobs ? "up" : "off";
}

/** Stops the workers (waiting briefly for running jobs) and closes the queue's pool. */
export async function stopJobs(): Promise<void> {
  const state = g.suaraJobs;
  g.suaraJobs = undefined;
  if (!state) return;
  await state.ready.catch(() => {});
  await state.boss.stop({ graceful: true, wait: true, timeout: 4_000 }).catch(() => {});
}
