"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { draftStepAction, saveDraftAction, type TTemplateFormState } from "@/components/templates/actions";
import { BandFields, ItemFields, type TRawBand, type TRawItem } from "@/components/templates/draft-parts";
import { useTemplateError } from "@/components/templates/use-template-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/choice";
import { Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MUTU_LETTERS, SCALE_SPAN_MAX } from "@/lib/validation/templates";

// The whole draft in one form: name, scale, harapan, items with a label per score in both
// languages, and the mutu bands. Saved as a whole (ZSaveDraft), so what is saved can
// always be published. Rows are added and removed here; the server decides what is valid.

export type TDraftValues = {
  name: string;
  nameEn: string;
  content: { scaleMin?: unknown; scaleMax?: unknown; asksHarapan?: unknown; items?: TRawItem[]; bands?: TRawBand[] };
};

/** The scores of a scale as typed, when it is one the schema accepts; else null. */
function scoresOf(min: string, max: string): number[] | null {
  const lo = Number(min);
  const hi = Number(max);
  if (min.trim() === "" || max.trim() === "" || !Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi > 10 || hi <= lo || hi - lo > SCALE_SPAN_MAX) return null;
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

export function DraftEditor({ templateKey, initial }: { templateKey: string; initial: TDraftValues }) {
  const [state, action, pending] = useActionState(saveDraftAction, {} as TTemplateFormState);
  const values = (state.values as TDraftValues | undefined) ?? initial;
  // Re-mounted on every answer: after a refusal the fields show what was sent, with its errors.
  return <DraftForm key={state.at ?? 0} templateKey={templateKey} values={values} state={state} action={action} pending={pending} />;
}

function DraftForm({ templateKey, values, state, action, pending }: {
  templateKey: string;
  values: TDraftValues;
  state: TTemplateFormState;
  action: (form: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("templates");
  const error = useTemplateError(state.fields);
  const c = values.content;
  const [scaleMin, setScaleMin] = useState(String(c.scaleMin ?? ""));
  const [scaleMax, setScaleMax] = useState(String(c.scaleMax ?? ""));
  // Rows carry a key of their own: removing one keeps what was typed in the others.
  const [items, setItems] = useState(() => (c.items ?? []).map((item, k) => ({ key: k, item })));
  const [bands, setBands] = useState(() => (c.bands ?? []).map((band, k) => ({ key: k, band })));
  const [nextKey, setNextKey] = useState(1000);
  const fallback = scoresOf(String(c.scaleMin ?? ""), String(c.scaleMax ?? "")) ?? [1, 2, 3, 4];
  const scores = scoresOf(scaleMin, scaleMax) ?? fallback;
  const fresh = () => {
    setNextKey(nextKey + 1);
    return nextKey;
  };

  return (
    <form action={action} className="grid gap-4" data-testid="draft-editor" noValidate>
      {state.error && <Alert tone="error" role="alert">{t(`errors.${state.error}` as "errors.form")}</Alert>}
      {state.done && <Alert tone="success" role="status">{t("saved")}</Alert>}
      <input type="hidden" name="key" value={templateKey} />
      <p className="text-sm text-slate-700">{t("editHint")}</p>
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <Field id="draft-name" label={t("nameId")} error={error("name")}>
          {(f) => <Input {...f} name="name" size="sm" defaultValue={values.name} maxLength={200} />}
        </Field>
        <Field id="draft-nameEn" label={t("nameEn")} hint={t("nameEnHint")} error={error("nameEn")}>
          {(f) => <Input {...f} name="nameEn" size="sm" defaultValue={values.nameEn} maxLength={200} />}
        </Field>
      </div>

      <section aria-labelledby="scale-title" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="scale-title" className="font-semibold">{t("scaleTitle")}</h3>
        <p className="text-sm text-slate-700">{t("scaleHint")}</p>
        <div className="flex flex-wrap gap-3">
          <Field id="scaleMin" label={t("scaleMin")} error={error("content.scaleMin")}>
            {(f) => <Input {...f} name="scaleMin" size="sm" width="short" inputMode="numeric" value={scaleMin} onChange={(e) => setScaleMin(e.target.value)} />}
          </Field>
          <Field id="scaleMax" label={t("scaleMax")} error={error("content.scaleMax")}>
            {(f) => <Input {...f} name="scaleMax" size="sm" width="short" inputMode="numeric" value={scaleMax} onChange={(e) => setScaleMax(e.target.value)} />}
          </Field>
        </div>
        <div>
          <Checkbox name="asksHarapan" id="asksHarapan" label={t("asksHarapan")} defaultChecked={c.asksHarapan === true} aria-describedby="asksHarapan-hint" />
          <p id="asksHarapan-hint" className="text-sm text-slate-700">{t("asksHarapanHint")}</p>
        </div>
      </section>

      <section aria-labelledby="items-title" className="grid gap-3">
        <h3 id="items-title" className="font-semibold">{t("itemsTitle")}</h3>
        <FieldError id="items-error">{error("content.items")}</FieldError>
        {items.map(({ key, item }, i) => (
          <ItemFields key={key} index={i} item={item} scores={scores} error={error} onRemove={items.length > 1 ? () => setItems((all) => all.filter((x) => x.key !== key)) : undefined} />
        ))}
        <div>
          <Button size="sm" variant="secondary" onClick={() => {
              const key = fresh();
              setItems((all) => [...all, { key, item: { code: `U${all.length + 1}` } }]);
            }}>
            {t("addItem")}
          </Button>
        </div>
      </section>

      <section aria-labelledby="bands-title" className="grid gap-3">
        <h3 id="bands-title" className="font-semibold">{t("bandsTitle")}</h3>
        <p className="text-sm text-slate-700">{t("bandsHint")}</p>
        <FieldError id="bands-error">{error("content.bands")}</FieldError>
        {bands.map(({ key, band }, i) => (
          <BandFields key={key} index={i} band={band} error={error} onRemove={bands.length > 1 ? () => setBands((all) => all.filter((x) => x.key !== key)) : undefined} />
        ))}
        {bands.length < MUTU_LETTERS.length && (
          <div>
            <Button size="sm" variant="secondary" onClick={() => {
                const key = fresh();
                setBands((all) => [...all, { key, band: { mutu: MUTU_LETTERS[all.length] } }]);
              }}>
              {t("addBand")}
            </Button>
          </div>
        )}
      </section>

      <div>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

/** Publish, start or discard the draft: a button that asks first where the step cannot be undone. */
export function DraftStep({ templateKey, step, version, variant }: { templateKey: string; step: "publish" | "start" | "discard"; version: number; variant?: "primary" | "secondary" | "danger" }) {
  const [state, action, pending] = useActionState(draftStepAction, {} as TTemplateFormState);
  const t = useTranslations("templates");
  const label = { publish: t("publish", { version }), start: t("startDraft", { version }), discard: t("discard") }[step];
  const confirm = { publish: t("publishConfirm", { version }), discard: t("discardConfirm", { version }), start: null }[step];
  return (
    <form
      action={action}
      className="grid gap-2"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {state.error && <Alert tone="error" role="alert">{t(`errors.${state.error}` as "errors.form")}</Alert>}
      <input type="hidden" name="key" value={templateKey} />
      <input type="hidden" name="step" value={step} />
      <div>
        <Button type="submit" size="sm" variant={variant ?? "primary"} disabled={pending}>
          {label}
        </Button>
      </div>
    </form>
  );
}
