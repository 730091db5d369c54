// The demo's accounts, one per role, all with the password the README prints.
// Each gets its own argon2 hash (its own salt): one shared hash string would tell
// whoever reads the table that the accounts share a password, and crack all at once.
import { hash, verify } from "@node-rs/argon2";
import pg from "pg";

export const DEMO_PASSWORD = "Suara-Demo-2026";
export const DEMO_ACCOUNTS = [
  { email: "admin@suara.test", name: "Admin Kabupaten", role: "ADMIN", unit: "KAB-SUKAMAJU" },
  { email: "pimpinan@suara.test", name: "Sekretaris Daerah", role: "PIMPINAN", unit: "KAB-SUKAMAJU" },
  { email: "kepala.dukcapil@suara.test", name: "Kepala Dinas Dukcapil", role: "KEPALA_UNIT", unit: "DISDUKCAPIL" },
  { email: "operator.dukcapil@suara.test", name: "Operator Dukcapil", role: "OPERATOR", unit: "DISDUKCAPIL" },
] as const;

/** Inserts the accounts and their roles (inside the seed's transaction); returns each account's id by email. */
export async function insertDemoAccounts(client: pg.Client, unitIdByCode: (code: string) => string, uuid: () => string): Promise<Map<string, string>> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hash(DEMO_PASSWORD)));
  const userIds = new Map<string, string>();
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    const id = uuid();
    userIds.set(a.email, id);
    await client.query(`INSERT INTO "user" (id, email, name, password_hash, password_changed_at) VALUES ($1,$2,$3,$4,now())`, [id, a.email, a.name, hashes[i]]);
    await client.query(`INSERT INTO role_assignment (id, user_id, unit_id, role) VALUES ($1,$2,$3,$4)`, [uuid(), id, unitIdByCode(a.unit), a.role]);
  }
  return userIds;
}

/** Whether the demo's accounts are there with the demo password still set (then the launcher says how to sign in). */
export async function demoAccountsActive(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const res = await client.query(`SELECT password_hash FROM "user" WHERE email = $1 AND active`, [DEMO_ACCOUNTS[0].email]);
    const stored = res.rows[0]?.password_hash as string | undefined;
    return !!stored && (await verify(stored, DEMO_PASSWORD).catch(() => false));
  } finally {
    await client.end();
  }
}
