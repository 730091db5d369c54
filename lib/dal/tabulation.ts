import "server-only";
import { versionsFor } from "@/lib/dal/dashboard/rollup";
import { openResponseExport, type TResponseExport } from "@/lib/dal/export";
import type { TFamily } from "@/lib/dashboard/pool";
import type { TCaller } from "@/lib/permissions";
import type { TDashboardQuery } from "@/lib/validation/dashboard";

// The tabulation of a unit dashboard's view (the regulation's processing sheet, the raw
// responses, the profile counts): the same responses as the CSV export (openResponseExport:
// same scope, period and filters), computed for the questionnaire family the dashboard's
// headline uses. The index counts what the dashboard counts: suspicious responses are left out
// of the processing sheet (they stay, marked, in the raw sheet), and so are responses to a
// questionnaire of another family (other unsur: a different index).

export type TTabulationExport = TResponseExport & {
  /** The questionnaire family of the index; null when the view has no questionnaire at all. */
  family: TFamily | null;
  /** The versions (ids) of that family among the file's versions. */
  familyVersions: ReadonlySet<string>;
};

/** Null: no such unit, or outside the caller's scope for dashboard.read (answer 404). */
export async function openTabulationExport(caller: TCaller | null, code: string, q: TDashboardQuery): Promise<TTabulationExport | null> {
  const exp = await openResponseExport(caller, code, q);
  if (!exp) return null;
  const known = await versionsFor(exp.versions.map((v) => v.id));
  // The newest version's family: the one the unit asks now (the dashboard's headline family when one questionnaire was used).
  const newest = [...exp.versions].reverse().map((v) => known.get(v.id)).find((v) => v !== undefined);
  const family = newest?.family ?? null;
  const familyVersions = new Set(exp.versions.filter((v) => family && known.get(v.id)?.family.key === family.key).map((v) => v.id));
  return { ...exp, family, familyVersions };
}
