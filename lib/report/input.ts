// What the SKM report's layout is handed: the unit dashboard's own data, and the few plain
// facts read beside it by lib/report/unit.ts (the head who signs, the child units' rows of a
// pooled view, the period's follow-up plan). No data access in the layout.
import type { TUnitDashboard } from "@/lib/dal/dashboard/unit";
import type { TFormat } from "@/lib/i18n/format";
import type { TScore } from "@/lib/dashboard/pool";
import type { TPeriod } from "@/lib/periods";
import type { TPlanStatus } from "@/lib/validation/plans";

/** A translator narrowed to what the report calls (next-intl's, bound to a namespace). */
export type TText = (key: string, values?: Record<string, string | number>) => string;

/** The unit head who signs; a field not set prints as a blank line to fill in by hand. */
export type TReportHead = { name: string | null; title: string | null; nip: string | null };

/** One child unit of a pooled view (its own responses pooled with its sub-units), or the unit's own. */
export type TReportChild = { code: string; name: string; scope: "sendiri" | "gabungan"; score: TScore | null };

export type TReportAction = { unsurCode: string; unsurName: string; action: string; owner: string; dueDate: Date | null; progress: number };

/** The period's rencana tindak lanjut, and how far the previous period's got. */
export type TReportPlans = {
  current: null | { status: TPlanStatus; approvedAt: Date | null; actions: TReportAction[] };
  previous: { period: TPeriod; plan: null | { actions: number; realisationPct: number } };
};

export type TUnitReportInput = {
  d: TUnitDashboard;
  period: TPeriod;
  agencyName: string;
  /** PNG or JPEG bytes (the agency's logo), or null. */
  logo: Uint8Array | null;
  generatedAt: Date;
  f: TFormat;
  head: TReportHead;
  /** The child units' rows when the view pools a subtree; null for a unit's own view. */
  children: TReportChild[] | null;
  plans: TReportPlans;
  /** The `report` messages. */
  t: TText;
  /** The `labels` messages (profile answers, channels, plan statuses). */
  labels: TText;
  /** The `dashboard` messages (column names shared with the screen). */
  dash: TText;
  /** The `plan` messages (the RTL's column names, shared with its screen). */
  plan: TText;
};
