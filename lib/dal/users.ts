import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem, type TPasswordProblem } from "@/lib/auth/password-policy";
import { prisma, type TTx } from "@/lib/db";
import { getUnitForCaller } from "@/lib/dal/units";
import { defineWrite } from "@/lib/dal/write";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, scopePaths, type TCaller } from "@/lib/permissions";
import { ZAssignRole, ZChangeOwnPassword, ZCreateUser, ZRemoveRole, ZResetPassword, ZSetUserActive, ZUserListQuery, type TUserListQuery } from "@/lib/validation/users";

// Users and roles. Admin functions check the admin capability
// on the specific unit concerned; a user is managed by an admin whose scope
// covers every unit that user holds a role on.

/** A new password for the caller's own account; every session (this one too) ends. */
export const changeOwnPassword = defineWrite({
  input: ZChangeOwnPassword,
  capability: "self",
  locate: (tx, _input, caller) => tx.user.findUnique({ where: { id: caller.userId }, select: { passwordHash: true, email: true } }),
  refuse: async (input, user): Promise<"current" | TPasswordProblem | null> =>
    (await verifyPassword(user.passwordHash, input.current)) ? passwordProblem(input.next, user.email) : "current",
  audit: (_input, _user, { caller }) => ({ action: "user.password.change", targetType: "user", targetId: caller.userId }),
  handler: async (tx, input, _user, { caller }) => {
    await tx.user.update({
      where: { id: caller.userId },
      data: { passwordHash: await hashPassword(input.next), mustChangePassword: false, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
  },
});

export type TUserRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  roles: { id: string; role: Role; unitCode: string; unitName: string }[];
};

const userSelect = {
  id: true, email: true, name: true, active: true, mustChangePassword: true, lastSignInAt: true,
  roles: { orderBy: { createdAt: "asc" }, select: { id: true, role: true, unit: { select: { code: true, name: true } } } },
} as const satisfies Prisma.UserSelect;

type TUserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;
const toRow = (u: TUserRecord): TUserRow => ({ ...u, roles: u.roles.map((r) => ({ id: r.id, role: r.role, unitCode: r.unit.code, unitName: r.unit.name })) });

/** The paths of the agency's roots: a user without any role is managed by an admin of the whole agency only. */
const rootPaths = async (db: TTx) => (await db.unit.findMany({ where: { parentId: null }, select: { path: true } })).map((u) => u.path);

/**
 * A user with the paths of the units the admin must cover to manage them (every unit they hold a
 * role on; the agency's root for a user with none), or null.
 */
async function managedUser(db: TTx, userId: string): Promise<{ id: string; unitPaths: string[] } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, roles: { select: { unit: { select: { path: true } } } } } });
  if (!user) return null;
  const paths = user.roles.map((r) => r.unit.path);
  return { id: user.id, unitPaths: paths.length > 0 ? paths : await rootPaths(db) };
}

export const USERS_PAGE_SIZE = 50;

export type TUserList = {
  rows: TUserRow[];
  total: number;
  page: number;
  pageCount: number;
  /** The filters applied: a unit outside the caller's scope is dropped, a page past the end is the last. */
  query: TUserListQuery;
  unit: { code: string; name: string } | null;
};

/**
 * The users the caller administers, a page at a time: those whose every role lies inside the
 * caller's admin scope (and, for an admin of the whole agency, those without a role), filtered
 * by the unit their roles sit on (only on it, or anywhere under it) and by name or email.
 */
export async function listUsers(caller: TCaller | null, rawQuery?: unknown): Promise<TUserList | null> {
  const roots = scopePaths(caller, "admin");
  if (roots.length === 0) return null;
  const query = ZUserListQuery.parse(rawQuery ?? {});
  const agencyWide = (await rootPaths(prisma)).every((p) => can(caller, "admin", p));
  const unit = query.unit ? await getUnitForCaller(caller, query.unit, "admin") : null;
  const where: Prisma.UserWhereInput = {
    AND: [
      // A user holding any role outside the scope is another admin's to manage, and not listed.
      agencyWide ? {} : { roles: { some: {}, every: { OR: roots.map((p) => ({ unit: { path: { startsWith: p } } })) } } },
      unit ? { roles: { some: query.bawah ? { unit: { path: { startsWith: unit.path } } } : { unitId: unit.id } } } : {},
      query.cari ? { OR: [{ name: { contains: query.cari, mode: "insensitive" } }, { email: { contains: query.cari, mode: "insensitive" } }] } : {},
    ],
  };
  const total = await prisma.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(query.hal, pageCount);
  const users = await prisma.user.findMany({ where, orderBy: [{ name: "asc" }, { email: "asc" }], skip: (page - 1) * USERS_PAGE_SIZE, take: USERS_PAGE_SIZE, select: userSelect });
  return {
    rows: users.map(toRow),
    total,
    page,
    pageCount,
    query: { ...query, unit: unit?.code, hal: page },
    unit: unit && { code: unit.code, name: unit.name },
  };
}

