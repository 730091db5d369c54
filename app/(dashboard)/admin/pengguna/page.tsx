import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CreateUserForm, UnitOptions } from "@/components/admin/create-user-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/choice";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { RoleGuide } from "@/components/user-admin/role-select";
import { requireCaller } from "@/lib/auth/page";
import { listUnitsForCaller } from "@/lib/dal/units";
import { listUsers, type TUserList } from "@/lib/dal/users";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("users") };
}

/** The address of the list with the same filters on another page. */
function pageHref(q: TUserList["query"], page: number): string {
  const p = new URLSearchParams();
  if (q.unit) p.set("unit", q.unit);
  if (q.unit && q.bawah) p.set("bawah", "1");
  if (q.cari) p.set("cari", q.cari);
  if (page > 1) p.set("hal", String(page));
  const s = p.toString();
  return s ? `/admin/pengguna?${s}` : "/admin/pengguna";
}

/** Users by the unit their roles sit on, within the caller's admin scope, a page at a time. */
export default async function UsersPage(props: PageProps<"/admin/pengguna">) {
  const caller = await requireCaller("/admin/pengguna");
  const list = await listUsers(caller, await props.searchParams);
  if (!list) notFound();
  const [units, t, u, role, f] = await Promise.all([
    listUnitsForCaller(caller, "admin"),
    getTranslations("admin"),
    getTranslations("userAdmin"),
    getTranslations("labels.role"),
    getFormat(),
  ]);
  const choices = units.map((x) => ({ code: x.code, name: x.name, depth: Math.max(0, x.depth - (units[0]?.depth ?? 0)) }));
  const { query, unit } = list;
  const summary = unit
    ? u(query.bawah ? "countUnder" : "countAt", { total: list.total, unit: unit.name })
    : u("count", { total: list.total });
  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("usersTitle")}</h1>
        <TextLink href="/admin/pengguna/impor" weight="medium">
          {u("importLink")}
        </TextLink>
      </div>
      <CreateUserForm units={choices} />
      <RoleGuide />
      <form role="search" action="/admin/pengguna" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" data-testid="user-filter">
        <div className="grid gap-1">
          <Field id="filter-unit" label={u("filter.unit")}>
            {(c) => (
              <Select {...c} name="unit" size="sm" defaultValue={query.unit ?? ""}>
                <option value="">{u("filter.allUnits")}</option>
                <UnitOptions units={choices} />
              </Select>
            )}
          </Field>
          <Checkbox name="bawah" value="1" defaultChecked={query.bawah} label={u("filter.subtree")} className="text-sm" />
        </div>
        <Field id="filter-search" label={u("filter.search")}>
          {(c) => <Input {...c} name="cari" type="search" size="sm" defaultValue={query.cari} maxLength={100} />}
        </Field>
        <div className="flex flex-wrap items-center gap-3 sm:pb-11">
          <Button type="submit" size="sm" variant="secondary">
            {u("filter.submit")}
          </Button>
          {(query.unit || query.cari) && <TextLink href="/admin/pengguna" size="sm">{u("filter.reset")}</TextLink>}
        </div>
      </form>
      <p className="text-sm text-slate-700" data-testid="user-count">
        {summary}
      </p>
      {list.rows.length === 0 ? (
        <p>{u("none")}</p>
      ) : (
        <ScrollArea label={t("usersTitle")} className="rounded-lg border border-slate-200 bg-white">
          <Table data-testid="user-table">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{t("email")}</th>
                <th>{t("roles")}</th>
                <th>{t("status")}</th>
                <th>{u("lastSignIn")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <TextLink href={`/admin/pengguna/${r.id}`}>{r.name}</TextLink>
                  </td>
                  <td className="break-all">{r.email}</td>
                  <td>{r.roles.map((x) => t("roleAt", { role: role(x.role), unit: x.unitName })).join("; ")}</td>
                  <td>
                    {r.active ? t("active") : t("inactive")}
                    {r.mustChangePassword ? ` · ${t("mustChange")}` : ""}
                  </td>
                  <td className="whitespace-nowrap">{r.lastSignInAt ? f.dateTime(r.lastSignInAt) : u("never")}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ScrollArea>
      )}
      {list.pageCount > 1 && (
        <nav aria-label={u("pages")} className="flex flex-wrap items-center gap-4 text-sm" data-testid="user-pages">
          {list.page > 1 && <TextLink href={pageHref(query, list.page - 1)}>← {u("prev")}</TextLink>}
          <span>{u("page", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount && <TextLink href={pageHref(query, list.page + 1)}>{u("next")} →</TextLink>}
        </nav>
      )}
    </main>
  );
}
