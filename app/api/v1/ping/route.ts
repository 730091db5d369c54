export const dynamic = "force-dynamic";

/** GET /api/v1/ping: the app is up (no database). Load balancers and the throughput bench's baseline. */
export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
