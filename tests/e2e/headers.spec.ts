import { expect, test } from "@playwright/test";

// What every kind of response carries against injected scripts, framing and
// sniffing, and what a too-large body gets: a sentence, not a stack trace.

const pages = ["/", "/s/PKM-SUKAMAJU", "/s/PKM-SUKAMAJU/UMUM", "/s/PKM-SUKAMAJU/terima-kasih", "/kiosk/PKM-SUKAMAJU", "/masuk", "/s/TIDAK-ADA", "/tidak-ada"];

test("every kind of page carries the security headers, with a fresh script nonce each time, and still runs", async ({ page, request }) => {
  for (const path of [...pages, "/api/health", "/api/v1/ping"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'self'");
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp, path).not.toContain("unsafe-eval");
    expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["x-frame-options"], path).toBe("DENY");
    // Served over plain HTTP here: no HSTS (it only means something over HTTPS).
    expect(h["strict-transport-security"], path).toBeUndefined();
  }
  const nonce = async () => (await request.get("/")).headers()["content-security-policy"]!.match(/'nonce-([^']+)'/)![1];
  expect(await nonce()).not.toBe(await nonce());

  // The policy blocks nothing of our own: Next's scripts carry the nonce, and the page is interactive.
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/s/PKM-SUKAMAJU");
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => !!n && n.length > 0)).toBe(true);
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page.getByTestId("form-errors")).toBeFocused(); // React handled the submit: its scripts ran
  await page.goto("/kiosk/PKM-SUKAMAJU");
  await expect(page.getByTestId("kiosk-not-enrolled")).toBeVisible();
  expect(violations).toEqual([]);
});

test("a body over 1 MB is answered 413 with a sentence in the reader's language", async ({ request }) => {
  const big = "x".repeat(1024 * 1024 + 10);
  const form = await request.post("/s/PKM-SUKAMAJU", { form: { saran: big }, headers: { referer: "http://localhost/s/PKM-SUKAMAJU" } });
  expect(form.status()).toBe(413);
  const html = await form.text();
  expect(html).toContain('lang="id"');
  expect(html).toContain("Kiriman terlalu besar");
  expect(html).toContain("persingkat saran Anda");
  expect(form.headers()["content-security-policy"]).toContain("default-src 'none'"); // a plain page: no script may run
  expect(form.headers()["x-content-type-options"]).toBe("nosniff");

  const english = await request.post("/s/PKM-SUKAMAJU", { form: { saran: big }, headers: { cookie: "suara_locale=en" } });
  expect(await english.text()).toContain("Too much was sent");

  const api = await request.post("/api/v1/responses", { data: { unit: "PKM-SUKAMAJU", saran: big }, headers: { "Idempotency-Key": "too-large-000001" } });
  expect(api.status()).toBe(413);
  expect((await api.json()).errors.form.code).toBe("tooLarge");
});
