import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackForm } from "@/components/dashboard/feedback-form";
import { withQuery } from "@/components/dashboard/url";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listFeedback } from "@/lib/dal/dashboard";
import { agencyClock } from "@/lib/dal/settings";
import { getFormat } from "@/lib/i18n/server";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { FEEDBACK_STATUSES } from "@/lib/validation/feedback-fields";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("inbox") };
}

export default async function FeedbackInbox(props: PageProps<"/dasbor/unit/[code]/saran">) {
  const { code } = await props.params;
  const params = await props.searchParams;
  const caller = await requireCaller(`/dasbor/unit/${code}/saran`);
  const { query } = parseDashboardQuery(params, await agencyClock());
  const page = await listFeedback(caller, code, query);
  if (!page) notFound();
  const [t, common, label, f] = await Promise.all([getTranslations("inbox"), getTranslations("common"), getTranslations("labels.feedbackStatus"), getFormat()]);
  const path = `/dasbor/unit/${page.unit.code}/saran`;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <main className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="text-sm print:hidden">
        <Link href={withQuery(`/dasbor/unit/${page.unit.code}`, params, { status: undefined, hal: undefined })} className={linkVariants()}>
          ← {t("back")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold" data-testid="inbox-title">{t("title", { name: page.unit.name })}</h1>
      <p className="text-sm text-slate-700">
        {f.period(query.period)} · <span data-testid="inbox-total">{f.integer(page.total)}</span> saran
      </p>
      <Form action={path} className="flex flex-wrap items-end gap-2 print:hidden">
        {Object.entries(params).map(([k, v]) => (typeof v === "string" && k !== "status" && k !== "hal" ? <input key={k} type="hidden" name={k} value={v} /> : null))}
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
        <Button type="submit" size="sm">
          {common("apply")}
        </Button>
      </Form>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="inbox">
        {page.items.length === 0 && <li className="p-4 text-sm">{t("empty")}</li>}
        {page.items.map((s) => (
          <li key={s.id} className="p-4" data-testid="inbox-item">
            <p className="whitespace-pre-line break-words">{s.text}</p>
            <p className="mt-1 text-xs text-slate-600">
              {f.date(s.at)} · {s.unit}
              {s.service && ` · ${s.service}`} · <span data-testid="inbox-status">{label(s.status as "BARU")}</span>
              {" · "}
              {t("scores", {
                scores: Object.entries(s.scores)
                  .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
                  .map(([k, v]) => `${k}=${v}`)
                  .join(" "),
              })}
            </p>
            {s.note && <p className="mt-1 text-sm text-slate-700">{t("noteShown", { note: s.note })}</p>}
            {page.canManage && <FeedbackForm responseId={s.id} unitCode={page.unit.code} status={s.status} note={s.note} />}
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
