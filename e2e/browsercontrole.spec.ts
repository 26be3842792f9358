/**
 * The upload page checks a chosen file in the browser before anything is sent (issue 14): a file
 * the technische controle refuses shows its failures and does not reach the server unless the
 * person chooses "Toch uploaden"; a good zip passes and uploads. What the server received is read
 * from its database, not from the page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect } from "@playwright/test";
import yazl from "yazl";
import { genereerLevering } from "../lib/swi/testhulp/generator";
import { vervuil } from "../lib/swi/testhulp/vervuiling";
import { CONTACT_0153, logInAls } from "./support/auth";
import { metDatabase } from "./support/db";

const map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-e2e-browsercontrole-"));
test.afterAll(() => fs.rmSync(map, { recursive: true, force: true }));

/** What the server holds under this file name: upload sessions begun and files received. */
function opServer(bestandsnaam: string): Promise<{ sessies: number; aanleveringen: number }> {
  return metDatabase(async (c) => {
    const s = await c.query("SELECT count(*)::int AS n FROM upload_sessie WHERE bestandsnaam = $1", [bestandsnaam]);
    const a = await c.query("SELECT count(*)::int AS n FROM aanlevering WHERE bestandsnaam = $1", [bestandsnaam]);
    return { sessies: s.rows[0].n as number, aanleveringen: a.rows[0].n as number };
  });
}

