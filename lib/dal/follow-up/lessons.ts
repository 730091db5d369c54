import "server-only";
import { resolveScope } from "@/lib/dal/dashboard/scope";
import { effectsOf, type TPlanRow } from "@/lib/dal/follow-up/effect";
import { agencyTimeZone } from "@/lib/dal/settings";
import { queryRows, sql } from "@/lib/dal/sql";
import { hasAnywhere, type TCaller } from "@/lib/permissions";

// Learning across units. Decision: learning is agency-internal (one agency per deployment), so
// any signed-in staff member with dashboard.read on some unit sees, for every unit of the
// agency, the text of APPROVED plans' actions and whether the planned unsur moved beyond noise
// (direction, change in NRR, significance) — never other units' responses, saran, counts or
// drafts. Plans that are draft, submitted or returned do not count: they are not yet the
// agency's word.
//
// Cost: one query for the approved plans and their actions, then one moments query per approved
// plan whose next period has ended (see effect.ts). Plans are few (units x periods); fine here.

export type TLessonAction = { unsur: string; action: string };

export type TPlanLesson = {
  planId: string;
  unitCode: string;
  unitName: string;
  period: string;
  nextPeriod: string;
  unsur: string;
  /** NRR change (1..4 scale) and on the 25..100 scale. */
  delta: number;
  delta25: number;
  significant: boolean;
  actions: string[];
};

type TApproved = TPlanRow & { actions: TLessonAction[] };

async function approvedPlans(unsur?: string[]): Promise<TApproved[]> {
  return queryRows<TApproved>(sql`
    SELECT p.id AS "planId", u.id AS "unitId", u.code, u.name, u.path, sp.kind::text AS kind, sp.year, sp.number, p.approved_at AS "approvedAt",
           array_agg(DISTINCT a.unsur_code ORDER BY a.unsur_code) AS unsur,
           json_agg(json_build_object('unsur', a.unsur_code, 'action', a.action) ORDER BY a.position, a.action) AS actions
      FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
      JOIN follow_up_action a ON a.plan_id = p.id
     WHERE p.status = 'DISETUJUI' ${unsur ? sql`AND a.unsur_code = ANY(${unsur}::text[])` : sql``}
     GROUP BY p.id, u.id, sp.id
     ORDER BY sp.year DESC, sp.number DESC, u.code`);
}

/** Every approved plan's per-unsur effect (measurable ones only), with the actions for that unsur. */
async function measuredLessons(unsur: string[] | undefined, now: Date): Promise<TPlanLesson[]> {
  const tz = await agencyTimeZone();
  const out: TPlanLesson[] = [];
  for (const plan of await approvedPlans(unsur)) {
    const effects = await effectsOf(plan, tz, now);
    for (const e of effects.effects) {
      if (!e.comparison || e.comparison.significant === null) continue;
      out.push({
        planId: plan.planId!,
        unitCode: plan.code,
        unitName: plan.name,
        period: effects.period,
        nextPeriod: effects.nextPeriod,
        unsur: e.unsur,
        delta: e.comparison.delta!,
        delta25: e.comparison.delta25!,
        significant: e.comparison.significant && e.comparison.delta! > 0,
        actions: plan.actions.filter((a) => a.unsur === e.unsur).map((a) => a.action),
      });
    }
  }
  return out;
}

/**
 * For each of `unsur`, the other units whose NRR on it rose beyond noise after an approved plan,
 * with the actions they took. The caller must be able to read `unitCode`'s dashboard (null: 404).
 */
export async function peerLessons(caller: TCaller | null, unitCode: string, unsur: string[], now = new Date()): Promise<Record<string, TPlanLesson[]> | null> {
  const scoped = await resolveScope(caller, unitCode, "sendiri");
  if (!scoped) return null;
  const codes = [...new Set(unsur)].filter((c) => /^[A-Za-z0-9_-]{1,20}$/.test(c));
  const out: Record<string, TPlanLesson[]> = Object.fromEntries(codes.map((c) => [c, []]));
  if (codes.length === 0) return out;
  for (const l of await measuredLessons(codes, now)) {
    if (l.significant && l.unitCode !== scoped.unit.code) out[l.unsur]?.push(l);
  }
  return out;
}

export type TUnsurLessons = { unsur: string; approvedPlans: number; movedPlans: number; examples: TPlanLesson[] };

/**
 * The agency view: per unsur, how many approved plans addressed it, how many of those moved it
 * up beyond noise, and their actions as examples. Any staff with dashboard.read somewhere.
 * `approvedPlans` counts plans whose effect is measurable (the next period has ended with data).
 */
export async function actionLessons(caller: TCaller | null, now = new Date()): Promise<TUnsurLessons[] | null> {
  if (!hasAnywhere(caller, "dashboard.read")) return null;
  const by = new Map<string, TUnsurLessons>();
  for (const l of await measuredLessons(undefined, now)) {
    const row = by.get(l.unsur) ?? { unsur: l.unsur, approvedPlans: 0, movedPlans: 0, examples: [] };
    row.approvedPlans += 1;
    if (l.significant) {
      row.movedPlans += 1;
      if (row.examples.length < 3) row.examples.push(l);
    }
    by.set(l.unsur, row);
  }
  return [...by.values()].sort((a, b) => a.unsur.localeCompare(b.unsur, "en", { numeric: true }));
}
