// `npm run import -- --unit <CODE> [--service <CODE>] [--date YYYY-MM-DD] [--dry-run] FILE`: a bulk
// load from the server shell, for servers without a browser. Prints the same preview an operator
// sees (rows new and imported before, refusals with row and column, the IKM added), then commits
// all or nothing through the same data layer (lib/dal/import), audited as done from the shell.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
// use-intl's core (what next-intl re-exports): next-intl's own entry pulls in React hooks, absent under react-server.
import { createTranslator } from "use-intl/core";
import { formatIkm, formatKonversi } from "@/lib/ikm";
import id from "@/lib/i18n/messages/id.json";
import { commitImportFromShell, previewImportFromShell } from "@/lib/dal/import/shell";
import type { TImportRefusal } from "@/lib/dal/import";

const t = createTranslator({ locale: "id", messages: id, namespace: "import" });

function usage(): never {
  console.error(t("cli.usage"));
  process.exit(2);
}

let values: { unit?: string; service?: string; date?: string; "dry-run"?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { unit: { type: "string", short: "u" }, service: { type: "string", short: "s" }, date: { type: "string" }, "dry-run": { type: "boolean" } },
  }));
} catch {
  usage();
}
const file = positionals[0];
if (!file || !values.unit || positionals.length > 1 || !process.env.DATABASE_URL) usage();
process.env.AUTH_SECRET ??= "x".repeat(32); // not used here; the env schema wants one

let bytes: Uint8Array;
try {
  bytes = new Uint8Array(readFileSync(file));
} catch {
  console.error(t("cli.unreadable", { file }));
  process.exit(2);
}
const input = {
  fileName: path.basename(file),
  bytes,
  ...(values.service ? { serviceCode: values.service } : {}),
  ...(values.date ? { date: values.date } : {}),
};

const refusalText = (r: TImportRefusal) => t(`refusal.${r.key}`, r.params as Record<string, string | number>);

const preview = await previewImportFromShell(values.unit, input);
if (!preview.ok) {
  if (preview.error === "invalid") console.error(t("cli.invalid", { fields: Object.entries(preview.fields).map(([k, v]) => `${k}: ${v}`).join(", ") }));
  else console.error(t("cli.notFound", { unit: values.unit }));
  process.exit(2);
}
const p = preview.value;
console.log(t("cli.summary", { file: p.fileName, source: p.source ?? t("cli.none"), rows: p.rowsRead, fresh: p.newRows, already: p.alreadyImported, skipped: p.skipped }));
if (p.refusalCount > 0) {
  console.error(t("cli.refusals", { count: p.refusalCount }));
  for (const r of p.refusals) console.error(`  ${refusalText(r)}`);
  process.exit(1);
}
if (p.newRows === 0) {
  console.log(t("cli.nothingNew"));
  process.exit(0);
}
const none = t("cli.none");
console.log(
  t("cli.added", {
    ikm: p.added.computable ? formatIkm(p.added.ikm, "id") : none,
    konversi: p.added.computable ? formatKonversi(p.added, "id") : none,
    mutu: p.added.mutu ?? none,
    respondents: p.added.respondents,
  }),
);
if (p.months && p.after) {
  console.log(t("cli.after", { first: p.months.first, last: p.months.last, before: p.before?.computable ? formatKonversi(p.before, "id") : none, after: p.after.computable ? formatKonversi(p.after, "id") : none }));
}
if (values["dry-run"]) {
  console.log(t("cli.dryRun"));
  process.exit(0);
}
const done = await commitImportFromShell(values.unit, input);
if (!done.ok) {
  // Between the preview and the commit the file's rows were imported (or refused) meanwhile.
  console.error(done.error === "nothingNew" ? t("cli.nothingNew") : t("cli.changed"));
  process.exit(1);
}
console.log(t("cli.committed", { inserted: done.value.inserted, batch: done.value.batchId }));
process.exit(0);
