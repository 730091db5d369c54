// Direct reads of the database the app under test uses, to check that what a
// citizen sent is stored exactly once.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const file = path.join(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e-data", "database.url");
  if (!existsSync(file)) throw new Error(`no E2E_DATABASE_URL and no ${file}`);
  return readFileSync(file, "utf8").trim();
}

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Responses whose saran carries `marker`: each test writes its own marker. */
export async function responsesWithMarker(marker: string) {
  return query<{ id: string; channel: string; answers: Record<string, number>; service: string | null; verified: boolean; locale: string; suspicious: boolean }>(
    `SELECT r.id, r.channel::text, r.answers, s.code AS service, r.verified, r.locale, r.suspicious
       FROM response r LEFT JOIN service s ON s.id = r.service_id WHERE r.saran LIKE $1`,
    [`%${marker}%`],
  );
}