test("een bestand met een T04-fout toont zijn fouten vóór het uploaden en gaat pas weg na ‘Toch uploaden’", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Large enough (~8 MB) that the check takes a moment and its progress bar can be seen.
  const schoon = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2025,
    kwartaal: 4,
    aantalPersonen: 12_000,
    seed: "e2e-browsercontrole",
  });
  const fout = vervuil(schoon, "T04-ongeldige-datum");
  const pad = path.join(map, fout.bestandsnaam);
  await fout.schrijfXml(pad);

  await logInAls(page, CONTACT_0153);
  const verzoeken: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.startsWith("/api/")) verzoeken.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  await expect(page.getByText("controleert deze pagina het in uw browser")).toBeVisible();
  // The check can be over before a poll would see its progress bar: record every one that appears.
  await page.evaluate(() => {
    const gezien: { max: string; value: string; label: string }[] = [];
    (window as unknown as { voortgang: typeof gezien }).voortgang = gezien;
    new MutationObserver(() => {
      for (const p of document.querySelectorAll<HTMLProgressElement>("progress")) {
        const label = p.labels[0]?.textContent ?? "";
        gezien.push({ max: p.getAttribute("max") ?? "", value: p.getAttribute("value") ?? "", label });
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByLabel("Bestanden (XML of zip)").setInputFiles(pad);

  const regel = page.locator(`[data-bestand="${fout.bestandsnaam}"]`);

  const uitslag = regel.locator('[data-uitslag="afgekeurd"]');
  await expect(uitslag).toBeVisible({ timeout: 60_000 });
  await expect(uitslag).toBeFocused();
  await expect(uitslag.getByRole("heading", { name: /Dit bestand wordt afgekeurd/ })).toBeVisible();
  await expect(uitslag).toContainText("niets verzonden");
  const t04 = uitslag.locator('[data-testid="lokale-fouten"] li[data-regel="T04"]');
  await expect(t04.first()).toContainText(/^Regel \d/);
  await expect(regel.getByTestId("upload-staat")).toHaveText("Wordt afgekeurd; niet verzonden");
  // A labelled progress bar over the whole file was shown while it was read.
  const voortgang = (
    await page.evaluate(
      () => (window as unknown as { voortgang: { max: string; value: string; label: string }[] }).voortgang,
    )
  ).filter((v) => v.label.includes("Controle in uw browser"));
  expect(voortgang.length).toBeGreaterThan(0);
  expect(voortgang.map((v) => v.max)).toContain(String(fs.statSync(pad).size));

  // Uploading the chosen files sends nothing: the only file is refused.
  await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(page.getByRole("alert", { name: "Er is een probleem" })).toContainText("Er is niets verzonden");
  await page.waitForTimeout(500);
  expect(await opServer(fout.bestandsnaam)).toEqual({ sessies: 0, aanleveringen: 0 });
  expect(verzoeken.filter((v) => v.includes("/api/uploads"))).toEqual([]);

  // The person's own choice: sent anyway, and the server checks it again.
  await uitslag.getByRole("button", { name: /^Toch uploaden/ }).click();
  await expect(regel.getByTestId("upload-staat")).toHaveText("Ontvangen", { timeout: 60_000 });
  expect((await opServer(fout.bestandsnaam)).aanleveringen).toBe(1);
  expect(verzoeken.some((v) => v.startsWith("POST /api/uploads"))).toBe(true);
});

test("een goede zip komt door de controle in de browser en wordt geüpload", async ({ page }) => {
  test.setTimeout(90_000);
  const levering = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2025,
    kwartaal: 3,
    aantalPersonen: 300,
    seed: "e2e-browsercontrole-zip",
  });
  const zipPad = path.join(map, "browsercontrole-2025K3.zip");
  await new Promise<void>((klaar, fout) => {
    const z = new yazl.ZipFile();
    z.addBuffer(Buffer.from(levering.xml(), "utf8"), levering.bestandsnaam);
    z.end();
    z.outputStream.pipe(fs.createWriteStream(zipPad)).on("close", klaar).on("error", fout);
  });

  await logInAls(page, CONTACT_0153);
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  await page.getByLabel("Bestanden (XML of zip)").setInputFiles(zipPad);
  const regel = page.locator('[data-bestand="browsercontrole-2025K3.zip"]');
  await expect(regel.locator('[data-uitslag="goed"]')).toContainText("Geen fouten gevonden", { timeout: 30_000 });
  await expect(regel.locator('[data-uitslag="goed"]')).toContainText("in uw browser");
  await expect(regel.getByTestId("upload-staat")).toHaveText("Klaar om te uploaden");
  expect(await opServer("browsercontrole-2025K3.zip")).toEqual({ sessies: 0, aanleveringen: 0 });

  await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(regel.getByTestId("upload-staat")).toHaveText("Ontvangen", { timeout: 30_000 });
  expect((await opServer("browsercontrole-2025K3.zip")).aanleveringen).toBe(1);
});

/** The newest delivery under this file name once the worker has finished it. */
async function verwerkt(bestandsnaam: string): Promise<{ id: string; status: string; bestandSignalen: unknown }> {
  for (let poging = 0; poging < 120; poging++) {
    const rij = await metDatabase(async (c) => {
      const r = await c.query(
        `SELECT id, status, bestand_signalen AS "bestandSignalen" FROM levering
          WHERE bestandsnaam = $1 ORDER BY ontvangen_op DESC LIMIT 1`,
        [bestandsnaam],
      );
      return r.rows[0] as { id: string; status: string; bestandSignalen: unknown } | undefined;
    });
    if (rij && ["VERWERKT", "AFGEKEURD"].includes(rij.status)) return rij;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${bestandsnaam} is niet verwerkt`);
}

async function kiesEnUpload(page: import("@playwright/test").Page, pad: string, naam: string) {
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  await page.getByLabel("Bestanden (XML of zip)").setInputFiles(pad);
  const regel = page.locator(`[data-bestand="${naam}"]`);
  await expect(regel.locator('[data-uitslag="goed"]')).toBeVisible({ timeout: 30_000 });
  return regel;
}

test("een daling van het aantal personen (F01) staat vóór het uploaden in de browser, en na het uploaden in de uitkomst van de portal", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const vorig = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2024,
    kwartaal: 3,
    aantalPersonen: 100,
    seed: "e2e-browsercontrole-f01-vorig",
  });
  const nu = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2024,
    kwartaal: 4,
    aantalPersonen: 70,
    seed: "e2e-browsercontrole-f01-nu",
  });
  const vorigPad = path.join(map, vorig.bestandsnaam);
  const nuPad = path.join(map, nu.bestandsnaam);
  await vorig.schrijfXml(vorigPad);
  await nu.schrijfXml(nuPad);

  await logInAls(page, CONTACT_0153);
  // The previous quarter, delivered and accepted first.
  const eerste = await kiesEnUpload(page, vorigPad, vorig.bestandsnaam);
  await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(eerste.getByTestId("upload-staat")).toHaveText("Ontvangen", { timeout: 30_000 });
  expect((await verwerkt(vorig.bestandsnaam)).status).toBe("VERWERKT");

  // The next quarter, 30% fewer persons: the browser says so before a byte is sent.
  const regel = await kiesEnUpload(page, nuPad, nu.bestandsnaam);
  const signalen = regel.getByTestId("lokale-bestandsignalen");
  await expect(signalen).toHaveAttribute("data-vergelijking", "vergeleken");
  await expect(signalen.getByRole("heading")).toHaveText("Signalen over het bestand (geen afkeuring)");
  const f01 = signalen.locator('li[data-regel="F01"]');
  await expect(f01).toContainText(
    "Deze levering bevat 70 personen, tegen 100 in de levering over 2024 K3: een daling van 30 personen (30%).",
  );
  await expect(signalen).toContainText("Vergeleken met uw levering over 2024 K3");
  await expect(regel.getByTestId("upload-staat")).toHaveText("Klaar om te uploaden");
  expect(await opServer(nu.bestandsnaam)).toEqual({ sessies: 0, aanleveringen: 0 });
  const inBrowser = await signalen
    .locator("li[data-regel]")
    .evaluateAll((lis) => lis.map((li) => ({ rule: li.getAttribute("data-regel"), tekst: li.textContent ?? "" })));

  // Sent: the portal's statistische controle gives the same signals, word for word.
  await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(regel.getByTestId("upload-staat")).toHaveText("Ontvangen", { timeout: 30_000 });
  const uitkomst = await verwerkt(nu.bestandsnaam);
  expect(uitkomst.status).toBe("VERWERKT");
  const opPortal = uitkomst.bestandSignalen as { rule: string; message: string }[];
  expect(opPortal.map((s) => ({ rule: s.rule, tekst: `${s.message} (${s.rule})` }))).toEqual(inBrowser);
  await page.goto(`/berichtgever/0153/leveringen/${uitkomst.id}/spiegelrapport`);
  await expect(page.locator("#bestand-titel + ul")).toContainText(
    "Deze levering bevat 70 personen, tegen 100 in de levering over 2024 K3: een daling van 30 personen (30%).",
  );
});
