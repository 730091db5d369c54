import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI does not read .env; DATABASE_URL only matters to the native
// migrate commands. Suara applies migrations itself (lib/server/migrate.ts),
// so a missing URL must not break `prisma generate`.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/suara" },
});
