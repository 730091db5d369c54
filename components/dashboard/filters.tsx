import Form from "next/form";
import { CHANNEL_LABEL, DASH_TEXT } from "@/components/dashboard/text";
import type { TFilterChoices } from "@/lib/dal/dashboard";
import type { Locale } from "@/lib/i18n";
import { PERIOD_KINDS, PERIOD_KIND_LABEL, periodKey, periodLabel } from "@/lib/periods";
import { CHANNELS, TREND_VALUE, type TDashboardQuery } from "@/lib/validation/dashboard";

const field = "rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

/**
 * The view's filters as a GET form: the URL holds the state, so a view can be
 * shared or bookmarked; it works without JavaScript, and with it navigates in place.
 */
export function DashboardFilters({ action, query, choices, locale, mode, items, scope, keep = {}, resetHref }: {
  action: string;
  query: TDashboardQuery;
  choices: TFilterChoices;
  locale: Locale;
  mode: "unit" | "agency";
  items?: { code: string; name: string }[];
  /** The scope the unit view shows (its default depends on whether the unit has sub-units). */
  scope?: "sendiri" | "gabungan";
  resetHref?: string;
  /** Parameters to carry over unchanged (the agency root, the sort). */
  keep?: Record<string, string | undefined>;
}) {
  const t = DASH_TEXT[locale];
  const current = periodKey(query.period);
  return (
    <Form action={action} className="mt-4 rounded-lg border border-slate-200 bg-white p-3 print:hidden" data-testid="filters">
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col text-xs font-medium">
          <label htmlFor="f-periode">{t.period}</label>
          <select id="f-periode" name="periode" defaultValue={current} className={field}>
            {PERIOD_KINDS.map((kind) => (
              <optgroup key={kind} label={PERIOD_KIND_LABEL[locale][kind]}>
                {choices.periods[kind].map((p) => (
                  <option key={periodKey(p)} value={periodKey(p)}>{periodLabel(p, locale)}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="flex flex-col text-xs font-medium">
          <label htmlFor="f-layanan">{t.service}</label>
          <select id="f-layanan" name="layanan" defaultValue={query.layanan ?? ""} className={`${field} max-w-56`}>
            <option value="">{t.allServices}</option>
            {choices.services.map((s) => (
              <option key={s.code} value={s.code}>{s.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col text-xs font-medium">
          <label htmlFor="f-kanal">{t.channel}</label>
          <select id="f-kanal" name="kanal" defaultValue={query.kanal ?? ""} className={field}>
            <option value="">{t.allChannels}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>{CHANNEL_LABEL[locale][c]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col text-xs font-medium">
          <label htmlFor="f-tren">{t.trend}</label>
          <select id="f-tren" name="tren" defaultValue={TREND_VALUE[query.trend]} className={field}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={TREND_VALUE[k]}>{PERIOD_KIND_LABEL[locale][k]}</option>
            ))}
          </select>
        </div>
        {mode === "unit" && items && (
          <div className="flex flex-col text-xs font-medium">
            <label htmlFor="f-unsur">{t.trendUnsur}</label>
            <select id="f-unsur" name="unsur" defaultValue={query.unsur ?? ""} className={`${field} max-w-56`}>
              <option value="">{t.noUnsur}</option>
              {items.map((i) => (
                <option key={i.code} value={i.code}>{i.code} {i.name}</option>
              ))}
            </select>
          </div>
        )}
        {mode === "unit" ? (
          <div className="flex flex-col text-xs font-medium">
            <label htmlFor="f-cakupan">{t.scope}</label>
            <select id="f-cakupan" name="cakupan" defaultValue={query.cakupan ?? scope} className={field}>
              <option value="sendiri">{t.scopeOwn}</option>
              <option value="gabungan">{t.scopeSubtree}</option>
            </select>
          </div>
        ) : (
          <div className="flex flex-col text-xs font-medium">
            <label htmlFor="f-tingkat">{t.level}</label>
            <select id="f-tingkat" name="tingkat" defaultValue={query.tingkat ?? "semua"} className={field}>
              <option value="semua">{t.levelAll}</option>
              <option value="anak">{t.levelChildren}</option>
            </select>
          </div>
        )}
        <label className="flex min-h-9 items-center gap-2 text-sm">
          <input type="checkbox" name="terverifikasi" value="1" defaultChecked={query.verifiedOnly} className="size-4" />
          {t.verifiedOnly}
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-900">
          {t.apply}
        </button>
        <a href={resetHref ?? action} className="text-sm text-brand-700 underline">{t.reset}</a>
      </div>
    </Form>
  );
}
