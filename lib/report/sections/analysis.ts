// BAB IV Analisis: the weakest and strongest unsur, the saran received (personal data masked:
// a report is handed around), the period's rencana tindak lanjut and how far the previous
// period's was realised (the follow-up plans, read by lib/report/unit.ts).
import { screenText } from "@/lib/privacy/screen";
import { heading, paragraph, table, type TDoc } from "@/lib/report/draw";
import type { TUnitReportInput } from "@/lib/report/input";

const SARAN_SHOWN = 5;

export function analysis(doc: TDoc, input: TUnitReportInput) {
  const { d, t, f } = input;
  heading(doc, t("bab4"));
  const result = d.score?.result;
  if (result) {
    heading(doc, t("unsurTitle"), 11);
    const byCode = new Map(result.items.map((i) => [i.code, i]));
    const weakest = byCode.get(result.priorities[0] ?? "");
    const strongest = byCode.get(result.priorities.at(-1) ?? "");
    if (weakest) paragraph(doc, t("weakest", { code: weakest.code, name: f.pick(weakest.name, weakest.nameEn), nrr: f.nrr(weakest.nrr) }));
    if (strongest && strongest !== weakest) paragraph(doc, t("strongest", { code: strongest.code, name: f.pick(strongest.name, strongest.nameEn), nrr: f.nrr(strongest.nrr) }));
  } else paragraph(doc, t("noData"));

  heading(doc, t("saranTitle"), 11);
  if (d.saran.total === 0) paragraph(doc, t("noSaran"));
  else {
    paragraph(doc, t("saranCount", { total: d.saran.total }));
    for (const s of d.saran.latest.slice(0, SARAN_SHOWN)) paragraph(doc, `• ${f.date(s.at)}: ${screenText(s.text).text}`);
  }

  followUp(doc, input);
}

function followUp(doc: TDoc, { plans, t, f, labels, plan, period }: TUnitReportInput) {
  heading(doc, t("rtlTitle"), 11);
  const current = plans.current;
  if (!current || current.actions.length === 0) paragraph(doc, t("noRtl", { period: f.period(period) }));
  else {
    const status = labels(`planStatus.${current.status}`);
    paragraph(doc, current.approvedAt ? t("rtlStatusApproved", { status, date: f.date(current.approvedAt) }) : t("rtlStatus", { status }));
    table(
      doc,
      [
        { header: plan("unsur"), width: 0.17 },
        { header: plan("action"), width: 0.4 },
        { header: plan("owner"), width: 0.17 },
        { header: plan("due"), width: 0.13 },
        { header: plan("progress"), width: 0.13, align: "right" },
      ],
      current.actions.map((a) => [`${a.unsurCode} ${a.unsurName}`.trim(), a.action, a.owner, a.dueDate ? f.date(a.dueDate) : "–", `${f.integer(a.progress)}%`]),
    );
  }

  heading(doc, t("previousRtlTitle"), 11);
  const previous = plans.previous;
  paragraph(
    doc,
    previous.plan
      ? t("previousRtl", { period: f.period(previous.period), pct: f.integer(previous.plan.realisationPct), actions: previous.plan.actions })
      : t("noPreviousRtl", { period: f.period(previous.period) }),
  );
}
