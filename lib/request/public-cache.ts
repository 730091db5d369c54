// The public results (/hasil and what hangs off it) answered from memory by Suara's web server
// (scripts/serve.mjs), before Next routes and renders: a link that goes viral must not render
// the page once per reader. Measured (npm run bench:public): a rendered /hasil is two orders of
// magnitude slower than a static chunk, and even a prerendered page pays the proxy's cost.
//
// What is kept: a GET's whole 200 answer, as Next gave it (headers included: the proxy's
// security headers), for a reader who sends no cookie but the locale's (staff are rendered
// afresh), keyed by host, protocol, URL and the reader's locale. Pages carry a CSP nonce: each
// answer from memory gets a fresh one, in the header and in the page alike, so a nonce is never
// handed out twice.
//
// How long: until something published changes in this process (publish, withdrawal, a unit's
// "you said, we did" list: lib/dal/public-results.ts calls invalidatePublicResponses), which
// drops every entry at once; a change made by another process (a second instance, SQL) shows
// within SUARA_PUBLIC_CACHE_SECONDS (3 s), when the first reader after it has it rendered anew.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCb } from "node:zlib";
import { LOCALE_COOKIE, localeFromAcceptLanguage, parseLocale } from "@/lib/i18n/config";

const gzip = promisify(gzipCb);

/** An entry is served as is for this long by default (SUARA_PUBLIC_CACHE_SECONDS); after it, one reader refreshes it while the others still get it. */
export const FRESH_MS = 3_000;
/** How long past its freshness an entry is still served while its refresh renders. */
const STALE_MS = 30_000;
const MAX_ENTRIES = 500;
const MAX_URL = 300;

/** /hasil, /hasil/<code>, /hasil/<code>/badge.svg, /hasil/data.csv, /hasil/data.json. */
const CACHED_PATH = /^\/hasil(?:\/(?:data\.csv|data\.json|[A-Za-z0-9-]{1,40}(?:\/badge\.svg)?))?$/;
/** Answers that are never kept whatever their status: per-hop and per-response headers. */
const DROPPED_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date"]);
const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

type TEntry = {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** The page's nonce (replaced in each answer), or null for a body without one. */
  nonce: string | null;
  /** The body gzipped once, for bodies without a nonce. */
  gzipped: Buffer | null;
  at: number;
  refreshing: boolean;
};

type TState = { entries: Map<string, TEntry>; generation: number };
const INVALIDATE = Symbol.for("suara.public-responses.invalidate");
const g = globalThis as unknown as { [INVALIDATE]?: () => void };

/** Drops every answer kept (the app calls this after a publish or a withdrawal, in the same process). */
export function invalidatePublicResponses(): void {
  g[INVALIDATE]?.();
}

/** The cache key, or null when the request is not one to answer from memory. */
export function cacheKey(req: IncomingMessage): string | null {
  if (req.method !== "GET" || !req.url || req.url.length > MAX_URL) return null;
  const [path, query = ""] = req.url.split("?", 2) as [string, string?];
  if (!CACHED_PATH.test(path) || query.includes("_rsc")) return null;
  // A client-side navigation or server action asks for another answer at the same URL.
  if (req.headers.rsc || req.headers.authorization || Object.keys(req.headers).some((h) => h.startsWith("next-"))) return null;
  const cookies = (req.headers.cookie ?? "").split(";").map((c) => c.trim()).filter(Boolean);
  if (cookies.some((c) => !c.startsWith(`${LOCALE_COOKIE}=`))) return null;
  const locale = parseLocale(cookies[0]?.slice(LOCALE_COOKIE.length + 1));
  const accepted = localeFromAcceptLanguage(req.headers["accept-language"]);
  return [req.headers.host ?? "", req.headers["x-forwarded-proto"] ?? "", req.headers["x-forwarded-host"] ?? "", locale, accepted, req.url].join("\n");
}

const acceptsGzip = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));

export type TPublicCache = {
  /** Answers the request from memory (true), or prepares to keep Next's answer (false: hand it to Next). */
  handle: (req: IncomingMessage, res: ServerResponse) => boolean;
  size: () => number;
};

