import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { logoutAction } from "@/components/auth/actions";
import { ClientMessages } from "@/components/locale/client-messages";
import { LocaleSwitch } from "@/components/locale/locale-switch";
import { Button } from "@/components/ui/button";
import { linkVariants } from "@/components/ui/text-link";
import { hasAnywhere } from "@/lib/permissions";
import { getCaller } from "@/lib/auth/session";
import { adminsAgency } from "@/lib/dal/settings";

// The shell only: pages and the data layer decide what may be seen.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const [caller, t, common, auth] = await Promise.all([getCaller(), getTranslations("nav"), getTranslations("common"), getTranslations("auth")]);
  const settingsLink = await adminsAgency(caller);
  const nav = linkVariants({ weight: "medium" });
  return (
    <ClientMessages>
      <div className="min-h-dvh bg-slate-50">
        <a href="#content" className="sr-only rounded bg-white px-3 py-2 font-medium text-brand-700 focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10">
          {common("skipToContent")}
        </a>
        <header className="border-b border-slate-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
            <Link href="/dasbor" className="font-bold text-brand-700">
              Suara
            </Link>
            <nav aria-label={t("label")} className="flex flex-wrap items-center gap-x-4 gap-y-2">
              {caller && <Link href="/dasbor" className={nav}>{t("myUnits")}</Link>}
              {hasAnywhere(caller, "dashboard.read") && <Link href="/dasbor/instansi" className={nav}>{t("agency")}</Link>}
              {hasAnywhere(caller, "admin") && <Link href="/admin/unit" className={nav}>{t("units")}</Link>}
              {hasAnywhere(caller, "admin") && <Link href="/admin/kuesioner" className={nav}>{t("templates")}</Link>}
              {hasAnywhere(caller, "admin") && <Link href="/admin/periode" className={nav}>{t("periods")}</Link>}
              {hasAnywhere(caller, "admin") && <Link href="/admin/pengguna" className={nav}>{t("users")}</Link>}
              {hasAnywhere(caller, "admin") && <Link href="/admin/audit" className={nav}>{t("audit")}</Link>}
              {settingsLink && <Link href="/admin/instansi" className={nav}>{t("settings")}</Link>}
            </nav>
            <div className="ml-auto flex flex-wrap items-center gap-3">
              {caller && (
                <>
                  <span data-testid="signed-in-as">{caller.name}</span>
                  <Link href="/akun/kata-sandi" className={nav}>{t("password")}</Link>
                </>
              )}
              <LocaleSwitch />
              {caller && (
                <form action={logoutAction}>
                  <Button type="submit" variant="secondary" size="sm">
                    {auth("signOut")}
                  </Button>
                </form>
              )}
            </div>
          </div>
        </header>
        <div id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
          {children}
        </div>
      </div>
    </ClientMessages>
  );
}
