import "server-only";
import { prisma, type TTx } from "@/lib/db";
import { queryRows, sql } from "@/lib/dal/sql";
import { defineWrite } from "@/lib/dal/write";
import { AGENCY_TIME_ZONES, type TAgencyTimeZone } from "@/lib/periods";
import { can, type TCaller } from "@/lib/permissions";
import type { TAgencyClock } from "@/lib/validation/dashboard";
import { imageType, RHYTHMS, ZAgencyLogo, ZAgencySettings, ZRemoveAgencyLogo, type TRhythm } from "@/lib/validation/settings";

// The agency's settings that do not depend on who asks. The clock is read through
// SQL's suara_timezone(), the same function the rollups cut days and months with,
// so a page and a rollup can never disagree on which month a response is in.
// Cached briefly in-process: a change shows at once on the instance that made it
// and within SETTINGS_TTL_MS on the others.

const SETTINGS_TTL_MS = 30_000;

export type TAgencySettings = {
  /** The agency's name as set, else its root unit's name (null on an empty database). */
  name: string | null;
  /** Whether the name is the admin's own (false: it is the root unit's). */
  nameSet: boolean;
  timeZone: TAgencyTimeZone;
  rhythm: TRhythm;
  /** The logo's version (for its URL), or null without a logo. */
  logoVersion: number | null;
  /** Working days within which a saran should be answered (the inbox's service level). */
  feedbackTargetDays: number;
};

let cached: { at: number; settings: TAgencySettings } | null = null;

export async function agencySettings(): Promise<TAgencySettings> {
  if (cached && Date.now() - cached.at < SETTINGS_TTL_MS) return cached.settings;
  const [row] = await queryRows<{ tz: string; name: string | null; root_name: string | null; rhythm: string | null; logo_at: Date | null; target: number | null }>(sql`
    SELECT suara_timezone() AS tz, s.name, s.rhythm::text AS rhythm, s.feedback_target_days AS target,
           CASE WHEN s.logo IS NOT NULL THEN s.updated_at END AS logo_at,
           (SELECT u.name FROM unit u WHERE u.parent_id IS NULL ORDER BY u.created_at, u.id LIMIT 1) AS root_name
    FROM (SELECT 1) one LEFT JOIN agency_settings s ON s.id`);
  const settings: TAgencySettings = {
    name: row?.name ?? row?.root_name ?? null,
    nameSet: row?.name != null,
    timeZone: AGENCY_TIME_ZONES.find((z) => z === row?.tz) ?? "Asia/Jakarta",
    rhythm: RHYTHMS.find((r) => r === row?.rhythm) ?? "QUARTER",
    logoVersion: row?.logo_at ? row.logo_at.getTime() : null,
    feedbackTargetDays: row?.target ?? 5,
  };
  cached = { at: Date.now(), settings };
  return settings;
}

/** The agency's clock (WIB, WITA or WIT). */
export async function agencyTimeZone(): Promise<TAgencyTimeZone> {
  return (await agencySettings()).timeZone;
}

/** The clock and rhythm a dashboard's default period follows. */
export async function agencyClock(): Promise<TAgencyClock> {
  const s = await agencySettings();
  return { timeZone: s.timeZone, rhythm: s.rhythm };
}

/** Forget the cached settings (after a change, and in tests). */
export function clearSettingsCache() {
  cached = null;
}

/** The agency's logo, public (it is printed on posters and reports), or null. */
export async function agencyLogo(): Promise<{ bytes: Uint8Array; type: string } | null> {
  const row = await prisma.agencySettings.findUnique({ where: { id: true }, select: { logo: true, logoType: true } });
  return row?.logo && row.logoType ? { bytes: row.logo, type: row.logoType } : null;
}

/** The form's starting values and choices, for an admin of the whole agency; null for anyone else. */
export async function agencySettingsForm(caller: TCaller | null) {
  const root = await findRoot(prisma);
  if (!root || !can(caller, "admin", root.path)) return null;
  const [settings, templates] = await Promise.all([
    agencySettings(),
    // Only a questionnaire with a published version can be asked (a draft-only one would close every form).
    prisma.questionnaireTemplate.findMany({
      where: { versions: { some: { publishedAt: { not: null } } } },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { key: true, name: true, nameEn: true, isDefault: true },
    }),
  ]);
  return { settings, rootName: root.name, templates, defaultTemplateKey: templates.find((t) => t.isDefault)?.key ?? "" };
}

