"use server";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { getCaller } from "@/lib/auth/session";
import { commitImport, previewImport, undoImport, type TImportPreview } from "@/lib/dal/import";
import type { TFieldErrors } from "@/lib/dal/write";
import { requestMetaFrom } from "@/lib/request/meta";
import { IMPORT_SCREEN_MAX_BYTES, importFieldsFromForm, type TImportFile } from "@/lib/validation/import";

// The import screen's actions. The screen keeps the chosen file and sends it with every step
// (preview, a corrected mapping's preview, commit): the server works the import out again each
// time from the bytes it is sent, and never from what a preview showed.

/** The refusals a screen lists; the rest are counted. */
const SHOWN_REFUSALS = 200;

/** The preview as the screen gets it: the first refusals (refusalCount counts them all). */
export type TImportPreviewView = TImportPreview;

export type TImportState = {
  /** Changes with every answer from the server. */
  seq: number;
  preview?: TImportPreviewView;
  committed?: { fileName: string; inserted: number; alreadyImported: number };
  fields?: TFieldErrors;
  error?: "notFound" | "refused" | "nothingNew";
};

function previewView(p: TImportPreview): TImportPreviewView {
  return { ...p, refusals: p.refusals.slice(0, SHOWN_REFUSALS) };
}

/** The posted file and fields, or the field errors that stop them before the data layer. */
async function postedImport(form: FormData): Promise<{ ok: true; unitCode: string; file: TImportFile } | { ok: false; fields: TFieldErrors }> {
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { ok: false, fields: { file: "required" } };
  if (file.size > IMPORT_SCREEN_MAX_BYTES) return { ok: false, fields: { file: "tooBigImport" } };
  const fields = importFieldsFromForm(form);
  return {
    ok: true,
    unitCode: String(form.get("unitCode") ?? ""),
    file: { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), ...fields } as TImportFile,
  };
}

async function previewStep(prev: TImportState, form: FormData): Promise<TImportState> {
  const seq = prev.seq + 1;
  const posted = await postedImport(form);
  if (!posted.ok) return { seq, fields: posted.fields };
  const r = await previewImport(await getCaller(), posted.unitCode, posted.file);
  if (!r.ok) return r.error === "invalid" ? { seq, fields: r.fields } : { seq, error: "notFound" };
  return { seq, preview: previewView(r.value) };
}

async function commitStep(prev: TImportState, form: FormData): Promise<TImportState> {
  const seq = prev.seq + 1;
  const posted = await postedImport(form);
  if (!posted.ok) return { seq, fields: posted.fields };
  const r = await commitImport(await getCaller(), posted.unitCode, posted.file, requestMetaFrom(await headers()));
  if (r.ok) {
    refresh(); // the list of imports shows the new one
    return { seq, committed: { fileName: posted.file.fileName, inserted: r.value.inserted, alreadyImported: r.value.alreadyImported } };
  }
  if (r.error === "invalid") return { seq, fields: r.fields };
  if (r.error === "notFound") return { seq, error: "notFound" };
  // Refused or nothing new: the file changed, or the unit's data did, since the preview. Show it again.
  const again = await previewImport(await getCaller(), posted.unitCode, posted.file);
  return { seq, error: r.error, ...(again.ok ? { preview: previewView(again.value) } : {}) };
}

/** The screen's one form: "Pratinjau" (step=preview, the default), "Perbarui pratinjau" (step=remap) or "Impor" (step=commit). */
export async function importAction(prev: TImportState, form: FormData): Promise<TImportState> {
  const step = form.get("step");
  if (step === "commit") return commitStep(prev, form);
  // "Pratinjau" proposes a mapping afresh (the file may be another); "Perbarui pratinjau" sends the corrected one.
  if (step !== "remap") form.delete("mapping");
  return previewStep(prev, form);
}

export type TUndoState = { error?: "notFound" | "alreadyUndone" | "invalid"; deleted?: number };

export async function undoImportAction(_prev: TUndoState, form: FormData): Promise<TUndoState> {
  const r = await undoImport(await getCaller(), { batchId: form.get("batchId") }, requestMetaFrom(await headers()));
  if (!r.ok) return { error: r.error === "invalid" ? "invalid" : r.error === "alreadyUndone" ? "alreadyUndone" : "notFound" };
  refresh();
  return { deleted: r.value.deleted };
}
