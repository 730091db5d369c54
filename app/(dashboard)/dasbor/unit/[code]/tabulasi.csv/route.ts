import type { NextRequest } from "next/server";
import { tabulationDownload } from "@/lib/export/tabulation-download";

export const dynamic = "force-dynamic";

/** The tabulation of a unit dashboard's view (same query string as the page) as CSV, streamed. */
export async function GET(request: NextRequest, ctx: RouteContext<"/dasbor/unit/[code]/tabulasi.csv">) {
  const { code } = await ctx.params;
  return tabulationDownload(request.nextUrl.searchParams, code, "csv");
}
