"use client";
import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { submitSurveyAction, type TSurveyFormState } from "@/components/survey/actions";
import { EDUCATION_LABEL, OCCUPATION_LABEL, SURVEY_TEXT } from "@/components/survey/text";
import type { Locale } from "@/lib/i18n";
import { responseErrorMessage } from "@/lib/i18n/response-errors";
import type { TSurveyItem, TSurveyService } from "@/lib/dal/survey";
import { EDUCATION, OCCUPATION, SARAN_MAX, type TResponseErrorCode } from "@/lib/validation/response-fields";

export type TSurveyFormProps = {
  locale: Locale;
  unitCode: string;
  services: TSurveyService[];
  presetService?: string;
  items: TSurveyItem[];
  /** The template also asks how important each unsur is (harapan). */
  asksHarapan?: boolean;
  scale?: { min: number; max: number };
  idempotencyKey: string;
  token?: string;
};

const initial: TSurveyFormState = { errors: {}, values: {} };

// Plain HTML form posting to a server action: works with JavaScript off; with
// it on, React submits it without a reload and keeps what was entered.
export function SurveyForm(props: TSurveyFormProps) {
  const [state, action] = useActionState(submitSurveyAction, initial);
  const t = SURVEY_TEXT[props.locale];
  const v = state.values;
  const err = (field: string) => state.errors[field] as TResponseErrorCode | undefined;
  const hasErrors = Object.keys(state.errors).length > 0;
  const en = props.locale === "en";
  const alertRef = useRef<HTMLDivElement>(null);
  // After a rejected submit, bring the citizen to the list of what to fix.
  useEffect(() => {
    if (hasErrors) alertRef.current?.focus();
  }, [state, hasErrors]);

  return (
    <form action={action} className="mt-6 space-y-6" noValidate>
      <input type="hidden" name="unit" value={props.unitCode} />
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? props.idempotencyKey} />
      {props.token && <input type="hidden" name="token" value={props.token} />}
      <div className="absolute -left-[9999px]" aria-hidden="true">
        <label>
          {t.website}
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      {hasErrors && (
        <div role="alert" data-testid="form-errors" ref={alertRef} tabIndex={-1} className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{t.fixErrors}</p>
          {["form", "token", "unit"].map((f) =>
            err(f) ? <p key={f}>{responseErrorMessage(err(f)!, props.locale)}</p> : null,
          )}
        </div>
      )}

      {props.presetService ? (
        <input type="hidden" name="service" value={props.presetService} />
      ) : props.services.length > 1 ? (
        <fieldset className="rounded-lg border border-slate-300 p-3" aria-describedby={err("service") ? "service-error" : undefined}>
          <legend className="px-1 text-base font-semibold">{t.service}</legend>
          <FieldError id="service-error" code={err("service")} locale={props.locale} />
          <div className="mt-2 grid gap-2">
            {props.services.map((s) => (
              <Choice key={s.code} name="service" value={s.code} label={en && s.nameEn ? s.nameEn : s.name} checked={v.service === s.code} />
            ))}
          </div>
        </fieldset>
      ) : null}

      <section aria-labelledby="questions-title" className="space-y-4">
        <h2 id="questions-title" className="text-lg font-semibold">
          {t.questionsTitle}
        </h2>
        <FieldError id="answers-error" code={err("answers")} locale={props.locale} />
        {props.items.map((item, i) => {
          const e = err(`answers.${item.code}`);
          return (
            <fieldset
              key={item.code}
              className={`rounded-lg border p-3 ${e ? "border-red-700" : "border-slate-300"}`}
              aria-describedby={e ? `${item.code}-error` : undefined}
            >
              <legend className="px-1">
                <span className="block text-sm font-semibold text-brand-700">
                  {i + 1}. {en ? item.unsurEn : item.unsur}
                </span>
                <span className="block text-base">{en ? item.questionEn : item.question}</span>
              </legend>
              <FieldError id={`${item.code}-error`} code={e} locale={props.locale} />
              <div className="mt-2 grid grid-cols-1 gap-2 min-[480px]:grid-cols-2">
                {item.options.map((o) => (
                  <Choice
                    key={o.value}
                    name={`a_${item.code}`}
                    value={String(o.value)}
                    label={en ? o.labelEn : o.label}
                    checked={v[`a_${item.code}`] === String(o.value)}
                  />
                ))}
              </div>
              {props.asksHarapan && (
                <Importance code={item.code} locale={props.locale} scale={props.scale} value={v[`h_${item.code}`]} error={err(`harapan.${item.code}`)} />
              )}
            </fieldset>
          );
        })}
      </section>

      <fieldset className="space-y-3 rounded-lg border border-slate-300 p-3">
        <legend className="px-1 text-lg font-semibold">{t.profileTitle}</legend>
        <p className="text-sm text-slate-700">{t.profileHint}</p>
        <fieldset>
          <legend className="text-sm font-medium">{t.gender}</legend>
          <div className="mt-1 grid grid-cols-2 gap-2">
            <Choice name="gender" value="L" label={t.genderL} checked={v.gender === "L"} />
            <Choice name="gender" value="P" label={t.genderP} checked={v.gender === "P"} />
          </div>
        </fieldset>
        <Labeled id="age" label={t.age} error={err("profile.age")} locale={props.locale}>
          <input
            id="age"
            name="age"
            type="number"
            inputMode="numeric"
            min={10}
            max={120}
            defaultValue={v.age ?? ""}
            className="w-28 rounded-md border border-slate-400 px-3 py-2 text-base"
          />
        </Labeled>
        <Labeled id="education" label={t.education} error={err("profile.education")} locale={props.locale}>
          <select id="education" name="education" defaultValue={v.education ?? ""} className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base">
            <option value="">{t.choose}</option>
            {EDUCATION.map((e) => (
              <option key={e} value={e}>
                {EDUCATION_LABEL[e]![props.locale]}
              </option>
            ))}
          </select>
        </Labeled>
        <Labeled id="occupation" label={t.occupation} error={err("profile.occupation")} locale={props.locale}>
          <select id="occupation" name="occupation" defaultValue={v.occupation ?? ""} className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base">
            <option value="">{t.choose}</option>
            {OCCUPATION.map((o) => (
              <option key={o} value={o}>
                {OCCUPATION_LABEL[o]![props.locale]}
              </option>
            ))}
          </select>
        </Labeled>
      </fieldset>

      <Labeled id="saran" label={t.saran} hint={t.saranHint} error={err("saran")} locale={props.locale}>
        <textarea
          id="saran"
          name="saran"
          rows={3}
          maxLength={SARAN_MAX}
          defaultValue={v.saran ?? ""}
          aria-describedby="saran-hint"
          className="w-full rounded-md border border-slate-400 px-3 py-2 text-base"
        />
      </Labeled>

      <details className="rounded-lg border border-slate-300 p-3" open={!!(v.contact_consent || v.contact_phone || v.contact_email)}>
        <summary className="cursor-pointer py-1 font-medium">{t.contactTitle}</summary>
        <p className="mt-2 text-sm text-slate-700">{t.contactHint}</p>
        <div className="mt-3 space-y-3">
          <Labeled id="contact_name" label={t.contactName} error={err("contact.name")} locale={props.locale}>
            <input id="contact_name" name="contact_name" autoComplete="name" defaultValue={v.contact_name ?? ""} className="w-full rounded-md border border-slate-400 px-3 py-2 text-base" />
          </Labeled>
          <Labeled id="contact_phone" label={t.contactPhone} error={err("contact.phone")} locale={props.locale}>
            <input id="contact_phone" name="contact_phone" type="tel" autoComplete="tel" defaultValue={v.contact_phone ?? ""} className="w-full rounded-md border border-slate-400 px-3 py-2 text-base" />
          </Labeled>
          <Labeled id="contact_email" label={t.contactEmail} error={err("contact.email")} locale={props.locale}>
            <input id="contact_email" name="contact_email" type="email" autoComplete="email" defaultValue={v.contact_email ?? ""} className="w-full rounded-md border border-slate-400 px-3 py-2 text-base" />
          </Labeled>
          <label className="flex min-h-11 items-start gap-3">
            <input type="checkbox" name="contact_consent" value="yes" defaultChecked={v.contact_consent === "yes"} className="mt-1 size-5" />
            <span>{t.consent}</span>
          </label>
          <FieldError id="consent-error" code={err("contact.consent")} locale={props.locale} />
        </div>
      </details>

      <SubmitButton label={t.submit} pending={t.sending} />
    </form>
  );
}

