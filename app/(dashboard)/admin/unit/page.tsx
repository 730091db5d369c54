import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listUnitTree } from "@/lib/dal/unit-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("units") };
}

/** The unit tree under the caller's admin scope, with a search for agencies of several hundred units. */
export default async function UnitTreePage(props: PageProps<"/admin/unit">) {
  const caller = await requireCaller("/admin/unit");
  const q = (await props.searchParams).cari;
  const tree = await listUnitTree(caller, typeof q === "string" ? q : "");
  if (!tree) notFound();
  const t = await getTranslations("unitAdmin");
  return (
    <main className="grid max-w-3xl gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <form role="search" className="flex flex-wrap items-end gap-2" action="/admin/unit">
        <Field id="unit-search" label={t("search")} className="min-w-0 flex-1">
          {(c) => <Input {...c} name="cari" type="search" size="sm" defaultValue={tree.search} />}
        </Field>
        <Button type="submit" size="sm" variant="secondary">
          {t("searchSubmit")}
        </Button>
      </form>
      {tree.rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="rounded-lg border border-slate-200 bg-white p-2 text-sm" data-testid="unit-tree">
          {tree.rows.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center gap-2 py-1.5" style={{ paddingLeft: tree.search ? undefined : `${u.depth * 1.25}rem` }}>
              <TextLink href={`/admin/unit/${u.code}`} className="break-words">
                {u.name}
              </TextLink>
              <code className="font-mono text-xs text-slate-700">{u.code}</code>
              {!u.active && <Badge>{t("inactive")}</Badge>}
              {u.children > 0 && <span className="text-xs text-slate-700">{t("children", { count: u.children })}</span>}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
