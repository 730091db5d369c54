import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCaller } from "@/lib/auth/page";
import { listAuditLog } from "@/lib/dal/users";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Log audit" };

export default async function AuditPage() {
  const caller = await requireCaller("/admin/audit");
  const rows = await listAuditLog(caller, { limit: 200 });
  if (!rows) notFound();
  const locale = await getLocale();
  const fmt = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Jakarta" });
  return (
    <main>
      <h1 className="text-2xl font-bold">{locale === "en" ? "Audit log" : "Log audit"}</h1>
      <p className="text-sm text-slate-600">{locale === "en" ? "Append-only: entries cannot be edited or deleted." : "Hanya bisa ditambah: entri tidak dapat diubah atau dihapus."}</p>
      <table className="mt-4 w-full border-collapse bg-white text-sm" data-testid="audit-table">
        <thead><tr className="border-b text-left"><th className="p-2">Waktu</th><th className="p-2">Siapa</th><th className="p-2">Aksi</th><th className="p-2">Sasaran</th><th className="p-2">Dari</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b">
              <td className="p-2 whitespace-nowrap">{fmt.format(r.at)}</td>
              <td className="p-2">{r.actorEmail ?? "—"}</td>
              <td className="p-2 font-mono">{r.action}</td>
              <td className="p-2">{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : ""}</td>
              <td className="p-2">{r.ip ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
