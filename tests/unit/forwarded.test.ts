import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, ZLauncherEnv, ZServerEnv } from "@/lib/env";
import {
  clientAddressProof,
  NO_PROXIES,
  normalizeAddress,
  parseTrustedProxies,
  rateLimitSubject,
  resolveClientAddress,
  TrustedProxiesError,
  verifiedClientAddress,
} from "@/lib/request/forwarded";

describe("addresses", () => {
  it("are read without port, brackets, zone or the IPv4-mapped prefix, one spelling each", () => {
    expect(normalizeAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress(" 203.0.113.9:5678 ")).toBe("203.0.113.9");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("::FFFF:cb00:7109")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8:0:0::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    for (const junk of ["", "unknown", "evil.example", "999.1.1.1", "1.2.3", "<script>", "2001:db8::1::2"]) expect(normalizeAddress(junk)).toBeNull();
  });
});

describe("rate limits", () => {
  it("count an IPv4 client by its address and an IPv6 client by its /64", () => {
    expect(rateLimitSubject("203.0.113.9")).toBe("203.0.113.9");
    // Every address of one subscriber's /64 is one client, however it is written.
    const net = rateLimitSubject(normalizeAddress("2001:db8:aa:bb::1")!);
    expect(net).toBe("2001:db8:aa:bb::/64");
    expect(rateLimitSubject(normalizeAddress("2001:0db8:00aa:00bb:ffff:1:2:3")!)).toBe(net);
    expect(rateLimitSubject(normalizeAddress("[2001:db8:aa:bb:1234::]:443")!)).toBe(net);
    // The next /64 is another client; so is an address whose zeros fall in the first half.
    expect(rateLimitSubject("2001:db8:aa:bc::1")).toBe("2001:db8:aa:bc::/64");
    expect(rateLimitSubject("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitSubject("::1")).toBe("0:0:0:0::/64");
  });
});

describe("trusted proxies", () => {
  it("match addresses and CIDR ranges, IPv4 and IPv6", () => {
    const t = parseTrustedProxies("127.0.0.1, 10.0.0.0/8 192.168.1.0/24,fd00::/8,::1");
    expect(t.entries).toEqual(["127.0.0.1", "10.0.0.0/8", "192.168.1.0/24", "fd00::/8", "::1"]);
    for (const yes of ["127.0.0.1", "::ffff:127.0.0.1", "10.0.0.1", "10.255.255.255", "192.168.1.200", "fd12:3456::7", "::1", "0:0:0:0:0:0:0:1"]) {
      expect(t.check(yes), yes).toBe(true);
    }
    for (const no of ["127.0.0.2", "11.0.0.1", "192.168.2.1", "fe80::1", "2001:db8::1", "", "garbage"]) expect(t.check(no), no).toBe(false);
  });

  it("are none by default", () => {
    expect(parseTrustedProxies(undefined)).toBe(NO_PROXIES);
    expect(parseTrustedProxies(" , ")).toBe(NO_PROXIES);
    expect(NO_PROXIES.check("127.0.0.1")).toBe(false);
  });

  it("refuse what is not an address or a range", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "fd00::/129", "10.0.0.0/8/8", "10.0.0.0/x", "127.0.0.1:80", "1.2.3.4/-1"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(TrustedProxiesError);
    }
  });
});

