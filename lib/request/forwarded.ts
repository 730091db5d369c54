// Who the client is, from the connection and the proxies we trust. Pure: the
// web server (scripts/serve.mjs) computes the address for every request, the app
// (client-address.ts) only reads what the server handed it, and tests/unit
// checks both.
//
// X-Forwarded-For is written by whoever sends the request: a client can put
// any address in it. Each proxy appends the address it received the request
// from (nginx: $proxy_add_x_forwarded_for), so reading from the right, every
// entry that a trusted proxy appended is true, and the first hop that is not a
// trusted proxy is the client. Entries left of it are the client's own words.
import { createHmac, timingSafeEqual } from "node:crypto";
import net from "node:net";

/** Which proxies are trusted: addresses and CIDR ranges (IPv4 and IPv6). */
export type TTrustedProxies = { readonly check: (address: string) => boolean; readonly entries: readonly string[] };

export const NO_PROXIES: TTrustedProxies = { check: () => false, entries: [] };

/** The address itself, without brackets, port or an IPv4-mapped IPv6 prefix; null if it is not an address. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let a = (raw ?? "").trim();
  if (!a) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a); // [2001:db8::1]:443
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":")); // 203.0.113.9:5678
  a = a.replace(/%[\w.-]+$/, ""); // fe80::1%eth0: the zone means nothing to us
  const family = net.isIP(a);
  if (family === 4) return a;
  if (family !== 6) return null;
  // One spelling per IPv6 address (the URL parser's), so one client gets one rate-limit key;
  // an IPv4 client reached over IPv6 (::ffff:203.0.113.9) is that IPv4 address.
  const v6 = new URL(`http://[${a}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (!mapped) return v6;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * Who a rate limit counts: an IPv4 address, or an IPv6 address's /64 network. One
 * subscriber line is given a whole /64, so counting single IPv6 addresses would hand
 * an attacker billions of fresh "clients".
 */
export function rateLimitSubject(address: string): string {
  if (net.isIP(address) !== 6) return address;
  // Expand "2001:db8::1" to eight groups, keep the first four.
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = address.includes("::") && tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

export class TrustedProxiesError extends Error {}

/**
 * Parses SUARA_TRUSTED_PROXIES: addresses or CIDR ranges separated by commas or spaces,
 * e.g. "127.0.0.1, 10.0.0.0/8, fd00::/8". Empty means none: the connection's own address
 * is the client.
 */
export function parseTrustedProxies(spec: string | null | undefined): TTrustedProxies {
  const entries = (spec ?? "").split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return NO_PROXIES;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [addr, prefix, extra] = entry.split("/");
    const address = normalizeAddress(addr);
    if (!address || extra !== undefined || addr!.includes(":") !== address.includes(":")) {
      throw new TrustedProxiesError(`"${entry}" is not an IP address or CIDR range`);
    }
    const family = net.isIP(address) === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, family);
      continue;
    }
    const bits = Number(prefix);
    const max = family === "ipv4" ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || bits > max) throw new TrustedProxiesError(`"${entry}" has a prefix length outside 0-${max}`);
    list.addSubnet(address, bits, family);
  }
  return {
    entries,
    check: (candidate) => {
      const a = normalizeAddress(candidate);
      return !!a && list.check(a, net.isIP(a) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the connection's peer, or, when the peer is a trusted proxy, the
 * hop before it in X-Forwarded-For, and so on while the hop is trusted. A garbled entry
 * stops the walk at the last address a trusted proxy vouched for.
 */
export function resolveClientAddress(peer: string | null | undefined, forwardedFor: string | string[] | null | undefined, trusted: TTrustedProxies): string {
  let client = normalizeAddress(peer) ?? "unknown";
  if (!trusted.check(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!hops[i]!.trim()) continue;
    const hop = normalizeAddress(hops[i]);
    if (!hop) break;
    client = hop;
    if (!trusted.check(hop)) break;
  }
  return client;
}

// The web server hands the address to the app in these request headers, overwriting
// whatever a client sent in them; the proof is an HMAC under AUTH_SECRET, so a request
// that reached the app some other way (a bare `next start`) cannot name its own address.
export const CLIENT_ADDRESS_HEADER = "x-suara-client-address";
export const CLIENT_PROOF_HEADER = "x-suara-client-proof";

export function clientAddressProof(address: string, secret: string): string {
  return createHmac("sha256", secret).update(`suara-client-address:${address}`).digest("base64url");
}

/** The address the web server vouched for, or null when the headers carry none or a forged one. */
export function verifiedClientAddress(address: string | null, proof: string | null, secret: string): string | null {
  if (!address || !proof) return null;
  const expected = Buffer.from(clientAddressProof(address, secret));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}
