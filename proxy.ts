import { createTranslator } from "next-intl";
import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/env";
import { LOCALE_COOKIE, parseLocale, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { bodyLimitFor, overBodyLimit, uploadKind } from "@/lib/request/body-limit";
import { PLAIN_PAGE_CSP, plainPage } from "@/lib/request/plain-page";
import { contentSecurityPolicy, newNonce, securityHeaders, servesUploadedFile, UPLOADED_FILE_CSP } from "@/lib/request/security-headers";

// Every request: security headers (a fresh CSP nonce for each page, which Next
// puts on its own scripts), and bodies over the limit answered 413 before
// they reach a server action or a route. Not an authorization layer: the data
// layer checks who may see what.

export function proxy(request: NextRequest) {
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:" || !!serverEnv().SUARA_PUBLIC_URL?.startsWith("https:");
  if (request.method !== "GET" && request.method !== "HEAD" && overBodyLimit(request.headers.get("content-length"), bodyLimitFor(request.nextUrl.pathname))) {
    return withSecurityHeaders(tooLarge(request), https, request.nextUrl.pathname);
  }
  // Set on the response here, a policy wins over the route's own: an uploaded file gets the
  // sandboxing one (an SVG or HTML slipped past the checks could run nothing), pages the nonce one.
  if (servesUploadedFile(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", UPLOADED_FILE_CSP);
    return withSecurityHeaders(response, https, request.nextUrl.pathname);
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, https, formOrigins: ssoOrigins() });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return withSecurityHeaders(response, https, request.nextUrl.pathname);
}

// These win over a route's own headers of the same name: a route that needs another value (the
// short link's referrer policy) gets it here, by its path.
function withSecurityHeaders(response: NextResponse, https: boolean, pathname: string): NextResponse {
  for (const [k, v] of Object.entries(securityHeaders({ https, pathname }))) response.headers.set(k, v);
  return response;
}

/** The SSO provider's origin: its sign-in form posts there and is redirected there. */
function ssoOrigins(): string[] {
  const issuer = serverEnv().AUTH_OIDC_ISSUER;
  try {
    return issuer ? [new URL(issuer).origin] : [];
  } catch {
    return [];
  }
}

function tooLarge(request: NextRequest): NextResponse {
  const api = request.nextUrl.pathname.startsWith("/api/");
  const locale = api ? localeFromAcceptLanguage(request.headers.get("accept-language")) : parseLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "errors" });
  if (api) {
    return NextResponse.json({ errors: { form: { code: "tooLarge", message: t("tooLarge") } } }, { status: 413, headers: { "Cache-Control": "no-store" } });
  }
  const back = request.headers.get("referer");
  const backHref = back && URL.canParse(back) && new URL(back).host === request.nextUrl.host ? new URL(back).pathname : "/";
  const upload = uploadKind(request.nextUrl.pathname);
  const message = upload === "attachments" ? t("tooLargeFiles") : upload === "import" ? t("tooLargeImport") : t("tooLarge");
  const html = plainPage({ locale, title: t("tooLargeTitle"), message, back: { href: backHref, label: t("back") } });
  return new NextResponse(html, {
    status: 413,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": PLAIN_PAGE_CSP },
  });
}

export const config = {
  // Everything but the build's static files (they carry no user data and are cached).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
