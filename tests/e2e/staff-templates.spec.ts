import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An agency admin runs the questionnaires without a developer: a custom template from
// PermenPANRB 14/2017 with its own wording in both languages and a 1..5 scale, a band
// error shown on its field, published, previewed on a phone frame in both languages
// (nothing sent), chosen for Bapenda; the citizen's form of Bapenda and of its sub-unit
// (which has no choice of its own) asks the new wording.

/** The editor and the preview are pages of their own: WCAG 2.1 AA as the rest (tests/e2e/a11y.spec.ts). */
async function expectAccessible(page: Page, label: string) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`), label).toEqual([]);
}

test("an admin makes, publishes, previews and assigns a questionnaire; a sub-unit inherits it", async ({ browser }) => {
  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.getByRole("link", { name: "Kuesioner", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/kuesioner$/);
  await expect(admin.getByTestId("template-library")).toContainText("PermenPANRB 14/2017");

  const create = admin.getByTestId("create-template");
  await create.getByLabel("Mulai dari").selectOption("permenpan-14-2017");
  await create.getByLabel("Kunci").fill("skm-bapenda");
  await create.getByLabel("Nama (Indonesia)").fill("SKM Bapenda");
  await create.getByLabel("Nama (English)").fill("Bapenda survey");
  await create.getByRole("button", { name: "Buat" }).click();
  await expect(admin).toHaveURL(/\/admin\/kuesioner\/skm-bapenda$/);
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("SKM Bapenda");

  // Wording and an option's label in both languages, and a fifth score for every item.
  const editor = admin.getByTestId("draft-editor");
  const first = editor.getByTestId("item-0");
  await first.getByLabel("Pertanyaan (Indonesia)").fill("Apakah persyaratan pajak daerah jelas?");
  await first.getByLabel("Pertanyaan (English)").fill("Are the local tax requirements clear?");
  await editor.getByLabel("Skor tertinggi").fill("5");
  const items = editor.locator('[data-testid^="item-"]');
  await expect(items).toHaveCount(9);
  for (let i = 0; i < 9; i++) {
    const item = editor.getByTestId(`item-${i}`);
    await item.getByLabel("Label skor 5 (Indonesia)").fill(i === 0 ? "Sangat jelas sekali" : "Istimewa");
    await item.getByLabel("Label skor 5 (English)").fill(i === 0 ? "Crystal clear" : "Outstanding");
  }
  // A gap between two bands: the error is on that band's field, nothing is saved.
  await editor.getByTestId("band-1").getByLabel("Dari").fill("65,5");
  await editor.getByRole("button", { name: "Simpan draf" }).click();
  await expect(editor.getByTestId("band-1")).toContainText("Ada celah: rentang ini harus mulai 0,01 setelah rentang sebelumnya berakhir.");
  await expect(editor.getByTestId("band-1").getByLabel("Dari")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(admin, "draft editor with an error");
  expect(await query(`SELECT v.scale_max FROM template_version v JOIN questionnaire_template t ON t.id = v.template_id WHERE t.key = 'skm-bapenda'`)).toEqual([{ scale_max: 4 }]);
  // What was typed is still there; fixed and saved.
  await expect(editor.getByTestId("item-0").getByLabel("Label skor 5 (English)")).toHaveValue("Crystal clear");
  await editor.getByTestId("band-1").getByLabel("Dari").fill("65,00");
  await editor.getByRole("button", { name: "Simpan draf" }).click();
  await expect(editor.getByRole("status")).toHaveText("Draf tersimpan.");

  admin.once("dialog", (d) => void d.accept());
  await admin.getByRole("button", { name: "Terbitkan versi 1" }).click();
  await expect(admin.getByRole("button", { name: "Mulai draf versi 2" })).toBeVisible();
  await expect(admin.getByTestId("template-versions")).toContainText("Terbit");

  // The preview: the citizen's form in a phone frame, both languages, and it cannot be sent.
  const responsesBefore = await query<{ n: number }>(`SELECT count(*)::int AS n FROM response`);
  await admin.getByRole("link", { name: "Pratinjau versi 1" }).click();
  const phone = admin.getByTestId("preview-phone");
  await expect(phone).toContainText("Apakah persyaratan pajak daerah jelas?");
  await expect(phone.getByRole("radio", { name: "Sangat jelas sekali" })).toBeVisible();
  expect((await phone.boundingBox())!.width).toBeLessThanOrEqual(360);
  // Laid out as on a phone, though the admin's screen is wide: one option per row.
  const options = phone.locator("#q-U1 label");
  expect((await options.nth(1).boundingBox())!.y).toBeGreaterThan((await options.nth(0).boundingBox())!.y);
  await phone.getByRole("radio", { name: "Sangat jelas sekali" }).check();
  await expect(phone.getByRole("button", { name: "Kirim penilaian" })).toBeDisabled();
  await admin.getByRole("link", { name: "English" }).click();
  await expect(phone).toContainText("Are the local tax requirements clear?");
  await expect(phone.getByRole("radio", { name: "Crystal clear" })).toBeVisible();
  await expectAccessible(admin, "preview in English");
  expect(await query(`SELECT count(*)::int AS n FROM response`)).toEqual(responsesBefore);

  // Chosen for Bapenda: its sub-unit without a choice of its own follows it.
  await admin.goto("/admin/unit/BAPENDA");
  await expect(admin.getByTestId("unit-template-status")).toContainText("Bawaan instansi");
  await admin.getByLabel("Kuesioner unit ini").selectOption("skm-bapenda");
  await admin.getByRole("button", { name: "Simpan pilihan" }).click();
  await expect(admin.getByTestId("unit-template-form").getByRole("status")).toHaveText("Pilihan kuesioner tersimpan.");
  await expect(admin.getByTestId("unit-template-status")).toHaveText("Pilihan unit ini: SKM Bapenda");
  await admin.goto("/admin/unit/BAPENDA-PBB");
  await expect(admin.getByTestId("unit-template-status")).toHaveText("Mengikuti Badan Pendapatan Daerah: SKM Bapenda");

  const citizen = await (await browser.newContext()).newPage();
  for (const code of ["BAPENDA", "BAPENDA-PBB"]) {
    await citizen.goto(`/s/${code}`);
    await expect(citizen.getByText("Apakah persyaratan pajak daerah jelas?")).toBeVisible();
    await expect(citizen.getByRole("radio", { name: "Sangat jelas sekali" })).toBeVisible();
  }
  // A unit elsewhere still asks the agency default.
  await citizen.goto("/s/DINSOS");
  await expect(citizen.getByText("Apakah persyaratan pajak daerah jelas?")).toHaveCount(0);

  // This template's entries only (by its key, and the unit choosing it): another spec's template edits are not counted.
  const log = await query<{ action: string }>(
    `SELECT action FROM audit_log
      WHERE (action LIKE 'template.%' AND detail->>'key' = 'skm-bapenda')
         OR (action = 'unit.template.set' AND detail->'template'->>'to' = 'skm-bapenda')
      ORDER BY id`,
  );
  expect(log.map((l) => l.action)).toEqual(["template.create", "template.draft.save", "template.publish", "unit.template.set"]);
});

test("a kepala unit has no questionnaire administration", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await expect(kepala.getByRole("link", { name: "Kuesioner", exact: true })).toHaveCount(0);
  expect((await kepala.goto("/admin/kuesioner"))?.status()).toBe(404);
  expect((await kepala.goto("/admin/kuesioner/permenpan-14-2017"))?.status()).toBe(404);
  expect((await kepala.goto("/admin/kuesioner/permenpan-14-2017/pratinjau"))?.status()).toBe(404);
});
