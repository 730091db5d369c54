import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { getCaller } from "@/lib/auth/session";
import { openResponseExport } from "@/lib/dal/export";
import { agencyClock } from "@/lib/dal/settings";
import { csvStream, exportLabels } from "@/lib/export/csv";
import { getFormat } from "@/lib/i18n/server";
import { periodKey } from "@/lib/periods";
import { parseDashboardQuery, searchParamsOf } from "@/lib/validation/dashboard";

export const dynamic = "force-dynamic";

/** The responses of a unit dashboard's view (same query string as the page), streamed as CSV. */
export async function GET(request: NextRequest, ctx: RouteContext<"/api/v1/units/[code]/responses.csv">) {
  const { code } = await ctx.params;
  const [t, f, clock] = await Promise.all([getTranslations("responsesExport"), getFormat(), agencyClock()]);
  // The page ignores a value it cannot read and says so; a file must not quietly hold another view.
  const { query, ignored } = parseDashboardQuery(searchParamsOf(request.nextUrl.searchParams), clock);
  if (ignored.length > 0) return new Response(t("badQuery", { names: ignored.join(", ") }), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const exp = await openResponseExport(await getCaller(), code, query);
  if (!exp) return new Response(t("notFound"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

  const name = t("fileName", { unit: exp.unit.code, period: periodKey(exp.period) });
  return new Response(csvStream(exp.batches(), exp.versions, exportLabels(t, f.pick, exp.timeZone), exp.timeZone), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
