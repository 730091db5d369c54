import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ScrollArea, Table } from "@/components/ui/table";
import { requireCaller } from "@/lib/auth/page";
import { listAuditLog } from "@/lib/dal/users";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("audit") };
}

export default async function AuditPage() {
  const caller = await requireCaller("/admin/audit");
  const rows = await listAuditLog(caller, { limit: 200 });
  if (!rows) notFound();
  const [t, f] = await Promise.all([getTranslations("audit"), getFormat()]);
  return (
    <main>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-sm text-slate-600">{t("appendOnly")}</p>
      <ScrollArea label={t("title")} className="mt-4 rounded-lg border border-slate-200 bg-white">
        <Table data-testid="audit-table">
          <thead>
            <tr>
              <th>{t("at")}</th>
              <th>{t("who")}</th>
              <th>{t("action")}</th>
              <th>{t("target")}</th>
              <th>{t("from")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="whitespace-nowrap">{f.dateTime(r.at)}</td>
                <td className="break-all">{r.actorEmail ?? "—"}</td>
                <td className="font-mono">{r.action}</td>
                <td>{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : ""}</td>
                <td>{r.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
    </main>
  );
}
