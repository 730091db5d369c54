import { expect, test, type Page } from "@playwright/test";
import { computeIkmFromRows, PERMENPAN_14_2017 } from "@/lib/ikm";
import { currentMonth, monthStart, periodKey, periodMonths, periodOfMonth } from "@/lib/periods";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An operator types ten paper questionnaires with the keyboard alone (every key
// counted), and the unit's dashboard moves by exactly what lib/ikm computes for
// the unit's responses with those ten added.

const UNIT = "DUKCAPIL-CAPIL";
const RUNNING = periodOfMonth("QUARTER", currentMonth("Asia/Jakarta"));
const day = (i: number) => monthStart(i).toISOString().slice(0, 10);
const RANGE = [day(periodMonths(RUNNING).start), day(periodMonths(RUNNING).end)];
const DASHBOARD = `/dasbor/unit/${UNIT}?periode=${periodKey(RUNNING)}&cakupan=sendiri`;

// Ten sheets: the answers as written on them, and a profile on every other one.
const SHEETS = Array.from({ length: 10 }, (_, i) => ({
  answers: [4, 3, 3, 4, 2 + (i % 3), 3, 4, 1 + (i % 4), 3 - (i % 2)],
  profile: i % 2 === 0 ? { gender: "P", age: String(25 + i), education: "3", occupation: "4" } : null,
}));
const CODES = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

async function headline(page: Page) {
  await page.goto(DASHBOARD);
  const respondents = Number((await page.getByTestId("headline-respondents").textContent())!.replace(/\./g, ""));
  return { respondents, konversi: (await page.getByTestId("headline-konversi").textContent())!.trim() };
}

async function unitRows() {
  return query<{ answers: Record<string, number> }>(
    `SELECT r.answers FROM response r JOIN unit u ON u.id = r.unit_id
      WHERE u.code = $1 AND NOT r.suspicious
        AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date >= $2::date AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < $3::date`,
    [UNIT, RANGE[0], RANGE[1]],
  );
}

test("an operator types ten paper sheets with the keyboard only; the dashboard moves by lib/ikm's figures", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  const before = await headline(kepala);
  const beforeRows = await unitRows();
  expect(before.respondents).toBe(beforeRows.length);

  const page = await signedInPage(browser, "operator.dukcapil@suara.test");
  await page.goto(`/dasbor/unit/${UNIT}`);
  await expect(page.getByTestId("paper-entry-link")).toHaveText("Entri kuesioner kertas");
  await page.goto(`/dasbor/unit/${UNIT}/kertas`);
  await expect(page.getByLabel("Nomor lembar")).toBeFocused();

  let keys = 0;
  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  const typeText = async (text: string) => {
    for (const ch of text) await press(ch);
  };

  const extra: number[] = [];
  for (const [i, sheet] of SHEETS.entries()) {
    keys = 0;
    if (i === 0) {
      // The first sheet of the stack: its number, then the counter's service (the date is today's).
      await typeText("501");
      await press("Enter");
      await press("ArrowDown"); // "Akta Kelahiran", the first service
      await press("Enter");
    }
    await expect(page.getByLabel("U1 Persyaratan")).toBeFocused();
    for (const score of sheet.answers) await press(String(score));
    if (sheet.profile) {
      await press(sheet.profile.gender); // fills and moves on
      await typeText(sheet.profile.age);
      await press("Enter");
      await press(sheet.profile.education);
      await press(sheet.profile.occupation);
      await press("Enter"); // on the saran, the last field: saves
    } else {
      for (let k = 0; k < 5; k++) await press("Enter"); // past the blank profile and saran, then saves
    }
    await expect(page.getByTestId("paper-status")).toContainText(`Lembar ${501 + i} tersimpan (${i + 1} lembar pada sesi ini).`);
    extra.push(keys - sheet.answers.length);
  }
  // The blank sheet after the last save: the focus on its first answer, the number moved on, the date and service kept.
  await expect(page.getByLabel("U1 Persyaratan")).toBeFocused();
  await expect(page.getByLabel("Nomor lembar")).toHaveValue("511");
  await expect(page.getByLabel("Layanan", { exact: true })).toHaveValue("LAHIR");
  console.log(`paper entry: keystrokes beyond the answers' digits per sheet: ${extra.join(", ")}`);
  // First sheet: number (3) + Enter + service (1) + Enter + profile (P, age 2, Enter, 3, 4) + Enter = 13; then 7 with a profile, 5 without.
  expect(extra).toEqual([13, 5, 7, 5, 7, 5, 7, 5, 7, 5]);
  expect(Math.max(...extra)).toBeLessThanOrEqual(15);

  const stored = await query<{ sheet: string; answers: Record<string, number>; service: string; gender: string | null; age: number | null; education: string | null; occupation: string | null; by: string }>(
    `SELECT r.paper_sheet_number AS sheet, r.answers, s.code AS service, r.gender::text, r.age, r.education::text, r.occupation::text, u.email AS by
       FROM response r JOIN service s ON s.id = r.service_id JOIN "user" u ON u.id = r.entered_by_id
      WHERE r.channel = 'PAPER' AND r.paper_sheet_number BETWEEN '501' AND '510' ORDER BY r.paper_sheet_number`,
  );
  expect(stored).toEqual(
    SHEETS.map((s, i) => ({
      sheet: String(501 + i),
      answers: Object.fromEntries(CODES.map((c, k) => [c, s.answers[k]])),
      service: "LAHIR",
      gender: s.profile ? "P" : null,
      age: s.profile ? Number(s.profile.age) : null,
      education: s.profile ? "SMA" : null,
      occupation: s.profile ? "SWASTA" : null,
      by: "operator.dukcapil@suara.test",
    })),
  );
  // The list, newest entry first (the seed has paper sheets of its own, without numbers): the ten typed.
  await expect
    .poll(async () => (await page.getByTestId("paper-row").locator("td:nth-child(2)").allInnerTexts()).slice(0, 10).map((t) => t.trim()))
    .toEqual(Array.from({ length: 10 }, (_, i) => String(510 - i)));

  // The dashboard: ten more respondents, and the konversi lib/ikm gives for the earlier rows with the ten typed.
  const expected = computeIkmFromRows(
    [...beforeRows.map((r) => r.answers), ...SHEETS.map((s) => Object.fromEntries(CODES.map((c, k) => [c, s.answers[k]!])))],
    { template: PERMENPAN_14_2017 },
  );
  const after = await headline(kepala);
  expect(after.respondents).toBe(before.respondents + 10);
  expect(after.respondents).toBe(expected.respondents);
  expect(after.konversi).toBe(expected.konversiRounded!.toFixed(2).replace(".", ","));
});

