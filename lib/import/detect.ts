// Which kind of file this is: the tabulation the `ikm` command reads (item codes U1.. as
// headers, at least half of them, scores as numbers) or an online-form export (full questions as headers, option labels
// as answers), and which form tool wrote it, from its fixed columns.
import type { IkmTemplate } from "../ikm";
import { normalise } from "./text";

export type TImportSource = "tabulation" | "google-forms" | "microsoft-forms" | "kobotoolbox" | "form";

const GOOGLE = ["timestamp", "stempel waktu", "cap waktu", "marca temporal"];
const MICROSOFT = ["start time", "completion time", "waktu mulai", "waktu penyelesaian", "waktu selesai"];
const KOBO = ["_id", "_uuid", "_submission_time", "_index", "_validation_status", "__version__"];

/** The source of a file from its header row. */
export function detectSource(header: readonly string[], template: IkmTemplate): TImportSource {
  const raw = header.map((h) => h.trim().toLowerCase());
  const names = header.map(normalise);
  const codes = template.items.map((item) => item.code.toLowerCase());
  // Item codes as bare headers (U1, U2, ...): a tabulation, even with a code missing (refused later).
  if (codes.filter((code) => names.includes(code)).length * 2 >= codes.length) return "tabulation";
  if (raw.some((h) => KOBO.includes(h))) return "kobotoolbox";
  if (names.filter((h) => MICROSOFT.includes(h)).length >= 2) return "microsoft-forms";
  if (names.some((h) => GOOGLE.includes(h))) return "google-forms";
  return "form";
}
