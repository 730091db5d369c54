import { z } from "zod";
import { authenticateKiosk } from "@/lib/dal/kiosk";

export const dynamic = "force-dynamic";

const ZUnit = z.string().regex(/^[A-Za-z0-9-]{1,40}$/).transform((v) => v.toUpperCase());

/**
 * GET /api/v1/kiosk?unit=CODE with `Authorization: Kiosk <token>`: whether this tablet is
 * still enrolled for the unit (200) or not (401: revoked, unknown, or the unit closed).
 */
export async function GET(request: Request) {
  const unit = ZUnit.safeParse(new URL(request.url).searchParams.get("unit"));
  const auth = request.headers.get("authorization");
  const kiosk = auth?.startsWith("Kiosk ") ? await authenticateKiosk(auth.slice("Kiosk ".length)) : null;
  const headers = { "Cache-Control": "no-store" };
  if (!kiosk || !unit.success || kiosk.unitCode !== unit.data) return Response.json({ enrolled: false }, { status: 401, headers });
  return Response.json({ enrolled: true, unit: kiosk.unitCode }, { headers });
}
