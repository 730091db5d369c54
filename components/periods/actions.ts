"use server";
import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/auth/session";
import { closePeriod, importPopulationCsv, savePopulations } from "@/lib/dal/periods";
import { addLogEntry, removeLogEntry } from "@/lib/dal/publication-log";
import { publishAll, publishUnit, unpublishUnit } from "@/lib/dal/publication";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";

// Thin: the data layer parses the input and checks the caller's admin role on each unit.

export type TPeriodFormState = {
  done?: boolean;
  error?: string;
  fields?: TFieldErrors;
  values?: Record<string, string>;
  /** What the write reports back: counts, a published figure. */
  info?: Record<string, string | number>;
  lines?: { line: number; code: string }[];
};

const text = (form: FormData, name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
const failed = (r: { error: string; fields?: TFieldErrors }, values?: Record<string, string>): TPeriodFormState =>
  r.error === "invalid" ? { error: "form", fields: r.fields ?? {}, values } : { error: r.error, values };
const revalidatePeriods = () => revalidatePath("/admin/periode", "layout");
/** Bytes of an uploaded file, or null when none was chosen. */
async function fileBytes(form: FormData, name: string): Promise<Uint8Array | null> {
  const file = form.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  // Read no more than a little over the largest allowed: the schema refuses the rest by size.
  return new Uint8Array(await file.slice(0, 1024 * 1024).arrayBuffer());
}

export async function closePeriodAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const r = await closePeriod(await getCaller(), { period: text(form, "period") }, await currentRequestMeta());
  if (!r.ok) return failed(r);
  revalidatePeriods();
  return { done: true };
}

export async function savePopulationsAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const values: Record<string, string> = {};
  const was: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    if (k.startsWith("n:")) values[k.slice(2)] = v;
    else if (k.startsWith("was:")) was[k.slice(4)] = v;
  }
  const r = await savePopulations(await getCaller(), { period: text(form, "period"), populations: values, was }, await currentRequestMeta());
  if (!r.ok) {
    if (r.error !== "invalid") return { error: r.error, values };
    const fields = Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k.replace(/^populations\./, ""), v]));
    return { error: "form", fields, values };
  }
  revalidatePeriods();
  return { done: true, info: { count: r.value.saved } };
}

export async function importPopulationCsvAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const bytes = await fileBytes(form, "file");
  if (!bytes) return { error: "empty" };
  const r = await importPopulationCsv(await getCaller(), { period: text(form, "period"), bytes }, await currentRequestMeta());
  if (!r.ok) return r.error === "lines" ? { error: "lines", lines: r.lines } : { error: r.error };
  revalidatePeriods();
  return { done: true, info: { count: r.rows } };
}

export async function publishUnitAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const values = { scope: text(form, "scope") };
  const r = await publishUnit(await getCaller(), { period: text(form, "period"), unitCode: text(form, "unitCode"), ...values }, await currentRequestMeta());
  if (!r.ok) return failed(r, values);
  revalidatePeriods();
  return { done: true, info: { konversi: r.value.konversi, mutu: r.value.mutu } };
}

export async function publishAllAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const values = { scope: text(form, "scope"), rootCode: text(form, "rootCode") };
  const r = await publishAll(await getCaller(), { period: text(form, "period"), ...values }, await currentRequestMeta());
  if (!r.ok) return failed(r, values);
  revalidatePeriods();
  return { done: true, info: { published: r.value.published.length, skipped: r.value.skipped.length, live: r.value.alreadyPublished.length } };
}

export async function unpublishAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const values = { reason: text(form, "reason") };
  const r = await unpublishUnit(await getCaller(), { period: text(form, "period"), unitCode: text(form, "unitCode"), ...values }, await currentRequestMeta());
  if (!r.ok) return failed(r, values);
  revalidatePeriods();
  return { done: true };
}

export async function addLogEntryAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const values = { medium: text(form, "medium"), publishedOn: text(form, "publishedOn"), url: text(form, "url"), note: text(form, "note") };
  const r = await addLogEntry(
    await getCaller(),
    { period: text(form, "period"), unitCode: text(form, "unitCode"), ...values, photo: await fileBytes(form, "photo") },
    await currentRequestMeta(),
  );
  if (!r.ok) return failed(r, values);
  revalidatePeriods();
  return { done: true };
}

export async function removeLogEntryAction(_prev: TPeriodFormState, form: FormData): Promise<TPeriodFormState> {
  const r = await removeLogEntry(await getCaller(), { entryId: text(form, "entryId") }, await currentRequestMeta());
  if (!r.ok) return failed(r);
  revalidatePeriods();
  return { done: true };
}
