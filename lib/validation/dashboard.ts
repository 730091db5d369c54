// The dashboards' state lives in the URL (a view can be shared). One schema
// per parameter: a value that does not parse is ignored, named in `ignored`
// so the page can say so, and its default used instead.
import { z } from "zod";
import type { TRhythm } from "@/lib/validation/settings";
import { FEEDBACK_STATUSES } from "@/lib/validation/feedback-fields";
import { currentMonth, parsePeriodKey, periodOfMonth, previousPeriod, type TPeriod, type TPeriodKind } from "@/lib/periods";

export const CHANNELS = ["WEB", "KIOSK", "PAPER", "IMPORT", "API"] as const;
export type TChannel = (typeof CHANNELS)[number];

export const TREND_PARAM: Record<string, TPeriodKind> = { bulan: "MONTH", triwulan: "QUARTER", semester: "SEMESTER", tahun: "YEAR" };
export const TREND_VALUE: Record<TPeriodKind, string> = { MONTH: "bulan", QUARTER: "triwulan", SEMESTER: "semester", YEAR: "tahun" };

export const SORT_KEYS = ["nama", "konversi", "responden", "perubahan", "sampel"] as const;
export type TSortKey = (typeof SORT_KEYS)[number];

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/)
  .transform((v) => v.toUpperCase());

const FIELDS = {
  periode: z.string().transform((v, ctx) => {
    const p = parsePeriodKey(v);
    if (!p) {
      ctx.addIssue({ code: "custom", message: "period" });
      return z.NEVER;
    }
    return p;
  }),
  layanan: code,
  kanal: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(CHANNELS)),
  terverifikasi: z.enum(["1", "0"]).transform((v) => v === "1"),
  tren: z.enum(["bulan", "triwulan", "semester", "tahun"]).transform((v) => TREND_PARAM[v]!),
  unsur: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/),
  cakupan: z.enum(["sendiri", "gabungan"]),
  tingkat: z.enum(["semua", "anak"]),
  urut: z.enum(SORT_KEYS),
  arah: z.enum(["naik", "turun"]),
  unit: code,
  status: z.enum(FEEDBACK_STATUSES),
  hal: z.coerce.number().int().min(1).max(10_000),
} as const;

type TFields = { [K in keyof typeof FIELDS]?: z.output<(typeof FIELDS)[K]> };

export type TDashboardQuery = TFields & {
  period: TPeriod;
  verifiedOnly: boolean;
  trend: TPeriodKind;
};

export type TSearchParams = Record<string, string | string[] | undefined>;

/** A URL's query as a page receives it (a repeated name becomes a list). */
export function searchParamsOf(params: URLSearchParams): TSearchParams {
  const out: TSearchParams = {};
  for (const name of new Set(params.keys())) {
    const all = params.getAll(name);
    out[name] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** What a dashboard's default period depends on: the agency's clock and its reporting rhythm. */
export type TAgencyClock = { timeZone: string; rhythm: TRhythm };

/** The period a dashboard opens on: the last completed one of the agency's rhythm (a triwulan by default). */
export function defaultPeriod(clock: TAgencyClock, now = new Date()): TPeriod {
  return previousPeriod(runningPeriod(clock, now));
}

/** The period of the agency's rhythm in progress (a view of it is partial). */
export function runningPeriod(clock: TAgencyClock, now = new Date()): TPeriod {
  return periodOfMonth(clock.rhythm, currentMonth(clock.timeZone, now));
}

/** Parses the dashboard parameters of a URL; unknown parameters are left alone. */
export function parseDashboardQuery(params: TSearchParams, clock: TAgencyClock, now = new Date()): { query: TDashboardQuery; ignored: string[] } {
  const out: TFields = {};
  const ignored: string[] = [];
  for (const [name, schema] of Object.entries(FIELDS) as [keyof typeof FIELDS, z.ZodType][]) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) (out as Record<string, unknown>)[name] = parsed.data;
    else ignored.push(name);
  }
  // By default the last completed period: the running one is partial (fewer respondents than the
  // minimum sample, compared with a whole one) and is one click away on the page.
  const period = out.periode ?? defaultPeriod(clock, now);
  return {
    query: { ...out, period, verifiedOnly: out.terverifikasi ?? false, trend: out.tren ?? period.kind },
    ignored,
  };
}
