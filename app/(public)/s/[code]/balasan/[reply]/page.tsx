import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card, CardTitle } from "@/components/ui/card";
import { readPublicReply } from "@/lib/dal/feedback/public-reply";
import { getFormat } from "@/lib/i18n/server";
import { currentRequestMeta } from "@/lib/request/meta";

export async function generateMetadata(): Promise<Metadata> {
  // The code is in the URL: no index, and no referrer to whatever the citizen opens next.
  return { title: (await getTranslations("publicReply"))("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The unit's answer to one citizen, opened with their code alone; an unknown code is the plain not-found. */
export default async function PublicReplyPage(props: PageProps<"/s/[code]/balasan/[reply]">) {
  const { code, reply } = await props.params;
  const view = await readPublicReply(code, decodeURIComponent(reply), (await currentRequestMeta()).clientKey);
  if (!view) notFound();
  const [t, f] = await Promise.all([getTranslations("publicReply"), getFormat()]);
  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-1 text-slate-700">{view.unitName}</p>
      <p className="mt-3" data-testid="public-reply-status">
        {t(`status.${view.status}`)}
      </p>
      {view.saran && (
        <Card aria-labelledby="your-saran" className="mt-6">
          <CardTitle id="your-saran">{t("yourSaran", { date: f.date(view.submittedAt) })}</CardTitle>
          <p className="mt-2 whitespace-pre-line break-words">{view.saran}</p>
        </Card>
      )}
      <Card aria-labelledby="replies" className="mt-6">
        <CardTitle id="replies">{t("replies")}</CardTitle>
        {view.replies.length === 0 ? (
          <p className="mt-2 text-slate-700" data-testid="public-reply-none">
            {t("none")}
          </p>
        ) : (
          <ul className="mt-2 space-y-4">
            {view.replies.map((r, i) => (
              <li key={i} data-testid="public-reply">
                <p className="whitespace-pre-line break-words">{r.body}</p>
                <p className="mt-1 text-xs text-slate-600">{f.date(r.at)}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
