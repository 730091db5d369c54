import { getTranslations } from "next-intl/server";
import Form from "next/form";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import type { TFilterChoices } from "@/lib/dal/dashboard";
import { getFormat } from "@/lib/i18n/server";
import { inProgress, PERIOD_KINDS, periodKey } from "@/lib/periods";
import { CHANNELS, TREND_VALUE, type TDashboardQuery } from "@/lib/validation/dashboard";

/** One labelled select of the filter bar. */
function FilterSelect({ id, name, label, defaultValue, wide, children }: { id: string; name: string; label: string; defaultValue: string; wide?: boolean; children: ReactNode }) {
  return (
    <Field id={id} label={label} dense className="min-w-0">
      {(c) => (
        <Select {...c} name={name} defaultValue={defaultValue} size="sm" width={wide ? "wide" : "auto"} className="max-w-full">
          {children}
        </Select>
      )}
    </Field>
  );
}

/**
 * The view's filters as a GET form: the URL holds the state, so a view can be
 * shared or bookmarked; it works without JavaScript, and with it navigates in place.
 */
export async function DashboardFilters({ action, query, choices, mode, items, scope, keep = {}, resetHref }: {
  action: string;
  query: TDashboardQuery;
  choices: TFilterChoices;
  mode: "unit" | "agency";
  items?: { code: string; name: string }[];
  /** The scope the unit view shows (its default depends on whether the unit has sub-units). */
  scope?: "sendiri" | "gabungan";
  resetHref?: string;
  /** Parameters to carry over unchanged (the agency root, the sort). */
  keep?: Record<string, string | undefined>;
}) {
  const [t, common, f] = await Promise.all([getTranslations("dashboard"), getTranslations("common"), getFormat()]);
  const channel = await getTranslations("labels.channel");
  return (
    <Form action={action} className="mt-4 rounded-lg border border-slate-200 bg-white p-3 print:hidden" data-testid="filters" aria-label={t("filtersTitle")}>
      {Object.entries(keep).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect id="f-periode" name="periode" label={t("period")} defaultValue={periodKey(query.period)}>
          {PERIOD_KINDS.map((kind) => (
            <optgroup key={kind} label={f.periodKind(kind)}>
              {choices.periods[kind].map((p) => (
                <option key={periodKey(p)} value={periodKey(p)}>
                  {inProgress(p, f.timeZone) ? t("runningOption", { period: f.period(p) }) : f.period(p)}
                </option>
              ))}
            </optgroup>
          ))}
        </FilterSelect>
        <FilterSelect id="f-layanan" name="layanan" label={t("service")} defaultValue={query.layanan ?? ""} wide>
          <option value="">{t("allServices")}</option>
          {choices.services.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="f-kanal" name="kanal" label={t("channel")} defaultValue={query.kanal ?? ""}>
          <option value="">{t("allChannels")}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channel(c)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="f-tren" name="tren" label={t("trend")} defaultValue={TREND_VALUE[query.trend]}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={TREND_VALUE[k]}>
              {f.periodKind(k)}
            </option>
          ))}
        </FilterSelect>
        {mode === "unit" && items && (
          <FilterSelect id="f-unsur" name="unsur" label={t("trendUnsur")} defaultValue={query.unsur ?? ""} wide>
            <option value="">{t("noUnsur")}</option>
            {items.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} {i.name}
              </option>
            ))}
          </FilterSelect>
        )}
        {mode === "unit" ? (
          <FilterSelect id="f-cakupan" name="cakupan" label={t("scope")} defaultValue={query.cakupan ?? scope ?? "sendiri"}>
            <option value="sendiri">{t("scopeOwn")}</option>
            <option value="gabungan">{t("scopeSubtree")}</option>
          </FilterSelect>
        ) : (
          <FilterSelect id="f-tingkat" name="tingkat" label={t("level")} defaultValue={query.tingkat ?? "semua"}>
            <option value="semua">{t("levelAll")}</option>
            <option value="anak">{t("levelChildren")}</option>
          </FilterSelect>
        )}
        <Checkbox name="terverifikasi" value="1" defaultChecked={query.verifiedOnly} label={<span className="text-sm">{t("verifiedOnly")}</span>} className="min-h-9 items-center" />
        <Button type="submit" size="sm">
          {common("apply")}
        </Button>
        <TextLink href={resetHref ?? action} size="sm">
          {common("reset")}
        </TextLink>
      </div>
    </Form>
  );
}
