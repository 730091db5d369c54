import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactPanel } from "@/components/feedback/contact-panel";
import { AssignForm, NoteForm, ReplyForm, StatusForm } from "@/components/feedback/triage-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { getFeedbackItem } from "@/lib/dal/feedback";
import { getFormat } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("inbox") };
}

export default async function FeedbackItemPage(props: PageProps<"/dasbor/unit/[code]/saran/[id]">) {
  const { code, id } = await props.params;
  const caller = await requireCaller(`/dasbor/unit/${code}/saran/${id}`);
  const item = await getFeedbackItem(caller, code, id);
  if (!item) notFound();
  const [t, label, labels, f] = await Promise.all([getTranslations("inbox"), getTranslations("labels.feedbackStatus"), getTranslations("labels"), getFormat()]);
  const ref = { responseId: item.id, unitCode: item.inbox.code };
  const latestReply = item.replies.at(-1)?.body ?? null;
  const profile = [
    item.profile.gender && labels(`gender.${item.profile.gender}` as never),
    item.profile.age !== null && t("years", { age: item.profile.age }),
    item.profile.education && labels(`education.${item.profile.education}` as never),
    item.profile.occupation && labels(`occupation.${item.profile.occupation}` as never),
  ].filter(Boolean);
  return (
    <main className="space-y-4">
      <nav className="text-sm">
        <Link href={`/dasbor/unit/${item.inbox.code}/saran`} className={linkVariants()}>
          ← {t("backToInbox")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold" data-testid="item-title">{t("itemTitle", { unit: item.unit.name })}</h1>
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>{f.date(item.submittedAt)}</span>
        {item.service && <span>{item.service}</span>}
        <span>{labels(`channel.${item.channel}` as never)}</span>
        <span data-testid="item-status">{label(item.status)}</span>
        <span>{t("ageDays", { days: item.level.ageDays })}</span>
        <span>{t("due", { date: f.date(new Date(`${item.level.due}T12:00:00Z`)) })}</span>
        {item.level.overdue && <Badge tone="danger">{t("overdue")}</Badge>}
      </p>
      <Card>
        <CardTitle>{t("saran")}</CardTitle>
        <p className="whitespace-pre-line break-words" data-testid="item-saran">{item.saran ?? t("noSaran", { items: item.lowItems.join(", ") })}</p>
        {profile.length > 0 && <p className="mt-2 text-sm text-slate-700">{t("profile", { profile: profile.join(" · ") })}</p>}
        <table className="mt-3 w-full text-sm">
          <tbody>
            {item.scores.map((s) => (
              <tr key={s.code} className="border-t border-slate-100">
                <td className="py-1 pr-2 font-medium">{s.code}</td>
                <td className="py-1 pr-2">{f.pick(s.unsur, s.unsurEn)}<span className="block text-xs text-slate-600">{f.pick(s.question, s.questionEn)}</span></td>
                <td className="py-1 text-right">
                  {s.score === null ? "—" : s.score <= 2 ? <Badge tone="danger">{s.score}</Badge> : s.score}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card>
        <CardTitle>{t("contact")}</CardTitle>
        <p className="text-sm" data-testid="contact-left">
          {t("contactLeft", { email: item.left.email ? "yes" : "no", phone: item.left.phone ? "yes" : "no" })}
        </p>
        {item.canSeeContact && (item.left.email || item.left.phone || item.left.name) && <ContactPanel {...ref} latestReply={latestReply} />}
      </Card>
      {item.canManage && (
        <Card>
          <CardTitle>{t("triage")}</CardTitle>
          <div className="flex flex-wrap gap-6">
            <StatusForm {...ref} status={item.status} />
            <AssignForm {...ref} assigneeId={item.assigneeId} staff={item.assignees} />
          </div>
        </Card>
      )}
      <Card>
        <CardTitle>{t("notes")}</CardTitle>
        <ul className="space-y-2" data-testid="notes">
          {item.notes.length === 0 && <li className="text-sm text-slate-600">{t("noNotes")}</li>}
          {item.notes.map((n) => (
            <li key={n.id} className="text-sm" data-testid="note">
              <p className="whitespace-pre-line break-words">{n.body}</p>
              <p className="text-xs text-slate-600">{t("byAt", { author: n.author ?? "—", at: f.dateTime(n.at) })}</p>
            </li>
          ))}
        </ul>
        {item.canManage && <div className="mt-3"><NoteForm {...ref} /></div>}
      </Card>
      <Card>
        <CardTitle>{t("replies")}</CardTitle>
        <ul className="space-y-2" data-testid="replies">
          {item.replies.length === 0 && <li className="text-sm text-slate-600">{t("noReplies")}</li>}
          {item.replies.map((r) => (
            <li key={r.id} className="text-sm" data-testid="reply">
              <p className="whitespace-pre-line break-words">{r.body}</p>
              <p className="text-xs text-slate-600">
                {t("byAt", { author: r.author ?? "—", at: f.dateTime(r.at) })} · {t(`email.${r.emailStatus}`)}
              </p>
            </li>
          ))}
        </ul>
        {item.canManage && <div className="mt-3"><ReplyForm {...ref} /></div>}
      </Card>
    </main>
  );
}
