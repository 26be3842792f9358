import { test, expect } from "@playwright/test";

test("een nieuwkomer logt op de ingebouwde standaard in via het lokale postvak", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/inloggen/);
  await page.getByLabel("E-mailadres").fill("contactpersoon@enschede.example.nl");
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Controleer uw e-mail" })).toBeVisible();

  await page.getByRole("link", { name: "lokale postvak" }).click();
  await expect(page.getByRole("heading", { name: "Lokaal postvak" })).toBeVisible();
  // The mail is written just after the answer to the request; a person looks again, and so do we.
  const bericht = page.getByRole("listitem").filter({ hasText: "contactpersoon@enschede.example.nl" }).first();
  await expect(async () => {
    if (!(await bericht.isVisible())) await page.reload();
    await expect(bericht).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await bericht.getByRole("link", { name: /\/inloggen\/bevestigen/ }).click();

  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/berichtgever\/0153$/);
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Enschede" })).toBeVisible();
});
