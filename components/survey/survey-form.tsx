"use client";
import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { submitSurveyAction, type TSurveyFormState } from "@/components/survey/actions";
import type { TSurveyText } from "@/components/survey/messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox, ChoiceGroup, RadioCard } from "@/components/ui/choice";
import { Field, FieldError } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { TSurveyItem, TSurveyService } from "@/lib/dal/survey";
import { EDUCATION, OCCUPATION, SARAN_MAX, type TResponseErrorCode } from "@/lib/validation/response-fields";

export type TSurveyFormProps = {
  /** The reader's messages (the citizen's page ships no i18n runtime: strings come as data). */
  text: TSurveyText;
  unitCode: string;
  /** The questionnaire version shown: sent back, so a newer version published meanwhile does not refuse the answers. */
  versionId?: string;
  /** Services with their name in the reader's language. */
  services: (TSurveyService & { label: string })[];
  presetService?: string;
  /** Items with their wording in the reader's language. */
  items: (TSurveyItem & { label: { unsur: string; question: string; options: string[] } })[];
  /** The template also asks how important each unsur is (harapan). */
  asksHarapan?: boolean;
  scale?: { min: number; max: number };
  idempotencyKey: string;
  token?: string;
  /** An admin's preview: the form has no action and its button is disabled, so nothing is ever sent. */
  preview?: boolean;
};

const initial: TSurveyFormState = { errors: {}, values: {} };

/** Where each error's field is on the page (the error summary links there). */
function anchorOf(field: string): string | null {
  if (field === "service" || field === "saran") return field;
  if (field === "answers") return "questions";
  if (field.startsWith("answers.")) return `q-${field.slice(8)}`;
  if (field.startsWith("harapan.")) return `h-${field.slice(8)}`;
  if (field.startsWith("profile.")) return field.slice(8);
  if (field.startsWith("contact.")) return `contact_${field.slice(8)}`;
  return null;
}

