import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PublishForm } from "@/components/feedback-public/publish-form";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listPublicationItems, publicFeedbackForUnit, type TPublicationItem } from "@/lib/dal/feedback-public/read";
import { getFormat } from "@/lib/i18n/server";
import { segmentText } from "@/lib/privacy/screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("feedbackPublic") };
}

export default async function FeedbackPublication(props: PageProps<"/dasbor/unit/[code]/saran/publikasi">) {
  const { code } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/saran/publikasi`);
  const data = await listPublicationItems(caller, code);
  if (!data) notFound();
  // The preview is what the public page will show (its data function, unchanged).
  const [preview, t, common, f] = await Promise.all([publicFeedbackForUnit(data.unit.code, 20), getTranslations("feedbackPublic"), getTranslations("common"), getFormat()]);

  const item = (i: TPublicationItem) => (
    <li key={i.responseId} className="p-4" data-testid="publication-item">
      <p className="text-xs text-slate-600">
        {f.date(i.submittedAt)} · {i.unit}
        {i.service && ` · ${i.service}`}
      </p>
      <p className="mt-1 text-sm font-medium">{t("raw")}</p>
      <p className="whitespace-pre-line break-words" data-testid="publication-raw">
        {segmentText(i.saran, i.findings).map((s, n) =>
          s.kind ? (
            <mark key={n} className="rounded bg-amber-200 px-0.5" title={t(`kinds.${s.kind}`)}>
              {s.text}
            </mark>
          ) : (
            <span key={n}>{s.text}</span>
          ),
        )}
      </p>
      {i.findings.length > 0 && (
        <p className="mt-1 text-xs text-slate-700">{t("findings", { count: i.findings.map((x) => t(`kinds.${x.kind}`)).join(", ") })}</p>
      )}
      <PublishForm responseId={i.responseId} unitCode={data.unit.code} draftSaran={i.draftSaran} publicAction={i.publicAction} published={!!i.publishedAt} />
    </li>
  );

  return (
    <main className="space-y-4">
      <nav aria-label={common("breadcrumb")} className="text-sm">
        <Link href={`/dasbor/unit/${data.unit.code}/saran`} className={linkVariants()}>
          ← {t("back")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("title", { name: data.unit.name })}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {(["candidates", "published"] as const).map((k) => (
        <section key={k} className="space-y-2" aria-labelledby={`pub-${k}`}>
          <h2 id={`pub-${k}`} className="text-lg font-semibold">{t(k)}</h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid={`publication-${k}`}>
            {data[k].length === 0 && <li className="p-4 text-sm">{t("empty")}</li>}
            {data[k].map(item)}
          </ul>
        </section>
      ))}
      <section className="space-y-2" aria-labelledby="pub-preview" data-testid="publication-preview">
        <h2 id="pub-preview" className="text-lg font-semibold">{t("preview")}</h2>
        {preview.length === 0 && <p className="text-sm">{t("previewEmpty")}</p>}
        <ul className="space-y-3">
          {preview.map((p, n) => (
            <li key={n} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="text-xs text-slate-600">
                {f.date(p.submittedAt)}
                {p.service && ` · ${p.service}`}
              </p>
              <p className="mt-1"><span className="font-semibold">{t("youSaid")}:</span> {p.saran}</p>
              <p className="mt-1"><span className="font-semibold">{t("weDid")}:</span> {p.action}</p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
