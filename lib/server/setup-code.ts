// The launcher's side of a new agency's first run: while no admin exists, a fresh
// one-time code is stored (its hash) and printed on the console, so only whoever
// runs the server can claim the setup page (/pasang). Once an admin exists the
// code is dropped.
import pg from "pg";
import { hashSetupCode, newSetupCode } from "@/lib/setup-code";

/** A new setup code when the agency has no admin yet (the previous one stops working), else null. */
export async function openSetupIfNoAdmin(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM role_assignment r JOIN "user" u ON u.id = r.user_id WHERE r.role = 'ADMIN' AND u.active) AS has_admin`);
    if (rows[0].has_admin) {
      await client.query(`DELETE FROM setup_code`);
      return null;
    }
    const code = newSetupCode();
    await client.query(
      `INSERT INTO setup_code (id, code_hash, created_at) VALUES (true, $1, now())
       ON CONFLICT (id) DO UPDATE SET code_hash = EXCLUDED.code_hash, created_at = now()`,
      [hashSetupCode(code)],
    );
    return code;
  } finally {
    await client.end();
  }
}
