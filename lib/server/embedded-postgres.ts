// The embedded PostgreSQL for machines without a database server: PGlite
// (PostgreSQL compiled to WebAssembly) keeping its files under ./.data, served
// on 127.0.0.1 through pglite-socket so the app reaches it with the same `pg`
// driver and Prisma adapter it uses against a real server.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class StartupError extends Error {}

// More sockets than the app's pool ever opens: PGlite refuses extra ones abruptly.
const MAX_CONNECTIONS = 40;

export type EmbeddedPostgres = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

/**
 * Takes `<dataDir>/suara.lock`. PGlite does not lock its folder, and two
 * processes writing the same files corrupt them, so a second start is refused
 * while the first is alive. A lock left by a process that died is taken over.
 */
export function acquireDataLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "suara.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, "utf8") === String(process.pid)) rmSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new StartupError(
          `Another Suara (process ${holder}) is already using ${dataDir}; stop it first, or set SUARA_DATA_DIR to another folder.`,
        );
      }
      rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }
  throw new StartupError(`Could not lock ${dataDir}; remove ${lockPath} if no Suara is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Starts PGlite on 127.0.0.1 (a free port unless `port` is given). With
 * `dataDir: null` the database lives in memory (tests) and takes no lock.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string | null;
  port?: number;
  /** The release function of a lock on dataDir the caller already took. */
  lockHeld?: () => void;
}): Promise<EmbeddedPostgres> {
  const release = opts.lockHeld ?? (opts.dataDir ? acquireDataLock(opts.dataDir) : () => {});
  const pgDir = opts.dataDir ? path.join(opts.dataDir, "pg") : "memory://";
  const fresh = !opts.dataDir || !existsSync(path.join(pgDir, "PG_VERSION"));
  let db: import("@electric-sql/pglite").PGlite | undefined;
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    try {
      db = await PGlite.create(pgDir);
      await db.query("SELECT 1");
    } catch (err) {
      throw new StartupError(
        `The embedded database in ${pgDir} could not be opened (${shortReason(err)}); ` +
          (fresh ? "check that the folder is writable." : "move the folder aside to start with a new one."),
      );
    }
    const server = new PGLiteSocketServer({
      db,
      host: "127.0.0.1",
      port: opts.port ?? 0,
      maxConnections: MAX_CONNECTIONS,
    });
    try {
      await server.start();
    } catch (err) {
      throw new StartupError(
        `The embedded database could not listen on 127.0.0.1:${opts.port ?? 0} (${shortReason(err)}).`,
      );
    }
    const conn = server.getServerConn(); // "127.0.0.1:54321"
    const port = Number(conn.split(":").pop());
    const pglite = db;
    let stopped = false;
    return {
      port,
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await server.stop().catch(() => {});
        await pglite.close().catch(() => {});
        release();
      },
    };
  } catch (err) {
    await db?.close().catch(() => {});
    release();
    throw err;
  }
}

export function shortReason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const msg = (e?.message ?? String(err)).split("\n")[0] ?? "";
  return e?.code && !msg.includes(e.code) ? `${e.code}: ${msg}` : msg;
}