export async function getUser(caller: TCaller | null, userId: string): Promise<TUserRow | null> {
  if (!z.uuid().safeParse(userId).success || scopePaths(caller, "admin").length === 0) return null;
  const user = await managedUser(prisma, userId);
  if (!user || !user.unitPaths.every((p) => can(caller, "admin", p))) return null;
  const row = await prisma.user.findUnique({ where: { id: userId }, select: userSelect });
  return row && toRow(row);
}

const temporaryPassword = () => randomBytes(12).toString("base64url");

/** Creates an account with a one-time password the user must change at first sign-in. */
export const createUser = defineWrite({
  input: ZCreateUser,
  capability: "admin",
  locate: (tx, input) => tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true } }),
  on: (unit) => [unit.path],
  // The unique email decides, not a read before the insert: two admins creating the same account at once get one.
  conflict: "exists",
  audit: (input, unit, { newId }) => ({ action: "user.create", targetType: "user", targetId: newId, unitId: unit.id, detail: { email: input.email, role: input.role } }),
  handler: async (tx, input, unit, { newId }) => {
    const password = temporaryPassword();
    await tx.user.create({
      data: {
        id: newId,
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
        roles: { create: { role: input.role, unitId: unit.id } },
      },
    });
    return { id: newId, temporaryPassword: password };
  },
});

export const assignRole = defineWrite({
  input: ZAssignRole,
  capability: "admin",
  locate: async (tx, input) => {
    const [unit, user] = await Promise.all([
      tx.unit.findUnique({ where: { code: input.unitCode }, select: { id: true, path: true } }),
      managedUser(tx, input.userId),
    ]);
    return unit && user && { unit, user };
  },
  // The admin covers the unit given and every unit the user already holds a role on.
  on: ({ unit, user }) => [unit.path, ...user.unitPaths],
  audit: (input, { unit }) => ({ action: "role.assign", targetType: "user", targetId: input.userId, unitId: unit.id, detail: { role: input.role } }),
  handler: async (tx, input, { unit }) => {
    await tx.roleAssignment.upsert({
      where: { userId_unitId_role: { userId: input.userId, unitId: unit.id, role: input.role } },
      create: { userId: input.userId, unitId: unit.id, role: input.role },
      update: {},
    });
  },
});

export const removeRole = defineWrite({
  input: ZRemoveRole,
  capability: "admin",
  // The user's row is locked before their roles are counted: two removals of a user's two roles
  // at once run one after the other, and the second counts what the first left (lastRole).
  locate: async (tx, input) => {
    const found = await tx.roleAssignment.findUnique({ where: { id: input.assignmentId }, select: { userId: true } });
    if (!found) return null;
    await tx.$queryRaw`SELECT id FROM "user" WHERE id = ${found.userId}::uuid FOR NO KEY UPDATE`;
    return tx.roleAssignment.findUnique({
      where: { id: input.assignmentId },
      select: { userId: true, role: true, unitId: true, unit: { select: { path: true } }, user: { select: { _count: { select: { roles: true } } } } },
    });
  },
  on: (a) => [a.unit.path],
  // No locking yourself out; and no user left without a role, whom only an admin of the whole
  // agency could see again (deactivate the account instead, or add the new role first).
  refuse: (_input, a, { caller }) => (a.role === "ADMIN" && a.userId === caller.userId ? "lastAdmin" : a.user._count.roles <= 1 ? "lastRole" : null),
  audit: (_input, a) => ({ action: "role.remove", targetType: "user", targetId: a.userId, unitId: a.unitId, detail: { role: a.role } }),
  handler: async (tx, input) => {
    await tx.roleAssignment.delete({ where: { id: input.assignmentId } });
  },
});

export const setUserActive = defineWrite({
  input: ZSetUserActive,
  capability: "admin",
  locate: (tx, input) => managedUser(tx, input.userId),
  on: (user) => user.unitPaths,
  refuse: (input, user, { caller }) => (user.id === caller.userId && !input.active ? "lastAdmin" : null),
  audit: (input, user) => ({ action: input.active ? "user.activate" : "user.deactivate", targetType: "user", targetId: user.id }),
  handler: async (tx, input) => {
    await tx.user.update({ where: { id: input.userId }, data: { active: input.active, sessionVersion: { increment: 1 } } });
  },
});

/** A new one-time password; the user's sessions end and they must choose a password at next sign-in. */
export const resetPassword = defineWrite({
  input: ZResetPassword,
  capability: "admin",
  locate: (tx, input) => managedUser(tx, input.userId),
  on: (user) => user.unitPaths,
  audit: (_input, user) => ({ action: "user.password.reset", targetType: "user", targetId: user.id }),
  handler: async (tx, input) => {
    const password = temporaryPassword();
    await tx.user.update({
      where: { id: input.userId },
      data: { passwordHash: await hashPassword(password), mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    return { temporaryPassword: password };
  },
});
