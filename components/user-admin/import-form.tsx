"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { UnitOptions } from "@/components/admin/create-user-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { ScrollArea, Table } from "@/components/ui/table";
import { linkVariants } from "@/components/ui/text-link";
import { importUsersAction, type TImportState } from "@/components/user-admin/import-actions";
import { RoleSelect } from "@/components/user-admin/role-select";
import { useUserFieldError } from "@/components/user-admin/use-user-field-error";
import { USER_CSV_MAX_ROWS } from "@/lib/validation/user-csv";
import { ROLES, type TRole } from "@/lib/validation/user-fields";

type TUnitChoice = { code: string; name: string; depth: number };

/** Accounts from a CSV in three steps: the list (typed or uploaded), its check, the accounts made. */
export function ImportUsersForm({ units }: { units: TUnitChoice[] }) {
  const [state, action, pending] = useActionState(importUsersAction, { step: "edit" } as TImportState);
  if (state.step === "done") return <Created state={state} action={action} />;
  if (state.step === "preview") return <Preview state={state} action={action} pending={pending} />;
  return <EditList state={state} action={action} pending={pending} units={units} />;
}

type TStep = { state: TImportState; action: (form: FormData) => void; pending?: boolean };

function ImportError({ state }: { state: TImportState }) {
  const t = useTranslations("userAdmin.import");
  if (!state.error || state.error === "notFound") return state.error ? <Alert tone="error">{t("errors.notFound")}</Alert> : null;
  return <Alert tone="error">{t(`errors.${state.error}`)}</Alert>;
}

function EditList({ state, action, pending, units }: TStep & { units: TUnitChoice[] }) {
  const t = useTranslations("userAdmin.import");
  const u = useTranslations("userAdmin");
  const common = useTranslations("common");
  const admin = useTranslations("admin");
  const fieldError = useUserFieldError(state.fields);
  const v = state.values ?? { csv: "", unitCode: "", role: "" };
  const problems = state.problems ?? [];
  return (
    <form action={action} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-users" noValidate>
      <ImportError state={state} />
      {state.fileError && <Alert tone="error">{t(`fileErrors.${state.fileError}`, { rows: USER_CSV_MAX_ROWS })}</Alert>}
      {problems.length > 0 && (
        <Alert tone="error" title={t("problems", { count: problems.length })} data-testid="csv-problems">
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p.line}>{t("line", { line: p.line, reason: t(`reasons.${p.reason}`, { first: p.firstLine ?? 0 }) })}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div key={JSON.stringify(v)} className="grid gap-4">
        <Field id="import-csv" label={t("csv")} hint={t("csvHint", { rows: USER_CSV_MAX_ROWS })} error={fieldError("csv")}>
          {(c) => <Textarea {...c} name="csv" rows={8} size="sm" className="font-mono" defaultValue={v.csv} spellCheck={false} />}
        </Field>
        <Field id="import-file" label={t("file")} hint={t("fileHint")}>
          {(c) => <Input {...c} name="file" type="file" size="sm" accept=".csv,.txt,text/csv,text/plain" />}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="import-unit" label={admin("unit")} required requiredText={common("required")} error={fieldError("unitCode")}>
            {(c) => (
              <Select {...c} name="unitCode" size="sm" defaultValue={v.unitCode}>
                <option value="" disabled>
                  {u("chooseUnit")}
                </option>
                <UnitOptions units={units} />
              </Select>
            )}
          </Field>
          <RoleSelect id="import-role" error={fieldError("role")} defaultValue={v.role} />
        </div>
      </div>
      <div>
        <Button type="submit" name="intent" value="check" disabled={pending}>
          {t("check")}
        </Button>
      </div>
    </form>
  );
}

function Hidden({ values }: { values: TImportState["values"] }) {
  return (
    <>
      <input type="hidden" name="csv" value={values?.csv ?? ""} />
      <input type="hidden" name="unitCode" value={values?.unitCode ?? ""} />
      <input type="hidden" name="role" value={values?.role ?? ""} />
    </>
  );
}

function Preview({ state, action, pending }: TStep) {
  const t = useTranslations("userAdmin.import");
  const admin = useTranslations("admin");
  const label = useTranslations("labels.role");
  const rows = state.rows ?? [];
  const role = (ROLES as readonly string[]).includes(state.values?.role ?? "") ? label(state.values!.role as TRole) : "";
  return (
    <form action={action} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-preview">
      <ImportError state={state} />
      <p>{t("ready", { count: rows.length, role, unit: state.unitName ?? "" })}</p>
      <ScrollArea label={t("title")}>
        <Table>
          <thead>
            <tr>
              <th>{t("lineColumn")}</th>
              <th>{admin("name")}</th>
              <th>{admin("email")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line}>
                <td>{r.line}</td>
                <td>{r.name}</td>
                <td className="break-all">{r.email}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
      <Hidden values={state.values} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="create" disabled={pending}>
          {t("confirm", { count: rows.length })}
        </Button>
        <Button type="submit" name="intent" value="edit" variant="secondary" disabled={pending}>
          {t("edit")}
        </Button>
      </div>
    </form>
  );
}

function Created({ state, action }: TStep) {
  const t = useTranslations("userAdmin.import");
  const admin = useTranslations("admin");
  const created = state.created ?? [];
  return (
    <div className="grid gap-4" data-testid="import-done">
      <Alert tone="success">{t("done", { count: created.length })}</Alert>
      <ScrollArea label={t("title")} className="rounded-lg border border-slate-200 bg-white">
        <Table data-testid="created-accounts">
          <thead>
            <tr>
              <th>{admin("name")}</th>
              <th>{admin("email")}</th>
              <th>{t("password")}</th>
            </tr>
          </thead>
          <tbody>
            {created.map((a) => (
              <tr key={a.email}>
                <td>{a.name}</td>
                <td className="break-all">{a.email}</td>
                <td>
                  <code className="font-mono">{a.temporaryPassword}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
      <div className="flex flex-wrap items-center gap-4">
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(state.download ?? "")}`} download="akun-baru.csv" className={linkVariants({ weight: "medium" })}>
          {t("download")}
        </a>
        <form action={action}>
          <input type="hidden" name="intent" value="edit" />
          <Button type="submit" variant="secondary" size="sm">
            {t("again")}
          </Button>
        </form>
        <Link href="/admin/pengguna" className={linkVariants()}>
          {t("back")}
        </Link>
      </div>
    </div>
  );
}
