import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FRESH_MS, invalidatePublicResponses, publicResponseCache, type TPublicCache } from "@/lib/request/public-cache";

// The web server's copies of the public results (lib/request/public-cache.ts), over real HTTP in
// front of a small origin that stands in for Next: what is kept, for whom, the fresh nonce of
// each answer, and that a publish in this process drops everything at once.

let renders = 0;
let edition = "T3";
let clock = 0;
let hold: Promise<void> | null = null;
let cache: TPublicCache;
let server: http.Server;
let base = "";

beforeAll(async () => {
  cache = publicResponseCache({}, () => clock);
  server = http.createServer(async (req, res) => {
    if (cache.handle(req, res)) return;
    renders++;
    const seen = edition;
    if (hold) await hold;
    const nonce = `n${renders}Zm9v+/==`;
    if (req.url === "/hasil/TIDAK-ADA") {
      res.statusCode = 404;
      return res.end("not found");
    }
    res.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}'`);
    res.setHeader("content-type", req.url?.endsWith(".json") ? "application/json" : "text/html; charset=utf-8");
    res.setHeader("x-encoding-asked", String(req.headers["accept-encoding"] ?? ""));
    res.write(`<html><script nonce="${nonce}">x</script><p>${seen} ${req.url}</p>`);
    res.end(`${"<i>pad</i>".repeat(200)}<script nonce="${nonce}"></script></html>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}${path}`, { headers });
  return { status: res.status, cache: res.headers.get("x-suara-cache"), csp: res.headers.get("content-security-policy") ?? "", body: await res.text(), asked: res.headers.get("x-encoding-asked") };
};
const nonces = (body: string) => [...new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))];

describe("public response cache", () => {
  it("renders once, then answers from memory with a fresh nonce in the header and the page", async () => {
    const first = await get("/hasil");
    expect(first).toMatchObject({ status: 200, cache: "miss", asked: "identity" });
    expect(first.body).toContain("T3 /hasil");
    const n = renders;
    const second = await get("/hasil");
    const third = await get("/hasil");
    expect(renders).toBe(n);
    expect(second.cache).toBe("hit");
    expect(second.body.replaceAll(nonces(second.body)[0]!, "N")).toBe(first.body.replaceAll(nonces(first.body)[0]!, "N"));
    const [a] = nonces(second.body);
    const [b] = nonces(third.body);
    expect(nonces(second.body)).toHaveLength(1);
    expect(a).not.toBe(nonces(first.body)[0]);
    expect(a).not.toBe(b);
    expect(second.csp).toBe(`script-src 'self' 'nonce-${a}'`);
  });

  it("gzips for a reader who accepts it", async () => {
    await get("/hasil/data.json");
    const res = await new Promise<http.IncomingMessage>((r) => http.get(`${base}/hasil/data.json`, { headers: { "accept-encoding": "gzip" } }, r));
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toContain("T3 /hasil/data.json");
  });

  it("keys by locale, and renders afresh for staff, other paths, other methods and errors", async () => {
    await get("/hasil");
    const n = renders;
    expect((await get("/hasil", { cookie: "suara_locale=en" })).cache).toBe("miss");
    expect((await get("/hasil", { cookie: "suara_locale=en" })).cache).toBe("hit");
    expect((await get("/hasil", { cookie: "suara_locale=en; authjs.session-token=abc" })).cache).toBeNull();
    expect((await get("/hasil", { rsc: "1" })).cache).toBeNull();
    expect((await get("/dasbor")).cache).toBeNull();
    expect((await get("/hasil/RSUD/x")).cache).toBeNull();
    expect((await fetch(`${base}/hasil`, { method: "POST" })).headers.get("x-suara-cache")).toBeNull();
    expect(renders).toBe(n + 6);
    await get("/hasil/TIDAK-ADA");
    expect((await get("/hasil/TIDAK-ADA")).status).toBe(404);
    expect(renders).toBe(n + 8);
  });

  it("a publish in this process drops every copy; a render begun before it is not kept", async () => {
    await get("/hasil/RSUD");
    expect((await get("/hasil/RSUD")).cache).toBe("hit");
    edition = "T2";
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    invalidatePublicResponses();
    // This render read the rows before the next change: it is answered, and not kept.
    const before = renders;
    const slow = get("/hasil");
    while (renders === before) await new Promise((r) => setTimeout(r, 5));
    edition = "T1";
    invalidatePublicResponses();
    release();
    hold = null;
    expect((await slow).body).toContain("T2 /hasil");
    expect((await get("/hasil")).body).toContain("T1 /hasil");
    expect((await get("/hasil")).cache).toBe("hit");
    const unit = await get("/hasil/RSUD");
    expect(unit).toMatchObject({ cache: "miss" });
    expect(unit.body).toContain("T1 /hasil/RSUD");
  });

  it("after FRESH_MS one reader refreshes while the others still get the copy", async () => {
    edition = "T4";
    const n = renders;
    expect((await get("/hasil")).body).toContain("T1 /hasil");
    clock += FRESH_MS + 1;
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    const refresh = get("/hasil");
    while (renders === n) await new Promise((r) => setTimeout(r, 5));
    const meanwhile = await get("/hasil");
    expect(meanwhile).toMatchObject({ cache: "hit" });
    expect(meanwhile.body).toContain("T1 /hasil");
    release();
    hold = null;
    expect((await refresh).body).toContain("T4 /hasil");
    expect((await get("/hasil")).body).toContain("T4 /hasil");
    expect(renders).toBe(n + 1);
    expect(cache.size()).toBeGreaterThan(0);
  });
});
