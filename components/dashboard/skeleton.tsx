import { getTranslations } from "next-intl/server";

/** Shown while a dashboard renders on the server (filters applied, drill-down). */
export async function DashboardSkeleton() {
  const t = await getTranslations("dashboard");
  return (
    <main className="space-y-4" aria-busy="true" data-testid="dashboard-loading">
      <p className="sr-only" role="status">{t("loading")}</p>
      <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="h-14 animate-pulse rounded-lg bg-slate-100" />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="h-56 animate-pulse rounded-lg bg-slate-100" />
        <div className="h-56 animate-pulse rounded-lg bg-slate-100 lg:col-span-2" />
      </div>
      <div className="h-72 animate-pulse rounded-lg bg-slate-100" />
    </main>
  );
}
