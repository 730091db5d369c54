"use client";
import { useTranslations } from "next-intl";
import { useFieldError } from "@/components/ui/use-field-error";

/** Field errors of the user forms: a missing role or unit says which to choose, the rest as everywhere. */
export function useUserFieldError(fields: Record<string, string> | undefined) {
  const generic = useFieldError(fields);
  const t = useTranslations("userAdmin.fieldErrors");
  const common = useTranslations("fieldErrors");
  return (name: string): string | undefined => {
    const code = fields?.[name];
    if (!code) return undefined;
    if (name === "role") return t("role");
    if (name === "unitCode") return t("unit");
    if (name === "email") return common("email");
    if (code === "tooBig") return t("tooBig");
    return generic(name);
  };
}
