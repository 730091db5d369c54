import "server-only";
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { insertAudit } from "@/lib/dal/audit";
import { hitRateWindows } from "@/lib/dal/rate-limit";
import { clearSettingsCache } from "@/lib/dal/settings";
import { prisma, type TTx } from "@/lib/db";
import type { TFieldErrors } from "@/lib/dal/write";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem, type TPasswordProblem } from "@/lib/auth/password-policy";
import type { TRequestMeta } from "@/lib/request/meta";
import { installStandardTemplates } from "@/lib/server/standard-templates";
import { hashSetupCode } from "@/lib/setup-code";
import { ZClaimSetup, ZCreateAgencyAdmin, type TClaimSetup } from "@/lib/validation/setup";

// A new agency's first run (SUARA_SEED=never on an empty database): whoever runs the
// server reads a one-time code on its console (lib/server/setup-code.ts) and claims
// the setup with it, creating the agency's root unit and its first admin. Nobody is
// signed in yet, so this is not a defineWrite: the code is the authority, checked in
// the same transaction that consumes it. Once an admin exists the setup is gone.

/** Guesses at the code from one client per 15 minutes (80 bits: a limit against noise, not luck). */
const CLAIM_LIMIT = { windowSeconds: 15 * 60, max: 10 };

/** Whether the setup page is open: a code is waiting and no admin exists. */
export async function setupOpen(): Promise<boolean> {
  const [code, admin] = await Promise.all([prisma.setupCode.findUnique({ where: { id: true }, select: { id: true } }), hasAdmin(prisma)]);
  return !!code && !admin;
}

function hasAdmin(db: TTx | typeof prisma) {
  return db.roleAssignment.findFirst({ where: { role: "ADMIN", user: { active: true } }, select: { id: true } }).then(Boolean);
}

export type TClaimResult =
  | { ok: true; email: string }
  | { ok: false; error: "invalid"; fields: TFieldErrors }
  | { ok: false; error: "code" | "closed" | "throttled" | "unitTaken" }
  | { ok: false; error: "password"; problem: TPasswordProblem };

/** Claims the setup: the root unit, its first admin (signs in with the password given), the regulations' questionnaires. */
export async function claimSetup(raw: unknown, meta: TRequestMeta): Promise<TClaimResult> {
  const parsed = ZClaimSetup.safeParse(raw);
  if (!parsed.success) {
    const fields: TFieldErrors = {};
    for (const i of parsed.error.issues) fields[i.path.join(".")] ??= /^[a-z][a-zA-Z]*$/.test(i.message) ? i.message : i.code;
    return { ok: false, error: "invalid", fields };
  }
  const input = parsed.data;
  const [tries] = await hitRateWindows([{ key: `setup:${meta.clientKey}`, windowSeconds: CLAIM_LIMIT.windowSeconds }]);
  if (tries! > CLAIM_LIMIT.max) return { ok: false, error: "throttled" };
  const problem = passwordProblem(input.password, input.email);
  if (problem) return { ok: false, error: "password", problem };
  const passwordHash = await hashPassword(input.password);

  const result = await prisma.$transaction(async (tx): Promise<TClaimResult> => {
    // The code's row locked: of two claims at once, the second waits and finds it gone.
    const [row] = await tx.$queryRaw<{ code_hash: string }[]>`SELECT code_hash FROM setup_code WHERE id FOR UPDATE`;
    if (!row || (await hasAdmin(tx))) return { ok: false, error: "closed" };
    if (!sameHash(row.code_hash, hashSetupCode(input.code))) {
      await insertAudit(tx, { action: "setup.refused", actor: null, meta, detail: { reason: "code" } });
      return { ok: false, error: "code" };
    }
    if (await tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true } })) return { ok: false, error: "unitTaken" };
    await createAgencyAdmin(tx, input, passwordHash, { mustChangePassword: false, meta, via: "setup" });
    await tx.setupCode.delete({ where: { id: true } });
    return { ok: true, email: input.email };
  });
  if (result.ok) clearSettingsCache();
  return result;
}

/** The root unit (if the agency has none yet), the admin on it, and the questionnaires (if none), in the caller's transaction. */
export async function createAgencyAdmin(
  tx: TTx,
  input: Pick<TClaimSetup, "agencyName" | "unitCode" | "adminName" | "email">,
  passwordHash: string,
  { mustChangePassword, meta, via }: { mustChangePassword: boolean; meta?: TRequestMeta; via: "setup" | "shell" },
) {
  let root = await tx.unit.findFirst({ where: { parentId: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  if (!root) {
    const id = randomUUID();
    root = await tx.unit.create({ data: { id, path: `/${id}/`, depth: 0, name: input.agencyName, kind: "PEMDA", code: input.unitCode }, select: { id: true } });
  }
  if ((await tx.questionnaireTemplate.count()) === 0) await installStandardTemplates((sql, params) => tx.$executeRawUnsafe(sql, ...params));
  const userId = randomUUID();
  await tx.user.create({
    data: { id: userId, email: input.email, name: input.adminName, passwordHash, mustChangePassword, roles: { create: { role: "ADMIN", unitId: root.id } } },
  });
  await insertAudit(tx, {
    action: "setup.admin",
    actor: { userId, email: input.email, name: input.adminName, assignments: [], mustChangePassword },
    meta,
    targetType: "user",
    targetId: userId,
    unitId: root.id,
    detail: { email: input.email, via },
  });
  return { userId, unitId: root.id };
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * `npm run admin:create`: an admin of the whole agency from the server shell, with a temporary
 * password to replace at first sign-in. Creates the root unit when the agency has none (then its
 * name and code are needed). Ends a waiting setup code: an admin exists now.
 */
export async function createAdminFromShell(raw: unknown): Promise<{ ok: true; email: string; temporaryPassword: string } | { ok: false; error: string }> {
  const parsed = ZCreateAgencyAdmin.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const input = parsed.data;
  const temporaryPassword = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(temporaryPassword);
  return prisma.$transaction(async (tx) => {
    const hasRoot = !!(await tx.unit.findFirst({ where: { parentId: null }, select: { id: true } }));
    if (!hasRoot && (!input.agencyName || !input.unitCode)) return { ok: false as const, error: "the agency has no root unit yet: give --agency and --code" };
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) return { ok: false as const, error: `${input.email} already has an account` };
    await createAgencyAdmin(tx, { agencyName: input.agencyName ?? "", unitCode: input.unitCode ?? "", adminName: input.adminName, email: input.email }, passwordHash, {
      mustChangePassword: true,
      via: "shell",
    });
    await tx.setupCode.deleteMany({});
    return { ok: true as const, email: input.email, temporaryPassword };
  });
}