test("a sheet saves as a plain form post; a bad answer is named and nothing written; a repeated number is warned about and flagged", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel("Email").fill("operator.dukcapil@suara.test");
  await page.getByLabel("Kata sandi").fill("Suara-Demo-2026");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  const paperCount = async () => Number((await query<{ n: number }>(`SELECT count(*)::int AS n FROM response WHERE channel = 'PAPER'`))[0]!.n);
  const before = await paperCount();

  await page.goto(`/dasbor/unit/${UNIT}/kertas`);
  await page.getByLabel("Nomor lembar").fill("900");
  await page.getByLabel("Layanan", { exact: true }).selectOption("MATI");
  for (const [k, code] of CODES.entries()) await page.getByLabel(`${code} `).first().fill(k === 0 ? "5" : "3");
  await page.getByRole("button", { name: "Simpan lembar" }).click();
  await expect(page.getByText("Lembar belum tersimpan: periksa isian yang ditandai.")).toBeVisible();
  await expect(page.getByText("Jawaban di luar skala.")).toBeVisible();
  await expect(page.getByLabel("U1 Persyaratan")).toHaveAttribute("aria-invalid", "true");
  expect(await paperCount()).toBe(before);

  await page.getByLabel("U1 Persyaratan").fill("4");
  await page.getByRole("button", { name: "Simpan lembar" }).click();
  await expect(page.getByTestId("paper-status")).toContainText("Lembar 900 tersimpan (1 lembar pada sesi ini).");
  expect(await paperCount()).toBe(before + 1);
  await context.close();

  // The same number again, typed in the browser: warned, then saved on "Simpan juga", both flagged in the list.
  const operator = await signedInPage(browser, "operator.dukcapil@suara.test");
  await operator.goto(`/dasbor/unit/${UNIT}/kertas`);
  await operator.keyboard.type("900");
  await operator.keyboard.press("Enter");
  await operator.keyboard.press("ArrowDown");
  await operator.keyboard.press("Enter");
  await operator.keyboard.type("444444444");
  for (let k = 0; k < 5; k++) await operator.keyboard.press("Enter");
  await expect(operator.getByTestId("paper-duplicate")).toContainText("Nomor lembar 900 sudah dimasukkan untuk unit ini pada periode ini.");
  await expect(operator.getByTestId("paper-save-anyway")).toBeFocused();
  expect(await paperCount()).toBe(before + 1);
  await operator.keyboard.press("Enter");
  await expect(operator.getByTestId("paper-status")).toContainText("Lembar disimpan dengan nomor yang sama dengan lembar lain pada periode ini");
  expect(await paperCount()).toBe(before + 2);
  await expect(operator.getByTestId("paper-row").filter({ hasText: "900" }).getByTestId("paper-repeated")).toHaveCount(2);
});
