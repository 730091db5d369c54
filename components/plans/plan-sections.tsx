import { getTranslations } from "next-intl/server";
import { ActionForm, CommentForm, DeleteActionForm, FkpForm, ReviewPlanForm, StartPlanForm, SubmitPlanForm, type TPlanRef, type TUnsurChoice } from "@/components/plans/plan-forms";
import { ProgressForm } from "@/components/plans/progress-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ScrollArea, Table } from "@/components/ui/table";
import { linkVariants } from "@/components/ui/text-link";
import type { TPlanActionView, TPlanView } from "@/lib/dal/plans";
import { getFormat } from "@/lib/i18n/server";

// The sections of a plan's page, each for one step of its life. Server components: the forms
// inside are the only client parts.

type TPlan = NonNullable<TPlanView["plan"]>;
type TFile = TPlan["minutes"][number];

/** Attached files as links (an image with a small preview), opened by the scoped attachment route. */
async function PlanFiles({ files }: { files: TFile[] }) {
  if (files.length === 0) return null;
  const f = await getFormat();
  return (
    <ul className="mt-1 flex flex-wrap gap-3">
      {files.map((file) => (
        <li key={file.id} className="text-sm">
          <a href={`/api/v1/attachments/${file.id}`} target="_blank" rel="noopener" className={linkVariants()} data-testid="attachment-link">
            {file.contentType.startsWith("image/") && (
              // eslint-disable-next-line @next/next/no-img-element -- a private, scoped file: not for the image optimiser
              <img src={`/api/v1/attachments/${file.id}`} alt="" width={96} height={72} loading="lazy" className="mb-1 block h-18 w-24 rounded border border-slate-300 object-cover" />
            )}
            {file.filename}
          </a>{" "}
          <span className="text-slate-600">({f.integer(Math.max(1, Math.round(file.size / 1024)))} KB)</span>
        </li>
      ))}
    </ul>
  );
}
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** No plan yet: the period's weakest unsur, and the way to start one (for the unit's kepala). */
export async function NoPlan({ view, periodKey }: { view: TPlanView; periodKey: string }) {
  const [t, f] = await Promise.all([getTranslations("plan"), getFormat()]);
  const { basis } = view;
  return (
    <Card data-testid="plan-none">
      <CardTitle>{t("none")}</CardTitle>
      {basis.priority.length > 0 ? (
        <>
          <p className="mt-2 text-sm">{t("proposedIntro")}</p>
          <ol className="mt-2 list-decimal pl-6 text-sm" data-testid="proposed-unsur">
            {basis.priority.map((p) => (
              <li key={p.code}>
                {p.code} {f.pick(p.name, p.nameEn)}: NRR {f.nrr(p.nrr)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <div className="mt-3">
        {basis.eligibility === "ok" ? (
          view.may.edit && <StartPlanForm unitCode={view.unit.code} period={periodKey} />
        ) : (
          <p className="text-sm" data-testid="plan-ineligible">
            {t(`ineligible_${basis.eligibility}`)}
          </p>
        )}
      </div>
    </Card>
  );
}

/** Where the plan stands and what happens next, in a sentence. */
export async function PlanState({ plan }: { plan: TPlan }) {
  const [t, status, f] = await Promise.all([getTranslations("plan"), getTranslations("labels.planStatus"), getFormat()]);
  return (
    <div className="space-y-2">
      <p>
        <Badge size="md" tone={plan.status === "DISETUJUI" ? "success" : plan.status === "DIKEMBALIKAN" ? "warning" : "neutral"} data-testid="plan-status">
          {status(plan.status)}
        </Badge>
        {plan.approvedAt && <span className="ml-2 text-sm text-slate-700">{t("approvedAt", { date: f.date(plan.approvedAt) })}</span>}
        {plan.approvedBy && <span className="text-sm text-slate-700"> · {plan.approvedBy}</span>}
      </p>
      <p className="max-w-prose text-sm text-slate-700">{t(`next_${plan.status}`)}</p>
      {plan.proposedUnsur.length > 0 && <p className="text-sm">{t("proposed", { unsur: plan.proposedUnsur.join(", ") })}</p>}
    </div>
  );
}

function actionValues(a: TPlanActionView) {
  return { id: a.id, unsurCode: a.unsurCode, action: a.action, owner: a.owner, dueDate: day(a.dueDate), expectedEffect: a.expectedEffect ?? "" };
}

/** The actions (kegiatan): a table, and while the unit edits the plan, a form for each and a new one. */
export async function PlanActions({ plan, refOf, choices }: { plan: TPlan; refOf: TPlanRef; choices: TUnsurChoice[] }) {
  const [t, common, f] = await Promise.all([getTranslations("plan"), getTranslations("common"), getFormat()]);
  const firstUncovered = plan.proposedUnsur.find((u) => !plan.actions.some((a) => a.unsurCode === u));
  return (
    <Card>
      <CardTitle id="plan-actions">{t("actions")}</CardTitle>
      {plan.actions.length === 0 ? (
        <p className="mt-2 text-sm">{t("noActions")}</p>
      ) : (
        <ScrollArea label={t("actions")} className="mt-2">
          <Table aria-labelledby="plan-actions">
            <thead>
              <tr>
                <th>{t("unsur")}</th>
                <th>{t("action")}</th>
                <th>{t("owner")}</th>
                <th>{t("due")}</th>
                <th>{t("expectedEffect")}</th>
                <th className="num">{t("progress")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.actions.map((a) => (
                <tr key={a.id} data-testid="plan-action">
                  <td>{a.unsurCode}</td>
                  <td className="whitespace-pre-line">{a.action}</td>
                  <td>{a.owner}</td>
                  <td>
                    {a.dueDate ? f.date(a.dueDate) : common("notAvailable")}
                    {a.overdue && (
                      <Badge tone="warning" className="ml-2">
                        {t("overdue")}
                      </Badge>
                    )}
                  </td>
                  <td>{a.expectedEffect ?? common("notAvailable")}</td>
                  <td className="num" data-testid="action-progress">
                    {f.integer(a.progress)} %
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </ScrollArea>
      )}
      {plan.editable && (
        <div className="mt-4 space-y-3">
          {plan.actions.map((a) => (
            <details key={a.id} className="rounded border border-slate-300 p-2">
              <summary className="cursor-pointer text-sm font-medium">{t("editAction", { unsur: a.unsurCode, action: a.action.slice(0, 60) })}</summary>
              <div className="mt-2 space-y-2">
                <ActionForm plan={refOf} choices={choices} values={actionValues(a)} />
                <DeleteActionForm plan={refOf} actionId={a.id} />
              </div>
            </details>
          ))}
          <h3 className="text-base font-semibold">{t("newAction")}</h3>
          <ActionForm plan={refOf} choices={choices} defaultUnsur={firstUncovered} />
        </div>
      )}
    </Card>
  );
}

/** The Forum Konsultasi Publik: shown, and editable while the unit edits the plan. */
export async function PlanFkp({ plan, refOf }: { plan: TPlan; refOf: TPlanRef }) {
  const [t, common, f] = await Promise.all([getTranslations("plan"), getTranslations("common"), getFormat()]);
  return (
    <Card>
      <CardTitle>{t("fkpTitle")}</CardTitle>
      <PlanFiles files={plan.minutes} />
      {plan.editable ? (
        <div className="mt-2">
          <FkpForm plan={refOf} fkpDate={day(plan.fkpDate)} fkpParticipants={plan.fkpParticipants ?? ""} />
        </div>
      ) : (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-medium">{t("fkpDate")}</dt>
          <dd>{plan.fkpDate ? f.date(plan.fkpDate) : common("notAvailable")}</dd>
          <dt className="font-medium">{t("fkpParticipants")}</dt>
          <dd className="whitespace-pre-line">{plan.fkpParticipants ?? common("notAvailable")}</dd>
        </dl>
      )}
    </Card>
  );
}

/** The step that is due: the unit submits its draft, pimpinan approves or returns a submitted plan. */
export async function PlanStep({ view, plan, refOf }: { view: TPlanView; plan: TPlan; refOf: TPlanRef }) {
  const t = await getTranslations("plan");
  if (plan.editable) {
    return (
      <Card>
        <CardTitle>{t("submitTitle")}</CardTitle>
        <p className="mt-1 text-sm text-slate-700">{t("submitIntro")}</p>
        <div className="mt-2">
          <SubmitPlanForm plan={refOf} />
        </div>
      </Card>
    );
  }
  if (plan.status === "DIAJUKAN" && view.may.review) {
    return (
      <Card>
        <CardTitle>{t("reviewTitle")}</CardTitle>
        <div className="mt-2">
          <ReviewPlanForm plan={refOf} />
        </div>
      </Card>
    );
  }
  return null;
}

/** Realisation of an approved plan: each action's steps so far, and a form for the next. */
export async function PlanProgress({ view, plan, refOf }: { view: TPlanView; plan: TPlan; refOf: TPlanRef }) {
  if (plan.status !== "DISETUJUI") return null;
  const [t, common, f] = await Promise.all([getTranslations("plan"), getTranslations("common"), getFormat()]);
  return (
    <Card data-testid="plan-progress">
      <CardTitle>{t("progressTitle")}</CardTitle>
      <ul className="mt-2 space-y-4">
        {plan.actions.map((a) => (
          <li key={a.id} className="border-t border-slate-200 pt-3" data-testid="progress-action">
            <p className="text-sm font-medium">
              {a.unsurCode} · {a.action} · {f.integer(a.progress)} %{a.doneAt && <span className="ml-2 text-green-800">{t("doneAt", { date: f.date(a.doneAt) })}</span>}
            </p>
            {a.entries.length > 0 && (
              <ul className="mt-1 space-y-1 text-sm">
                {a.entries.map((e) => (
                  <li key={e.id} data-testid="progress-entry">
                    {f.integer(e.progress)} % · {e.author ?? common("notAvailable")} · {f.dateTime(e.at)}
                    {e.note && <span className="block whitespace-pre-line text-slate-700">{e.note}</span>}
                    <PlanFiles files={e.files} />
                  </li>
                ))}
              </ul>
            )}
            {view.may.edit && (
              <div className="mt-2">
                <ProgressForm plan={{ unitCode: refOf.unitCode, period: refOf.period }} actionId={a.id} progress={a.progress} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The thread: comments and the steps' words (submitted, returned, approved). */
export async function PlanComments({ view, plan, refOf }: { view: TPlanView; plan: TPlan; refOf: TPlanRef }) {
  const [t, status, common, f] = await Promise.all([getTranslations("plan"), getTranslations("labels.planStatus"), getTranslations("common"), getFormat()]);
  return (
    <Card>
      <CardTitle id="plan-comments">{t("comments")}</CardTitle>
      {plan.status === "DIKEMBALIKAN" && view.may.edit && (
        <Alert tone="warning" className="mt-2">
          {t("returnedHint")}
        </Alert>
      )}
      {plan.comments.length === 0 && <p className="mt-2 text-sm">{t("noComments")}</p>}
      <ul className="mt-2 space-y-2">
        {plan.comments.map((c) => (
          <li key={c.id} className="text-sm" data-testid="plan-comment">
            {c.decision && (
              <Badge tone={c.decision === "DIKEMBALIKAN" ? "warning" : c.decision === "DISETUJUI" ? "success" : "neutral"} className="mr-2">
                {status(c.decision)}
              </Badge>
            )}
            {c.body && <span className="whitespace-pre-line break-words">{c.body}</span>}
            <span className="block text-xs text-slate-600">
              {c.author ?? common("notAvailable")} · {f.dateTime(c.at)}
            </span>
          </li>
        ))}
      </ul>
      {(view.may.edit || view.may.review) && (
        <div className="mt-3">
          <CommentForm plan={refOf} />
        </div>
      )}
    </Card>
  );
}
