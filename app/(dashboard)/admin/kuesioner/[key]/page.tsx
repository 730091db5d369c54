import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DraftEditor, DraftStep } from "@/components/templates/draft-editor";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { getTemplateForAdmin } from "@/lib/dal/templates";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("metaTitle") };
}

/** One template: its versions (each can be previewed), and for a custom one its draft, saved and published here. */
export default async function TemplatePage(props: PageProps<"/admin/kuesioner/[key]">) {
  const { key } = await props.params;
  const caller = await requireCaller(`/admin/kuesioner/${key}`);
  const tpl = await getTemplateForAdmin(caller, key);
  if (!tpl) notFound();
  const [t, f] = await Promise.all([getTranslations("templates"), getFormat()]);
  const next = (tpl.versions[0]?.version ?? 0) + (tpl.draft ? 0 : 1);
  return (
    <main className="grid max-w-4xl gap-4">
      <p className="text-sm">
        <TextLink href="/admin/kuesioner">← {t("back")}</TextLink>
      </p>
      <div>
        <h1 className="text-2xl font-bold break-words">{f.pick(tpl.name, tpl.nameEn)}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <code className="font-mono">{tpl.key}</code>
          <span>{t(`kinds.${tpl.kind}`)}</span>
          {tpl.isDefault && <Badge tone="info">{t("default")}</Badge>}
        </p>
      </div>
      <section aria-labelledby="versions-title" className="grid gap-2">
        <h2 id="versions-title" className="text-lg font-semibold">
          {t("versionsTitle")}
        </h2>
        <ScrollArea label={t("versionsTable")}>
          <Table data-testid="template-versions">
            <thead>
              <tr>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col" className="num">{t("items")}</th>
                <th scope="col" className="num">{t("responses")}</th>
                <th scope="col">{t("preview")}</th>
              </tr>
            </thead>
            <tbody>
              {tpl.versions.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{v.publishedAt ? t("publishedOn", { date: f.date(v.publishedAt) }) : <Badge tone="warning">{t("draft")}</Badge>}</td>
                  <td className="num">{f.integer(v.items)}</td>
                  <td className="num">{f.integer(v.responses)}</td>
                  <td>
                    <TextLink href={`/admin/kuesioner/${tpl.key}/pratinjau?versi=${v.version}`}>{t("previewVersion", { version: v.version })}</TextLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ScrollArea>
      </section>
      {tpl.kind !== "CUSTOM" && <Alert tone="info">{t("builtinNote")}</Alert>}
      {tpl.canEdit && (
        <section aria-labelledby="draft-title" className="grid gap-3">
          <h2 id="draft-title" className="text-lg font-semibold">
            {tpl.draft ? t("editTitle", { version: tpl.draft.version }) : t("versionsTitle")}
          </h2>
          {tpl.draft ? (
            <>
              <DraftEditor
                templateKey={tpl.key}
                initial={{ name: tpl.name, nameEn: tpl.nameEn ?? "", content: tpl.draft.content }}
              />
              <div className="flex flex-wrap items-start gap-3">
                <DraftStep templateKey={tpl.key} step="publish" version={tpl.draft.version} />
                {tpl.draft.version > 1 && <DraftStep templateKey={tpl.key} step="discard" version={tpl.draft.version} variant="danger" />}
              </div>
            </>
          ) : (
            <>
              <p className="text-sm text-slate-700">{t("noDraft")}</p>
              <DraftStep templateKey={tpl.key} step="start" version={next} variant="secondary" />
            </>
          )}
        </section>
      )}
    </main>
  );
}
