import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getCaller } from "@/lib/auth/session";
import { LOCALE_COOKIE, parseLocale } from "@/lib/i18n/config";
import { unitReportPdf } from "@/lib/report/unit";
import { searchParamsOf } from "@/lib/validation/dashboard";

export const dynamic = "force-dynamic";

/** The unit's SKM report as PDF: Indonesian, English with ?bahasa=en or the reader's locale cookie. */
export async function GET(request: NextRequest, ctx: RouteContext<"/dasbor/unit/[code]/laporan.pdf">) {
  const { code } = await ctx.params;
  const params = request.nextUrl.searchParams;
  const locale = parseLocale(params.get("bahasa") ?? (await cookies()).get(LOCALE_COOKIE)?.value);
  const query = searchParamsOf(params);
  delete query.bahasa;
  const out = await unitReportPdf(await getCaller(), code, query, locale);
  if (!out.ok) return new Response(out.message, { status: out.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(out.report.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${out.report.fileName}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
