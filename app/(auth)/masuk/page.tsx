import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AUTH_TEXT } from "@/components/auth/text";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { signIn } from "@/lib/auth/config";
import { getCaller } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Masuk" };

export default async function LoginPage(props: PageProps<"/masuk">) {
  const query = await props.searchParams;
  const next = typeof query.next === "string" && /^\/(?!\/)/.test(query.next) ? query.next : "/dasbor";
  if (await getCaller()) redirect(next);
  const locale = await getLocale();
  const t = AUTH_TEXT[locale];
  const env = serverEnv();
  const sso = !!(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET);
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <LocaleSwitch locale={locale} returnTo={`/masuk?next=${encodeURIComponent(next)}`} />
      </div>
      {query.changed === "1" && <p role="status" className="mt-4 rounded-md bg-brand-50 p-3">{t.changed}</p>}
      <LoginForm locale={locale} next={next} />
      {sso && (
        <form
          className="mt-4"
          action={async () => {
            "use server";
            await signIn("oidc", { redirectTo: next });
          }}
        >
          <button type="submit" className="w-full rounded-md border border-slate-400 px-4 py-3 font-medium">
            {env.AUTH_OIDC_NAME}
          </button>
        </form>
      )}
    </main>
  );
}
