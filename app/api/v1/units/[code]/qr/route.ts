import { z } from "zod";
import { getCaller } from "@/lib/auth/session";
import { getSurveyLink, qrPng, qrSvg } from "@/lib/dal/operate";
import { publicOrigin } from "@/lib/request/public-origin";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  format: z.enum(["svg", "png"]).default("svg"),
  layanan: z.string().regex(/^[A-Za-z0-9-]{1,40}$/).optional(),
});

/** GET /api/v1/units/<code>/qr?format=svg|png&layanan=<service>: the QR of a survey link. */
export async function GET(request: Request, ctx: RouteContext<"/api/v1/units/[code]/qr">) {
  const { code } = await ctx.params;
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response("Bad request", { status: 400 });
  const link = await getSurveyLink(await getCaller(), code, query.data.layanan);
  if (!link) return new Response("Not found", { status: 404 });
  const url = `${publicOrigin(request.headers)}${link.path}`;
  const name = `qr-${link.unit.code}${link.service ? `-${link.service.code}` : ""}`;
  if (query.data.format === "png") {
    return new Response(new Uint8Array(await qrPng(url)), {
      headers: { "Content-Type": "image/png", "Content-Disposition": `attachment; filename="${name}.png"`, "Cache-Control": "private, no-store" },
    });
  }
  return new Response(await qrSvg(url), {
    headers: { "Content-Type": "image/svg+xml", "Content-Disposition": `attachment; filename="${name}.svg"`, "Cache-Control": "private, no-store" },
  });
}
