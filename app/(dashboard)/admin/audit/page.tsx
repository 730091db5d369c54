import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { withQuery } from "@/components/dashboard/url";
import { Alert } from "@/components/ui/alert";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listAuditChoices, listAuditLog } from "@/lib/dal/audit-log";
import { listUnitsForCaller } from "@/lib/dal/units";
import { getFormat } from "@/lib/i18n/server";
import { AUDIT_PAGE_SIZE, formatAuditCursor, parseAuditQuery } from "@/lib/validation/audit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("audit") };
}

const PATH = "/admin/audit";

export default async function AuditPage(props: PageProps<"/admin/audit">) {
  const caller = await requireCaller(PATH);
  const params = await props.searchParams;
  const { query, ignored } = parseAuditQuery(params);
  const [page, choices, units] = await Promise.all([listAuditLog(caller, query), listAuditChoices(caller), listUnitsForCaller(caller, "admin")]);
  if (!page || !choices) notFound();
  const [t, f] = await Promise.all([getTranslations("audit"), getFormat()]);
  const paged = !!(query.sebelum || query.sesudah);
  // Back to the newest entries: from any later page, and from an empty one a cursor led to.
  const newest = !!page.newer || (paged && page.rows.length === 0);
  const at = (changes: Record<string, string | undefined>) => withQuery(PATH, params, { sebelum: undefined, sesudah: undefined, ...changes });
  return (
    <main>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-700">
        {t("appendOnly")} {t("pageNote", { count: f.integer(AUDIT_PAGE_SIZE) })}
      </p>
      <AuditFilters action={PATH} query={query} choices={choices} units={units} />
      {ignored.length > 0 && (
        <Alert tone="warning" className="mt-3">
          {t("ignored", { names: ignored.join(", ") })}
        </Alert>
      )}
      <AuditTable rows={page.rows} />
      {(page.newer || page.older || newest) && (
        <nav aria-label={t("paging")} className="mt-3 flex flex-wrap items-center gap-4 text-sm" data-testid="audit-paging">
          {page.newer && (
            <Link href={at({ sesudah: formatAuditCursor(page.newer) })} className={linkVariants()} rel="prev">
              ← {t("newer")}
            </Link>
          )}
          {newest && (
            <Link href={at({})} className={linkVariants()}>
              {t("newest")}
            </Link>
          )}
          {page.older && (
            <Link href={at({ sebelum: formatAuditCursor(page.older) })} className={linkVariants()} rel="next">
              {t("older")} →
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
