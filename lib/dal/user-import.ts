import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { insertAudit } from "@/lib/dal/audit";
import { getUnitForCaller } from "@/lib/dal/units";
import { defineWrite, fieldErrors, type TWriteResult } from "@/lib/dal/write";
import { prisma, type TTx } from "@/lib/db";
import type { TCaller } from "@/lib/permissions";
import type { TRequestMeta } from "@/lib/request/meta";
import { parseUserCsv, type TUserCsvProblem, type TUserCsvRow } from "@/lib/validation/user-csv";
import { ZBulkCreateUsers, type TBulkCreateUsers } from "@/lib/validation/users";

// Accounts from a CSV of names and addresses, all with one role on one unit: checked whole
// first (the preview), then created whole in one transaction, each with its own one-time
// password and audit entry. A file with any bad line creates nobody.

export type TFileError = "empty" | "tooMany" | "tooBig";
type TBulkCheck = { unit: { id: string; path: string; code: string; name: string }; rows: TUserCsvRow[]; problems: TUserCsvProblem[]; fileError: TFileError | null };

/** The file's lines, its bad lines (the parser's, and addresses already registered), and the unit, or null without it. */
async function check(db: TTx, input: TBulkCreateUsers): Promise<TBulkCheck | null> {
  const unit = await db.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true, code: true, name: true } });
  if (!unit) return null;
  const parsed = parseUserCsv(input.csv);
  if (!parsed.ok) return { unit, rows: [], problems: [], fileError: parsed.error };
  const taken = new Set(
    (await db.user.findMany({ where: { email: { in: parsed.rows.map((r) => r.email) } }, select: { email: true } })).map((u) => u.email),
  );
  const exists = parsed.rows.filter((r) => taken.has(r.email)).map((r): TUserCsvProblem => ({ line: r.line, reason: "exists" }));
  return { unit, rows: parsed.rows, problems: [...parsed.problems, ...exists].sort((a, b) => a.line - b.line), fileError: null };
}

export type TBulkPreview = { unit: { code: string; name: string }; rows: TUserCsvRow[]; problems: TUserCsvProblem[] } | { fileError: TFileError };

/** What a confirm would create, or every reason it would not: a read, nothing is written. */
export async function previewBulkUsers(caller: TCaller | null, raw: unknown): Promise<TWriteResult<TBulkPreview>> {
  const parsed = ZBulkCreateUsers.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid", fields: fieldErrors(parsed.error) };
  if (!(await getUnitForCaller(caller, parsed.data.unitCode, "admin"))) return { ok: false, error: "notFound" };
  const c = await check(prisma, parsed.data);
  if (!c) return { ok: false, error: "notFound" };
  if (c.fileError) return { ok: true, value: { fileError: c.fileError } };
  return { ok: true, value: { unit: { code: c.unit.code, name: c.unit.name }, rows: c.rows, problems: c.problems } };
}

/**
 * 96 random bits, URL-safe; never starting with `-` or `_`: a spreadsheet opening the download
 * would read a leading `-` as a formula (and the export's defusing apostrophe would change it).
 */
function oneTimePassword(): string {
  for (;;) {
    const p = randomBytes(12).toString("base64url");
    if (/^[A-Za-z0-9]/.test(p)) return p;
  }
}

export type TCreatedAccount = { email: string; name: string; temporaryPassword: string };
type TPreparedAccount = { id: string; temporaryPassword: string; passwordHash: string };

/** How many argon2 hashes run at once: each takes a libuv thread (four in all) and a second or so. */
const HASH_CONCURRENCY = 2;

/** A one-time password and its hash for every line, `HASH_CONCURRENCY` at a time, keyed by line. */
async function prepareAccounts(rows: TUserCsvRow[]): Promise<Map<number, TPreparedAccount>> {
  const prepared = new Map<number, TPreparedAccount>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < rows.length; i = next++) {
      const temporaryPassword = oneTimePassword();
      prepared.set(rows[i]!.line, { id: randomUUID(), temporaryPassword, passwordHash: await hashPassword(temporaryPassword) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, rows.length) }, worker));
  return prepared;
}

/** The transaction: the file checked again (an address may have been registered since), then every account, or none. */
const insertAccounts = (prepared: Map<number, TPreparedAccount>) =>
  defineWrite({
    input: ZBulkCreateUsers,
    capability: "admin",
    locate: (tx, input) => check(tx, input),
    // The one unit every account gets its role on: an admin of a dinas creates on its subtree only,
    // and cannot grant ADMIN above it (the unit itself must lie in the caller's scope).
    on: (c) => [c.unit.path],
    refuse: (_input, c): "lines" | "file" | null => (c.fileError ? "file" : c.problems.length > 0 ? "lines" : null),
    conflict: "exists",
    timeoutMs: 30_000,
    audit: (input, c) => ({ action: "user.import", targetType: "unit", targetId: c.unit.id, unitId: c.unit.id, detail: { role: input.role, count: c.rows.length } }),
    handler: async (tx, input, c, { caller, meta }): Promise<TCreatedAccount[]> => {
      const accounts = c.rows.map((r) => {
        const a = prepared.get(r.line);
        // The same text parses the same: a line without its hash is a bug, not a user's mistake.
        if (!a) throw new Error(`user import: no prepared account for line ${r.line}`);
        return { ...r, ...a };
      });
      for (const a of accounts) {
        await insertAudit(tx, { actor: caller, meta, action: "user.create", targetType: "user", targetId: a.id, unitId: c.unit.id, detail: { email: a.email, role: input.role, via: "import" } });
      }
      await tx.user.createMany({ data: accounts.map((a) => ({ id: a.id, email: a.email, name: a.name, passwordHash: a.passwordHash, mustChangePassword: true })) });
      await tx.roleAssignment.createMany({ data: accounts.map((a) => ({ userId: a.id, unitId: c.unit.id, role: input.role })) });
      return accounts.map((a) => ({ email: a.email, name: a.name, temporaryPassword: a.temporaryPassword }));
    },
  });

/**
 * Creates every account of the file or none: refused while any line is bad ("lines"; the
 * preview says which), and rolled back whole if an address is registered meanwhile ("exists").
 * The passwords are returned once, here, and stored only as hashes. The hashes (up to 200
 * argon2 runs, seconds of work) are made before the transaction, and only for a caller the
 * check lets through: the transaction holds its connection for the inserts alone.
 */
export async function createUsersBulk(
  caller: TCaller | null,
  raw: unknown,
  meta?: TRequestMeta,
): Promise<TWriteResult<TCreatedAccount[], "lines" | "file" | "exists">> {
  const preview = await previewBulkUsers(caller, raw);
  if (!preview.ok) return preview;
  if ("fileError" in preview.value) return { ok: false, error: "file" };
  if (preview.value.problems.length > 0) return { ok: false, error: "lines" };
  return insertAccounts(await prepareAccounts(preview.value.rows))(caller, raw, meta);
}
