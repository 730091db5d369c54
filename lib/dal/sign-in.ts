import "server-only";
import { z } from "zod";
import type { TAuditAction } from "@/lib/audit-actions";
import { plainString } from "@/lib/validation/text";
import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import type { TCaller } from "@/lib/permissions";
import { prisma } from "@/lib/db";
import { hitRateWindows, unhitRateWindows } from "@/lib/dal/rate-limit";
import { sessionIsLive } from "@/lib/dal/sessions";
import { chargeSignInAttempt, clearSignInAttempts } from "@/lib/dal/sign-in-throttle";
import { serverEnv } from "@/lib/env";
import type { TRequestMeta } from "@/lib/request/meta";

// Sign-in and sessions: the reads and writes behind next-auth's callbacks.

/** Failed sign-ins from one client (any account) per window; then it waits for the window's end. */
export const LOGIN_CLIENT_WINDOW_SECONDS = 15 * 60;

const ZCredentials = z.object({
  email: z.email().max(200).transform((v) => v.trim().toLowerCase()),
  password: plainString().min(1).max(500),
});

export type TSignInResult =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; error: "invalid" }
  /** account: too many wrong tries at this account from this client; client: at any accounts from this client. */
  | { ok: false; error: "throttled"; scope: "account" | "client"; retryAfterSeconds: number };

async function audit(action: TAuditAction, email: string | null, actorId: string | null, meta: TRequestMeta, detail?: object) {
  await prisma.auditLog.create({
    data: {
      action,
      actorId,
      actorEmail: email,
      ip: meta.clientAddress,
      userAgent: meta.userAgent,
      detail: detail ?? undefined,
    },
  });
}

/**
 * Checks an email and password and audits the outcome. Wrong passwords slow down the
 * client that sends them (per account and client, sign-in-throttle.ts; and per client over
 * all accounts), never the account itself: its owner elsewhere still signs in.
 */
export async function checkCredentials(raw: unknown, meta: TRequestMeta): Promise<TSignInResult> {
  const parsed = ZCredentials.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { email, password } = parsed.data;
  const clientWindow = [{ key: `login:client:${meta.clientKey}`, windowSeconds: LOGIN_CLIENT_WINDOW_SECONDS }];
  // One audit entry per wait, not one per refused try: the log is append-only, and a client
  // hammering while it waits must not grow it at will. `wait` names the wait (its end, or the
  // client window it falls in).
  const throttled = async (scope: "account" | "client", retryAfterSeconds: number, wait: number): Promise<TSignInResult> => {
    const [refusals] = await hitRateWindows([{ key: `login:refused:${scope}:${email}:${meta.clientKey}:${wait}`, windowSeconds: LOGIN_CLIENT_WINDOW_SECONDS }]);
    if (refusals === 1) await audit("auth.signin.throttled", email, null, meta, { scope, retryAfterSeconds });
    return { ok: false, error: "throttled", scope, retryAfterSeconds };
  };
  // Counted before the password is checked, in one statement (as the per-account charge is):
  // a burst of parallel tries cannot all pass a check made before the first failure is counted.
  const [triesFromClient] = await hitRateWindows(clientWindow);
  if (triesFromClient! > serverEnv().SUARA_LOGIN_CLIENT_LIMIT) {
    const now = Date.now() / 1000;
    return throttled("client", Math.ceil(LOGIN_CLIENT_WINDOW_SECONDS - (now % LOGIN_CLIENT_WINDOW_SECONDS)), Math.floor(now / LOGIN_CLIENT_WINDOW_SECONDS));
  }
  const charge = await chargeSignInAttempt(email, meta.clientKey);
  if (!charge.allowed) return throttled("account", charge.retryAfterSeconds, charge.waitId);

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !ok || !user.active) {
    await audit("auth.signin.failure", email, user?.id ?? null, meta, { reason: !user ? "unknown" : !ok ? "password" : "inactive" });
    return { ok: false, error: "invalid" };
  }
  // A right password is not a failure: the client's window counts failures only.
  await Promise.all([clearSignInAttempts(email, meta.clientKey), unhitRateWindows(clientWindow)]);
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await audit("auth.signin.success", user.email, user.id, meta);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** The active account an SSO identity maps to (by email), or null: SSO never creates accounts. */
export async function findSsoAccount(email: string | null | undefined): Promise<{ id: string; sessionVersion: number } | null> {
  if (!email) return null;
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, active: true, sessionVersion: true } });
  return user?.active ? { id: user.id, sessionVersion: user.sessionVersion } : null;
}

/**
 * The caller behind a session, read fresh: a deactivated user, a session older than the
 * user's last password change (sessionVersion), or a session signed out of (its
 * user_session row gone, see sessions.ts) is no caller.
 */
export async function loadCaller(userId: string, sessionVersion: number | undefined, sessionId: string | undefined): Promise<TCaller | null> {
  if (!z.uuid().safeParse(userId).success || !z.uuid().safeParse(sessionId).success) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, active: true, sessionVersion: true, mustChangePassword: true,
      roles: { select: { role: true, unitId: true, unit: { select: { path: true } } } },
      sessions: { where: { id: sessionId }, select: { id: true, lastSeenAt: true } },
    },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  if (!(await sessionIsLive(user.sessions[0]))) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword,
    // Until a one-time password is replaced the account holds no role: pages send it to the
    // password page, and every read and write in lib/dal (server actions, API routes) refuses it.
    assignments: user.mustChangePassword ? [] : user.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitPath: r.unit.path })),
  };
}
