// What a citizen's phone downloads to open a survey: the first load of
// /s/DISDUKCAPIL in Chromium at phone size (cold cache), by resource type,
// against the budget of 140 KiB of JS (gzip bodies) and 170 KiB in all
// (the same with response headers is printed beside it). Sizes come from the DevTools protocol: transfer =
// Network.loadingFinished encodedDataLength (compressed body + response
// headers), body = that minus the headers, decoded = the bytes after
// decompression (sum of Network.dataReceived dataLength).
//
// Run against a running app: npx tsx scripts/bench/page-weight.ts [base URL] [path]
//   (npm run bench:page-weight -- http://localhost:3000)
// Exit code 1 when over budget.
import { chromium, devices } from "playwright-core";

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const pagePath = process.argv[3] ?? "/s/DISDUKCAPIL";
const BUDGET = { js: 140 * 1024, total: 170 * 1024 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Entry = {
  url: string;
  type: string;
  status?: number;
  encoding?: string;
  headerBytes: number;
  transfer: number;
  decoded: number;
  fromCache: boolean;
  afterLoad: boolean;
  finished: boolean;
  failed?: string;
};

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
  try {
    const phone = devices["Pixel 7"]!;
    const context = await browser.newContext({ ...phone });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

    const entries = new Map<string, Entry>();
    let loaded = false;
    cdp.on("Network.requestWillBeSent", (e) => {
      entries.set(e.requestId, {
        url: e.request.url,
        type: e.type ?? "Other",
        headerBytes: 0,
        transfer: 0,
        decoded: 0,
        fromCache: false,
        afterLoad: loaded,
        finished: false,
      });
    });
    cdp.on("Network.responseReceived", (e) => {
      const x = entries.get(e.requestId);
      if (!x) return;
      x.type = e.type ?? x.type;
      x.status = e.response.status;
      x.encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === "content-encoding")?.[1] as string | undefined;
      x.headerBytes = e.response.encodedDataLength ?? 0;
      x.fromCache = !!(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache);
    });
    cdp.on("Network.dataReceived", (e) => {
      const x = entries.get(e.requestId);
      if (x) x.decoded += e.dataLength;
    });
    cdp.on("Network.loadingFinished", (e) => {
      const x = entries.get(e.requestId);
      if (!x) return;
      x.transfer = e.encodedDataLength;
      x.finished = true;
    });
    cdp.on("Network.loadingFailed", (e) => {
      const x = entries.get(e.requestId);
      if (x) x.failed = e.errorText;
    });
    page.on("load", () => (loaded = true));

    const url = base + pagePath;
    const res = await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
    await page.waitForTimeout(1500); // late prefetches
    const all = [...entries.values()].filter((x) => !x.url.startsWith("data:"));

    console.log(`Page weight of ${url} (${phone.viewport.width}x${phone.viewport.height} phone, cold cache, status ${res?.status()})`);
    const byType = new Map<string, { n: number; transfer: number; body: number; decoded: number }>();
    for (const x of all) {
      const t = byType.get(x.type) ?? { n: 0, transfer: 0, body: 0, decoded: 0 };
      t.n++;
      t.transfer += x.transfer;
      t.body += Math.max(0, x.transfer - x.headerBytes);
      t.decoded += x.decoded;
      byType.set(x.type, t);
    }
    const rows = [...byType].sort((a, b) => b[1].transfer - a[1].transfer);
    const total = { n: 0, transfer: 0, body: 0, decoded: 0 };
    for (const [, t] of rows) {
      total.n += t.n;
      total.transfer += t.transfer;
      total.body += t.body;
      total.decoded += t.decoded;
    }
    const line = (name: string, t: typeof total) =>
      console.log(`  ${name.padEnd(12)} ${String(t.n).padStart(3)}  ${kib(t.transfer).padStart(11)}  ${kib(t.body).padStart(11)}  ${kib(t.decoded).padStart(11)}`);
    console.log(`  ${"type".padEnd(12)} ${"n".padStart(3)}  ${"transfer".padStart(11)}  ${"body (gzip)".padStart(11)}  ${"decoded".padStart(11)}`);
    for (const [type, t] of rows) line(type, t);
    line("total", total);

    const js = byType.get("Script") ?? { n: 0, transfer: 0, body: 0, decoded: 0 };
    const encodings = new Map<string, number>();
    for (const x of all.filter((x) => x.type === "Script" || x.type === "Document" || x.type === "Stylesheet")) {
      const k = `${x.type}:${x.encoding ?? "none"}`;
      encodings.set(k, (encodings.get(k) ?? 0) + 1);
    }
    console.log(`  content-encoding: ${[...encodings].map(([k, v]) => `${k} x${v}`).join(", ")}`);
    const late = all.filter((x) => x.afterLoad);
    if (late.length) console.log(`  after the load event: ${late.length} request(s), ${kib(late.reduce((s, x) => s + x.transfer, 0))} (included above)`);
    const bad = all.filter((x) => x.failed || (x.status ?? 0) >= 400 || !x.finished || x.fromCache);
    for (const x of bad) console.log(`  note: ${x.url} ${x.failed ?? ""} status ${x.status ?? "-"}${x.finished ? "" : " unfinished"}${x.fromCache ? " from cache" : ""}`);

    console.log("  largest scripts (transfer / decoded):");
    for (const x of all.filter((x) => x.type === "Script").sort((a, b) => b.transfer - a.transfer).slice(0, 8)) {
      console.log(`    ${kib(x.transfer).padStart(10)} / ${kib(x.decoded).padStart(10)}  ${x.url.replace(base, "")}`);
    }

    // The budget counts compressed bytes (gzip bodies); response headers are shown beside it.
    const jsOk = js.body <= BUDGET.js;
    const totalOk = total.body <= BUDGET.total;
    const verdict = (used: number, budget: number) => (used <= budget ? `ok, ${kib(budget - used)} left` : `OVER by ${kib(used - budget)}`);
    console.log(`Budget: JS ${kib(js.body)} gzip of ${kib(BUDGET.js)} (${verdict(js.body, BUDGET.js)}); all ${kib(total.body)} of ${kib(BUDGET.total)} (${verdict(total.body, BUDGET.total)})`);
    console.log(
      `  with response headers: JS ${kib(js.transfer)} (${verdict(js.transfer, BUDGET.js)}); all ${kib(total.transfer)} (${verdict(total.transfer, BUDGET.total)})`,
    );
    if (!jsOk || !totalOk) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(`page-weight failed: ${(err as Error).message}`);
  process.exit(1);
});
