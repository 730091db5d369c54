import { expect, test } from "@playwright/test";
import { currentMonth, periodKey, periodOfMonth, previousPeriod } from "@/lib/periods";
import { signedInPage } from "./support/session";

// Top management's view of the follow-up: the pimpinan opens the agency overview of the last
// completed triwulan, sees Dukcapil's approved RTL (the demo's) and opens a needs-attention link.
test("pimpinan sees each unit's RTL status and opens what needs attention", async ({ browser }) => {
  const key = periodKey(previousPeriod(periodOfMonth("QUARTER", currentMonth("Asia/Jakarta"))));
  const page = await signedInPage(browser, "pimpinan@suara.test");
  await page.goto(`/dasbor/instansi?periode=${key}`);
  const row = page.getByTestId("follow-up-DISDUKCAPIL");
  await expect(row.getByTestId("plan-status")).toHaveText("disetujui");
  await expect(row.getByRole("link").first()).toHaveAttribute("href", `/dasbor/unit/DISDUKCAPIL/rtl/${key}`);
  const link = page.getByTestId("needs-attention").locator('a[href$="/saran?usia=terlambat"]').first();
  const href = await link.getAttribute("href");
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Halaman tidak ditemukan")).toHaveCount(0);

  // The plan's own page: its status and the demo's three actions, and whether it worked.
  await page.goto(`/dasbor/unit/DISDUKCAPIL/rtl/${key}`);
  await expect(page.getByTestId("plan-status")).toHaveText("Disetujui");
  await expect(page.getByTestId("plan-action")).toHaveCount(3);
  await expect(page.getByTestId("plan-effects")).toBeVisible();
  // Another unit's kepala gets the plain not-found.
  const other = await signedInPage(browser, "kepala.dukcapil@suara.test");
  const res = await other.goto(`/dasbor/unit/PKM-SUKAMAJU/rtl/${key}`);
  expect(res?.status()).toBe(404);
});