const IMPORTANCE_LABEL: Record<Locale, string[]> = {
  id: ["Tidak penting", "Kurang penting", "Penting", "Sangat penting"],
  en: ["Not important", "Less important", "Important", "Very important"],
};

/** How important the unsur is to the citizen: one compact row under the rating. */
function Importance({ code, locale, scale, value, error }: { code: string; locale: Locale; scale?: { min: number; max: number }; value?: string; error?: TResponseErrorCode }) {
  const { min, max } = scale ?? { min: 1, max: 4 };
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const labels = values.length === 4 ? IMPORTANCE_LABEL[locale] : values.map(String);
  return (
    <fieldset className="mt-3 border-t border-slate-200 pt-2">
      <legend className="text-sm font-medium text-slate-800">{SURVEY_TEXT[locale].importance}</legend>
      <FieldError id={`h-${code}-error`} code={error} locale={locale} />
      <div className="mt-1 grid grid-cols-2 gap-2 min-[480px]:grid-cols-4">
        {values.map((n, i) => (
          <Choice key={n} name={`h_${code}`} value={String(n)} label={labels[i]!} checked={value === String(n)} small />
        ))}
      </div>
    </fieldset>
  );
}

function Choice({ name, value, label, checked, small }: { name: string; value: string; label: string; checked: boolean; small?: boolean }) {
  return (
    <label className={`flex cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${small ? "min-h-11" : "min-h-12"}`}>
      <input type="radio" name={name} value={value} defaultChecked={checked} className="size-5 shrink-0 accent-brand-700" />
      <span className={`leading-snug ${small ? "text-sm" : "text-base"}`}>{label}</span>
    </label>
  );
}

function Labeled(props: { id: string; label: string; hint?: string; error?: TResponseErrorCode; locale: Locale; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.hint && (
        <p id={`${props.id}-hint`} className="text-sm text-slate-700">
          {props.hint}
        </p>
      )}
      <div className="mt-1">{props.children}</div>
      <FieldError id={`${props.id}-error`} code={props.error} locale={props.locale} />
    </div>
  );
}

function FieldError({ id, code, locale }: { id: string; code?: TResponseErrorCode; locale: Locale }) {
  if (!code) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      {responseErrorMessage(code, locale)}
    </p>
  );
}

function SubmitButton({ label, pending }: { label: string; pending: string }) {
  // Disabled while sending: a double tap sends once (and the idempotency key
  // makes a second request harmless anyway).
  const status = useFormStatus();
  return (
    <button
      type="submit"
      disabled={status.pending}
      className="w-full rounded-lg bg-brand-700 px-4 py-4 text-lg font-semibold text-white hover:bg-brand-900 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-70"
    >
      {status.pending ? pending : label}
    </button>
  );
}
