import Link from "next/link";
import { logoutAction } from "@/components/auth/actions";
import { AUTH_TEXT } from "@/components/auth/text";
import { hasAnywhere } from "@/lib/permissions";
import { getCaller } from "@/lib/auth/session";
import { getLocale } from "@/lib/i18n/server";

// The shell only: pages and the data layer decide what may be seen.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const caller = await getCaller();
  const locale = await getLocale();
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b border-slate-200 bg-white print:hidden">
        <nav className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 text-sm">
          <Link href="/dasbor" className="font-bold text-brand-700">Suara</Link>
          {caller && <Link href="/dasbor">{locale === "en" ? "My units" : "Unit saya"}</Link>}
          {hasAnywhere(caller, "dashboard.read") && <Link href="/dasbor/instansi">{locale === "en" ? "Agency overview" : "Ringkasan instansi"}</Link>}
          {hasAnywhere(caller, "admin") && <Link href="/admin/pengguna">{locale === "en" ? "Users" : "Pengguna"}</Link>}
          {hasAnywhere(caller, "admin") && <Link href="/admin/audit">{locale === "en" ? "Audit log" : "Log audit"}</Link>}
          {caller && (
            <span className="ml-auto flex items-center gap-3">
              <span data-testid="signed-in-as">{caller.name}</span>
              <form action={logoutAction}>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1">{AUTH_TEXT[locale].signOut}</button>
              </form>
            </span>
          )}
        </nav>
      </header>
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </div>
  );
}
