import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

// One client per server process (and one across dev hot reloads), created on
// first use so that importing this module (e.g. while `next build` collects
// routes) needs no database configuration.
const globalForPrisma = globalThis as unknown as { suaraPrisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.suaraPrisma) {
    const env = serverEnv();
    const adapter = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
    });
    globalForPrisma.suaraPrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.suaraPrisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, property) => {
    const real = client();
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
