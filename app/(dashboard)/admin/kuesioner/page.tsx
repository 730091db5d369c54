import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CreateTemplateForm } from "@/components/templates/create-template-form";
import { Badge } from "@/components/ui/badge";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listTemplateLibrary } from "@/lib/dal/templates";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("metaTitle") };
}

/** The agency's questionnaire library; a new custom template for an agency admin. */
export default async function TemplateLibraryPage() {
  const caller = await requireCaller("/admin/kuesioner");
  const library = await listTemplateLibrary(caller);
  if (!library) notFound();
  const [t, f] = await Promise.all([getTranslations("templates"), getFormat()]);
  return (
    <main className="grid max-w-4xl gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <ScrollArea label={t("title")}>
        <Table data-testid="template-library">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("kind")}</th>
              <th scope="col" className="num">{t("latest")}</th>
              <th scope="col" className="num">{t("units")}</th>
            </tr>
          </thead>
          <tbody>
            {library.templates.map((row) => (
              <tr key={row.key}>
                <td>
                  <TextLink href={`/admin/kuesioner/${row.key}`}>{f.pick(row.name, row.nameEn)}</TextLink>{" "}
                  <code className="font-mono text-xs text-slate-700">{row.key}</code>{" "}
                  {row.isDefault && <Badge tone="info">{t("default")}</Badge>} {row.hasDraft && <Badge tone="warning">{t("draft")}</Badge>}
                </td>
                <td>{t(`kinds.${row.kind}`)}</td>
                <td className="num">{row.published ?? t("none")}</td>
                <td className="num">{f.integer(row.units)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
      {library.canEdit ? (
        <section aria-labelledby="create-title" className="grid gap-2">
          <h2 id="create-title" className="text-lg font-semibold">
            {t("createTitle")}
          </h2>
          <CreateTemplateForm starts={library.starts.map((s) => ({ key: s.key, label: f.pick(s.name, s.nameEn) }))} />
        </section>
      ) : (
        <p className="text-sm text-slate-700">{t("editorsOnly")}</p>
      )}
    </main>
  );
}
