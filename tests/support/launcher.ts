// Runs `npm start`'s launcher (scripts/start.ts) as a user would, in its own
// process group, and collects what it prints.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export type Launch = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function launch(env: Record<string, string | undefined>): Launch {
  const cleanEnv = { ...process.env };
  delete cleanEnv.DATABASE_URL;
  delete cleanEnv.AUTH_SECRET;
  // One process, as `npm start` runs it (no tsx wrapper that would SIGKILL it on SIGTERM).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: process.cwd(),
    env: { ...cleanEnv, SUARA_HOST: "127.0.0.1", SUARA_SKIP_DOTENV: "1", ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    stop: async () => {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          /* gone */
        }
      }
      return exited;
    },
  };
}

/** Resolves once the launcher says it is ready; rejects if it exits first. */
export async function waitReady(l: Launch, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (/Ready on http/.test(l.output())) return;
    if (l.child.exitCode !== null) throw new Error(`launcher exited ${l.child.exitCode}:\n${l.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`launcher not ready in time:\n${l.output()}`);
}
