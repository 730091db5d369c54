import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

// One connection pool and one Prisma client per server process (and across
// dev hot reloads), created on first use so that importing this module (e.g.
// while `next build` collects routes) needs no database configuration. The
// pool is shared: Prisma runs on it, and the data layer's hottest statement
// (a citizen's submit) goes to it directly, skipping Prisma's per-query work.
const globalForDb = globalThis as unknown as { suaraPrisma?: PrismaClient; suaraPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForDb.suaraPool) {
    const env = serverEnv();
    const created = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000 });
    // An idle connection the server ends (a restart, an administrator, a dropped database)
    // is an 'error' event on the pool: without a listener it would bring the whole process
    // down. The pool drops that connection and opens a new one on the next query.
    created.on("error", (err) => console.error(`[suara] database connection lost: ${err.message}`));
    globalForDb.suaraPool = created;
  }
  return globalForDb.suaraPool;
}

function client(): PrismaClient {
  globalForDb.suaraPrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForDb.suaraPrisma;
}

/** The client inside an interactive transaction (prisma.$transaction(async (tx) => ...)). */
export type TTx = Prisma.TransactionClient;

export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** Closes the client and the pool (tests; a later call opens new ones). */
export async function closeDb() {
  const { suaraPrisma, suaraPool } = globalForDb;
  globalForDb.suaraPrisma = undefined;
  globalForDb.suaraPool = undefined;
  await suaraPrisma?.$disconnect();
  await suaraPool?.end();
}
