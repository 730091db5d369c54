"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getCaller } from "@/lib/auth/session";
import { csvCell } from "@/lib/export/csv";
import { createUsersBulk, previewBulkUsers, type TFileError } from "@/lib/dal/user-import";
import type { TFieldErrors } from "@/lib/dal/write";
import { currentRequestMeta } from "@/lib/request/meta";
import { USER_CSV_MAX_CHARS, type TUserCsvProblem, type TUserCsvRow } from "@/lib/validation/user-csv";

// Thin: the data layer parses the list and checks the caller's admin role on the chosen unit.
// One action for the three steps (edit, check, create), so that one form state carries them.

export type TImportState = {
  step: "edit" | "preview" | "done";
  values?: { csv: string; unitCode: string; role: string };
  fields?: TFieldErrors;
  error?: "notFound" | "exists" | "lines" | "file";
  fileError?: TFileError;
  problems?: TUserCsvProblem[];
  rows?: TUserCsvRow[];
  unitName?: string;
  /** The accounts made, with their one-time passwords: in this answer only, never stored. */
  created?: { name: string; email: string; temporaryPassword: string }[];
  /** The same as a CSV file's text, for the download link built from this answer. */
  download?: string;
};

const text = (form: FormData, name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");

/** The list as typed, or the uploaded file's text when one was given (a file larger than allowed is not read). */
async function listText(form: FormData): Promise<string | TFileError> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) return file.size > USER_CSV_MAX_CHARS * 4 ? "tooBig" : file.text();
  return text(form, "csv");
}

export async function importUsersAction(_prev: TImportState, form: FormData): Promise<TImportState> {
  const intent = text(form, "intent");
  const csv = await listText(form);
  const values = { csv: csv === "tooBig" ? "" : csv, unitCode: text(form, "unitCode"), role: text(form, "role") };
  if (intent === "edit") return { step: "edit", values };
  if (csv === "tooBig") return { step: "edit", fileError: "tooBig", values };
  const [caller, meta] = await Promise.all([getCaller(), currentRequestMeta()]);
  let error: TImportState["error"];
  if (intent === "create") {
    const r = await createUsersBulk(caller, values, meta);
    if (r.ok) {
      revalidatePath("/admin/pengguna");
      const t = await getTranslations("userAdmin.import");
      const lines = [[t("columnName"), t("columnEmail"), t("password")], ...r.value.map((a) => [a.name, a.email, a.temporaryPassword])];
      const download = `\uFEFF${lines.map((cells) => cells.map(csvCell).join(";")).join("\r\n")}\r\n`;
      return { step: "done", created: r.value, download };
    }
    if (r.error === "invalid") return { step: "edit", fields: r.fields, values };
    if (r.error === "notFound") return { step: "edit", error: "notFound", values };
    error = r.error; // the list changed or an address was taken meanwhile: the check below says where
  }
  const p = await previewBulkUsers(caller, values);
  if (!p.ok) return p.error === "invalid" ? { step: "edit", fields: p.fields, values } : { step: "edit", error: p.error, values };
  if ("fileError" in p.value) return { step: "edit", fileError: p.value.fileError, values };
  if (p.value.problems.length > 0) return { step: "edit", problems: p.value.problems, values, error };
  return { step: "preview", rows: p.value.rows, unitName: p.value.unit.name, values, error };
}
