import { getTranslations } from "next-intl/server";
import Form from "next/form";
import type { ReactNode } from "react";
import { UnitOptions } from "@/components/admin/create-user-form";
import { Button } from "@/components/ui/button";
import { Field, type TControlProps } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import { AUDIT_ACTIONS, auditActionKey } from "@/lib/audit-actions";
import type { TAuditChoices } from "@/lib/dal/audit-log";
import type { TUnitRef } from "@/lib/dal/units";
import type { TAuditQuery } from "@/lib/validation/audit";

/** One labelled control of the filter bar. */
function Filter({ id, label, children }: { id: string; label: string; children: (c: TControlProps) => ReactNode }) {
  return (
    <Field id={id} label={label} dense className="min-w-0 max-w-full">
      {children}
    </Field>
  );
}

/**
 * The audit log's filters as a GET form: the URL holds them (a view can be shared),
 * it works without JavaScript, and a new filter starts again from the newest entries.
 */
export async function AuditFilters({ action, query, choices, units }: { action: string; query: TAuditQuery; choices: TAuditChoices; units: TUnitRef[] }) {
  const [t, common] = await Promise.all([getTranslations("audit"), getTranslations("common")]);
  return (
    <Form action={action} className="mt-4 rounded-lg border border-slate-200 bg-white p-3" data-testid="audit-filters" aria-label={t("filtersTitle")}>
      <div className="flex flex-wrap items-end gap-3">
        <Filter id="a-orang" label={t("person")}>
          {(c) => (
            <Select {...c} name="orang" defaultValue={query.orang ?? ""} size="sm" width="wide" className="max-w-full">
              <option value="">{t("anyone")}</option>
              {choices.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </Select>
          )}
        </Filter>
        <Filter id="a-aksi" label={t("action")}>
          {(c) => (
            <Select {...c} name="aksi" defaultValue={query.aksi ?? ""} size="sm" width="wide" className="max-w-full">
              <option value="">{t("anyAction")}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`actions.${auditActionKey(a)}`)}
                </option>
              ))}
            </Select>
          )}
        </Filter>
        <Filter id="a-unit" label={t("unit")}>
          {(c) => (
            <Select {...c} name="unit" defaultValue={query.unit ?? ""} size="sm" width="wide" className="max-w-full">
              <option value="">{t("anyUnit")}</option>
              <UnitOptions units={units} />
            </Select>
          )}
        </Filter>
        <Filter id="a-dari" label={t("dateFrom")}>
          {(c) => <Input {...c} type="date" name="dari" defaultValue={query.dari ?? ""} size="sm" width="auto" />}
        </Filter>
        <Filter id="a-sampai" label={t("dateTo")}>
          {(c) => <Input {...c} type="date" name="sampai" defaultValue={query.sampai ?? ""} size="sm" width="auto" />}
        </Filter>
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm">
            {common("apply")}
          </Button>
          <TextLink href={action} size="sm">
            {common("reset")}
          </TextLink>
        </div>
      </div>
    </Form>
  );
}
