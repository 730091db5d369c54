import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials, findSsoAccount } from "@/lib/dal/sign-in";
import { serverEnv } from "@/lib/env";
import { requestMetaFrom } from "@/lib/request/meta";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day

export class InvalidLogin extends CredentialsSignin {
  code = "invalid";
}
export class ThrottledLogin extends CredentialsSignin {
  code = "throttled";
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
        const result = await checkCredentials(raw, requestMetaFrom(request.headers));
        if (!result.ok) throw result.error === "throttled" ? new ThrottledLogin() : new InvalidLogin();
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
