import "server-only";
import { serverEnv } from "@/lib/env";

/** The origin citizens reach Suara on: SUARA_PUBLIC_URL, else the request's own. */
export function publicOrigin(headers: Headers): string {
  const configured = serverEnv().SUARA_PUBLIC_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

/** The configured base URL for links in emails (no request to ask): SUARA_PUBLIC_URL, else AUTH_URL. */
export function configuredOrigin(): string | null {
  const env = serverEnv();
  return (env.SUARA_PUBLIC_URL ?? env.AUTH_URL ?? null)?.replace(/\/+$/, "") ?? null;
}
