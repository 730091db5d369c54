import "server-only";
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/env";

/**
 * A rate-limit key for the sender: a salted hash of its IP address, never the
 * address itself. Behind a reverse proxy the first X-Forwarded-For entry is
 * the client (the proxy must overwrite, not append, what clients send).
 */
export function clientKeyFromHeaders(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip") || "local";
  return createHash("sha256").update(`${serverEnv().AUTH_SECRET}:${ip}`).digest("base64url").slice(0, 22);
}
