import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { getCaller } from "@/lib/auth/session";
import { unitEvidenceZip } from "@/lib/export/evidence";
import { LOCALE_COOKIE, parseLocale } from "@/lib/i18n/config";
import { searchParamsOf } from "@/lib/validation/dashboard";

export const dynamic = "force-dynamic";

/** The unit's evaluation evidence for ?tahun=YYYY as a ZIP: Indonesian, English with ?bahasa=en or the reader's locale cookie. */
export async function GET(request: NextRequest, ctx: RouteContext<"/dasbor/unit/[code]/bukti-evaluasi.zip">) {
  const { code } = await ctx.params;
  const params = request.nextUrl.searchParams;
  const locale = parseLocale(params.get("bahasa") ?? (await cookies()).get(LOCALE_COOKIE)?.value);
  const out = await unitEvidenceZip(await getCaller(), code, searchParamsOf(params), locale);
  if (!out.ok) return new Response(out.message, { status: out.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(out.zip.stream(), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${out.zip.fileName}.zip"`,
      "Cache-Control": "private, no-store",
    },
  });
}
