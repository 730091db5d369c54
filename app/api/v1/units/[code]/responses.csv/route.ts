import { getCaller } from "@/lib/auth/session";
import { exportUnitResponses } from "@/lib/dal/units";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: RouteContext<"/api/v1/units/[code]/responses.csv">) {
  const { code } = await ctx.params;
  const result = await exportUnitResponses(await getCaller(), code);
  if (!result) return new Response("Not found", { status: 404 });
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="responden-${result.unit.code}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