/** Whether the caller administers the whole agency (for a link to the settings; the page checks again). */
export async function adminsAgency(caller: TCaller | null): Promise<boolean> {
  if (!caller) return false;
  const root = await findRoot(prisma);
  return !!root && can(caller, "admin", root.path);
}

/** The logo's URL, versioned so that a new logo is fetched at once, or null. */
export const logoUrl = (s: TAgencySettings) => (s.logoVersion === null ? null : `/api/v1/agency/logo?v=${s.logoVersion}`);

// ------------------------------------------------------------------ writes

/** The agency's root unit. Agency-wide settings belong to an admin of it (a dinas admin manages only its subtree). */
function findRoot(db: TTx | typeof prisma) {
  return db.unit.findFirst({ where: { parentId: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, path: true, name: true } });
}

export const updateAgencySettings = defineWrite({
  input: ZAgencySettings,
  capability: "admin",
  locate: async (tx, input) => {
    const root = await findRoot(tx);
    if (!root) return null;
    // One connection in a transaction: these run one after another.
    const before = await tx.agencySettings.findUnique({ where: { id: true }, select: { name: true, timeZone: true, rhythm: true, feedbackTargetDays: true } });
    const template = await tx.questionnaireTemplate.findFirst({ where: { key: input.defaultTemplateKey, versions: { some: { publishedAt: { not: null } } } }, select: { id: true } });
    const current = await tx.questionnaireTemplate.findFirst({ where: { isDefault: true }, select: { key: true } });
    return { root, before, template, defaultKey: current?.key ?? null };
  },
  on: (r) => [r.root.path],
  refuse: (_input, r) => (r.template ? null : "template"),
  audit: (input, r) => ({
    action: "agency.settings.update",
    targetType: "agency",
    unitId: r.root.id,
    detail: changes(
      { name: r.before?.name ?? null, timeZone: r.before?.timeZone ?? "Asia/Jakarta", rhythm: r.before?.rhythm ?? "QUARTER", defaultTemplate: r.defaultKey, feedbackTargetDays: r.before?.feedbackTargetDays ?? 5 },
      { name: input.name, timeZone: input.timeZone, rhythm: input.rhythm, defaultTemplate: input.defaultTemplateKey, feedbackTargetDays: input.feedbackTargetDays ?? r.before?.feedbackTargetDays ?? 5 },
    ),
  }),
  handler: async (tx, input, r) => {
    // Without a target in the input (an older caller) the saved one stays.
    const data = { name: input.name, timeZone: input.timeZone, rhythm: input.rhythm, ...(input.feedbackTargetDays !== undefined && { feedbackTargetDays: input.feedbackTargetDays }) };
    // A change of clock re-cuts every rollup in this transaction (agency_settings_guard).
    await tx.agencySettings.upsert({ where: { id: true }, create: { id: true, ...data }, update: data });
    if (r.defaultKey !== input.defaultTemplateKey) {
      await tx.questionnaireTemplate.updateMany({ where: { isDefault: true }, data: { isDefault: false } });
      await tx.questionnaireTemplate.update({ where: { key: input.defaultTemplateKey }, data: { isDefault: true } });
    }
  },
  afterCommit: clearSettingsCache,
  // Re-cutting the rollups on a new clock takes longer than an ordinary click.
  timeoutMs: 600_000,
});

function changes<T extends Record<string, unknown>>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(after)) if (before[k] !== after[k]) out[k] = { from: before[k], to: after[k] };
  return out;
}

export const setAgencyLogo = defineWrite({
  input: ZAgencyLogo,
  capability: "admin",
  locate: (tx) => findRoot(tx),
  on: (root) => [root.path],
  audit: (input, root) => ({
    action: "agency.logo.set",
    targetType: "agency",
    unitId: root.id,
    detail: { bytes: input.bytes.length, type: imageType(input.bytes) },
  }),
  handler: async (tx, input) => {
    const data = { logo: input.bytes, logoType: imageType(input.bytes)! };
    await tx.agencySettings.upsert({ where: { id: true }, create: { id: true, ...data }, update: data });
  },
  afterCommit: clearSettingsCache,
});

export const removeAgencyLogo = defineWrite({
  input: ZRemoveAgencyLogo,
  capability: "admin",
  locate: (tx) => findRoot(tx),
  on: (root) => [root.path],
  audit: (_input, root) => ({ action: "agency.logo.remove", targetType: "agency", unitId: root.id }),
  handler: async (tx) => {
    await tx.agencySettings.update({ where: { id: true }, data: { logo: null, logoType: null } });
  },
  afterCommit: clearSettingsCache,
});
