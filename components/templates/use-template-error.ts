"use client";
import { useTranslations } from "next-intl";
import { useFieldError } from "@/components/ui/use-field-error";

/** Field errors of the questionnaire forms: the library's own codes (bands, scale...), else the shared ones. */
export function useTemplateError(fields: Record<string, string> | undefined) {
  const t = useTranslations("templates.fieldErrors");
  const shared = useFieldError(fields);
  return (name: string): string | undefined => {
    const code = fields?.[name];
    if (!code) return undefined;
    const key = code as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : shared(name);
  };
}
