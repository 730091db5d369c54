import { expect, test } from "@playwright/test";
import { query } from "./support/db";
import { signedInPage } from "./support/session";

// An admin keeps a period's populations (typed in the grid, then a CSV: a bad line saves
// nothing and is named); a live result of a completed, closed quarter is not overwritten
// in one click: withdrawn with a reason (the thank-you page shows the quarter before), then
// published again for Dinas Dukcapil pooled with its sub-units, which the citizen's
// thank-you page shows with its scope. At the end the seed's state is put back (its
// populations, its own-scope publication): dashboard.spec.ts reads the same unit and quarter.

/** The latest live publication of a unit, as the thank-you page shows it. */
const latestLive = async (code: string) =>
  (
    await query<{ year: number; number: number; konversi: number; scope: string }>(
      `SELECT p.year, p.number, (x.result->>'konversi')::float8 AS konversi, x.result->>'scope' AS scope
         FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id
        WHERE u.code = $1 AND x.unpublished_at IS NULL AND x.result IS NOT NULL ORDER BY p.end_date DESC LIMIT 1`,
      [code],
    )
  )[0]!;
const decimal = (n: number) => n.toFixed(2).replace(".", ",");
const COUNTS = { sendiri: "Dihitung dari respons unit ini sendiri.", gabungan: "Dihitung dari respons unit ini beserta sub-unitnya." } as Record<string, string>;

const populationOf = async (code: string, key: { year: number; number: number }) =>
  (
    await query<{ population: number }>(
      `SELECT up.population FROM unit_population up JOIN unit u ON u.id = up.unit_id JOIN survey_period p ON p.id = up.period_id
        WHERE u.code = $1 AND p.kind = 'QUARTER' AND p.year = $2 AND p.number = $3`,
      [code, key.year, key.number],
    )
  )[0]?.population ?? null;

