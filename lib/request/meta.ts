import "server-only";
import { headers } from "next/headers";
import { clientAddress, clientKey } from "@/lib/request/client-address";

/**
 * What a request brings that the data layer records or limits on: captured where
 * the request arrives (a route handler, a server action, next-auth's callback) and
 * handed down as this small object, never as raw Headers.
 */
export type TRequestMeta = {
  /** The client's address as the web server resolved it (see client-address.ts). */
  clientAddress: string;
  /** Salted hash of the address, for rate limits. */
  clientKey: string;
  userAgent: string | null;
};

export function requestMetaFrom(h: Headers): TRequestMeta {
  const address = clientAddress(h);
  return { clientAddress: address, clientKey: clientKey(address), userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
}

/** The current request's metadata, in a server action or a page. */
export async function currentRequestMeta(): Promise<TRequestMeta> {
  return requestMetaFrom(await headers());
}