// Plain HTML form posting to a server action: works with JavaScript off; with
// it on, React submits it without a reload and keeps what was entered. Columns follow
// the form's own width (a container query: 448 px of form = a 480 px wide screen on the
// citizen's page), so an admin's phone-sized preview lays it out as the phone does.
export function SurveyForm(props: TSurveyFormProps) {
  const [state, action] = useActionState(submitSurveyAction, initial);
  const { survey: t, errors: messages, labels, common } = props.text;
  const v = state.values;
  const code = (field: string) => state.errors[field] as TResponseErrorCode | undefined;
  const err = (field: string) => (code(field) ? messages[code(field)!] : undefined);
  const errorFields = Object.keys(state.errors);
  const alertRef = useRef<HTMLDivElement>(null);
  // After a rejected submit, bring the citizen to the list of what to fix.
  useEffect(() => {
    if (errorFields.length > 0) alertRef.current?.focus();
  }, [state, errorFields.length]);

  const fieldLabel = (field: string): string => {
    if (field === "service") return t.service;
    if (field === "answers") return t.questionsTitle;
    const item = props.items.findIndex((i) => `answers.${i.code}` === field || `harapan.${i.code}` === field);
    if (item >= 0) return `${item + 1}. ${props.items[item]!.label.unsur}${field.startsWith("harapan.") ? ` · ${t.importance}` : ""}`;
    const byField: Record<string, string> = {
      "profile.gender": t.gender, "profile.age": t.age, "profile.education": t.education, "profile.occupation": t.occupation,
      saran: t.saran, "contact.name": t.contactName, "contact.phone": t.contactPhone, "contact.email": t.contactEmail, "contact.consent": t.consent,
    };
    return byField[field] ?? "";
  };
  const contactOpen = !!(v.contact_consent || v.contact_phone || v.contact_email || errorFields.some((f) => f.startsWith("contact.")));

  return (
    <form action={props.preview ? undefined : action} onSubmit={props.preview ? (e) => e.preventDefault() : undefined} className="@container mt-6 space-y-6" noValidate>
      <input type="hidden" name="unit" value={props.unitCode} />
      {props.versionId && <input type="hidden" name="version" value={props.versionId} />}
      <input type="hidden" name="locale" value={props.text.locale} />
      <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? props.idempotencyKey} />
      {props.token && <input type="hidden" name="token" value={props.token} />}
      <div className="absolute -left-[9999px]" aria-hidden="true">
        <label>
          {t.website}
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      {errorFields.length > 0 && (
        <Alert tone="error" title={t.fixErrors} focusable ref={alertRef} data-testid="form-errors">
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {errorFields.map((field) => {
              const anchor = anchorOf(field);
              const label = fieldLabel(field);
              const text = `${label ? `${label} — ` : ""}${err(field)}`;
              return <li key={field}>{anchor ? <a href={`#${anchor}`} className="underline">{text}</a> : text}</li>;
            })}
          </ul>
        </Alert>
      )}

      {props.presetService ? (
        <input type="hidden" name="service" value={props.presetService} />
      ) : props.services.length > 1 ? (
        <ChoiceGroup
          id="service"
          legend={<span className="text-base font-semibold">{t.service} <span className="font-normal text-slate-700">{common.required}</span></span>}
          error={err("service")}
        >
          {(invalid) => (
            <div className="mt-2 grid gap-2">
              {props.services.map((s) => (
                <RadioCard key={s.code} name="service" value={s.code} label={s.label} defaultChecked={v.service === s.code} aria-invalid={invalid} />
              ))}
            </div>
          )}
        </ChoiceGroup>
      ) : null}

      <section aria-labelledby="questions-title" aria-describedby={err("answers") ? "answers-error" : undefined} className="space-y-4" id="questions">
        <h2 id="questions-title" className="text-lg font-semibold">
          {t.questionsTitle}
        </h2>
        <FieldError id="answers-error">{err("answers")}</FieldError>
        {props.items.map((item, i) => (
          <ChoiceGroup
            key={item.code}
            id={`q-${item.code}`}
            error={err(`answers.${item.code}`)}
            legend={
              <>
                <span className="block text-sm font-semibold text-brand-700">
                  {i + 1}. {item.label.unsur}
                </span>
                <span className="block text-base">{item.label.question}</span>
              </>
            }
          >
            {(invalid) => (
              <>
                <div className="mt-2 grid grid-cols-1 gap-2 @min-[448px]:grid-cols-2">
                  {item.options.map((o, k) => (
                    <RadioCard
                      key={o.value}
                      name={`a_${item.code}`}
                      value={String(o.value)}
                      label={item.label.options[k]}
                      defaultChecked={v[`a_${item.code}`] === String(o.value)}
                      aria-invalid={invalid}
                    />
                  ))}
                </div>
                {props.asksHarapan && (
                  <Importance code={item.code} itemLabel={`${i + 1}. ${item.label.unsur}`} text={props.text} scale={props.scale} value={v[`h_${item.code}`]} error={err(`harapan.${item.code}`)} />
                )}
              </>
            )}
          </ChoiceGroup>
        ))}
      </section>

      <fieldset className="space-y-3 rounded-lg border border-slate-300 p-3">
        <legend className="px-1 text-lg font-semibold">{t.profileTitle}</legend>
        <p className="text-sm text-slate-700">{t.profileHint}</p>
        <ChoiceGroup id="gender" legend={<span className="text-sm font-medium">{t.gender}</span>} error={err("profile.gender")} className="border-0 p-0">
          {(invalid) => (
            <div className="mt-1 grid grid-cols-2 gap-2">
              {(["L", "P"] as const).map((g) => (
                <RadioCard key={g} name="gender" value={g} label={labels.gender[g]} defaultChecked={v.gender === g} aria-invalid={invalid} />
              ))}
            </div>
          )}
        </ChoiceGroup>
        <Field id="age" label={t.age} hint={t.ageHint} error={err("profile.age")}>
          {(c) => <Input {...c} name="age" type="number" inputMode="numeric" min={10} max={120} width="short" defaultValue={v.age ?? ""} />}
        </Field>
        <Field id="education" label={t.education} error={err("profile.education")}>
          {(c) => (
            <Select {...c} name="education" defaultValue={v.education ?? ""}>
              <option value="">{common.choose}</option>
              {EDUCATION.map((e) => (
                <option key={e} value={e}>
                  {labels.education[e]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="occupation" label={t.occupation} error={err("profile.occupation")}>
          {(c) => (
            <Select {...c} name="occupation" defaultValue={v.occupation ?? ""}>
              <option value="">{common.choose}</option>
              {OCCUPATION.map((o) => (
                <option key={o} value={o}>
                  {labels.occupation[o]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>

      <Field id="saran" label={t.saran} hint={t.saranHint} error={err("saran")}>
        {(c) => <Textarea {...c} name="saran" rows={3} maxLength={SARAN_MAX} defaultValue={v.saran ?? ""} />}
      </Field>

      <details className="rounded-lg border border-slate-300 p-3" open={contactOpen}>
        <summary className="cursor-pointer py-1 font-medium">{t.contactTitle}</summary>
        <p className="mt-2 text-sm text-slate-700">{t.contactHint}</p>
        <div className="mt-3 space-y-3">
          <Field id="contact_name" label={t.contactName} error={err("contact.name")}>
            {(c) => <Input {...c} name="contact_name" autoComplete="name" defaultValue={v.contact_name ?? ""} />}
          </Field>
          <Field id="contact_phone" label={t.contactPhone} error={err("contact.phone")}>
            {(c) => <Input {...c} name="contact_phone" type="tel" autoComplete="tel" defaultValue={v.contact_phone ?? ""} />}
          </Field>
          <Field id="contact_email" label={t.contactEmail} error={err("contact.email")}>
            {(c) => <Input {...c} name="contact_email" type="email" autoComplete="email" defaultValue={v.contact_email ?? ""} />}
          </Field>
          <Checkbox
            id="contact_consent"
            name="contact_consent"
            value="yes"
            label={t.consent}
            defaultChecked={v.contact_consent === "yes"}
            aria-invalid={code("contact.consent") ? true : undefined}
            aria-describedby={code("contact.consent") ? "contact_consent-error" : undefined}
          />
          <FieldError id="contact_consent-error">{err("contact.consent")}</FieldError>
        </div>
      </details>

      <p className="text-sm text-slate-700" id="required-note">
        {props.presetService || props.services.length <= 1 ? t.requiredNoteRating : t.requiredNote}
      </p>
      <SubmitButton label={t.submit} pending={t.sending} disabled={props.preview} />
    </form>
  );
}

/** How important the unsur is to the citizen: one compact row under the rating, named with its item. */
function Importance({ code, itemLabel, text, scale, value, error }: { code: string; itemLabel: string; text: TSurveyText; scale?: { min: number; max: number }; value?: string; error?: string }) {
  const { min, max } = scale ?? { min: 1, max: 4 };
  const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const named = text.labels.importance;
  const labels = values.length === 4 ? [named["1"], named["2"], named["3"], named["4"]] : values.map(String);
  return (
    <ChoiceGroup
      id={`h-${code}`}
      error={error}
      className="mt-3 rounded-none border-0 border-t border-slate-200 p-0 pt-2"
      legend={
        <span className="text-sm font-medium text-slate-800">
          {text.survey.importance} <span className="sr-only">({itemLabel})</span>
        </span>
      }
    >
      {(invalid) => (
        <div className="mt-1 grid grid-cols-2 gap-2 @min-[448px]:grid-cols-4">
          {values.map((n, i) => (
            <RadioCard key={n} name={`h_${code}`} value={String(n)} label={labels[i]!} defaultChecked={value === String(n)} size="sm" aria-invalid={invalid} />
          ))}
        </div>
      )}
    </ChoiceGroup>
  );
}

function SubmitButton({ label, pending, disabled }: { label: string; pending: string; disabled?: boolean }) {
  // Disabled while sending: a double tap sends once (and the idempotency key
  // makes a second request harmless anyway).
  const status = useFormStatus();
  return (
    <Button type="submit" size="xl" width="full" disabled={disabled || status.pending} aria-describedby="required-note">
      {status.pending ? pending : label}
    </Button>
  );
}
