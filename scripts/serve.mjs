// The web server `npm start` runs (scripts/start.ts spawns it): Next's request handler
// behind a plain Node HTTP server, so that Suara, not the client, says who the client is
// (lib/request/gate.ts: the address from the connection and SUARA_TRUSTED_PROXIES, and a
// 400 for a path that cannot be decoded), and the public results answered from memory
// (lib/request/public-cache.ts).
//
// Plain JavaScript on purpose: Next loads as under `next start`, outside tsx's hooks
// (`--import tsx` doubled the server's start-up CPU); only the gate's few TypeScript
// files go through tsx, whose hooks are removed once they are loaded.
//
// Usage: node scripts/serve.mjs --port 3000 --hostname 0.0.0.0
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { register } from "tsx/esm/api";

const { values: args } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname ?? "0.0.0.0";

/** @type {import("../lib/request/gate").TRequestGate} */
let gate;
/** @type {import("../lib/request/public-cache").TPublicCache} */
let publicCache;
try {
  const tsx = register({ namespace: "suara-gate" });
  gate = (await tsx.import("../lib/request/gate.ts", import.meta.url)).requestGate();
  // The public results answered from memory (a viral link), dropped by the app on a publish.
  publicCache = (await tsx.import("../lib/request/public-cache.ts", import.meta.url)).publicResponseCache();
  await tsx.unregister();
} catch (err) {
  console.error(`[suara] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const app = next({ dev: false, dir: process.cwd(), hostname, port });
/** @type {ReturnType<typeof app.getRequestHandler>} */
let handle;

const server = http.createServer((req, res) => {
  if (gate(req, res)) return;
  if (publicCache.handle(req, res)) return;
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

function stop() {
  setTimeout(() => process.exit(0), 5_000).unref();
  const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
  server.closeAllConnections();
  // Shutdown hooks the app registered (lib/jobs/queue.ts: stop the job workers, close their pool).
  /** @type {Set<() => Promise<void>> | undefined} */
  const hooks = /** @type {any} */ (globalThis)[Symbol.for("suara.shutdown")];
  const stopped = [...(hooks ?? [])].map((hook) => Promise.resolve().then(hook).catch(() => {}));
  Promise.all([closed, ...stopped]).then(() => process.exit(0));
}
process.once("SIGTERM", stop);
process.once("SIGINT", stop);

try {
  await app.prepare();
  handle = app.getRequestHandler();
} catch (err) {
  console.error(`[suara] The web server could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
server.once("error", (err) => {
  console.error(`[suara] The web server cannot listen on ${hostname}:${port} (${/** @type {NodeJS.ErrnoException} */ (err).code ?? err.message}).`);
  process.exit(1);
});
server.listen(port, hostname);
