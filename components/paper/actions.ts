"use server";
import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCaller } from "@/lib/auth/session";
import { correctPaperSheet, deletePaperSheet, enterPaperSheet } from "@/lib/dal/paper";
import type { TFieldErrors, TWriteResult } from "@/lib/dal/write";
import { requestMetaFrom } from "@/lib/request/meta";
import { paperSheetFromForm } from "@/lib/validation/paper";

/** What the sheet form shows after a submit: the values to keep, and what came of it. */
export type TPaperState = {
  /** Changes with every answer from the server: the form is drawn again from `values`. */
  seq: number;
  /** The blank form's id: a double submit of the same form is saved once. */
  nonce: string;
  values: Record<string, string>;
  fields?: TFieldErrors;
  error?: "notFound";
  /** The sheet number is already entered for the period: shown, and "save anyway" offered. */
  duplicate?: boolean;
  saved?: { number: string | null; count: number; replayed?: boolean; duplicate?: boolean };
};

const DATE_REFUSALS = new Set(["dateFuture", "dateBeforeUnit", "dateTooOld"]);

/** The posted fields as strings, to put back in the form. */
function postedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$") && k !== "nonce" && k !== "allowDuplicate") out[k] = v;
  return out;
}

/** "12" -> "13", "A-07" -> "A-08"; a number without digits at its end is left for the operator. */
function nextNumber(n: string | undefined): string {
  const m = /^(.*?)(\d+)$/.exec(n?.trim() ?? "");
  if (!m) return "";
  const next = String(Number(m[2]) + 1).padStart(m[2]!.length, "0");
  return `${m[1]}${next}`;
}

function outcome(prev: TPaperState, values: Record<string, string>, r: TWriteResult<unknown, string>): TPaperState | null {
  if (r.ok) return null;
  const seq = prev.seq + 1;
  if ("fields" in r) return { ...prev, seq, values, fields: r.fields, duplicate: false, saved: undefined };
  if (DATE_REFUSALS.has(r.error)) return { ...prev, seq, values, fields: { date: r.error }, duplicate: false, saved: undefined };
  if (r.error === "duplicateSheet") return { ...prev, seq, values, fields: undefined, duplicate: true, saved: undefined };
  return { ...prev, seq, values, error: "notFound", saved: undefined };
}

export async function enterPaperAction(prev: TPaperState, form: FormData): Promise<TPaperState> {
  const values = postedValues(form);
  const raw = { ...paperSheetFromForm(form), nonce: form.get("nonce") };
  const r = await enterPaperSheet(await getCaller(), raw, requestMetaFrom(await headers()));
  const replayed = !r.ok && r.error === "replayed";
  if (!r.ok && !replayed) return outcome(prev, values, r)!;
  refresh(); // the list under the form shows the new sheet
  // A blank sheet with the day and counter kept, the number moved on, a new form id.
  return {
    seq: prev.seq + 1,
    nonce: replayed ? prev.nonce : randomUUID(),
    values: { date: values.date ?? "", service: values.service ?? "", sheetNumber: nextNumber(values.sheetNumber) },
    saved: { number: values.sheetNumber || null, count: (prev.saved?.count ?? 0) + (replayed ? 0 : 1), replayed, duplicate: r.ok && r.value.duplicate },
  };
}

export async function correctPaperAction(prev: TPaperState, form: FormData): Promise<TPaperState> {
  const values = postedValues(form);
  const unitCode = String(form.get("unitCode") ?? "");
  const r = await correctPaperSheet(await getCaller(), { ...paperSheetFromForm(form), responseId: form.get("responseId") }, requestMetaFrom(await headers()));
  if (!r.ok) return outcome(prev, values, r)!;
  redirect(`/dasbor/unit/${encodeURIComponent(unitCode)}/kertas`);
}

export type TDeleteState = { error?: "notFound" | "invalid"; done?: boolean };

export async function deletePaperAction(_prev: TDeleteState, form: FormData): Promise<TDeleteState> {
  const r = await deletePaperSheet(await getCaller(), { responseId: form.get("responseId") }, requestMetaFrom(await headers()));
  if (!r.ok) return { error: r.error === "invalid" ? "invalid" : "notFound" };
  refresh();
  return { done: true };
}
