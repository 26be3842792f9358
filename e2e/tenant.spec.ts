import { test, expect } from "@playwright/test";
import { CONTACT_0153, logInAls } from "./support/auth";

test.describe("een contactpersoon van 0153 ziet niets van 0363", () => {
  test.beforeEach(async ({ page }) => {
    await logInAls(page, CONTACT_0153);
  });

  test("pagina's van een andere berichtgever geven 'niet gevonden'", async ({ page }) => {
    for (const pad of ["/berichtgever/0363", "/berichtgever/9012", "/berichtgever/9999"]) {
      const res = await page.goto(pad);
      expect(res?.status(), pad).toBe(404);
      await expect(page.getByRole("heading", { name: "Pagina niet gevonden" })).toBeVisible();
      await expect(page.getByText("Gemeente Amsterdam")).toHaveCount(0);
    }
  });

  test("de API van een andere berichtgever geeft 404 zonder gegevens", async ({ page }) => {
    const res = await page.request.get("/api/berichtgever/0363");
    expect(res.status()).toBe(404);
    expect(await res.text()).not.toContain("Amsterdam");
    const eigen = await page.request.get("/api/berichtgever/0153");
    expect(eigen.status()).toBe(200);
    expect((await eigen.json()).gemeenten).toEqual([{ code: "0153", naam: "Enschede" }]);
  });

  test("beheerpagina's zijn niet toegankelijk", async ({ page }) => {
    const res = await page.goto("/beheer");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  });
});

test("anonieme bezoekers worden naar inloggen gestuurd en de API zegt 401", async ({ page }) => {
  await page.goto("/berichtgever/0153");
  await expect(page).toHaveURL(/\/inloggen\?callbackUrl=%2Fberichtgever%2F0153/);
  const res = await page.request.get("/api/berichtgever/0153");
  expect(res.status()).toBe(401);
});
