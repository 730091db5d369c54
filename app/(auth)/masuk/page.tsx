import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { signIn } from "@/lib/auth/config";
import { getCaller } from "@/lib/auth/session";
import { serverEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("login") };
}

export default async function LoginPage(props: PageProps<"/masuk">) {
  const query = await props.searchParams;
  const next = typeof query.next === "string" && /^\/(?!\/)/.test(query.next) ? query.next : "/dasbor";
  if (await getCaller()) redirect(next);
  const [t, common] = await Promise.all([getTranslations("auth"), getTranslations("common")]);
  const env = serverEnv();
  const sso = !!(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET);
  return (
    <main className="mx-auto max-w-sm px-4 py-12">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <LocaleSwitch returnTo={`/masuk?next=${encodeURIComponent(next)}`} />
      </div>
      {query.changed === "1" && (
        <Alert tone="info" className="mt-4">
          {t("changed")}
        </Alert>
      )}
      <LoginForm next={next} />
      {sso && (
        <form
          className="mt-4"
          action={async () => {
            "use server";
            await signIn("oidc", { redirectTo: next });
          }}
        >
          <Button type="submit" variant="secondary" size="lg" width="full">
            {env.AUTH_OIDC_NAME}
          </Button>
        </form>
      )}
      <p className="mt-8 text-sm">
        <TextLink href="/">← {common("home")}</TextLink>
      </p>
    </main>
  );
}
