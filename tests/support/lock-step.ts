// Two writes made to overlap on purpose: a separate connection holds the audit log in SHARE
// mode, so every write stops at its audit entry (after its reads, before it changes anything)
// until `release`. Start the writes one after the other, `waitForWaiting` between them, and
// each has read what it reads before the other commits: a race that is decided, not hoped for.
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

export async function holdAuditLog(url: string) {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  await holder.query("BEGIN");
  await holder.query("LOCK TABLE audit_log IN SHARE MODE");
  return {
    /** Until `n` other sessions of this database wait on a lock (the audit log's, or a row another holds). */
    async waitForWaiting(n: number) {
      for (;;) {
        // The holder's transaction would otherwise see the activity as it was when it first looked.
        await holder.query("SELECT pg_stat_clear_snapshot()");
        const { rows } = await holder.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
        );
        if (rows[0]!.n >= n) return;
        await sleep(20);
      }
    },
    async release() {
      await holder.query("COMMIT");
      await holder.end();
    },
  };
}
