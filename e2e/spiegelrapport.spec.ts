/**
 * The spiegelrapport answers "is this right, and how do we compare?": the trend over every quarter
 * delivered, and each headline figure beside landelijk and the same size class (only from five
 * gemeenten on); the PDF carries the same charts.
 */
import { test, expect } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import { CONTACT_0153, CONTACT_0363, logInAls } from "./support/auth";
import { SPIEGEL_IDS, zaaiSpiegelwereld } from "./support/spiegelwereld";

const pad = (id: string) => `/berichtgever/0153/leveringen/${id}/spiegelrapport`;

test.beforeAll(async () => {
  await zaaiSpiegelwereld();
});

test("trend over every quarter delivered, and the figures beside landelijk and the size class", async ({ page }) => {
  await logInAls(page, CONTACT_0153);
  await page.goto(pad(SPIEGEL_IDS.vergeleken));

  const verloop = page.getByRole("region", { name: "Verloop per kwartaal" });
  await expect(verloop.getByRole("img", { name: /Personen en PIP's per kwartaal/ })).toBeVisible();
  const trend = verloop.getByRole("table", { name: "Aantallen per kwartaal" });
  await expect(trend.locator("thead th")).toHaveText(["Omschrijving", "2022 K4", "2023 K1", "2023 K2 (dit rapport)"]);
  await expect(trend.getByRole("row", { name: /^Personen in de levering/ }).locator("td")).toHaveCount(3);

  const vergelijking = page.getByRole("region", { name: "Vergeleken met andere gemeenten" });
  await expect(vergelijking).toContainText("5 gemeenten landelijk");
  await expect(vergelijking.getByRole("img", { name: /Type migrant: vergeleken met andere gemeenten/ })).toBeVisible();
  const tabel = vergelijking.getByRole("table", { name: "Cijfers naast landelijk en grootteklasse" });
  await expect(tabel.locator("thead th")).toHaveText(["Cijfer", "Deze gemeente", "Landelijk", "Grootteklasse klein"]);
  // The replaced delivery of 0164 (900 persons) does not count: five geldende leveringen, each under 100.
  const personen = tabel.getByRole("row", { name: /^Personen in de levering/ }).locator("td");
  const landelijk = Number((await personen.nth(1).innerText()).replace(/\./g, ""));
  expect(landelijk).toBeGreaterThan(300);
  expect(landelijk).toBeLessThan(400);
  await expect(
    tabel
      .getByRole("row", { name: /^Type migrant: asielstatushouder/ })
      .locator("td")
      .nth(1),
  ).toHaveText(/^\d+(,\d)?%$/);
  // Small cells are left out, and the page says so.
  await expect(vergelijking).toContainText("geen cijfer dat op minder dan 10 personen berust");
});

test("with fewer than five gemeenten no group figure is shown, and the first delivery has no trend yet", async ({
  page,
}) => {
  await logInAls(page, CONTACT_0153);
  await page.goto(pad(SPIEGEL_IDS.weinig));
  const vergelijking = page.getByRole("region", { name: "Vergeleken met andere gemeenten" });
  await expect(vergelijking).toContainText("te weinig gemeenten met een geldende levering over 2023 K1");
  await expect(vergelijking.getByRole("img")).toHaveCount(0);
  const tabel = vergelijking.getByRole("table", { name: "Cijfers naast landelijk en grootteklasse" });
  for (const rij of await tabel.locator("tbody tr").all()) {
    await expect(rij.locator("td").nth(1)).toHaveText("niet getoond");
    await expect(rij.locator("td").nth(2)).toHaveText("niet getoond");
  }

  await page.goto(pad(SPIEGEL_IDS.eerste));
  await expect(page.getByRole("region", { name: "Verloop per kwartaal" })).toContainText(
    "Dit is de eerste levering voor deze gemeente",
  );
});

test("the PDF carries the same charts as the page", async ({ page }) => {
  await logInAls(page, CONTACT_0153);
  const antwoord = await page.request.get(`${pad(SPIEGEL_IDS.vergeleken)}.pdf`);
  expect(antwoord.status()).toBe(200);
  const pdf = await antwoord.body();
  // Tagged figures: the report's own charts, the trend, and one per compared section.
  expect(pdf.toString("latin1").match(/\/S \/Figure/g)?.length ?? 0).toBeGreaterThanOrEqual(6);
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const tekst = (await parser.getText()).text.replace(/\s+/g, " ");
    expect(tekst).toContain("Personen en PIP's per kwartaal");
    // Text inside the charts: a bar's label of the trend and of the comparison.
    expect(tekst).toMatch(/Personen: \d+/);
    expect(tekst).toMatch(/Landelijk: \d+(,\d)?%/);
    expect(tekst).toContain("Vergeleken met andere gemeenten");
  } finally {
    await parser.destroy();
  }
});

test("another tenant gets neither the page nor the PDF", async ({ page }) => {
  await logInAls(page, CONTACT_0363);
  for (const achter of ["", ".pdf", ".csv"]) {
    expect((await page.request.get(`${pad(SPIEGEL_IDS.vergeleken)}${achter}`)).status(), achter).toBe(404);
    expect(
      (
        await page.request.get(`/berichtgever/0363/leveringen/${SPIEGEL_IDS.vergeleken}/spiegelrapport${achter}`)
      ).status(),
      achter,
    ).toBe(404);
  }
});
