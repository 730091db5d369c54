import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, overBodyLimit, readBodyText } from "@/lib/request/body-limit";
import { contentSecurityPolicy, newNonce, securityHeaders, servesUploadedFile, UPLOADED_FILE_CSP } from "@/lib/request/security-headers";

describe("security headers", () => {
  it("allows scripts only with the nonce, no plugins, no framing, no <base>; HTTPS adds HSTS and upgrades", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "abc", https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", https: false, formOrigins: ["https://sso.example.go.id"] })).toContain("form-action 'self' https://sso.example.go.id");
    expect(securityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ https: false, pathname: "/s/PKM" })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(securityHeaders({ https: false })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    // A short link's URL is the transaction code: passed on to no one.
    expect(securityHeaders({ https: false, pathname: "/k/ABCDEFGH23" })["Referrer-Policy"]).toBe("no-referrer");
    expect(securityHeaders({ https: false, pathname: "/kiosk/PKM" })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(newNonce()).not.toBe(newNonce());
    expect(Buffer.from(newNonce(), "base64")).toHaveLength(16);
  });

  it("gives served uploads a sandboxing policy instead of the pages' one", () => {
    expect(UPLOADED_FILE_CSP).toBe("sandbox; default-src 'none'");
    expect(servesUploadedFile("/api/v1/attachments/3f2a0b1c-0000-4000-8000-000000000000")).toBe(true);
    expect(servesUploadedFile("/api/v1/publication-log/3f2a0b1c-0000-4000-8000-000000000000/photo")).toBe(true);
    expect(servesUploadedFile("/api/v1/agency/logo")).toBe(true);
    expect(servesUploadedFile("/api/v1/attachments")).toBe(false);
    expect(servesUploadedFile("/dasbor/unit/X/rtl/2026-T3")).toBe(false);
    expect(servesUploadedFile("/api/v1/attachments/x/y")).toBe(false);
  });

  it("caps a body at the limit whether or not it declares its length", async () => {
    expect(overBodyLimit(String(BODY_LIMIT_BYTES))).toBe(false);
    expect(overBodyLimit(String(BODY_LIMIT_BYTES + 1))).toBe(true);
    expect(overBodyLimit("garbage")).toBe(true);
    expect(overBodyLimit(null)).toBe(false);
    const chunked = (n: number) =>
      new Request("http://x/", {
        method: "POST",
        body: new ReadableStream({
          start(c) {
            for (let i = 0; i < n; i++) c.enqueue(new Uint8Array(64 * 1024));
            c.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
    expect(await readBodyText(chunked(4))).toMatchObject({ ok: true });
    expect(await readBodyText(chunked(17))).toEqual({ ok: false });
  });
});
