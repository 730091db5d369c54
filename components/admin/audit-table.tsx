import { getTranslations } from "next-intl/server";
import { ScrollArea, Table } from "@/components/ui/table";
import { auditActionKey, isAuditAction } from "@/lib/audit-actions";
import type { TAuditRow } from "@/lib/dal/audit-log";
import { Role } from "@/lib/generated/prisma/enums";
import type { TFormat } from "@/lib/i18n/format";
import { getFormat } from "@/lib/i18n/server";
import { FEEDBACK_STATUSES } from "@/lib/validation/feedback-fields";

// The audit log's entries as a person reads them: the account's name and email,
// the action's label, the unit and the record by name (its type and id when the
// record is gone), a few words of the entry's detail.

const TARGET_TYPES = ["user", "unit", "kiosk_device", "response", "service", "agency"] as const;
type TTargetType = (typeof TARGET_TYPES)[number];
const isTargetType = (v: string): v is TTargetType => (TARGET_TYPES as readonly string[]).includes(v);

type TAuditText = Awaited<ReturnType<typeof getTranslations<"audit">>>;
type TLabels = Awaited<ReturnType<typeof getTranslations<"labels">>>;

const str = (v: unknown) => (typeof v === "string" ? v : null);
const isRole = (v: string | null): v is Role => !!v && v in Role;
const isStatus = (v: string | null): v is (typeof FEEDBACK_STATUSES)[number] => !!v && (FEEDBACK_STATUSES as readonly string[]).includes(v);

/** A few words of what the entry's detail says (the role given, the status set, how many codes). */
function detailText(r: TAuditRow, t: TAuditText, labels: TLabels): string | null {
  const d = r.detail;
  if (!d) return null;
  const role = str(d.role);
  const status = str(d.status);
  const reason = str(d.reason);
  if (isRole(role)) return t("detail.role", { role: labels(`role.${role}`) });
  if (isStatus(status)) return t("detail.status", { status: labels(`feedbackStatus.${status}`) });
  if (typeof d.count === "number" && typeof d.days === "number") return t("detail.count", { count: d.count, days: d.days });
  if (reason === "unknown" || reason === "password" || reason === "inactive") return t(`detail.reason_${reason}`);
  if (d.via === "shell") return t("detail.shell");
  return null;
}

/** The record an entry acts on, by name; its type and id when it is gone. Nothing when it is the entry's own unit. */
function targetText(r: TAuditRow, t: TAuditText, f: TFormat): string | null {
  const target = r.target;
  if (!target) return null;
  if (target.type === "unit" && target.id === r.unit?.id) return null;
  const type = isTargetType(target.type) ? t(`targetType.${target.type}`) : t("targetType.other");
  if (target.type === "agency") return type;
  if (target.type === "response") return target.at ? t("response", { date: f.dateTime(target.at) }) : t("recordGone", { type, id: target.id ?? "" });
  // A record gone since: the name the entry recorded, if it did (a kiosk's, a new account's email).
  const name = target.name ?? str(r.detail?.name) ?? str(r.detail?.email);
  return name ? t("record", { type, name }) : t("recordGone", { type, id: target.id ?? "" });
}

export async function AuditTable({ rows }: { rows: TAuditRow[] }) {
  const [t, labels, f] = await Promise.all([getTranslations("audit"), getTranslations("labels"), getFormat()]);
  if (rows.length === 0) return <p className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="audit-empty">{t("empty")}</p>;
  return (
    <ScrollArea label={t("title")} className="mt-4 rounded-lg border border-slate-200 bg-white">
      <Table data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t("at")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("target")}</th>
            <th scope="col">{t("from")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const detail = detailText(r, t, labels);
            const target = targetText(r, t, f);
            return (
              <tr key={r.id} data-testid="audit-row" data-action={r.action}>
                <td className="whitespace-nowrap align-top">{f.dateTime(r.at)}</td>
                <td className="min-w-40 align-top">
                  {r.actor ? (
                    <>
                      <span className="font-medium">{r.actor.name}</span>
                      <br />
                      <span className="break-all text-slate-700">{r.actor.email}</span>
                    </>
                  ) : r.actorEmail ? (
                    <span className="break-all">{r.actorEmail}</span>
                  ) : (
                    <span className="text-slate-700">{t("system")}</span>
                  )}
                </td>
                <td className="min-w-40 align-top">
                  <span data-testid="audit-action">{isAuditAction(r.action) ? t(`actions.${auditActionKey(r.action)}`) : r.action}</span>
                  {detail && (
                    <>
                      <br />
                      <span className="text-slate-700">{detail}</span>
                    </>
                  )}
                </td>
                <td className="min-w-48 align-top" data-testid="audit-target">
                  {r.unit && <span className="block">{r.unit.name ?? r.unit.id}</span>}
                  {target && <span className="block text-slate-700">{target}</span>}
                </td>
                <td className="whitespace-nowrap align-top">{r.ip ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </ScrollArea>
  );
}
