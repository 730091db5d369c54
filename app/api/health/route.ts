import { isDatabaseReachable } from "@/lib/dal/health";
import { jobsState } from "@/lib/jobs/queue";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await isDatabaseReachable();
  return Response.json(
    { status: database ? "ok" : "unavailable", database: database ? "up" : "down", jobs: database ? jobsState() : "down" },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
