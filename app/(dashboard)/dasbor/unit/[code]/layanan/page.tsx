import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { moveServiceAction } from "@/components/services/actions";
import { CreateServiceForm, RenameServiceForm, ServiceActiveButton } from "@/components/services/service-forms";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listServicesForAdmin } from "@/lib/dal/services";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("services") };
}

/** A unit's services, kept by an admin whose scope covers the unit (the data layer decides). */
export default async function ServicesPage(props: PageProps<"/dasbor/unit/[code]/layanan">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/layanan`);
  const data = await listServicesForAdmin(caller, code);
  if (!data) notFound();
  const [t, f] = await Promise.all([getTranslations("services"), getFormat()]);
  const { unit, services } = data;
  const active = services.filter((s) => s.active);
  return (
    <main className="grid max-w-3xl gap-4">
      <p className="text-sm">
        <TextLink href={`/dasbor/unit/${unit.code}`}>← {t("back")}</TextLink>
      </p>
      <div>
        <h1 className="text-2xl font-bold break-words">{t("title", { unit: unit.name })}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("intro", { unit: unit.code })}</p>
      </div>
      <section aria-labelledby="add-title" className="grid gap-2">
        <h2 id="add-title" className="text-lg font-semibold">
          {t("addTitle")}
        </h2>
        <CreateServiceForm unitCode={unit.code} />
      </section>
      <section aria-labelledby="list-title" className="grid gap-2">
        <h2 id="list-title" className="text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {services.length === 0 && <p>{t("none")}</p>}
        <ol className="grid gap-3" data-testid="service-list">
          {services.map((s) => {
            const place = active.findIndex((a) => a.id === s.id);
            return (
              <li key={s.id} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`service-${s.code}`}>
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <code className="font-mono font-semibold">{s.code}</code>
                  <Badge tone={s.active ? "success" : "neutral"}>{t(s.active ? "active" : "retired")}</Badge>
                  <span className="text-slate-700">
                    {t("responses")}: {f.integer(s.responses)}
                  </span>
                </div>
                <RenameServiceForm unitCode={unit.code} service={s} />
                <div className="flex flex-wrap items-center gap-2">
                  {s.active &&
                    (["up", "down"] as const).map((direction) => (
                      <form key={direction} action={moveServiceAction}>
                        <input type="hidden" name="unitCode" value={unit.code} />
                        <input type="hidden" name="serviceId" value={s.id} />
                        <input type="hidden" name="direction" value={direction} />
                        <Button
                          type="submit"
                          variant="secondary"
                          size="sm"
                          disabled={direction === "up" ? place === 0 : place === active.length - 1}
                          aria-label={t(direction, { name: s.name })}
                        >
                          {direction === "up" ? "↑" : "↓"}
                        </Button>
                      </form>
                    ))}
                  <ServiceActiveButton unitCode={unit.code} service={s} />
                </div>
              </li>
            );
          })}
        </ol>
      </section>
    </main>
  );
}
