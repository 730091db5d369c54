import { createTranslator } from "next-intl";
import type { NextRequest } from "next/server";
import { resolveShortLink, type TShortLink } from "@/lib/dal/short-link";
import { LOCALE_COOKIE, parseLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { requestMetaFrom } from "@/lib/request/meta";
import { plainPage } from "@/lib/request/plain-page";

export const dynamic = "force-dynamic";

// The code is in the URL: nothing keeps it (no cache), nothing passes it on (no referrer). proxy.ts
// sets the security headers over a route's own: the same referrer policy for /k/ by path, and the
// site's content security policy (the plain page has no script to allow).
const PRIVATE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex" };
const STATUS: Record<Exclude<TShortLink["kind"], "open">, number> = { used: 410, expired: 410, unknown: 404, limited: 429 };

/** GET /k/<code>: the short link of a one-time transaction code (lib/dal/short-link.ts). */
export async function GET(request: NextRequest, ctx: RouteContext<"/k/[code]">) {
  const { code } = await ctx.params;
  const link = await resolveShortLink(safeDecode(code), requestMetaFrom(request.headers).clientKey);
  // A relative Location: the survey is on whatever origin the citizen reached us on.
  if (link.kind === "open") return new Response(null, { status: 303, headers: { ...PRIVATE, Location: link.path } });
  const locale = parseLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "shortLink" });
  const html = plainPage({ locale, title: t(`${link.kind}Title`), message: t(link.kind), back: { href: "/", label: t("home") } });
  return new Response(html, {
    status: STATUS[link.kind],
    headers: {
      ...PRIVATE,
      "Content-Type": "text/html; charset=utf-8",
      ...(link.kind === "limited" ? { "Retry-After": "60" } : {}),
    },
  });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
