import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { hitRateWindows, peekRateWindows } from "@/lib/dal/rate-limit";
import { serverEnv } from "@/lib/env";
import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import { clientKeyFromHeaders } from "@/lib/server/client-key";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day
/** Failed sign-ins allowed per account and per client in the window; then refused until it ends. */
export const LOGIN_LIMIT = { windowSeconds: 15 * 60, perAccount: 5 };

export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
export class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
}

const ZCredentials = z.object({
  email: z.email().max(200).transform((v) => v.trim().toLowerCase()),
  password: z.string().min(1).max(500),
});

async function audit(action: string, email: string | null, actorId: string | null, request: Request, detail?: object) {
  await prisma.auditLog.create({
    data: {
      action,
      actorId,
      actorEmail: email,
      ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? request.headers.get("x-real-ip") ?? null,
      userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
      detail: detail ?? undefined,
    },
  });
}

function oidcProvider() {
  const env = serverEnv();
  if (!env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_ID || !env.AUTH_OIDC_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.AUTH_OIDC_NAME,
      type: "oidc" as const,
      issuer: env.AUTH_OIDC_ISSUER,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
    },
  ];
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: serverEnv().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  pages: { signIn: "/masuk", error: "/masuk" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new InvalidLogin();
        const { email, password } = parsed.data;
        const windows = [
          { key: `login:acct:${email}`, windowSeconds: LOGIN_LIMIT.windowSeconds },
          { key: `login:client:${clientKeyFromHeaders(request.headers)}`, windowSeconds: LOGIN_LIMIT.windowSeconds },
        ];
        const [failedForAccount, failedFromClient] = await peekRateWindows(windows);
        if (failedForAccount! >= LOGIN_LIMIT.perAccount || failedFromClient! >= serverEnv().SUARA_LOGIN_CLIENT_LIMIT) {
          await audit("auth.signin.throttled", email, null, request);
          throw new ThrottledLogin();
        }
        const user = await prisma.user.findUnique({
          where: { email },
          select: { id: true, email: true, name: true, passwordHash: true, active: true, sessionVersion: true },
        });
        const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
        if (!user || !ok || !user.active) {
          await hitRateWindows(windows);
          await audit("auth.signin.failure", email, user?.id ?? null, request, { reason: !user ? "unknown" : !ok ? "password" : "inactive" });
          throw new InvalidLogin();
        }
        await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
        await audit("auth.signin.success", user.email, user.id, request);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // Single sign-on maps to an existing, active Suara account by email; it never creates one.
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      const found = user.email ? await prisma.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { active: true } }) : null;
      return !!found?.active;
    },
    async jwt({ token, user, account }) {
      if (user) {
        if (account?.provider === "oidc") {
          const local = await prisma.user.findUnique({ where: { email: user.email!.toLowerCase() }, select: { id: true, sessionVersion: true } });
          token.uid = local!.id;
          token.sv = local!.sessionVersion;
        } else {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
      }
      return token;
    },
    async session({ session, token }) {
      (session as unknown as { uid?: unknown; sv?: unknown }).uid = token.uid;
      (session as unknown as { uid?: unknown; sv?: unknown }).sv = token.sv;
      return session;
    },
  },
}));
