import "server-only";
import { queryRows, raw, sql } from "@/lib/dal/sql";
import type { TTreeUnit } from "@/lib/dashboard/agency";
import { can, type TCaller } from "@/lib/permissions";

// Which units a dashboard entry point reads: the unit it names, authorized
// (dashboard.read on its path) before anything else is read, its subtree and
// the scope counted. A unit outside the caller's scope answers null, like one
// that does not exist.

export type TUnitNode = TTreeUnit & { kind: string };
export type TCrumb = { code: string; name: string };

const UNIT_COLUMNS = raw(`id, code, name, kind::text, path, depth, parent_id AS "parentId", active`);

async function unitByCode(code: string): Promise<TUnitNode | null> {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(code)) return null;
  const [unit] = await queryRows<TUnitNode>(sql`SELECT ${UNIT_COLUMNS} FROM unit WHERE code = ${code.toUpperCase()}`);
  return unit ?? null;
}

/** The unit and everything under it, inactive units included: their past responses still count. */
async function subtree(unit: TUnitNode): Promise<TUnitNode[]> {
  return queryRows<TUnitNode>(sql`SELECT ${UNIT_COLUMNS} FROM unit WHERE path LIKE ${unit.path.replace(/[\\%_]/g, "\\$&") + "%"} ORDER BY path`);
}

/** The units at these paths (the roots of the caller's scope), top first. */
export async function unitsAt(paths: string[]): Promise<TUnitNode[]> {
  return queryRows<TUnitNode>(sql`SELECT ${UNIT_COLUMNS} FROM unit WHERE path = ANY(${paths}::text[]) ORDER BY depth, name`);
}

/** The chain above `unit` that the caller may also read, root first (for the breadcrumb). */
export async function ancestorsFor(caller: TCaller | null, unit: TUnitNode): Promise<TCrumb[]> {
  const ids = unit.path.split("/").filter(Boolean).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await queryRows<{ code: string; name: string; path: string }>(sql`SELECT code, name, path FROM unit WHERE id = ANY(${ids}::uuid[]) ORDER BY depth`);
  return rows.filter((u) => can(caller, "dashboard.read", u.path)).map(({ code, name }) => ({ code, name }));
}

export type TUnitScope = {
  unit: TUnitNode;
  /** The unit and everything under it, in path order. */
  tree: TUnitNode[];
  scope: "sendiri" | "gabungan";
  /** The units the view counts: the unit alone, or its whole subtree. */
  unitIds: string[];
};

/**
 * The unit `code` names, if the caller may read its dashboard, with its subtree and the units
 * counted: its own responses ("sendiri") or with its sub-units ("gabungan", the default when it
 * has any). Null: no such unit, or outside the caller's scope (render as 404).
 */
export async function resolveScope(caller: TCaller | null, code: string, cakupan?: "sendiri" | "gabungan"): Promise<TUnitScope | null> {
  if (!caller) return null;
  const unit = await unitByCode(code);
  if (!unit || !can(caller, "dashboard.read", unit.path)) return null;
  const tree = await subtree(unit);
  const scope = cakupan ?? (tree.length > 1 ? "gabungan" : "sendiri");
  return { unit, tree, scope, unitIds: (scope === "gabungan" ? tree : [unit]).map((u) => u.id) };
}
