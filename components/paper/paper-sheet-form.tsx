"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState, type KeyboardEvent } from "react";
import { correctPaperAction, enterPaperAction, type TPaperState } from "@/components/paper/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { PROFILE_KEYS } from "@/lib/validation/paper-keys";

// Keyboard-first: a digit in an answer fills it and moves on, Tab or Enter move on,
// Enter on the last field (saran) saves. Every field is a plain input of a plain
// POST form, so the sheet is saved without JavaScript too (then Tab moves on).

export type TPaperFormItem = { code: string; unsur: string };

const FIELD = "data-sheet-field";

/** The keys a coded field takes ("1234", "LP12"), upper-case. */
const keysOf = (el: HTMLElement) => el.getAttribute("data-keys");

function moveOn(from: HTMLElement) {
  const form = from.closest("form");
  if (!form) return;
  const fields = Array.from(form.querySelectorAll<HTMLElement>(`[${FIELD}]`));
  const next = fields[fields.indexOf(from) + 1];
  if (next) {
    next.focus();
    if (next instanceof HTMLInputElement) next.select();
  } else form.requestSubmit();
}

function onSheetKeyDown(e: KeyboardEvent<HTMLFormElement>) {
  const el = e.target as HTMLElement;
  if (!el.hasAttribute(FIELD) || e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = keysOf(el);
  if (keys && e.key.length === 1) {
    e.preventDefault();
    const key = e.key.toUpperCase();
    if (!keys.includes(key)) return; // a key the field does not take: nothing happens
    (el as HTMLInputElement).value = key;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    moveOn(el);
    return;
  }
  if (e.key === "Enter" && !(el instanceof HTMLTextAreaElement && e.shiftKey)) {
    e.preventDefault();
    moveOn(el);
  }
}

type TProps = {
  mode: "enter" | "correct";
  unitCode: string;
  items: TPaperFormItem[];
  scale: { min: number; max: number };
  services: { code: string; name: string }[];
  /** The first sheet's values (today, the only service; a correction: the stored sheet). */
  initial: Record<string, string>;
  nonce?: string;
  responseId?: string;
};

export function PaperSheetForm({ mode, unitCode, items, scale, services, initial, nonce, responseId }: TProps) {
  const t = useTranslations("paper");
  const [state, action, pending] = useActionState(mode === "enter" ? enterPaperAction : correctPaperAction, {
    seq: 0, nonce: nonce ?? "", values: initial,
  } as TPaperState);
  const [profileShown, setProfileShown] = useState<Record<string, string>>({});
  const v = state.values;
  const err = (name: string) => {
    const code = state.fields?.[name];
    if (!code) return undefined;
    const key = `errors.${code}` as "errors.invalid";
    return t.has(key) ? t(key) : t("errors.invalid");
  };
  const digits = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i)).join("");
  // After a save the blank sheet's first answer has the focus; the first sheet of a stack starts at its number.
  const focusFirstAnswer = !!state.saved;
  const field = { [FIELD]: "" };
  const coded = (name: keyof typeof PROFILE_KEYS) => ({
    ...field, "data-keys": Object.keys(PROFILE_KEYS[name]).join(""), name, defaultValue: v[name] ?? "", maxLength: 1, autoComplete: "off",
    onInput: (e: { currentTarget: HTMLInputElement }) => {
      const typed = e.currentTarget.value; // read now: the event's target is gone by the time the state updates
      setProfileShown((s) => ({ ...s, [name]: typed }));
    },
  });
  const shown = (name: keyof typeof PROFILE_KEYS) => {
    const typed = (profileShown[name] ?? v[name] ?? "").toUpperCase();
    return (PROFILE_KEYS[name] as Record<string, string>)[typed] ?? "";
  };

  return (
    <form key={state.seq} action={action} onKeyDown={onSheetKeyDown} noValidate className="space-y-4" data-testid="paper-sheet-form">
      <input type="hidden" name="unitCode" value={unitCode} />
      {mode === "enter" && <input type="hidden" name="nonce" value={state.nonce} />}
      {responseId && <input type="hidden" name="responseId" value={responseId} />}
      {state.duplicate && <input type="hidden" name="allowDuplicate" value="1" />}

      <div aria-live="polite" data-testid="paper-status">
        {state.saved && (
          <Alert tone={state.saved.duplicate ? "warning" : "success"}>
            {state.saved.replayed
              ? t("replayed")
              : state.saved.number
                ? t("saved", { number: state.saved.number, count: state.saved.count })
                : t("savedNoNumber", { count: state.saved.count })}
            {state.saved.duplicate && <span className="block">{t("savedDuplicate")}</span>}
          </Alert>
        )}
        {state.fields && <Alert tone="error">{t("formErrors")}</Alert>}
        {state.error && <Alert tone="error">{t("notFound")}</Alert>}
        {state.duplicate && (
          <Alert tone="warning" data-testid="paper-duplicate">
            {t("duplicateWarning", { number: v.sheetNumber ?? "" })}
          </Alert>
        )}
      </div>

      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="paper-date" label={t("date")} error={err("date")}>
          {(c) => <Input {...c} {...field} type="date" name="date" defaultValue={v.date ?? ""} />}
        </Field>
        <Field id="paper-number" label={t("sheetNumber")} hint={mode === "enter" ? t("sheetNumberHint") : undefined} error={err("sheetNumber")}>
          {(c) => <Input {...c} {...field} name="sheetNumber" defaultValue={v.sheetNumber ?? ""} maxLength={20} autoComplete="off" autoFocus={!focusFirstAnswer && !state.duplicate} />}
        </Field>
        <Field id="paper-service" label={t("service")} error={err("service")}>
          {(c) => (
            <Select {...c} {...field} name="service" defaultValue={v.service ?? ""}>
              {services.length !== 1 && <option value="">{t("chooseService")}</option>}
              {services.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{t("answersLegend", { max: scale.max })}</legend>
        <div className="mt-2 grid grid-cols-3 gap-3 sm:grid-cols-5 lg:grid-cols-9">
          {items.map((item, i) => (
            <Field key={item.code} id={`paper-a-${item.code}`} dense label={`${item.code} ${item.unsur}`} error={err(`answers.${item.code}`)}>
              {(c) => (
                <Input
                  {...c}
                  {...field}
                  data-keys={digits}
                  name={`a_${item.code}`}
                  defaultValue={v[`a_${item.code}`] ?? ""}
                  inputMode="numeric"
                  maxLength={1}
                  autoComplete="off"
                  width="short"
                  className="text-center text-lg font-semibold"
                  autoFocus={focusFirstAnswer && i === 0}
                />
              )}
            </Field>
          ))}
        </div>
        {err("answers") && <p className="mt-1 text-sm font-medium text-red-800">{err("answers")}</p>}
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{t("profileLegend")}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field id="paper-gender" dense label={t("gender")} error={err("gender")} hint={shown("gender") || undefined}>
            {(c) => <Input {...c} {...coded("gender")} width="short" />}
          </Field>
          <Field id="paper-age" dense label={t("age")} error={err("age")}>
            {(c) => <Input {...c} {...field} name="age" defaultValue={v.age ?? ""} inputMode="numeric" maxLength={3} autoComplete="off" width="short" />}
          </Field>
          <Field id="paper-education" dense label={t("education")} error={err("education")} hint={shown("education") || undefined}>
            {(c) => <Input {...c} {...coded("education")} width="short" />}
          </Field>
          <Field id="paper-occupation" dense label={t("occupation")} error={err("occupation")} hint={shown("occupation") || undefined}>
            {(c) => <Input {...c} {...coded("occupation")} width="short" />}
          </Field>
        </div>
      </fieldset>

      <Field id="paper-saran" label={t("saran")} hint={t("saranHint")} error={err("saran")}>
        {(c) => <Textarea {...c} {...field} name="saran" rows={2} defaultValue={v.saran ?? ""} maxLength={2000} />}
      </Field>

      <div className="flex flex-wrap gap-3">
        {state.duplicate ? (
          <Button type="submit" disabled={pending} autoFocus data-testid="paper-save-anyway">
            {t("saveAnyway")}
          </Button>
        ) : (
          <Button type="submit" disabled={pending}>
            {mode === "enter" ? t("save") : t("saveCorrection")}
          </Button>
        )}
      </div>
    </form>
  );
}
