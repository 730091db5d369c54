import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PeriodStateBadge, ScopeBadge } from "@/components/periods/period-state-badge";
import { PublishAllForm } from "@/components/periods/publish-forms";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { periodState } from "@/lib/dal/periods";
import { adminRoots, listPublications } from "@/lib/dal/publication";
import { getFormat } from "@/lib/i18n/server";
import { periodKey } from "@/lib/periods";
import { periodKeyInput } from "@/lib/validation/periods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("periods") };
}

/** A period's publication across the caller's units: publish all at once, or manage one. */
export default async function PeriodPublicationPage(props: PageProps<"/admin/periode/[periode]">) {
  const { periode } = await props.params;
  const caller = await requireCaller(`/admin/periode/${periode}`);
  const parsed = periodKeyInput.safeParse(periode);
  if (!parsed.success) notFound();
  const p = parsed.data;
  const rows = await listPublications(caller, p);
  if (!rows) notFound();
  const [t, f, state, roots] = await Promise.all([getTranslations("periodAdmin"), getFormat(), periodState(p), adminRoots(caller)]);
  const key = periodKey(p);
  return (
    <main className="grid max-w-4xl gap-4">
      <p className="text-sm">
        <TextLink href="/admin/periode">← {t("back")}</TextLink>
      </p>
      <div>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold">
          {t("publicationTitle", { period: f.period(p) })} <PeriodStateBadge state={state.state} />
        </h1>
        <p className="text-sm text-slate-700">{t("publicationIntro")}</p>
      </div>
      {state.state === "closed" ? (
        <section aria-labelledby="all-title" className="grid gap-2">
          <h2 id="all-title" className="text-lg font-semibold">
            {t("publishAllTitle")}
          </h2>
          <PublishAllForm periodKey={key} roots={roots} />
        </section>
      ) : (
        <Alert tone="warning" title={t("cannotPublish")}>
          {t(state.state === "open" ? "errors.open" : "errors.notClosed")}
        </Alert>
      )}
      <ScrollArea label={t("publicationTitle", { period: f.period(p) })}>
        <Table data-testid="publications">
          <thead>
            <tr>
              <th scope="col">{t("unit")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col" className="num">{t("media")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.code} data-testid={`publication-${u.code}`}>
                <th scope="row" style={{ paddingLeft: `${0.5 + u.depth}rem` }} className="font-normal">
                  {u.name}
                </th>
                <td>
                  {u.unpublished ? (
                    <Badge tone="warning">{t("withdrawn")}</Badge>
                  ) : u.result ? (
                    <span className="flex flex-wrap items-center gap-2">
                      <span>
                        {f.decimal(u.result.konversi)} ({u.result.mutu})
                      </span>
                      <ScopeBadge scope={u.result.scope} />
                    </span>
                  ) : (
                    <span className="text-slate-700">{t("notYet")}</span>
                  )}
                </td>
                <td className="num">{t("mediaCount", { count: u.media })}</td>
                <td>
                  <TextLink href={`/admin/periode/${key}/unit/${u.code}`} aria-label={`${t("manage")}: ${u.name}`}>
                    {t("manage")}
                  </TextLink>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
    </main>
  );
}
