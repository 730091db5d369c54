import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedbackForm } from "@/components/dashboard/feedback-form";
import { DASH_TEXT, FEEDBACK_STATUS_LABEL } from "@/components/dashboard/text";
import { withQuery } from "@/components/dashboard/url";
import { requireCaller } from "@/lib/auth/page";
import { listFeedback } from "@/lib/dal/dashboard";
import { formatDate } from "@/lib/i18n";
import { getLocale } from "@/lib/i18n/server";
import { formatInteger } from "@/lib/ikm";
import { periodLabel } from "@/lib/periods";
import { parseDashboardQuery } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Kotak saran" };

export default async function FeedbackInbox(props: PageProps<"/dasbor/unit/[code]/saran">) {
  const { code } = await props.params;
  const params = await props.searchParams;
  const caller = await requireCaller(`/dasbor/unit/${code}/saran`);
  const locale = await getLocale();
  const t = DASH_TEXT[locale];
  const { query } = parseDashboardQuery(params);
  const page = await listFeedback(caller, code, query);
  if (!page) notFound();
  const path = `/dasbor/unit/${page.unit.code}/saran`;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <main className="space-y-4">
      <p className="text-sm print:hidden">
        <Link href={withQuery(`/dasbor/unit/${page.unit.code}`, params, { status: undefined, hal: undefined })} className="text-brand-700 underline">← {t.back}</Link>
      </p>
      <h1 className="text-2xl font-bold" data-testid="inbox-title">{t.inboxTitle}: {page.unit.name}</h1>
      <p className="text-sm text-slate-600">{periodLabel(query.period, locale)} · <span data-testid="inbox-total">{formatInteger(page.total, locale)}</span> saran</p>
      <Form action={path} className="flex flex-wrap items-end gap-2 print:hidden">
        {Object.entries(params).map(([k, v]) => (typeof v === "string" && k !== "status" && k !== "hal" ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <label className="flex flex-col text-xs font-medium">
          {t.status}
          <select name="status" defaultValue={query.status ?? ""} className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
            <option value="">{t.allStatuses}</option>
            {Object.entries(FEEDBACK_STATUS_LABEL[locale]).map(([k, v]) => (
              <option key={k} value={k}>{v}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white">{t.apply}</button>
      </Form>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="inbox">
        {page.items.length === 0 && <li className="p-4 text-sm">{t.noSaran}</li>}
        {page.items.map((s) => (
          <li key={s.id} className="p-4" data-testid="inbox-item">
            <p className="whitespace-pre-line">{s.text}</p>
            <p className="mt-1 text-xs text-slate-500">
              {formatDate(locale, s.at)} · {s.unit}
              {s.service && ` · ${s.service}`} · <span data-testid="inbox-status">{FEEDBACK_STATUS_LABEL[locale][s.status] ?? s.status}</span>
              {" · "}
              {t.scores}: {Object.entries(s.scores).sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })).map(([k, v]) => `${k}=${v}`).join(" ")}
            </p>
            {s.note && <p className="mt-1 text-sm text-slate-700">{t.note}: {s.note}</p>}
            {page.canManage && <FeedbackForm responseId={s.id} unitCode={page.unit.code} status={s.status} note={s.note} locale={locale} />}
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="flex items-center gap-3 text-sm print:hidden">
          {page.page > 1 && <Link href={withQuery(path, params, { hal: String(page.page - 1) })} className="text-brand-700 underline">← {t.previous}</Link>}
          <span>{t.pageOf(formatInteger(page.page, locale), formatInteger(pages, locale))}</span>
          {page.page < pages && <Link href={withQuery(path, params, { hal: String(page.page + 1) })} className="text-brand-700 underline">{t.next} →</Link>}
        </nav>
      )}
    </main>
  );
}
