"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { TPeriodFormState } from "@/components/periods/actions";

const FIELD_CODES = new Set(["notWhole", "notPositive", "tooLarge", "reasonRequired", "tooLong", "controlChar", "invalidChoice", "required", "url", "evidenceRequired", "photoTooBig", "imageType"]);
const ERRORS = new Set(["form", "notFound", "open", "closed", "notClosed", "noResponses", "notPublished", "stale", "alreadyPublished"]);

/** A write's field errors in the reader's words: `error("url")`, or undefined. */
export function usePeriodFieldError(fields: Record<string, string> | undefined) {
  const t = useTranslations("periodAdmin.fieldErrors");
  return (name: string): string | undefined => {
    const code = fields?.[name];
    if (!code) return undefined;
    return t((FIELD_CODES.has(code) ? code : "invalid") as "invalid");
  };
}

/** The form's outcome: its error, or `done` once it succeeded. */
export function StateAlert({ state, done }: { state: TPeriodFormState; done?: string }) {
  const t = useTranslations("periodAdmin.errors");
  if (state.error) return <Alert tone="error">{t((ERRORS.has(state.error) ? state.error : "notFound") as "notFound")}</Alert>;
  if (state.done && done) return <Alert tone="success">{done}</Alert>;
  return null;
}
