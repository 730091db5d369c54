// Pure shaping of the public results: the live publications as rows, the latest per unit,
// the search and level filter, the open-data CSV, and the badge's SVG. No database here.
import type { TPeriodKind } from "@/lib/periods";

export type TPublicRow = {
  unitCode: string;
  unitName: string;
  unitKind: string;
  depth: number;
  period: { kind: TPeriodKind; year: number; number: number };
  /** 2026-T3, 2026-S1, 2026, 2026-11 (lib/periods periodKey). */
  periodKey: string;
  periodEnd: Date;
  konversi: number;
  mutu: "A" | "B" | "C" | "D";
  kinerja: string;
  kinerjaEn: string;
  respondents: number;
  scope: "sendiri" | "gabungan";
  belowMinimum: boolean;
  /** Each unsur's NRR as frozen (empty in publications frozen before these were kept). */
  unsur: { code: string; name: string; nameEn: string; nrr: number }[];
  publishedAt: Date;
};

/** Each unit's newest published period (by the period's end, then the publication date), in the rows' order. */
export function latestPerUnit(rows: readonly TPublicRow[]): TPublicRow[] {
  const best = new Map<string, TPublicRow>();
  for (const r of rows) {
    const b = best.get(r.unitCode);
    if (!b || r.periodEnd > b.periodEnd || (+r.periodEnd === +b.periodEnd && r.publishedAt > b.publishedAt)) best.set(r.unitCode, r);
  }
  const seen = new Set<string>();
  return rows.filter((r) => best.get(r.unitCode) === r && !seen.has(r.unitCode) && seen.add(r.unitCode));
}

export const LEVELS = ["1", "2", "3", "4"] as const;
export type TLevel = (typeof LEVELS)[number];

/** Case-insensitive match on the unit's name or code; `level` keeps one depth of the tree (1 = the agency). */
export function filterRows(rows: readonly TPublicRow[], q: string, level: TLevel | null): TPublicRow[] {
  const needle = q.trim().toLocaleLowerCase("id").slice(0, 100);
  return rows.filter(
    (r) => (!level || r.depth === Number(level) - 1) && (!needle || r.unitName.toLocaleLowerCase("id").includes(needle) || r.unitCode.toLocaleLowerCase("id").includes(needle)),
  );
}

/** The open data's columns, in this order (documented in the README; append only). */
export const OPEN_DATA_COLUMNS = ["unit", "code", "period", "konversi", "mutu", "respondents", "published_at"] as const;

export type TOpenDataRow = { unit: string; code: string; period: string; konversi: number; mutu: string; respondents: number; published_at: string };

export const toOpenData = (r: TPublicRow): TOpenDataRow => ({
  unit: r.unitName,
  code: r.unitCode,
  period: r.periodKey,
  konversi: r.konversi,
  mutu: r.mutu,
  respondents: r.respondents,
  published_at: r.publishedAt.toISOString(),
});

/** RFC 4180 field; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly TOpenDataRow[]): string {
  const lines = [OPEN_DATA_COLUMNS.join(","), ...rows.map((r) => OPEN_DATA_COLUMNS.map((c) => csvField(r[c])).join(","))];
  return lines.join("\r\n") + "\r\n";
}

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** A small shields-style badge: "IKM <periode>" on the left, "<konversi> · <mutu>" on the right. */
export function badgeSvg(label: string, value: string, mutu: string | null): string {
  const colour = mutu === "A" ? "#15803d" : mutu === "B" ? "#0f766e" : mutu === "C" ? "#b45309" : mutu === "D" ? "#b91c1c" : "#64748b";
  // About 7 px a character at 11 px Verdana: wide enough, without measuring text on the server.
  const lw = 10 + label.length * 7;
  const vw = 10 + value.length * 7;
  const w = lw + vw;
  const l = escapeXml(label);
  const v = escapeXml(value);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${v}"><title>${l}: ${v}</title><rect width="${lw}" height="20" fill="#334155"/><rect x="${lw}" width="${vw}" height="20" fill="${colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle"><text x="${lw / 2}" y="14">${l}</text><text x="${lw + vw / 2}" y="14">${v}</text></g></svg>`;
}
