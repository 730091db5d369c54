"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Select, type TControlVariants } from "@/components/ui/input";
import { ROLES, type TRole } from "@/lib/validation/user-fields";

/**
 * The role of an account, chosen in words: nothing is preselected (giving someone admin
 * rights must be a choice), and the hint says what the chosen role may do.
 */
export function RoleSelect({ id, error, defaultValue = "", width }: { id: string; error?: string; defaultValue?: string; width?: TControlVariants["width"] }) {
  const [role, setRole] = useState(defaultValue);
  const t = useTranslations("userAdmin");
  const label = useTranslations("labels.role");
  const admin = useTranslations("admin");
  const common = useTranslations("common");
  const chosen = (ROLES as readonly string[]).includes(role) ? (role as TRole) : null;
  return (
    <Field id={id} label={admin("role")} hint={chosen ? t(`roleHelp.${chosen}`) : t("roleHint")} error={error} required requiredText={common("required")}>
      {(c) => (
        <Select {...c} name="role" size="sm" width={width} defaultValue={defaultValue} onChange={(e) => setRole(e.target.value)}>
          <option value="" disabled>
            {t("chooseRole")}
          </option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {label(r)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** What each role may do, for the list page: the four roles in the admin's words. */
export function RoleGuide() {
  const t = useTranslations("userAdmin");
  const label = useTranslations("labels.role");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="role-guide">
      <summary className="cursor-pointer font-medium">{t("roleGuide")}</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {ROLES.map((r) => (
          <li key={r}>{t("roleGuideItem", { role: label(r), help: t(`roleHelp.${r}`) })}</li>
        ))}
      </ul>
    </details>
  );
}
