import "server-only";
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/env";

/**
 * The client's IP address as seen by the trusted proxies. Each proxy appends
 * the address it received from to X-Forwarded-For (nginx:
 * $proxy_add_x_forwarded_for), so with N trusted hops the client is the Nth
 * entry from the right; entries left of it are whatever the client sent, and
 * are ignored. SUARA_TRUSTED_PROXY_HOPS sets N (default 1: one reverse proxy).
 */
export function clientAddress(headers: Headers): string {
  const hops = serverEnv().SUARA_TRUSTED_PROXY_HOPS;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - hops)] ?? headers.get("x-real-ip") ?? "local";
}

/** A rate-limit key for a client address: a salted hash, never the address itself. */
export function clientKey(address: string): string {
  return createHash("sha256").update(`${serverEnv().AUTH_SECRET}:${address}`).digest("base64url").slice(0, 22);
}
