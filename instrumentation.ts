// Runs once when a server starts: refuse to serve with a bad environment.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("@/lib/server/validate-env");
    // The job queue (reply emails, sweeper): started here so its workers and crons run
    // without waiting for a first send; a database that is not up yet is retried on send.
    const { startJobs } = await import("@/lib/jobs/queue");
    startJobs().catch(() => {});
  }
}
