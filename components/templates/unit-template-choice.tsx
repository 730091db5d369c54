import { getTranslations } from "next-intl/server";
import { UnitTemplateForm } from "@/components/templates/unit-template-form";
import { TextLink } from "@/components/ui/text-link";
import { getUnitTemplateChoice } from "@/lib/dal/unit-template";
import { getFormat } from "@/lib/i18n/server";
import type { TCaller } from "@/lib/permissions";

/** The unit admin page's questionnaire section: what the unit asks and why (own, inherited, default), and its choice. */
export async function UnitTemplateChoice({ caller, code }: { caller: TCaller; code: string }) {
  const data = await getUnitTemplateChoice(caller, code);
  if (!data) return null;
  const [t, f] = await Promise.all([getTranslations("templates"), getFormat()]);
  const name = data.effective ? f.pick(data.effective.name, data.effective.nameEn) : "–";
  const status =
    data.source.kind === "own" ? t("unitOwn", { name }) : data.source.kind === "inherited" ? t("unitInherited", { unit: data.source.from.name, name }) : t("unitDefault", { name });
  return (
    <section aria-labelledby="unit-template-title" className="grid gap-2">
      <h2 id="unit-template-title" className="text-lg font-semibold">
        {t("unitTitle")}
      </h2>
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-sm" data-testid="unit-template-status">
          {data.effective ? <TextLink href={`/admin/kuesioner/${data.effective.key}`}>{status}</TextLink> : status}
        </p>
        <UnitTemplateForm unitId={data.unitId} own={data.own} choices={data.choices.map((c) => ({ key: c.key, label: f.pick(c.name, c.nameEn) }))} />
      </div>
    </section>
  );
}
