import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { CBS_BEHEER, CONTACT_0153, logInAls } from "./support/auth";
import { SPIEGEL_IDS, zaaiSpiegelwereld } from "./support/spiegelwereld";
import { genereerLevering } from "../lib/swi/testhulp/generator";

/** WCAG 2.1 AA: axe may find nothing serious or critical on any page. */
async function controleer(page: Page, pad: string) {
  await page.goto(pad);
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const ernstig = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    ernstig.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    pad,
  ).toEqual([]);
}

test("openbare pagina's", async ({ page }) => {
  for (const pad of [
    "/inloggen",
    "/inloggen?uitgelogd=1",
    "/inloggen/controleer-uw-email",
    "/inloggen/fout?error=Verification",
    "/inloggen/bevestigen?token=abc",
    "/formaat",
    "/bestaat-niet",
  ]) {
    await controleer(page, pad);
  }
});

test("het inlogformulier met een fout", async ({ page }) => {
  await page.goto("/inloggen");
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("alert", { name: "Er is een probleem" })).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("pagina's van een contactpersoon", async ({ page }) => {
  await logInAls(page, CONTACT_0153);
  for (const pad of [
    "/berichtgever/0153",
    "/uitloggen",
    "/beheer",
    "/berichtgever/0363",
    "/berichtgever/0153/berichten",
  ]) {
    await controleer(page, pad);
  }
});

// One test per state: axe on a page with many charts and tables takes a while on a busy machine.
for (const [staat, id] of [
  ["met verloop en vergelijking", SPIEGEL_IDS.vergeleken],
  ["met een onderdrukte vergelijking", SPIEGEL_IDS.weinig],
  ["als eerste levering, zonder verloop", SPIEGEL_IDS.eerste],
] as const) {
  test(`het spiegelrapport ${staat}`, async ({ page }) => {
    test.setTimeout(120_000);
    await zaaiSpiegelwereld();
    await logInAls(page, CONTACT_0153);
    await controleer(page, `/berichtgever/0153/leveringen/${id}/spiegelrapport`);
  });
}

test("pagina's van CBS-medewerkers", async ({ page }) => {
  await logInAls(page, CBS_BEHEER);
  for (const pad of [
    "/beheer",
    "/berichtgever/0363",
    "/beheer/signalen",
    "/beheer/signalen?open=1",
    "/beheer/berichten",
  ]) {
    await controleer(page, pad);
  }
});

test("de uploadpagina met de uitslag van de controle in de browser", async ({ page }) => {
  const goed = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2025,
    kwartaal: 2,
    aantalPersonen: 20,
    seed: "axe-browsercontrole",
  });
  await logInAls(page, CONTACT_0153);
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  await page.getByLabel("Bestanden (XML of zip)").setInputFiles([
    { name: goed.bestandsnaam, mimeType: "text/xml", buffer: Buffer.from(goed.xml(), "utf8") },
    { name: "SWI_0153_0153_20251.XML", mimeType: "text/xml", buffer: Buffer.from("<SWILevering/>") },
  ]);
  await expect(page.locator('[data-uitslag="goed"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-uitslag="afgekeurd"]')).toBeVisible();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});