describe("the client's address", () => {
  const nginx = parseTrustedProxies("127.0.0.1");
  const chain = parseTrustedProxies("127.0.0.1,10.0.0.0/8");

  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("::ffff:198.51.100.7", "192.0.2.1", NO_PROXIES)).toBe("198.51.100.7");
    expect(resolveClientAddress("127.0.0.1", "192.0.2.1", NO_PROXIES)).toBe("127.0.0.1");
    expect(resolveClientAddress(undefined, "192.0.2.1", NO_PROXIES)).toBe("unknown");
  });

  it("is the hop the trusted proxy appended, not what the client wrote before it", () => {
    expect(resolveClientAddress("127.0.0.1", "192.0.2.1", nginx)).toBe("192.0.2.1");
    // The client forged 1.1.1.1; nginx appended the address it saw.
    expect(resolveClientAddress("127.0.0.1", "1.1.1.1, 203.0.113.9", nginx)).toBe("203.0.113.9");
    // Several header lines are one list.
    expect(resolveClientAddress("127.0.0.1", ["1.1.1.1", "203.0.113.9"], nginx)).toBe("203.0.113.9");
    // A peer that is not the proxy is the client, even if it sends the header.
    expect(resolveClientAddress("198.51.100.7", "192.0.2.1", nginx)).toBe("198.51.100.7");
  });

  it("walks a chain of trusted proxies from the right, stopping at the first untrusted hop", () => {
    expect(resolveClientAddress("127.0.0.1", "1.1.1.1, 203.0.113.9, 10.1.2.3", chain)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.5", "203.0.113.9, 10.9.9.9, 10.1.2.3", chain)).toBe("203.0.113.9");
    // Every hop trusted: the leftmost is as far as anyone vouches.
    expect(resolveClientAddress("127.0.0.1", "10.0.0.1, 10.0.0.2", chain)).toBe("10.0.0.1");
    // IPv6 hops and ranges.
    const v6 = parseTrustedProxies("fd00::/8");
    expect(resolveClientAddress("fd00::1", "2001:DB8::7, fd00::2", v6)).toBe("2001:db8::7");
  });

  it("stops at a garbled hop, at the last address a trusted proxy reported", () => {
    expect(resolveClientAddress("127.0.0.1", "evil, 10.1.2.3", chain)).toBe("10.1.2.3");
    expect(resolveClientAddress("127.0.0.1", "", nginx)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", undefined, nginx)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "203.0.113.9, ,", nginx)).toBe("203.0.113.9");
  });
});

describe("the address handed to the app", () => {
  const secret = "s".repeat(32);

  it("is believed only with the web server's proof", () => {
    const proof = clientAddressProof("203.0.113.9", secret);
    expect(verifiedClientAddress("203.0.113.9", proof, secret)).toBe("203.0.113.9");
    expect(verifiedClientAddress("192.0.2.1", proof, secret)).toBeNull(); // another address, same proof
    expect(verifiedClientAddress("203.0.113.9", clientAddressProof("203.0.113.9", "t".repeat(32)), secret)).toBeNull();
    expect(verifiedClientAddress("203.0.113.9", null, secret)).toBeNull();
    expect(verifiedClientAddress(null, proof, secret)).toBeNull();
    expect(verifiedClientAddress("203.0.113.9", "short", secret)).toBeNull();
  });
});

describe("configuration", () => {
  const server = { DATABASE_URL: "postgresql://u@h/d", AUTH_SECRET: "x".repeat(32) };

  it("takes SUARA_TRUSTED_PROXIES and names a bad entry", () => {
    expect(parseEnv(ZServerEnv, { ...server, SUARA_TRUSTED_PROXIES: "127.0.0.1,10.0.0.0/8" }).SUARA_TRUSTED_PROXIES).toBe("127.0.0.1,10.0.0.0/8");
    expect(() => parseEnv(ZLauncherEnv, { SUARA_TRUSTED_PROXIES: "127.0.0.1,proxy.local" })).toThrow(
      new EnvError('Configuration error: SUARA_TRUSTED_PROXIES has "proxy.local" is not an IP address or CIDR range (write e.g. 127.0.0.1,10.0.0.0/8).'),
    );
  });

  it("refuses the retired hop count with what to set instead", () => {
    for (const schema of [ZLauncherEnv, ZServerEnv]) {
      expect(() => parseEnv(schema, { ...server, SUARA_TRUSTED_PROXY_HOPS: "1" })).toThrow(/SUARA_TRUSTED_PROXY_HOPS is no longer read: list the reverse proxies' addresses in SUARA_TRUSTED_PROXIES/);
    }
  });
});
