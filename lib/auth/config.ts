import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { closeSession, openSession, SESSION } from "@/lib/dal/sessions";
import { checkCredentials, findSsoAccount } from "@/lib/dal/sign-in";
import { serverEnv } from "@/lib/env";
import { requestMetaFrom } from "@/lib/request/meta";

export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
export class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
  constructor(
    /** Too many wrong tries at this account from this client ("account"), or at any from it ("client"). */
    readonly scope: "account" | "client",
    readonly retryAfterSeconds: number,
  ) {
    super();
  }
}

/**
 * One line per refused sign-in instead of Auth.js's stack trace (a wrong password is not a
 * server error; the audit log has the details). Anything else keeps its stack.
 */
function logAuthError(error: Error) {
  if (error instanceof CredentialsSignin) {
    console.warn(`[auth] sign-in refused (${error.code})`);
    return;
  }
  const name = error instanceof AuthError ? error.type : error.name;
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  console.error(`[auth][error] ${name}: ${error.message}`, cause instanceof Error ? cause : (error.stack ?? ""));
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
  session: { strategy: "jwt", maxAge: SESSION.maxAgeSeconds, updateAge: 15 * 60 },
  logger: { error: logAuthError },
  pages: { signIn: "/masuk", error: "/masuk" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const result = await checkCredentials(raw, requestMetaFrom(request.headers));
        if (!result.ok) throw result.error === "throttled" ? new ThrottledLogin(result.scope, result.retryAfterSeconds) : new InvalidLogin();
        return result.user;
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    // Single sign-on maps to an existing, active Suara account by email; it never creates one.
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      return !!(await findSsoAccount(user.email));
    },
    async jwt({ token, user, account }) {
      if (user) {
        if (account?.provider === "oidc") {
          const local = await findSsoAccount(user.email);
          token.uid = local!.id;
          token.sv = local!.sessionVersion;
        } else {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        // A fresh session record for this sign-in: signing out deletes it (events.signOut).
        token.sid = await openSession(token.uid as string);
      }
      return token;
    },
    async session({ session, token }) {
      const s = session as unknown as { uid?: unknown; sv?: unknown; sid?: unknown };
      s.uid = token.uid;
      s.sv = token.sv;
      s.sid = token.sid;
      return session;
    },
  },
  events: {
    // Every way out (the Keluar button, POST /api/auth/signout) ends the session record, so a
    // copy of the cookie is refused on every instance, not only forgotten by this browser.
    async signOut(message) {
      if ("token" in message) await closeSession(message.token?.sid);
    },
  },
}));
