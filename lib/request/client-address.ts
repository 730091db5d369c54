import "server-only";
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, CLIENT_PROOF_HEADER, rateLimitSubject, verifiedClientAddress } from "@/lib/request/forwarded";

/**
 * The client's IP address, as Suara's web server (scripts/serve.mjs) worked it out from the
 * connection and SUARA_TRUSTED_PROXIES, and signed. X-Forwarded-For is never read here: a
 * client writes what it likes in it. A request without the server's signed address (the app
 * run by a bare `next start` or `next dev`) is "unknown", one client for every limit.
 */
export function clientAddress(headers: Headers): string {
  return verifiedClientAddress(headers.get(CLIENT_ADDRESS_HEADER), headers.get(CLIENT_PROOF_HEADER), serverEnv().AUTH_SECRET) ?? "unknown";
}

/** A rate-limit key for a client address (an IPv6 client by its /64): a salted hash, never the address itself. */
export function clientKey(address: string): string {
  return createHash("sha256").update(`${serverEnv().AUTH_SECRET}:${rateLimitSubject(address)}`).digest("base64url").slice(0, 22);
}
