// What Suara's web server (scripts/serve.mjs) does to each request before Next sees it,
// from what only the connection can tell:
// - who the client is: the socket's peer, or, when the peer is one of SUARA_TRUSTED_PROXIES,
//   the hop it reports in X-Forwarded-For (forwarded.ts). The app gets that address in a
//   header signed with AUTH_SECRET, overwriting any a client sent; forwarded headers from
//   anyone but a trusted proxy are dropped.
// - a path that cannot be percent-decoded is answered 400 here, in the reader's language
//   (Next would answer 500).
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCALE_COOKIE, localeFromAcceptLanguage, parseLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_PROOF_HEADER,
  clientAddressProof,
  parseTrustedProxies,
  resolveClientAddress,
  type TTrustedProxies,
} from "@/lib/request/forwarded";
import { PLAIN_PAGE_CSP, plainPage } from "@/lib/request/plain-page";
import { securityHeaders } from "@/lib/request/security-headers";

/** What a proxy says about the request: believed from trusted proxies only. */
const FORWARDED_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** Returns whether the gate answered the request itself; otherwise the request goes on to Next, with the client's address. */
export type TRequestGate = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * The gate for this environment. Reads the two variables it needs itself (lib/env.ts, with
 * zod, is checked by the launcher and again by the app at start; the web server keeps lean).
 */
export function requestGate(env: Record<string, string | undefined> = process.env): TRequestGate {
  const secret = env.AUTH_SECRET ?? "";
  if (secret.length < 32) throw new Error("Configuration error: AUTH_SECRET must be at least 32 characters.");
  let trusted: TTrustedProxies;
  try {
    trusted = parseTrustedProxies(env.SUARA_TRUSTED_PROXIES);
  } catch (err) {
    throw new Error(`Configuration error: SUARA_TRUSTED_PROXIES has ${err instanceof Error ? err.message : String(err)}.`);
  }
  return (req, res) => {
    const peer = req.socket.remoteAddress ?? "";
    const fromProxy = trusted.check(peer);
    if (!decodablePath(req.url)) {
      badPath(req, res, fromProxy && req.headers["x-forwarded-proto"] === "https");
      return true;
    }
    const client = resolveClientAddress(peer, req.headers["x-forwarded-for"], trusted);
    if (!fromProxy) for (const h of FORWARDED_HEADERS) delete req.headers[h];
    req.headers[CLIENT_ADDRESS_HEADER] = client;
    req.headers[CLIENT_PROOF_HEADER] = clientAddressProof(client, secret);
    return false;
  };
}

/** The path (not the query) must percent-decode: %E0%A4%A is no address at all. */
export function decodablePath(url: string | undefined): boolean {
  const path = (url ?? "/").split(/[?#]/, 1)[0]!;
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function badPath(req: IncomingMessage, res: ServerResponse, https: boolean) {
  const api = req.url?.startsWith("/api/") ?? false;
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(req.headers.cookie ?? "")?.[1];
  const locale = api ? localeFromAcceptLanguage(req.headers["accept-language"]) : parseLocale(cookie);
  const t = MESSAGES[locale].errors;
  for (const [k, v] of Object.entries(securityHeaders({ https }))) res.setHeader(k, v);
  res.setHeader("Cache-Control", "no-store");
  res.statusCode = 400;
  if (api) {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ errors: { form: { code: "badPath", message: t.badPath } } }));
    return;
  }
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Security-Policy", PLAIN_PAGE_CSP);
  res.end(plainPage({ locale, title: t.badPathTitle, message: t.badPath, back: { href: "/", label: t.home } }));
}
