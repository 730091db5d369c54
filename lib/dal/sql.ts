import "server-only";
import { pool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// SQL composed from named pieces: `sql` tagged templates nest, values become
// numbered parameters wherever the piece ends up, and structure the code itself
// decides (a table, a column list) enters through `raw`, never a caller's value.
// Runs on the shared pg pool, without Prisma's per-query work.

export type TSql = Prisma.Sql;
export const { sql, raw, join, empty } = Prisma;

export async function queryRows<T extends object>(statement: TSql): Promise<T[]> {
  return (await pool().query<T & Record<string, unknown>>(statement.text, statement.values)).rows;
}
