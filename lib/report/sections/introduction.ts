// BAB I Pendahuluan (background, legal basis, aims: the regulation's own text, from the
// messages) and BAB II Pengumpulan Data (who ran the survey, how and where, when, the
// population and the Krejcie-Morgan minimum with the table row it reads, the respondents).
import { KREJCIE_MORGAN, krejcieMorganRow, KREJCIE_MORGAN_TABLE } from "@/lib/ikm";
import { heading, items, paragraph, table, type TDoc } from "@/lib/report/draw";
import type { TUnitReportInput } from "@/lib/report/input";
import { percent, periodDays } from "@/lib/report/sections/shared";

const LEGAL_BASIS = ["legal1", "legal2", "legal3"] as const;
const AIMS = ["aim1", "aim2", "aim3", "aim4"] as const;
/** Rows of the published table printed around the one a population reads. */
const TABLE_CONTEXT = 2;

export function introduction(doc: TDoc, { d, t, f, period }: TUnitReportInput) {
  heading(doc, t("bab1"));
  heading(doc, t("backgroundTitle"), 11);
  paragraph(doc, t("background"));
  paragraph(doc, t("bab1Text", { unit: d.unit.name, period: f.period(period) }));
  heading(doc, t("legalTitle"), 11);
  items(doc, LEGAL_BASIS.map((k) => t(k)));
  heading(doc, t("aimsTitle"), 11);
  paragraph(doc, t("aimsIntro"));
  items(doc, AIMS.map((k) => t(k)));
}

export function dataCollection(doc: TDoc, input: TUnitReportInput) {
  const { d, t, f, period, agencyName, labels, dash } = input;
  doc.addPage();
  heading(doc, t("bab2"));

  heading(doc, t("organiserTitle"), 11);
  paragraph(doc, d.scope === "gabungan" && d.subtreeUnits > 1 ? t("organiserSubtree", { unit: d.unit.name, agency: agencyName, count: d.subtreeUnits }) : t("organiser", { unit: d.unit.name, agency: agencyName }));

  heading(doc, t("methodTitle"), 11);
  const template = d.family?.template;
  if (template) {
    paragraph(doc, t("bab2Text", { template: f.pick(template.name, template.nameEn), items: template.items.length, min: template.scale.min, max: template.scale.max }));
  }
  const total = d.byChannel.reduce((a, c) => a + c.respondents, 0);
  if (total === 0) paragraph(doc, t("noData"));
  else
    table(
      doc,
      [
        { header: dash("byChannel"), width: 0.6 },
        { header: dash("respondents"), width: 0.2, align: "right" },
        { header: t("share"), width: 0.2, align: "right" },
      ],
      [...d.byChannel.map((c) => [labels(`channel.${c.channel}`), f.integer(c.respondents), percent(f, c.respondents, total)]), [t("total"), f.integer(total), percent(f, total, total)]],
      { boldLast: true },
    );

  heading(doc, t("placeTimeTitle"), 11);
  const days = periodDays(f, period);
  paragraph(doc, t("place", { unit: d.unit.name }));
  paragraph(doc, t("time", { period: f.period(period), first: days.first, last: days.last }));

  heading(doc, t("sampleTitle"), 11);
  const km = KREJCIE_MORGAN;
  paragraph(doc, t("sampleMethod", { chiSquare: f.decimal(km.chiSquare, 3), proportion: f.decimal(km.proportion, 1), margin: f.decimal(km.margin, 2) }));
  const result = d.score?.result;
  const sample = result?.sample;
  const rows: string[][] = [];
  if (sample) {
    rows.push([t("population"), f.integer(sample.population)]);
    rows.push([t("minimumSample"), f.integer(sample.minimumSample)]);
  } else {
    rows.push([t("population"), "–"], [t("minimumSample"), t("noPopulation")]);
  }
  rows.push([t("respondentsAchieved"), f.integer(result?.respondents ?? 0)]);
  if (sample) rows.push([t("sampleVerdict"), sample.met ? t("sampleMet") : t("belowSample")]);
  table(doc, [{ header: "", width: 0.55 }, { header: "", width: 0.45, align: "right" }], rows);

  if (sample) {
    // The published table's row the population reads, with its neighbours, as evaluators look it up.
    const row = krejcieMorganRow(sample.population);
    paragraph(doc, t("tableRow", { population: f.integer(sample.population), n: f.integer(row.population), s: f.integer(row.sample) }));
    const from = Math.max(0, row.index - TABLE_CONTEXT);
    const shown = KREJCIE_MORGAN_TABLE.slice(from, row.index + TABLE_CONTEXT + 1);
    table(
      doc,
      [
        { header: t("tableN"), width: 0.35, align: "right" },
        { header: t("tableS"), width: 0.35, align: "right" },
        { header: "", width: 0.3 },
      ],
      shown.map(([n, s], i) => [f.integer(n), f.integer(s), from + i === row.index ? t("tableUsed") : ""]),
    );
  }
}
