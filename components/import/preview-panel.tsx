"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TImportPreviewView } from "@/components/import/actions";
import type { TImportItem } from "@/components/import/import-form";
import { MutuBadge } from "@/components/dashboard/mutu-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { ScrollArea, Table } from "@/components/ui/table";
import type { IkmResult } from "@/lib/ikm";
import { useFormat } from "@/lib/i18n/client";
import { ROLE_FIELDS, type TRoleField } from "@/lib/import/match";

// What an import would do, before anything is written: the mapping the server proposed (or the
// operator corrected), editable; the counts; every refusal with its row, column and value; the
// IKM the new rows give and the unit's with them. Drawn afresh for every preview (keyed by it).

type TSelection = { items: Record<string, number | null>; roles: Record<TRoleField, number | null> };

const HEADER_SHOWN = 70;
const shortHeader = (h: string) => (h.length > HEADER_SHOWN ? `${h.slice(0, HEADER_SHOWN - 1)}…` : h);

function monthPeriod(month: string) {
  return { kind: "MONTH" as const, year: Number(month.slice(0, 4)), number: Number(month.slice(5, 7)) };
}

export function PreviewPanel({ preview, items, pending, stale }: { preview: TImportPreviewView; items: TImportItem[]; pending: boolean; stale: boolean }) {
  const t = useTranslations("import.screen");
  const ti = useTranslations("import");
  const f = useFormat();
  const [selection, setSelection] = useState<TSelection | null>(
    preview.mapping ? { items: { ...preview.mapping.items }, roles: { ...preview.mapping.roles } } : null,
  );
  const [dirty, setDirty] = useState(false);

  // A column given to one field is taken from any other (as the server applies it).
  const choose = (kind: "items" | "roles", field: string, value: string) => {
    if (!selection) return;
    const column = value === "" ? null : Number(value);
    const next: TSelection = { items: { ...selection.items }, roles: { ...selection.roles } };
    if (column !== null) {
      for (const k of Object.keys(next.items)) if (next.items[k] === column) next.items[k] = null;
      for (const r of ROLE_FIELDS) if (next.roles[r] === column) next.roles[r] = null;
    }
    if (kind === "items") next.items[field] = column;
    else next.roles[field as TRoleField] = column;
    setSelection(next);
    setDirty(true);
  };

  const columnSelect = (kind: "items" | "roles", field: string, label: string) => {
    const value = selection ? (kind === "items" ? selection.items[field] : selection.roles[field as TRoleField]) : null;
    return (
      <Field key={`${kind}-${field}`} id={`map-${kind}-${field}`} label={label} dense>
        {(c) => (
          <Select {...c} size="sm" value={value === null || value === undefined ? "" : String(value)} onChange={(e) => choose(kind, field, e.target.value)} data-testid={`map-${field}`}>
            <option value="">{t("noColumn")}</option>
            {preview.header.map((h, i) => (
              <option key={i} value={String(i)}>
                {t("columnOption", { number: i + 1, header: shortHeader(h) })}
              </option>
            ))}
          </Select>
        )}
      </Field>
    );
  };

  const refused = preview.refusalCount > 0;
  const canCommit = !dirty && !stale && !refused && preview.newRows > 0;
  const count = (label: string, value: number, testId: string) => (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>{f.integer(value)}</dd>
    </div>
  );

  return (
    <section className="space-y-4" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h2 id="import-preview-title" className="text-xl font-semibold">{t("previewTitle", { file: preview.fileName })}</h2>
      {preview.source && <p className="text-sm text-slate-700" data-testid="import-source">{t("source", { source: ti(`source.${preview.source}`) })}</p>}
      {preview.dateOrder?.ambiguous && <Alert tone="warning">{ti("notice.ambiguousDateOrder", { order: preview.dateOrder.order })}</Alert>}
      {selection && (
        <input type="hidden" name="mapping" value={JSON.stringify(selection)} />
      )}

      {selection && (
        <Card>
          <h3 className="text-lg font-semibold">{t("mappingTitle")}</h3>
          <p className="text-sm text-slate-700">{t("mappingIntro")}</p>
          <fieldset className="mt-3">
            <legend className="text-sm font-semibold">{t("itemsLegend")}</legend>
            <div className="mt-2 grid gap-3 md:grid-cols-3">{items.map((item) => columnSelect("items", item.code, t("itemLabel", { code: item.code, unsur: item.unsur })))}</div>
          </fieldset>
          <fieldset className="mt-4">
            <legend className="text-sm font-semibold">{t("rolesLegend")}</legend>
            <div className="mt-2 grid gap-3 md:grid-cols-4">{ROLE_FIELDS.map((role) => columnSelect("roles", role, t(`role.${role}`)))}</div>
          </fieldset>
          {preview.mapping && preview.mapping.unmatched.length > 0 && (
            <p className="mt-3 text-sm text-slate-700">{t("unmatched", { columns: preview.mapping.unmatched.map((u) => shortHeader(u.header)).join(" · ") })}</p>
          )}
          {dirty && (
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <Alert tone="warning" className="grow">{t("mappingChanged")}</Alert>
              <Button type="submit" name="step" value="remap" disabled={pending || stale}>
                {t("updatePreview")}
              </Button>
            </div>
          )}
        </Card>
      )}

      <Card>
        <h3 className="text-lg font-semibold">{t("countsTitle")}</h3>
        <dl className="mt-2 grid grid-cols-2 gap-3 md:grid-cols-5">
          {count(t("rowsRead"), preview.rowsRead, "import-rows-read")}
          {count(t("newRows"), preview.newRows, "import-new-rows")}
          {count(t("alreadyImported"), preview.alreadyImported, "import-already")}
          {count(t("skipped"), preview.skipped, "import-skipped")}
          {count(t("refused"), preview.refusalCount, "import-refused")}
        </dl>
      </Card>

      {refused && (
        <Card data-testid="import-refusals">
          <h3 className="text-lg font-semibold">{t("refusalsTitle")}</h3>
          <p className="text-sm text-slate-700">{t("refusalsIntro")}</p>
          {preview.refusalCount > preview.refusals.length && (
            <p className="text-sm text-slate-700">{t("refusalsMore", { shown: f.integer(preview.refusals.length), count: f.integer(preview.refusalCount) })}</p>
          )}
          <ScrollArea label={t("refusalsTitle")} className="mt-2">
            <Table>
              <thead>
                <tr>
                  <th scope="col">{t("colRow")}</th>
                  <th scope="col">{t("colColumn")}</th>
                  <th scope="col">{t("colValue")}</th>
                  <th scope="col">{t("colReason")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.refusals.map((r, i) => (
                  <tr key={i} data-testid="import-refusal">
                    <td className="tabular-nums">{r.row}</td>
                    <td>{r.column ? shortHeader(r.column) : "–"}</td>
                    <td>{r.value || "–"}</td>
                    <td>{ti(`refusal.${r.key}`, r.params)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </ScrollArea>
        </Card>
      )}

      {preview.newRows > 0 && (
        <div className="grid gap-4 md:grid-cols-2">
          <Card data-testid="import-added">
            <h3 className="text-sm font-medium text-slate-700">{t("addedTitle")}</h3>
            <IkmLine result={preview.added} testId="import-added" />
          </Card>
          {preview.months && preview.after && (
            <Card data-testid="import-unit">
              <h3 className="text-sm font-medium text-slate-700">
                {t("unitTitle", { first: f.period(monthPeriod(preview.months.first)), last: f.period(monthPeriod(preview.months.last)) })}
              </h3>
              <p className="mt-1 text-sm">{t("unitBefore")}</p>
              {preview.before ? <IkmLine result={preview.before} testId="import-before" /> : <p className="text-slate-700">{t("unitNone")}</p>}
              <p className="mt-2 text-sm">{t("unitAfter")}</p>
              <IkmLine result={preview.after} testId="import-after" />
            </Card>
          )}
        </div>
      )}

      {preview.newRows === 0 && !refused && preview.alreadyImported > 0 && <Alert tone="warning" data-testid="import-nothing-new">{t("nothingNew")}</Alert>}
      {refused && <p className="text-sm font-medium text-red-800">{t("cannotCommit")}</p>}
      <Button type="submit" name="step" value="commit" size="lg" disabled={!canCommit || pending} data-testid="import-commit">
        {pending ? t("committing") : t("commit", { count: f.integer(preview.newRows) })}
      </Button>
    </section>
  );
}

function IkmLine({ result, testId }: { result: IkmResult; testId: string }) {
  const t = useTranslations("import.screen");
  const f = useFormat();
  if (!result.computable) return <p className="text-slate-700">{t("notComputable")}</p>;
  return (
    <p className="mt-1 flex flex-wrap items-baseline gap-x-3">
      <span className="text-3xl font-bold tabular-nums" data-testid={`${testId}-konversi`}>{f.konversi(result)}</span>
      <MutuBadge mutu={result.mutu} testId={`${testId}-mutu`} />
      <span className="text-sm text-slate-700">
        {t("ikmLabel")} {f.ikm(result.ikm)} · {t("addedRespondents", { count: f.integer(result.respondents) })}
      </span>
    </p>
  );
}
