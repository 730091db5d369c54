import { expect, test, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { smtpPort } from "../../playwright.config";
import { startTestSmtp, type TTestSmtp } from "../support/smtp";
import { query } from "./support/db";
import { signedInPage } from "./support/session";
import { currentMonth, monthStart, periodKey, periodMonths, periodOfMonth, shiftPeriod } from "@/lib/periods";

// The follow-up loop end to end, as its people use it: a citizen leaves a saran with an email
// address and a low score; it reaches Dukcapil's inbox; the kepala assigns it to himself and
// replies; the reply is delivered by SMTP and readable with the reply code; the kepala writes the
// RTL for the weakest unsur, pimpinan returns it with a comment, then approves it; the action is
// realised to 100 % with a photo; the next period's dashboard says whether that unsur moved; the
// agency view shows the plan done; another unit's kepala gets 404 for all of it.

const running = periodOfMonth("QUARTER", currentMonth("Asia/Jakarta"));
/** Two quarters back: its next quarter has ended, so the plan's effect is measurable. */
const planKey = periodKey(shiftPeriod(running, -2));
const nextKey = periodKey(shiftPeriod(running, -1));
/** The first day of the next quarter plus two weeks: an on-time approval. */
const nextStart = new Date(monthStart(periodMonths(shiftPeriod(running, -1)).start).getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
/** The plan's quarter as the marks write it ("Triwulan II 2026"). */
const planLabel = `Triwulan ${["I", "II", "III", "IV"][shiftPeriod(running, -2).number - 1]} ${shiftPeriod(running, -2).year}`;
/** Letters only: one word for the Indonesian full-text search. */
const word = () => `uji${Array.from(randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join("")}`;

let smtp: TTestSmtp;
test.beforeAll(async () => {
  smtp = await startTestSmtp(smtpPort);
  // A second run on the same database starts from no plan for the period.
  await query(`DELETE FROM follow_up_plan WHERE unit_id = (SELECT id FROM unit WHERE code = 'DISDUKCAPIL')
                AND period_id = (SELECT id FROM survey_period WHERE kind = 'QUARTER' AND year = $1 AND number = $2)`, planKey.split("-T").map(Number));
});
test.afterAll(async () => smtp?.close());

async function citizenLeavesSaran(page: Page, m: string, email: string): Promise<string> {
  await page.goto("/s/DISDUKCAPIL");
  await page.getByRole("group", { name: "Layanan apa yang Anda terima hari ini?" }).getByText("Kartu Keluarga").click();
  await page.getByRole("group", { name: /8\. Sarana dan Prasarana/ }).getByText("Buruk", { exact: true }).click();
  await page.getByLabel("Saran dan masukan").fill(`Ruang tunggu panas dan sempit ${m}`);
  await page.getByText("Saya bersedia dihubungi tentang saran ini").click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("checkbox", { name: "Saya setuju dihubungi oleh unit ini tentang saran saya." }).check();
  await page.getByRole("button", { name: "Kirim penilaian" }).click();
  await expect(page).toHaveURL(/\/s\/DISDUKCAPIL\/terima-kasih\?balasan=[2-9A-HJKMNP-Z]{10}$/);
  return (await page.getByTestId("reply-code").textContent())!.trim();
}

test("saran answered, RTL written, returned, approved and realised; the next survey shows the effect", async ({ browser }) => {
  test.setTimeout(180_000);
  const m = word();
  const email = `${m}@warga.test`;

  // The citizen, on a browser of their own. Every browser of the suite comes from 127.0.0.1, one
  // "client": after five submissions in the window from earlier specs this one would be flagged as
  // a burst and kept out of the inbox, so the window starts afresh, as on the citizen's own phone.
  await query(`DELETE FROM rate_limit_counter WHERE key LIKE 'resp:client:%'`);
  const citizen = await (await browser.newContext()).newPage();
  const code = await citizenLeavesSaran(citizen, m, email);
  expect(await query(`SELECT suspicious FROM response WHERE saran LIKE $1`, [`%${m}%`])).toEqual([{ suspicious: false }]);

  // The kepala finds it in the inbox by a word of it, assigns it to himself and replies.
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await kepala.goto(`/dasbor/unit/DISDUKCAPIL/saran?cari=${m}`);
  await expect(kepala.getByTestId("inbox-item")).toHaveCount(1);
  await kepala.getByTestId("inbox-open").click();
  await expect(kepala.getByTestId("item-saran")).toContainText(m);
  const assign = kepala.getByTestId("assign-form");
  await assign.getByLabel("Petugas").selectOption({ label: "Kepala Dinas Dukcapil" });
  await assign.getByRole("button", { name: "Tugaskan" }).click();
  await expect(assign.getByRole("status")).toHaveText("Tersimpan.");
  const reply = `Terima kasih. Kipas angin dan 20 kursi ditambah mulai pekan depan (${m}).`;
  await kepala.getByTestId("reply-form").getByLabel("Balasan").fill(reply);
  await kepala.getByTestId("reply-form").getByRole("button", { name: "Kirim balasan" }).click();
  await expect(kepala.getByTestId("reply-form").getByRole("status")).toHaveText("Tersimpan.");

  // The reply reaches the citizen's mailbox, and the reply page with the code alone.
  const mail = await smtp.waitFor((x) => x.to === email);
  expect(mail.text).toContain(`Kipas angin dan 20 kursi ditambah mulai pekan depan (${m})`);
  await citizen.goto(`/s/DISDUKCAPIL/balasan/${code}`);
  await expect(citizen.getByTestId("public-reply")).toContainText(reply);

  // The RTL for the period two quarters back: started from its weakest unsur.
  await kepala.goto(`/dasbor/unit/DISDUKCAPIL/rtl`);
  await kepala.getByTestId(`plan-row-${planKey}`).getByRole("link").click();
  await expect(kepala).toHaveURL(new RegExp(`/rtl/${planKey}$`));
  const proposed = kepala.getByTestId("proposed-unsur").getByRole("listitem");
  await expect(proposed).toHaveCount(3);
  const weakest = (await proposed.first().textContent())!.split(" ")[0]!;
  await kepala.getByRole("button", { name: "Mulai menyusun RTL" }).click();
  await expect(kepala.getByTestId("plan-status")).toHaveText("Draf");
  const add = kepala.getByTestId("new-action-form");
  await expect(add.getByLabel("Unsur")).toHaveValue(weakest);
  // Refused by the server (the one responsible is only spaces): what was typed stays, and the field in error has the focus.
  await add.getByLabel("Penanggung jawab").fill("   ");
  await add.getByLabel("Kegiatan").fill(`Memperbaiki ruang tunggu ${m}`);
  await add.getByRole("button", { name: "Tambah kegiatan" }).click();
  await expect(add.getByText("Wajib diisi.")).toBeVisible();
  await expect(add.getByLabel("Kegiatan")).toHaveValue(`Memperbaiki ruang tunggu ${m}`);
  await expect(add.getByLabel("Unsur")).toHaveValue(weakest);
  await expect(add.getByLabel("Penanggung jawab")).toBeFocused();
  await add.getByLabel("Penanggung jawab").fill("Kasubbag Umum");
  await add.getByLabel("Kegiatan").fill(`Memperbaiki ruang tunggu ${m}`);
  await add.getByLabel("Waktu").fill("2027-01-31");
  await add.getByRole("button", { name: "Tambah kegiatan" }).click();
  await expect(kepala.getByTestId("plan-action")).toHaveCount(1);
  await kepala.getByTestId("submit-plan-form").getByRole("button", { name: "Ajukan RTL" }).click();
  await expect(kepala.getByTestId("plan-status")).toHaveText("Diajukan");

  // Pimpinan: returning needs a comment; then returned with one.
  const pimpinan = await signedInPage(browser, "pimpinan@suara.test");
  await pimpinan.goto(`/dasbor/instansi?periode=${planKey}`);
  await expect(pimpinan.getByTestId("follow-up-DISDUKCAPIL").getByTestId("plan-status")).toHaveText("diajukan");
  // It waits in "needs attention", which leads to it.
  await pimpinan.getByTestId("attention-submitted-DISDUKCAPIL").getByRole("link").click();
  await expect(pimpinan).toHaveURL(new RegExp(`/dasbor/unit/DISDUKCAPIL/rtl/${planKey}$`));
  const review = pimpinan.getByTestId("review-plan-form");
  await review.getByRole("button", { name: "Kembalikan" }).click();
  await expect(review.getByText("Wajib diisi.")).toBeVisible();
  await review.getByLabel("Catatan").fill("Tambahkan jalur kursi roda pada kegiatan ini.");
  await review.getByRole("button", { name: "Kembalikan" }).click();
  await expect(pimpinan.getByTestId("plan-status")).toHaveText("Dikembalikan");

  // The kepala reads the comment, revises the action, submits again; pimpinan approves.
  await kepala.reload();
  await expect(kepala.getByTestId("plan-comment").filter({ hasText: "Tambahkan jalur kursi roda" })).toBeVisible();
  const edit = kepala.locator("details").filter({ hasText: "Ubah" }).first();
  await edit.locator("summary").click();
  await edit.getByLabel("Kegiatan").fill(`Memperbaiki ruang tunggu dan jalur kursi roda ${m}`);
  await edit.getByRole("button", { name: "Simpan" }).click();
  await expect(kepala.getByTestId("plan-action")).toContainText("jalur kursi roda");
  await kepala.getByTestId("submit-plan-form").getByRole("button", { name: "Ajukan RTL" }).click();
  await expect(kepala.getByTestId("plan-status")).toHaveText("Diajukan");
  await pimpinan.reload();
  await pimpinan.getByTestId("review-plan-form").getByRole("button", { name: "Setujui" }).click();
  await expect(pimpinan.getByTestId("plan-status")).toHaveText("Disetujui");

  // Realisation: half way, then 100 % with a photo of the new waiting room.
  await kepala.reload();
  const progress = kepala.getByTestId("progress-form");
  await progress.getByLabel("Realisasi (%)").fill("50");
  await progress.getByLabel("Yang sudah dilakukan").fill("Kipas angin terpasang");
  await progress.getByRole("button", { name: "Catat realisasi" }).click();
  await expect(kepala.getByTestId("action-progress")).toHaveText("50 %");
  await progress.getByLabel("Realisasi (%)").fill("100");
  await progress.getByLabel("Yang sudah dilakukan").fill("Kursi dan jalur kursi roda selesai");
  await progress.getByLabel(/Bukti/).setInputFiles("tests/e2e/fixtures/logo.png");
  await progress.getByRole("button", { name: "Catat realisasi" }).click();
  await expect(kepala.getByTestId("action-progress")).toHaveText("100 %");
  await expect(kepala.getByTestId("progress-entry")).toHaveCount(2);
  const photo = kepala.getByTestId("attachment-link").first();
  await expect(photo).toBeVisible();
  const photoUrl = new URL((await photo.getAttribute("href"))!, kepala.url()).pathname;
  const served = await kepala.request.get(photoUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");

  // Approved today, two quarters late: the quarter after it had ended before the plan existed,
  // so the plan is measured on the running quarter, and its page says it cannot tell yet.
  await expect(kepala.getByTestId("effects-not-yet")).toBeVisible();
  // Had it been approved on time (the test cannot wait a quarter: the approval is dated back into
  // the next quarter), that quarter's dashboard says, beside the unsur, whether it moved.
  await query(`UPDATE follow_up_plan SET approved_at = $2::date::timestamptz WHERE id = (SELECT p.id FROM follow_up_plan p JOIN unit u ON u.id = p.unit_id JOIN survey_period sp ON sp.id = p.period_id
                 WHERE u.code = 'DISDUKCAPIL' AND sp.kind = 'QUARTER' AND sp.year = $1 AND sp.number = $3)`, [Number(planKey.slice(0, 4)), nextStart, Number(planKey.slice(-1))]);
  await kepala.goto(`/dasbor/unit/DISDUKCAPIL?periode=${nextKey}`);
  await expect(kepala.getByTestId("plan-mark")).toHaveText([new RegExp(`^RTL ${planLabel}: (naik, signifikan|turun, signifikan|(naik|turun|tetap), masih dalam derau sampel)$`)]);

  // The agency view: the plan is done.
  await pimpinan.goto(`/dasbor/instansi?periode=${planKey}`);
  await expect(pimpinan.getByTestId("follow-up-DISDUKCAPIL").getByTestId("plan-status")).toHaveText("selesai");
  // The evaluators' figures for the plan's year, recounted from the plans themselves.
  const [count] = await query<{ plans: number; approved: number; actions: number; done: number }>(
    `SELECT count(DISTINCT p.id)::int AS plans, count(DISTINCT p.id) FILTER (WHERE p.status = 'DISETUJUI')::int AS approved,
            count(a.id) FILTER (WHERE p.status = 'DISETUJUI')::int AS actions, count(a.id) FILTER (WHERE p.status = 'DISETUJUI' AND a.progress >= 100)::int AS done
       FROM follow_up_plan p JOIN survey_period sp ON sp.id = p.period_id LEFT JOIN follow_up_action a ON a.plan_id = p.id
      WHERE p.unit_id = (SELECT id FROM unit WHERE code = 'DISDUKCAPIL') AND sp.year = $1`,
    [Number(planKey.slice(0, 4))],
  );
  const metrics = pimpinan.getByTestId("metrics-DISDUKCAPIL");
  await expect(metrics).toContainText(`${count!.approved} / ${count!.plans}`);
  await expect(metrics).toContainText(`${Math.round((100 * count!.done) / count!.actions)} % (${count!.done} / ${count!.actions})`);

  // A kepala of another unit sees none of it.
  const otherEmail = `kepala.${m}@suara.test`;
  await query(
    `WITH u AS (INSERT INTO "user" (id, email, name, password_hash) SELECT gen_random_uuid(), $1, 'Kepala Puskesmas', password_hash FROM "user" WHERE email = 'kepala.dukcapil@suara.test' RETURNING id)
     INSERT INTO role_assignment (id, user_id, unit_id, role) SELECT gen_random_uuid(), u.id, unit.id, 'KEPALA_UNIT' FROM u, unit WHERE unit.code = 'PKM-SUKAMAJU'`,
    [otherEmail],
  );
  const other = await signedInPage(browser, otherEmail);
  const [item] = await query<{ id: string }>(`SELECT id FROM response WHERE saran LIKE $1`, [`%${m}%`]);
  for (const path of [`/dasbor/unit/DISDUKCAPIL/rtl/${planKey}`, `/dasbor/unit/DISDUKCAPIL/rtl`, `/dasbor/unit/DISDUKCAPIL/saran/${item!.id}`, photoUrl]) {
    expect((await other.request.get(path)).status(), path).toBe(404);
  }
});