/** `env`: the one variable it reads (checked with the others by lib/env.ts at start; the web server keeps lean). */
export function publicResponseCache(env: Record<string, string | undefined> = process.env, now: () => number = Date.now): TPublicCache {
  const seconds = Number(env.SUARA_PUBLIC_CACHE_SECONDS ?? FRESH_MS / 1000);
  const freshMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : FRESH_MS;
  const state: TState = { entries: new Map(), generation: 0 };
  g[INVALIDATE] = () => {
    state.entries.clear();
    state.generation++;
  };

  function serve(req: IncomingMessage, res: ServerResponse, e: TEntry) {
    const headers: OutgoingHttpHeaders = { ...e.headers, "x-suara-cache": "hit" };
    let body = e.body;
    if (e.nonce) {
      const fresh = randomBytes(16).toString("base64");
      body = Buffer.from(e.body.toString("utf8").split(e.nonce).join(fresh), "utf8");
      for (const k of ["content-security-policy", "content-security-policy-report-only"]) {
        if (typeof headers[k] === "string") headers[k] = (headers[k] as string).split(e.nonce).join(fresh);
      }
    }
    const vary = String(headers.vary ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
    const send = (b: Buffer, encoded: boolean) => {
      if (encoded) headers["content-encoding"] = "gzip";
      headers["content-length"] = b.length;
      res.writeHead(e.status, headers);
      res.end(b);
    };
    if (!acceptsGzip(req) || body.length < 1024) return send(body, false);
    if (e.gzipped) return send(e.gzipped, true);
    // On libuv's threads: the other core compresses while this one answers the next request.
    gzip(body).then((z) => send(z, true), () => send(body, false));
  }

  /** Keeps what Next writes for this request (asked for uncompressed), if it is a whole 200. */
  function record(key: string, req: IncomingMessage, res: ServerResponse) {
    const generation = state.generation;
    req.headers["accept-encoding"] = "identity";
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    const take = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
    };
    (res as unknown as { write: unknown }).write = (chunk: unknown, encoding?: unknown, cb?: unknown) => {
      take(chunk, encoding);
      return write(chunk, encoding, cb);
    };
    (res as unknown as { end: unknown }).end = (chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      take(chunk, encoding);
      return end(chunk, encoding, cb);
    };
    res.once("close", () => {
      const stale = state.entries.get(key);
      if (stale) stale.refreshing = false;
      if (!res.writableFinished) return; // the reader went away mid-answer: nothing whole to keep
      // A render that began before a change must not be kept after it.
      if (generation !== state.generation || res.statusCode !== 200 || res.hasHeader("set-cookie") || res.hasHeader("content-encoding")) return;
      const headers: OutgoingHttpHeaders = {};
      for (const [k, v] of Object.entries(res.getHeaders())) if (v !== undefined && !DROPPED_HEADERS.has(k) && k !== "x-suara-cache") headers[k] = v;
      const body = Buffer.concat(chunks);
      const csp = String(headers["content-security-policy"] ?? "");
      const nonce = NONCE.exec(csp)?.[1] ?? null;
      const entry: TEntry = { status: 200, headers, body, nonce, gzipped: null, at: now(), refreshing: false };
      if (state.entries.size >= MAX_ENTRIES && !state.entries.has(key)) state.entries.delete(state.entries.keys().next().value!);
      state.entries.delete(key);
      state.entries.set(key, entry);
      if (!nonce && body.length >= 1024) {
        gzip(body).then(
          (z) => {
            entry.gzipped = z;
          },
          () => {},
        );
      }
    });
    res.setHeader("x-suara-cache", "miss");
  }

  return {
    handle(req, res) {
      const key = cacheKey(req);
      if (!key) return false;
      const e = state.entries.get(key);
      const age = e ? now() - e.at : Infinity;
      if (e && (age < freshMs || (e.refreshing && age < freshMs + STALE_MS))) {
        serve(req, res, e);
        return true;
      }
      if (e) e.refreshing = true;
      record(key, req, res);
      return false;
    },
    size: () => state.entries.size,
  };
}
