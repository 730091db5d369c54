import { createTranslator } from "next-intl";
import { publicResultsForUnit } from "@/lib/dal/public-results";
import { createFormat, DEFAULT_TIME_ZONE, localeFromAcceptLanguage, parseLocale } from "@/lib/i18n";
import { MESSAGES } from "@/lib/i18n/messages";
import { badgeSvg } from "@/lib/public-results/rows";

// A small badge a unit can put on its own site: the newest published IKM konversi, mutu and
// period. Public and the same for everyone: cached briefly by browsers and proxies.
const CACHE = "public, max-age=300, stale-while-revalidate=600";

export async function GET(request: Request, ctx: RouteContext<"/hasil/[code]/badge.svg">) {
  const { code } = await ctx.params;
  const unit = await publicResultsForUnit(code);
  if (!unit) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const lang = new URL(request.url).searchParams.get("lang");
  const locale = lang ? parseLocale(lang) : localeFromAcceptLanguage(request.headers.get("accept-language"));
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "results" });
  const periods = createTranslator({ locale, messages: MESSAGES[locale], namespace: "periods" });
  const f = createFormat(locale, DEFAULT_TIME_ZONE, (key, values) => periods(key, values));
  const latest = unit.periods[0];
  const svg = latest
    ? badgeSvg(t("badgeLabel", { period: f.period(latest.period, true) }), `${f.decimal(latest.konversi, 2)} · ${latest.mutu}`, latest.mutu)
    : badgeSvg(t("badgeLabelNone"), t("badgeNone"), null);
  return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": CACHE, "x-content-type-options": "nosniff", vary: "accept-language" } });
}
