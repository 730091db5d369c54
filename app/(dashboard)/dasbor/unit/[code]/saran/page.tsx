import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { withQuery } from "@/components/dashboard/url";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listInbox } from "@/lib/dal/feedback";
import { getFormat } from "@/lib/i18n/server";
import { periodKey } from "@/lib/periods";
import { parseInboxQuery } from "@/lib/validation/feedback";
import { FEEDBACK_STATUSES } from "@/lib/validation/feedback-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("inbox") };
}

const UNSUR = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

export default async function FeedbackInbox(props: PageProps<"/dasbor/unit/[code]/saran">) {
  const { code } = await props.params;
  const params = await props.searchParams;
  const caller = await requireCaller(`/dasbor/unit/${code}/saran`);
  const { query } = parseInboxQuery(params);
  const page = await listInbox(caller, code, query);
  if (!page) notFound();
  const [t, common, label, f] = await Promise.all([getTranslations("inbox"), getTranslations("common"), getTranslations("labels.feedbackStatus"), getFormat()]);
  const path = `/dasbor/unit/${page.unit.code}/saran`;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const kept = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  return (
    <main className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="flex flex-wrap gap-4 text-sm print:hidden">
        <Link href={`/dasbor/unit/${page.unit.code}`} className={linkVariants()}>
          ← {t("back")}
        </Link>
        <Link href={`${path}/publikasi`} className={linkVariants()}>
          {t("publicationLink")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold" data-testid="inbox-title">{t("title", { name: page.unit.name })}</h1>
      <p className="text-sm text-slate-700">
        <span data-testid="inbox-total">{f.integer(page.total)}</span> {t("items")} · {t("target", { days: page.targetDays })}
      </p>
      <Form action={path} className="flex flex-wrap items-end gap-2 print:hidden" data-testid="inbox-filters">
        {page.scope === "sendiri" && <input type="hidden" name="cakupan" value="sendiri" />}
        <Field id="inbox-status-filter" label={t("status")} dense>
          {(c) => (
            <Select {...c} name="status" defaultValue={query.status ?? ""} size="sm" width="auto">
              <option value="">{t("allStatuses")}</option>
              {FEEDBACK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="inbox-unsur-filter" label={t("lowUnsur")} dense>
          {(c) => (
            <Select {...c} name="unsur" defaultValue={query.unsur ?? ""} size="sm" width="auto">
              <option value="">{t("any")}</option>
              {UNSUR.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="inbox-service-filter" label={t("service")} dense>
          {(c) => (
            <Select {...c} name="layanan" defaultValue={query.layanan ?? ""} size="sm" width="auto">
              <option value="">{t("any")}</option>
              {page.services.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="inbox-period-filter" label={t("period")} dense>
          {(c) => <Input {...c} name="periode" defaultValue={query.period ? periodKey(query.period) : kept("periode")} placeholder="2026-T3" size="sm" width="short" />}
        </Field>
        <Field id="inbox-assignee-filter" label={t("assignee")} dense>
          {(c) => (
            <Select {...c} name="petugas" defaultValue={query.petugas ?? ""} size="sm" width="auto">
              <option value="">{t("any")}</option>
              <option value="none">{t("unassigned")}</option>
              {page.assignees.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="inbox-age-filter" label={t("age")} dense>
          {(c) => (
            <Select {...c} name="usia" defaultValue={query.usia === undefined ? "" : String(query.usia)} size="sm" width="auto">
              <option value="">{t("any")}</option>
              <option value="terlambat">{t("overdueOnly")}</option>
              {[3, 5, 10, 20].map((n) => (
                <option key={n} value={n}>
                  {t("olderThan", { days: n })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="inbox-search" label={t("search")} dense>
          {(c) => <Input {...c} type="search" name="cari" defaultValue={query.cari ?? ""} maxLength={200} size="sm" width="wide" />}
        </Field>
        <Button type="submit" size="sm">
          {common("apply")}
        </Button>
      </Form>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="inbox">
        {page.items.length === 0 && <li className="p-4 text-sm">{t("empty")}</li>}
        {page.items.map((s) => (
          <li key={s.id} className="p-4" data-testid="inbox-item">
            <p className="whitespace-pre-line break-words">
              <Link href={withQuery(`${path}/${s.id}`, {}, page.scope === "sendiri" ? { cakupan: "sendiri" } : {})} className={linkVariants()} data-testid="inbox-open">
                {s.saran ?? t("noSaran", { items: s.lowItems.join(", ") })}
              </Link>
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 text-xs text-slate-600">
              <span>{f.date(s.at)}</span>
              <span>{s.unit}</span>
              {s.service && <span>{s.service}</span>}
              {s.lowItems.length > 0 && <span>{t("lowScores", { items: s.lowItems.join(", ") })}</span>}
              <span>{t("ageDays", { days: s.ageDays })}</span>
              <span data-testid="inbox-status">{label(s.status)}</span>
              <span>{s.assignee ?? t("unassigned")}</span>
              {s.overdue && (
                <Badge tone="danger" data-testid="overdue">
                  {t("overdue")}
                </Badge>
              )}
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label={common("pagination")} className="flex items-center gap-3 text-sm print:hidden">
          {page.page > 1 && (
            <Link href={withQuery(path, params, { hal: String(page.page - 1) })} className={linkVariants()}>
              ← {common("previous")}
            </Link>
          )}
          <span>{common("pageOf", { page: f.integer(page.page), pages: f.integer(pages) })}</span>
          {page.page < pages && (
            <Link href={withQuery(path, params, { hal: String(page.page + 1) })} className={linkVariants()}>
              {common("next")} →
            </Link>
          )}
        </nav>
      )}
    </main>
  );
}
