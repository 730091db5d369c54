import { describe, expect, it } from "vitest";
import { ACTIONS_LISTED, composeMonthlyDigest, composeWeeklyDigest, monthlyHasNews, weeklyHasNews, type TWeeklyUnit } from "@/lib/digest/compose";
import { digestJobKey, dueDigests, isoWeekKey } from "@/lib/digest/schedule";

const at = (iso: string) => new Date(iso);

describe("dueDigests", () => {
  it("makes the weekly due on Monday 07:00 on the agency's clock, not before", () => {
    // Sunday 23:00 UTC is Monday 06:00 in Jakarta (WIB), 07:00 in Makassar (WITA), 08:00 in Jayapura (WIT).
    expect(dueDigests(at("2026-12-06T23:00:00Z"), "Asia/Jakarta")).toEqual([]);
    expect(dueDigests(at("2026-12-06T23:00:00Z"), "Asia/Makassar").map((d) => d.periodKey)).toEqual(["2026-W50"]);
    expect(dueDigests(at("2026-12-06T23:00:00Z"), "Asia/Jayapura").map((d) => d.kind)).toEqual(["WEEKLY"]);
    expect(dueDigests(at("2026-12-06T22:59:59Z"), "Asia/Makassar")).toEqual([]);
    expect(dueDigests(at("2026-12-07T00:00:00Z"), "Asia/Jakarta").map((d) => d.periodKey)).toEqual(["2026-W50"]);
  });

  it("keeps it due for the rest of Monday only", () => {
    expect(dueDigests(at("2026-12-07T16:59:59Z"), "Asia/Jakarta")).toHaveLength(1); // 23:59:59 WIB
    expect(dueDigests(at("2026-12-07T17:00:00Z"), "Asia/Jakarta")).toEqual([]); // Tuesday 00:00 WIB
    expect(dueDigests(at("2026-12-09T03:00:00Z"), "Asia/Jakarta")).toEqual([]); // a Wednesday
  });

  it("reports on the week before: Monday to Monday, local midnights", () => {
    const [weekly] = dueDigests(at("2026-12-07T02:00:00Z"), "Asia/Jakarta");
    expect(weekly!.from.toISOString()).toBe("2026-11-29T17:00:00.000Z"); // 30 Nov 00:00 WIB
    expect(weekly!.to.toISOString()).toBe("2026-12-06T17:00:00.000Z"); // 7 Dec 00:00 WIB
    const [wita] = dueDigests(at("2026-12-07T02:00:00Z"), "Asia/Makassar");
    expect(wita!.to.toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });

  it("makes the monthly due on the 1st from 07:00, reporting the month before", () => {
    const due = dueDigests(at("2027-01-01T00:30:00Z"), "Asia/Jakarta"); // a Friday
    expect(due.map((d) => [d.kind, d.periodKey])).toEqual([["MONTHLY", "2027-01"]]);
    expect(due[0]!.from.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(due[0]!.to.toISOString()).toBe("2026-12-31T17:00:00.000Z");
    expect(dueDigests(at("2026-12-31T23:30:00Z"), "Asia/Jakarta")).toEqual([]); // 1 Jan 06:30 WIB
    // 1 June 2026 is a Monday: both.
    expect(dueDigests(at("2026-06-01T01:00:00Z"), "Asia/Jakarta").map((d) => d.kind)).toEqual(["WEEKLY", "MONTHLY"]);
    expect(dueDigests(at("2026-06-01T01:00:00Z"), "Asia/Jakarta")[1]!.from.toISOString()).toBe("2026-04-30T17:00:00.000Z");
  });
});

describe("isoWeekKey and job keys", () => {
  it("numbers ISO weeks across year ends", () => {
    expect(isoWeekKey(2026, 12, 7)).toBe("2026-W50");
    expect(isoWeekKey(2027, 1, 1)).toBe("2026-W53");
    expect(isoWeekKey(2021, 1, 3)).toBe("2020-W53");
    expect(isoWeekKey(2024, 12, 30)).toBe("2025-W01");
    expect(isoWeekKey(2026, 1, 5)).toBe("2026-W02");
  });
  it("names one job per recipient and period", () => {
    expect(digestJobKey("WEEKLY", "u1", "2026-W50")).toBe("digest:weekly:u1:2026-W50");
    expect(digestJobKey("MONTHLY", "u1", "2027-01")).toBe("digest:monthly:u1:2027-01");
  });
});

const unit = (over: Partial<TWeeklyUnit> = {}): TWeeklyUnit => ({
  code: "DISDUKCAPIL",
  name: "Dinas Kependudukan",
  newFeedback: 3,
  open: 4,
  overdue: 1,
  oldestOpenDays: 9,
  actions: [
    { action: "Loket <tambahan> & antrean", unitCode: "DISDUKCAPIL", dueDate: "2026-12-01", progress: 40, overdue: true, planKey: "2026-T3" },
    { action: "Ruang tunggu", unitCode: "KEC-A", dueDate: "2026-12-15", progress: 0, overdue: false, planKey: "2026-T3" },
  ],
  ...over,
});
const weekly = { name: "Bu Kepala", timeZone: "Asia/Jakarta", from: at("2026-11-29T17:00:00Z"), to: at("2026-12-06T17:00:00Z"), targetDays: 5, origin: "https://ikm.example.go.id" };

describe("composeWeeklyDigest", () => {
  it("writes the figures and absolute links in Indonesian by default", () => {
    const mail = composeWeeklyDigest({ ...weekly, locale: null, units: [unit()] });
    expect(mail.subject).toBe("Ringkasan mingguan saran dan RTL (30 Nov 2026 – 6 Des 2026)");
    expect(mail.text).toContain("Yth. Bu Kepala,");
    expect(mail.text).toContain("Dinas Kependudukan (DISDUKCAPIL)");
    expect(mail.text).toContain("3 saran baru pekan ini");
    expect(mail.text).toContain("4 saran masih terbuka; yang tertua 9 hari kerja");
    expect(mail.text).toContain("1 saran terlambat (belum dijawab lebih dari 5 hari kerja)");
    expect(mail.text).toContain("https://ikm.example.go.id/dasbor/unit/DISDUKCAPIL/saran?usia=terlambat");
    expect(mail.text).toContain("Kegiatan RTL: 1 lewat tenggat, 1 jatuh tempo dalam 14 hari.");
    expect(mail.text).toContain("Lewat tenggat 1 Des 2026: Loket <tambahan> & antrean (realisasi 40 %)");
    expect(mail.text).toContain("https://ikm.example.go.id/dasbor/unit/KEC-A/rtl/2026-T3");
    expect(mail.html).toContain("Loket &#60;tambahan&#62; &#38; antrean");
    expect(mail.html).toContain('<a href="https://ikm.example.go.id/dasbor/unit/DISDUKCAPIL/rtl/2026-T3">');
    expect(mail.html).not.toContain("<tambahan>");
  });

  it("writes English for an English-speaking recipient", () => {
    const mail = composeWeeklyDigest({ ...weekly, locale: "en", units: [unit({ newFeedback: 1, overdue: 0, actions: [] })] });
    expect(mail.subject).toBe("Weekly digest of feedback and follow-up plans (30 Nov 2026 – 6 Dec 2026)");
    expect(mail.text).toContain("1 new feedback item this week");
    expect(mail.text).toContain("No plan actions are overdue or due within 14 days.");
    expect(mail.text).not.toContain("overdue (unanswered");
  });

  it("lists at most ACTIONS_LISTED actions, overdue ones first", () => {
    const many = Array.from({ length: ACTIONS_LISTED + 3 }, (_, i) => ({
      action: `Kegiatan ${i}`, unitCode: "DISDUKCAPIL", dueDate: "2026-12-10", progress: 0, overdue: i === ACTIONS_LISTED + 2, planKey: "2026-T3",
    }));
    const mail = composeWeeklyDigest({ ...weekly, locale: "id", units: [unit({ actions: many })] });
    expect(mail.text.indexOf(`Kegiatan ${ACTIONS_LISTED + 2}`)).toBeLessThan(mail.text.indexOf("Kegiatan 0"));
    expect(mail.text).not.toContain(`Kegiatan ${ACTIONS_LISTED - 1} `);
    expect(mail.text).toContain("… dan 3 kegiatan lain di halaman RTL.");
  });

  it("has nothing to say without feedback or actions", () => {
    expect(weeklyHasNews([unit({ newFeedback: 0, open: 0, overdue: 0, oldestOpenDays: null, actions: [] })])).toBe(false);
    expect(weeklyHasNews([])).toBe(false);
    expect(weeklyHasNews([unit({ newFeedback: 0, open: 1, actions: [] })])).toBe(true);
  });
});

describe("composeMonthlyDigest", () => {
  const monthly = {
    name: "Pak Bupati",
    timeZone: "Asia/Jakarta",
    month: at("2026-11-30T17:00:00Z"),
    period: { kind: "QUARTER" as const, year: 2026, number: 3 },
    origin: "https://ikm.example.go.id",
    units: [
      { code: "DISDUKCAPIL", name: "Dinas Kependudukan", plan: "overdue" as const, realisation: 64.6, overdueFeedback: 2 },
      { code: "RSUD", name: "RSUD", plan: "none" as const, realisation: null, overdueFeedback: 0 },
    ],
    needsAttention: 3,
  };
  it("lists plan status, realisation and overdue feedback per unit, with the agency dashboard's link", () => {
    const mail = composeMonthlyDigest({ ...monthly, locale: "id" });
    expect(mail.subject).toBe("Ringkasan bulanan tindak lanjut IKM (Desember 2026)");
    expect(mail.text).toContain("untuk RTL Triwulan III 2026");
    expect(mail.text).toContain("Dinas Kependudukan: RTL lewat tenggat, realisasi 65 %, 2 saran terlambat");
    expect(mail.text).toContain("RSUD: RTL belum ada, realisasi –, 0 saran terlambat");
    expect(mail.text).toContain("3 hal perlu perhatian.");
    expect(mail.text).toContain("https://ikm.example.go.id/dasbor/instansi");
    const en = composeMonthlyDigest({ ...monthly, locale: "en", needsAttention: 1 });
    expect(en.subject).toBe("Monthly follow-up digest of the IKM (December 2026)");
    expect(en.text).toContain("1 item needs attention.");
    expect(en.text).toContain("for the Q3 2026 plans");
  });
  it("has nothing to say without units", () => {
    expect(monthlyHasNews({ units: [] })).toBe(false);
    expect(monthlyHasNews(monthly)).toBe(true);
  });
});
