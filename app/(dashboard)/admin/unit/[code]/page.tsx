import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { ChangeCodeForm, MoveUnitForm } from "@/components/unit-admin/move-forms";
import { UnitTemplateChoice } from "@/components/templates/unit-template-choice";
import { CreateChildForm, UnitActiveForm, UpdateUnitForm } from "@/components/unit-admin/unit-forms";
import { Badge } from "@/components/ui/badge";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { getUnitForAdmin } from "@/lib/dal/unit-admin";
import { currentUnitCode } from "@/lib/dal/unit-codes";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("units") };
}

/** One unit as its admin keeps it: name and kind, active or not, its sub-units and a new one. */
export default async function UnitAdminPage(props: PageProps<"/admin/unit/[code]">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/admin/unit/${code}`);
  const data = await getUnitForAdmin(caller, code);
  if (!data) {
    // A code the unit had before leads to its page now (the same scope check applies there).
    const now = await currentUnitCode(code);
    if (now && now !== code.toUpperCase()) redirect(`/admin/unit/${now}`);
    notFound();
  }
  const t = await getTranslations("unitAdmin");
  const { unit, parent, children, isRoot, aliases, moveTargets } = data;
  const codeChanged = (await props.searchParams).kode === "baru";
  return (
    <main className="grid max-w-3xl gap-4">
      <p className="text-sm">
        <TextLink href="/admin/unit">← {t("back")}</TextLink>
      </p>
      <div>
        <h1 className="text-2xl font-bold break-words">{unit.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <code className="font-mono">{unit.code}</code>
          <Badge tone={unit.active ? "success" : "neutral"}>{t(unit.active ? "active" : "inactive")}</Badge>
          {parent && (parent.manageable ? <TextLink href={`/admin/unit/${parent.code}`}>{t("parent", { name: parent.name })}</TextLink> : <span>{t("parent", { name: parent.name })}</span>)}
          <TextLink href={`/dasbor/unit/${unit.code}`}>{t("dashboard")}</TextLink>
          <TextLink href={`/dasbor/unit/${unit.code}/layanan`}>{t("services")}</TextLink>
        </p>
      </div>
      <section aria-labelledby="edit-title" className="grid gap-2">
        <h2 id="edit-title" className="text-lg font-semibold">
          {t("editTitle")}
        </h2>
        <UpdateUnitForm unit={unit} />
        {!isRoot && <UnitActiveForm key={String(unit.active)} unit={unit} />}
      </section>
      <section aria-labelledby="code-title" className="grid gap-2">
        <h2 id="code-title" className="text-lg font-semibold">
          {t("codeTitle")}
        </h2>
        <ChangeCodeForm key={unit.code} unit={unit} aliases={aliases.map((a) => a.code)} changed={codeChanged} />
      </section>
      {!isRoot && (
        <section aria-labelledby="move-title" className="grid gap-2">
          <h2 id="move-title" className="text-lg font-semibold">
            {t("moveTitle")}
          </h2>
          <MoveUnitForm unit={unit} targets={moveTargets} />
        </section>
      )}
      <UnitTemplateChoice caller={caller} code={unit.code} />
      <section aria-labelledby="children-title" className="grid gap-2">
        <h2 id="children-title" className="text-lg font-semibold">
          {t("childrenTitle")}
        </h2>
        {children.length > 0 && (
          <ul className="text-sm" data-testid="unit-children">
            {children.map((c) => (
              <li key={c.code} className="flex flex-wrap items-center gap-2 py-1">
                <TextLink href={`/admin/unit/${c.code}`}>{c.name}</TextLink>
                <code className="font-mono text-xs">{c.code}</code>
                {!c.active && <Badge>{t("inactive")}</Badge>}
              </li>
            ))}
          </ul>
        )}
        <h3 className="font-medium">{t("addChild")}</h3>
        <CreateChildForm parentCode={unit.code} />
      </section>
    </main>
  );
}
