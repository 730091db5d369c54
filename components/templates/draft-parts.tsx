"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, FieldError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { MUTU_LETTERS } from "@/lib/validation/templates";

// One item and one mutu band of the draft editor. Field names are the value's path in
// the version's content ("items.0.options.2.labelEn"); errors come back under the same
// path with "content." in front.

export type TRawOption = { value?: unknown; label?: unknown; labelEn?: unknown };
export type TRawItem = { code?: unknown; unsur?: unknown; unsurEn?: unknown; question?: unknown; questionEn?: unknown; options?: TRawOption[] };
export type TRawBand = { mutu?: unknown; kinerja?: unknown; kinerjaEn?: unknown; min?: unknown; max?: unknown };

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
type TError = (name: string) => string | undefined;

export function ItemFields({ index, item, scores, error, onRemove }: { index: number; item: TRawItem; scores: number[]; error: TError; onRemove?: () => void }) {
  const t = useTranslations("templates");
  const p = `items.${index}`;
  const e = (f: string) => error(`content.${p}.${f}`);
  const label = (value: number, k: "label" | "labelEn") => s(item.options?.find((o) => Number(o.value) === value)?.[k]);
  return (
    <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3" data-testid={`item-${index}`}>
      <legend className="px-1 font-semibold">{t("item", { n: index + 1 })}</legend>
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr]">
        <Field id={`${p}-code`} label={t("itemCode")} error={e("code")}>
          {(c) => <Input {...c} name={`${p}.code`} size="sm" defaultValue={s(item.code)} maxLength={10} className="uppercase" />}
        </Field>
        <Field id={`${p}-unsur`} label={t("unsurId")} error={e("unsur")}>
          {(c) => <Input {...c} name={`${p}.unsur`} size="sm" defaultValue={s(item.unsur)} maxLength={120} />}
        </Field>
        <Field id={`${p}-unsurEn`} label={t("unsurEn")} error={e("unsurEn")}>
          {(c) => <Input {...c} name={`${p}.unsurEn`} size="sm" defaultValue={s(item.unsurEn)} maxLength={120} />}
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${p}-question`} label={t("questionId")} error={e("question")}>
          {(c) => <Textarea {...c} name={`${p}.question`} size="sm" rows={2} defaultValue={s(item.question)} maxLength={500} />}
        </Field>
        <Field id={`${p}-questionEn`} label={t("questionEn")} error={e("questionEn")}>
          {(c) => <Textarea {...c} name={`${p}.questionEn`} size="sm" rows={2} defaultValue={s(item.questionEn)} maxLength={500} />}
        </Field>
      </div>
      <FieldError id={`${p}-options-error`}>{e("options")}</FieldError>
      <div className="grid gap-2">
        {scores.map((value, k) => (
          // Keyed by the score: widening the scale keeps the labels already typed.
          <div key={value} className="grid gap-2 sm:grid-cols-[5rem_1fr_1fr] sm:items-end">
            <input type="hidden" name={`${p}.options.${k}.value`} value={value} />
            <span className="text-sm font-medium">{t("option", { value })}</span>
            <Field id={`${p}-o${value}`} label={<span className="sr-only sm:not-sr-only">{t("optionId", { value })}</span>} error={e(`options.${k}.label`)} dense>
              {(c) => <Input {...c} name={`${p}.options.${k}.label`} size="sm" defaultValue={label(value, "label")} maxLength={120} />}
            </Field>
            <Field id={`${p}-o${value}-en`} label={<span className="sr-only sm:not-sr-only">{t("optionEn", { value })}</span>} error={e(`options.${k}.labelEn`)} dense>
              {(c) => <Input {...c} name={`${p}.options.${k}.labelEn`} size="sm" defaultValue={label(value, "labelEn")} maxLength={120} />}
            </Field>
          </div>
        ))}
      </div>
      {onRemove && (
        <div>
          <Button size="sm" variant="danger" onClick={onRemove}>
            {t("removeItem", { n: index + 1 })}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

export function BandFields({ index, band, error, onRemove }: { index: number; band: TRawBand; error: TError; onRemove?: () => void }) {
  const t = useTranslations("templates");
  const p = `bands.${index}`;
  const e = (f: string) => error(`content.${p}.${f}`);
  return (
    <fieldset className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[5rem_1fr_1fr_7rem_7rem] sm:items-start" data-testid={`band-${index}`}>
      <legend className="px-1 font-semibold">{t("band", { n: index + 1 })}</legend>
      <Field id={`${p}-mutu`} label={t("mutu")} error={e("mutu")} dense>
        {(c) => (
          <Select {...c} name={`${p}.mutu`} size="sm" defaultValue={s(band.mutu)}>
            {MUTU_LETTERS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${p}-kinerja`} label={t("kinerjaId")} error={e("kinerja")} dense>
        {(c) => <Input {...c} name={`${p}.kinerja`} size="sm" defaultValue={s(band.kinerja)} maxLength={120} />}
      </Field>
      <Field id={`${p}-kinerjaEn`} label={t("kinerjaEn")} error={e("kinerjaEn")} dense>
        {(c) => <Input {...c} name={`${p}.kinerjaEn`} size="sm" defaultValue={s(band.kinerjaEn)} maxLength={120} />}
      </Field>
      <Field id={`${p}-min`} label={t("bandMin")} error={e("min")} dense>
        {(c) => <Input {...c} name={`${p}.min`} size="sm" inputMode="decimal" defaultValue={s(band.min)} maxLength={8} />}
      </Field>
      <Field id={`${p}-max`} label={t("bandMax")} error={e("max")} dense>
        {(c) => <Input {...c} name={`${p}.max`} size="sm" inputMode="decimal" defaultValue={s(band.max)} maxLength={8} />}
      </Field>
      {onRemove && (
        <div className="sm:col-span-5">
          <Button size="sm" variant="danger" onClick={onRemove}>
            {t("removeBand", { n: index + 1 })}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
