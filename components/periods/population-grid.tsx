"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { importPopulationCsvAction, savePopulationsAction, type TPeriodFormState } from "@/components/periods/actions";
import { StateAlert, usePeriodFieldError } from "@/components/periods/form-bits";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { errorId, Field, FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ScrollArea, Table } from "@/components/ui/table";
import { minimumSample } from "@/lib/ikm/sample";
import { POPULATION_MAX_ROWS, populationValue } from "@/lib/validation/periods";

type TRow = { code: string; name: string; depth: number; active: boolean; population: number | null };

/** The minimum sample of a value as typed, or null when it is not (yet) a population. */
function minimumOf(typed: string): number | null {
  const p = populationValue.safeParse(typed);
  return p.success && p.data !== null ? minimumSample(p.data) : null;
}

/**
 * N per unit, all saved in one write (a bad row saves none and is marked on its field). Each row
 * also posts the value it was loaded with (`was:CODE`): only rows typed over are written, and one
 * that someone else changed meanwhile refuses the save (stale, reload).
 */
export function PopulationGrid({ periodKey, rows }: { periodKey: string; rows: TRow[] }) {
  const [state, action, pending] = useActionState(savePopulationsAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  const format = useFormatter();
  const error = usePeriodFieldError(state.fields);
  const initial = Object.fromEntries(rows.map((r) => [r.code, r.population === null ? "" : String(r.population)]));
  const [typed, setTyped] = useState<Record<string, string>>(initial);
  // When the stored values change (a save, an upload), show them: React's "state from props" pattern.
  const storedKey = JSON.stringify(initial);
  const [shown, setShown] = useState(storedKey);
  if (shown !== storedKey) {
    setShown(storedKey);
    setTyped(initial);
  }
  return (
    <form action={action} className="grid gap-3" data-testid="population-grid" noValidate>
      <StateAlert state={state} done={state.done ? t("saved", { count: Number(state.info?.count ?? 0) }) : undefined} />
      <input type="hidden" name="period" value={periodKey} />
      <ScrollArea label={t("population")}>
        <Table>
          <thead>
            <tr>
              <th scope="col">{t("unit")}</th>
              <th scope="col">{t("code")}</th>
              <th scope="col">{t("population")}</th>
              <th scope="col" className="num">{t("minimum")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const id = `n-${r.code}`;
              const message = error(r.code);
              const minimum = minimumOf(typed[r.code] ?? "");
              return (
                <tr key={r.code}>
                  <td style={{ paddingLeft: `${0.5 + r.depth}rem` }}>
                    <label htmlFor={id}>{r.name}</label> {!r.active && <Badge>{t("inactive")}</Badge>}
                  </td>
                  <td><code className="font-mono text-xs">{r.code}</code></td>
                  <td>
                    <Input
                      id={id}
                      name={`n:${r.code}`}
                      size="sm"
                      inputMode="numeric"
                      className="w-32"
                      aria-label={t("populationOf", { unit: r.name })}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? errorId(id) : undefined}
                      value={typed[r.code] ?? ""}
                      onChange={(e) => setTyped((v) => ({ ...v, [r.code]: e.target.value }))}
                    />
                    <input type="hidden" name={`was:${r.code}`} value={initial[r.code] ?? ""} />
                    <FieldError id={errorId(id)}>{message}</FieldError>
                  </td>
                  <td className="num" data-testid={`minimum-${r.code}`}>{minimum === null ? "–" : format.number(minimum)}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </ScrollArea>
      <div>
        <Button type="submit" size="sm" disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

const CSV_ERRORS = new Set(["empty", "tooBig", "tooManyRows", "lines"]);

/** A CSV of "unit code;population": any bad line saves nothing, and each is listed by number. */
export function PopulationCsvForm({ periodKey }: { periodKey: string }) {
  const [state, action, pending] = useActionState(importPopulationCsvAction, {} as TPeriodFormState);
  const t = useTranslations("periodAdmin");
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="population-csv" noValidate>
      {state.error && CSV_ERRORS.has(state.error) ? (
        <Alert tone="error">
          <p>{t(`csvErrors.${state.error as "tooManyRows"}`, { max: POPULATION_MAX_ROWS })}</p>
          {state.lines && (
            <ul className="mt-1 list-disc pl-5" data-testid="csv-lines">
              {state.lines.map((l) => (
                <li key={`${l.line}-${l.code}`}>{t("csvLine", { line: l.line, problem: t(`csvProblems.${l.code as "columns"}`) })}</li>
              ))}
            </ul>
          )}
        </Alert>
      ) : (
        <StateAlert state={state} done={state.done ? t("csvSaved", { count: Number(state.info?.count ?? 0) }) : undefined} />
      )}
      <input type="hidden" name="period" value={periodKey} />
      <Field id="population-csv-file" label={t("csvFile")} hint={t("csvHint")}>
        {(c) => <Input {...c} type="file" name="file" size="sm" accept=".csv,text/csv,text/plain" />}
      </Field>
      <div>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {t("csvSubmit")}
        </Button>
      </div>
    </form>
  );
}
