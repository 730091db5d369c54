"use client";
import { useTranslations } from "next-intl";
import type messages from "@/lib/i18n/messages/id.json";

type TFieldErrorCode = keyof (typeof messages)["fieldErrors"];
const CODES = new Set<string>(["tooLong", "tooShort", "controlChar", "invalidChoice", "required", "tooBig", "imageType", "codeFormat", "email", "invalid", "notEligible", "targetDays", "progressRange", "date", "tooLarge", "tooLargeTotal", "tooManyFiles", "attachmentType", "nipFormat"] satisfies TFieldErrorCode[]);

/**
 * A write's field errors (lib/dal/write.ts: field -> code) in the reader's words:
 * `error("name")` is the message for that field, or undefined. A code without its own
 * message (one of zod's) reads "check this field".
 */
export function useFieldError(fields: Record<string, string> | undefined) {
  const t = useTranslations("fieldErrors");
  return (name: string): string | undefined => {
    const code = fields?.[name];
    if (!code) return undefined;
    return t(CODES.has(code) ? (code as TFieldErrorCode) : "invalid");
  };
}