test("an admin keeps populations, withdraws a live result, republishes it pooled, and puts the seed back", async ({ browser }) => {
  // The seed closes and publishes the last completed quarters: the latest of them.
  const [closed] = await query<{ year: number; number: number }>(
    `SELECT year, number FROM survey_period WHERE kind = 'QUARTER' AND closed_at IS NOT NULL ORDER BY end_date DESC LIMIT 1`,
  );
  const key = `${closed!.year}-T${closed!.number}`;
  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.getByRole("link", { name: "Periode", exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/periode$/);
  await expect(admin.getByTestId(`period-${key}`).getByTestId("period-state")).toHaveText("Ditutup");

  // The grid: a bad value is marked on its field and nothing is saved; then both rows are.
  await admin.getByTestId(`period-${key}`).getByRole("link", { name: "Populasi" }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/periode/${key}/populasi$`));
  const grid = admin.getByTestId("population-grid");
  const before = await populationOf("DISDUKCAPIL", closed!);
  const beforeDinkes = await populationOf("DINKES", closed!);
  await grid.getByLabel("Populasi Dinas Kependudukan dan Pencatatan Sipil").fill("12000");
  await expect(grid.getByTestId("minimum-DISDUKCAPIL")).toHaveText("372");
  await grid.getByLabel("Populasi Dinas Kesehatan").fill("12,5");
  await grid.getByRole("button", { name: "Simpan populasi" }).click();
  await expect(grid.getByRole("alert").first()).toHaveText("Periksa isian yang ditandai.");
  await expect(grid.getByLabel("Populasi Dinas Kesehatan")).toHaveAccessibleDescription("Isi bilangan bulat (tanpa koma).");
  expect(await populationOf("DISDUKCAPIL", closed!)).toBe(before);
  await grid.getByLabel("Populasi Dinas Kesehatan").fill("500");
  await grid.getByRole("button", { name: "Simpan populasi" }).click();
  await expect(grid.getByRole("status")).toHaveText("Tersimpan: 2 unit berubah.");
  expect(await populationOf("DISDUKCAPIL", closed!)).toBe(12000);
  expect(await populationOf("DINKES", closed!)).toBe(500);

  // A CSV with one unknown unit saves nothing and names the line; a good one is saved.
  const upload = admin.getByTestId("population-csv");
  await upload.getByLabel("Berkas CSV").setInputFiles({ name: "populasi.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFFkode;populasi\r\nDISDUKCAPIL;13000\r\nTIDAK-ADA;5\r\n") });
  await upload.getByRole("button", { name: "Unggah" }).click();
  await expect(upload.getByTestId("csv-lines")).toHaveText("Baris 3: unit tidak ditemukan atau di luar wewenang Anda.");
  expect(await populationOf("DISDUKCAPIL", closed!)).toBe(12000);
  await upload.getByLabel("Berkas CSV").setInputFiles({ name: "populasi.csv", mimeType: "text/csv", buffer: Buffer.from("DISDUKCAPIL,13000\n") });
  await upload.getByRole("button", { name: "Unggah" }).click();
  await expect(upload.getByRole("status")).toHaveText("1 baris tersimpan.");
  await expect(grid.getByLabel("Populasi Dinas Kependudukan dan Pencatatan Sipil")).toHaveValue("13000");
  expect(await populationOf("DISDUKCAPIL", closed!)).toBe(13000);

  // The seed's live result is not overwritten in one click: withdrawn first, with a reason.
  await admin.goto(`/admin/periode/${key}`);
  await admin.getByRole("link", { name: "Kelola: Dinas Kependudukan dan Pencatatan Sipil" }).click();
  const publish = admin.getByTestId("publish-unit");
  await expect(publish.getByTestId("publish-live")).toHaveText("Hasil ini sedang dipublikasikan. Untuk mempublikasikan ulang, tarik dulu publikasinya dengan alasan.");
  await expect(publish.getByRole("button")).toHaveCount(0);
  const seeded = await latestLive("DISDUKCAPIL");
  expect(seeded).toMatchObject({ year: closed!.year, number: closed!.number, scope: "sendiri" });
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto("/s/DISDUKCAPIL/terima-kasih");
  const shown = citizen.getByTestId("published-index");
  await expect(shown.getByTestId("published-konversi")).toHaveText(decimal(seeded.konversi));
  // The public page, twice: the second answer comes from the web server's copy (lib/request/public-cache.ts).
  const reader = await (await browser.newContext()).newPage();
  for (let i = 0; i < 2; i++) await reader.goto("/hasil/DISDUKCAPIL");
  await expect(reader.getByTestId(`unit-period-${key}`)).toBeVisible();

  const unpublish = admin.getByTestId("unpublish");
  await unpublish.getByRole("button", { name: "Tarik publikasi" }).click();
  await expect(unpublish.getByLabel("Alasan penarikan")).toHaveAccessibleDescription(/Tulis alasannya/);
  await unpublish.getByLabel("Alasan penarikan").fill("Dipublikasikan ulang dengan sub-unit");
  await unpublish.getByRole("button", { name: "Tarik publikasi" }).click();
  await expect(admin.getByTestId("withdrawn-line")).toContainText("Dipublikasikan ulang dengan sub-unit");
  // Withdrawn, the thank-you page shows the quarter before: its figure and the responses it counts.
  const previous = await latestLive("DISDUKCAPIL");
  expect(previous.year * 4 + previous.number).toBeLessThan(closed!.year * 4 + closed!.number);
  await citizen.reload();
  await expect(shown.getByTestId("published-konversi")).toHaveText(decimal(previous.konversi));
  // The withdrawal dropped that copy: the next reader sees the quarter before at once.
  await reader.reload();
  await expect(reader.getByTestId(`unit-period-${key}`)).toHaveCount(0);
  await expect(reader.getByTestId("unit-latest").getByTestId("result-konversi")).toHaveText(decimal(previous.konversi));
  await expect(shown.getByTestId("published-counts")).toHaveText(COUNTS[previous.scope]!);

  // Published again, pooled with its sub-units.
  await publish.getByLabel(/Termasuk sub-unit/).check();
  await publish.getByRole("button", { name: /Publikasikan ulang/ }).click();
  await expect(publish.getByRole("status")).toContainText("Dipublikasikan: IKM");
  await expect(publish.getByTestId("publish-live")).toBeVisible();
  const current = admin.getByTestId("current-publication");
  await expect(current.getByTestId("scope-badge")).toHaveText("Termasuk sub-unit");
  const frozen = await latestLive("DISDUKCAPIL");
  expect(frozen).toMatchObject({ year: closed!.year, number: closed!.number, scope: "gabungan" });

  // The unit dashboard says what the published figure counts.
  const dashboard = await (await admin.context()).newPage();
  await dashboard.goto(`/dasbor/unit/DISDUKCAPIL?periode=${key}`);
  await expect(dashboard.getByTestId("published")).toContainText("Angka yang diumumkan menghitung unit ini beserta sub-unitnya.");
  await dashboard.close();

  // The publication log: a link that is not http(s) is refused on its field; a good one counts a medium.
  const add = admin.getByTestId("add-log-entry");
  await add.getByLabel("Media").selectOption("WEBSITE");
  await add.getByLabel("Tautan").fill("javascript:alert(1)");
  await add.getByRole("button", { name: "Tambahkan ke log" }).click();
  await expect(add.getByLabel("Tautan")).toHaveAccessibleDescription("Masukkan tautan yang dimulai dengan http:// atau https://.");
  await add.getByLabel("Tautan").fill("https://dukcapil.sukamaju.go.id/ikm");
  await add.getByRole("button", { name: "Tambahkan ke log" }).click();
  await expect(add.getByRole("status")).toHaveText("Dicatat.");
  await expect(admin.getByTestId("log-entries").getByRole("link", { name: "https://dukcapil.sukamaju.go.id/ikm" })).toBeVisible();
  await expect(admin.getByTestId("log-media")).toHaveText("(1 dari 5 media)");

  // The citizen's thank-you page shows it, saying it includes the sub-units.
  await citizen.reload();
  await expect(shown.getByTestId("published-konversi")).toHaveText(decimal(frozen.konversi));
  await expect(shown.getByTestId("published-counts")).toHaveText(COUNTS.gabungan!);

  // Put the seed's state back: the populations as they were, then withdrawn again and published with the unit's own responses.
  await admin.goto(`/admin/periode/${key}/populasi`);
  await grid.getByLabel("Populasi Dinas Kependudukan dan Pencatatan Sipil").fill(before === null ? "" : String(before));
  await grid.getByLabel("Populasi Dinas Kesehatan").fill(beforeDinkes === null ? "" : String(beforeDinkes));
  await grid.getByRole("button", { name: "Simpan populasi" }).click();
  await expect(grid.getByRole("status")).toHaveText(/^Tersimpan/);
  expect(await populationOf("DISDUKCAPIL", closed!)).toBe(before);
  expect(await populationOf("DINKES", closed!)).toBe(beforeDinkes);
  await admin.goto(`/admin/periode/${key}/unit/DISDUKCAPIL`);
  await unpublish.getByLabel("Alasan penarikan").fill("Kembali ke respons unit sendiri");
  await unpublish.getByRole("button", { name: "Tarik publikasi" }).click();
  await expect(admin.getByTestId("withdrawn-line")).toContainText("Kembali ke respons unit sendiri");
  await publish.getByLabel(/Respons unit sendiri/).check();
  await publish.getByRole("button", { name: /Publikasikan ulang/ }).click();
  await expect(current.getByTestId("scope-badge")).toHaveText("Respons unit sendiri");
  await expect(admin.getByTestId("withdrawn-line")).toHaveCount(0);
  expect(await latestLive("DISDUKCAPIL")).toEqual(seeded);
  await citizen.reload();
  await expect(shown.getByTestId("published-konversi")).toHaveText(decimal(seeded.konversi));
  await expect(shown.getByTestId("published-counts")).toHaveText(COUNTS.sendiri!);


  // Audited, this unit's and this quarter's entries only (other specs write their own).
  const publications = await query<{ action: string }>(
    `SELECT a.action FROM audit_log a JOIN unit u ON u.id::text = a.target_id
      WHERE u.code = 'DISDUKCAPIL' AND a.action IN ('publication.publish', 'publication.unpublish') AND a.detail->>'period' = $1 ORDER BY a.id`,
    [key],
  );
  expect(publications.map((l) => l.action)).toEqual(["publication.unpublish", "publication.publish", "publication.unpublish", "publication.publish"]);
  const populations = await query<{ changed: string[] }>(
    `SELECT ARRAY(SELECT jsonb_object_keys(a.detail->'changes') ORDER BY 1) AS changed FROM audit_log a
      WHERE a.action = 'population.update' AND a.detail->>'period' = $1 AND (a.detail->'changes' ? 'DISDUKCAPIL' OR a.detail->'changes' ? 'DINKES') ORDER BY a.id`,
    [key],
  );
  expect(populations.map((l) => l.changed)).toEqual([["DINKES", "DISDUKCAPIL"], ["DISDUKCAPIL"], ["DINKES", "DISDUKCAPIL"].filter((c) => (c === "DINKES" ? beforeDinkes !== 500 : before !== 13000))]);
});

test("a result from fewer respondents than the minimum sample says so on the thank-you page", async ({ browser }) => {
  // The seed's lab answers few surveys for the people it serves. Its live result is withdrawn, then frozen anew with its N.
  const [closed] = await query<{ year: number; number: number }>(
    `SELECT year, number FROM survey_period WHERE kind = 'QUARTER' AND closed_at IS NOT NULL ORDER BY end_date DESC LIMIT 1`,
  );
  const key = `${closed!.year}-T${closed!.number}`;
  const admin = await signedInPage(browser, "admin@suara.test");
  await admin.goto(`/admin/periode/${key}/unit/LABKESDA`);
  await admin.getByTestId("unpublish").getByLabel("Alasan penarikan").fill("Dibekukan ulang dengan populasinya");
  await admin.getByTestId("unpublish").getByRole("button", { name: "Tarik publikasi" }).click();
  await expect(admin.getByTestId("withdrawn-line")).toBeVisible();
  await admin.getByTestId("publish-unit").getByRole("button", { name: /Publikasikan ulang/ }).click();
  await expect(admin.getByTestId("publish-unit").getByTestId("publish-live")).toBeVisible();
  const [frozen] = await query<{ respondents: number; population: number; minimum: number; below: boolean }>(
    `SELECT (x.result->>'respondents')::int AS respondents, (x.result->>'population')::int AS population, (x.result->>'minimumSample')::int AS minimum, (x.result->>'belowMinimum')::boolean AS below
       FROM publication x JOIN unit u ON u.id = x.unit_id JOIN survey_period p ON p.id = x.period_id
      WHERE u.code = 'LABKESDA' AND p.kind = 'QUARTER' AND p.year = $1 AND p.number = $2 AND x.unpublished_at IS NULL`,
    [closed!.year, closed!.number],
  );
  expect(frozen!.below).toBe(true);
  expect(frozen!.respondents).toBeLessThan(frozen!.minimum);
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto("/s/LABKESDA/terima-kasih");
  const number = (n: number) => n.toLocaleString("id-ID");
  await expect(citizen.getByTestId("published-below-minimum")).toHaveText(
    `Di bawah sampel minimum: untuk ${number(frozen!.population)} orang yang dilayani, sampel minimumnya ${number(frozen!.minimum)} responden.`,
  );
  // A result that meets it says nothing of the sort.
  await citizen.goto("/s/DISDUKCAPIL/terima-kasih");
  await expect(citizen.getByTestId("published-index")).toBeVisible();
  await expect(citizen.getByTestId("published-below-minimum")).toHaveCount(0);
});

test("a kepala unit has no period administration", async ({ browser }) => {
  const kepala = await signedInPage(browser, "kepala.dukcapil@suara.test");
  await expect(kepala.getByRole("link", { name: "Periode", exact: true })).toHaveCount(0);
  expect((await kepala.goto("/admin/periode"))?.status()).toBe(404);
  expect((await kepala.goto("/admin/periode/2026-T3/unit/DISDUKCAPIL"))?.status()).toBe(404);
  expect((await kepala.goto("/admin/periode/2026-T3/populasi"))?.status()).toBe(404);
});
