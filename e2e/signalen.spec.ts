/**
 * Answering signals in the portal (issue 13): the contact person answers the signals of a
 * signaleringslijst, CBS staff see the responses, and the next quarter's list leaves out what was
 * answered "klopt" and flags a "wordt hersteld" that came back; once the list expired the database
 * holds no BSN for its signals. Berichtgever 0363, quarters 2026 K1 and K2, which no other spec
 * delivers. And secure messages: one quoting a BSN reaches CBS staff, its mail does not carry it,
 * and another berichtgever's users get 404 on it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import PgBoss from "pg-boss";
import { herhaaldeSignalen } from "../lib/swi/testhulp/herhaalde-signalen";
import { CBS_BEHEER, CONTACT_0153, CONTACT_0363, logInAls } from "./support/auth";
import { e2eDatabaseUrl, metDatabase } from "./support/db";
import { bekendeMails, wachtOpMail } from "./support/smtp";

test.describe.configure({ mode: "serial" });

const map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-e2e-signalen-"));
test.afterAll(() => fs.rmSync(map, { recursive: true, force: true }));

const bestanden = herhaaldeSignalen({
  berichtgevercode: "0363",
  gemeentecode: "0363",
  statistiekjaar: 2026,
  kwartaal: 1,
  seed: "e2e-signalen",
});

/** A second person at the same time: axe needs a page of its own context. */
async function nieuwePagina(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const ctx = await browser.newContext({ baseURL });
  return ctx.newPage();
}

async function toegankelijk(page: Page, wat: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const ernstig = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    ernstig.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    wat,
  ).toEqual([]);
}

/** Uploads one file as 0363 and waits until the worker processed it; returns the delivery's id. */
async function leverAan(page: Page, b: { bestandsnaam: string; xml: string }): Promise<string> {
  const pad = path.join(map, b.bestandsnaam);
  fs.writeFileSync(pad, b.xml);
  await page.goto("/berichtgever/0363/leveringen/nieuw");
  await page.getByLabel("Bestanden (XML of zip)").setInputFiles([pad]);
  // The page checks the file first and refuses to send while that runs.
  await expect(page.locator(`[data-bestand="${b.bestandsnaam}"] [data-testid="upload-staat"]`)).toHaveText(
    "Klaar om te uploaden",
    { timeout: 30_000 },
  );
  await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(page.locator(`[data-bestand="${b.bestandsnaam}"] [data-testid="upload-staat"]`)).toHaveText(
    "Ontvangen",
    { timeout: 30_000 },
  );
  let id = "";
  await expect(async () => {
    const r = await metDatabase((c) =>
      c.query<{ id: string; status: string }>(
        `SELECT l.id, l.status::text AS status FROM levering l JOIN berichtgever b ON b.id = l.berichtgever_id
          WHERE b.code = '0363' AND l.bestandsnaam = $1 ORDER BY l.created_at DESC LIMIT 1`,
        [b.bestandsnaam],
      ),
    );
    id = r.rows[0]?.id ?? "";
    expect(r.rows[0]?.status).toBe("VERWERKT");
  }).toPass({ timeout: 90_000 });
  return id;
}

const rijMetRegel = (page: Page, regel: string) =>
  page.locator("section[aria-labelledby='signalen-titel'] tbody tr").filter({
    has: page.locator("strong", { hasText: new RegExp(`^${regel}$`) }),
  });

async function reageer(page: Page, regel: string, keuze: string, toelichting: string): Promise<void> {
  const rij = rijMetRegel(page, regel);
  await expect(rij).toHaveCount(1);
  await rij.locator("summary").click();
  await rij.getByLabel("Reactie", { exact: true }).selectOption(keuze);
  await rij.getByLabel("Toelichting of vraag").fill(toelichting);
  await rij.getByRole("button", { name: "Reactie opslaan" }).click();
  await expect(rij.getByRole("status")).toHaveText("Uw reactie is opgeslagen.");
}

let eerste = "";
let tweede = "";

test("een signaal met 'klopt' komt het volgende kwartaal niet terug, 'wordt hersteld' staat gemarkeerd bovenaan", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  await logInAls(page, CONTACT_0363);
  eerste = await leverAan(page, bestanden.eerste);

  const lijstPad = (id: string) => `/berichtgever/0363/leveringen/${id}/signaleringslijst`;
  await page.goto(lijstPad(eerste));
  await expect(page.getByRole("heading", { name: "Signalen beantwoorden" })).toBeVisible();
  // The page shows no BSN: they are only in the (audited) download.
  expect(await page.content()).not.toContain(bestanden.bsnP09);
  await reageer(page, "P09", "KLOPT", "De einddatum is echt zo vastgelegd.");
  await page.reload();
  await reageer(page, "P10", "WORDT_HERSTELD", "");
  await page.reload();
  await expect(rijMetRegel(page, "P09")).toContainText("De einddatum is echt zo vastgelegd.");
  await expect(rijMetRegel(page, "P10").locator("[data-reactie]")).toHaveAttribute("data-reactie", "WORDT_HERSTELD");
  await rijMetRegel(page, "P09").locator("summary").click();
  await toegankelijk(page, "signaleringslijst met reacties");

  // Staff see it per berichtgever and per rule.
  const cbs = await nieuwePagina(browser, baseURL);
  await logInAls(cbs, CBS_BEHEER);
  await cbs.goto("/beheer/signalen?berichtgever=0363");
  await expect(cbs.getByRole("table", { name: "Reacties per berichtgever" })).toContainText("0363");
  await expect(cbs.getByRole("table", { name: "Reacties per regel" })).toContainText("P09");
  await expect(cbs.getByRole("table", { name: /Reacties op signalen/ })).toContainText(
    "De einddatum is echt zo vastgelegd.",
  );
  await toegankelijk(cbs, "/beheer/signalen");
  await cbs.context().close();

  // The next quarter, with the same persons and values.
  tweede = await leverAan(page, bestanden.tweede);
  await page.goto(lijstPad(tweede));
  await expect(rijMetRegel(page, "P09")).toHaveCount(0);
  const p10 = rijMetRegel(page, "P10");
  await expect(p10.locator("[data-gemarkeerd]")).toContainText("wordt hersteld");
  await expect(p10.locator("[data-nr]")).toHaveText("1");
  await toegankelijk(page, "signaleringslijst van het volgende kwartaal");

  const csv = await page.request.get(`${lijstPad(tweede)}.csv`);
  expect(csv.status()).toBe(200);
  const tekst = await csv.text();
  expect(tekst).not.toContain(bestanden.bsnP09);
  const eersteRij = tekst.split("\r\n").find((r) => r.startsWith(`"${bestanden.bsnP10}"`));
  expect(eersteRij).toContain("wordt hersteld (niet hersteld)");

  // The same response through the XLSX: filled in and uploaded back.
  const xlsx = await page.request.get(`${lijstPad(tweede)}.xlsx`);
  expect(xlsx.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const blad = wb.getWorksheet("Signalen")!;
  const kop = (blad.getRow(1).values as unknown[]).slice(1);
  const rij = blad.getRow(2);
  expect(rij.getCell(kop.indexOf("Nr") + 1).value).toBe(1);
  rij.getCell(kop.indexOf("Reactie") + 1).value = "vraag aan CBS";
  rij.getCell(kop.indexOf("Toelichting reactie") + 1).value = "Het is toch hersteld?";
  const ingevuld = path.join(map, "ingevuld.xlsx");
  await wb.xlsx.writeFile(ingevuld);
  await page.getByText("Reacties invullen in Excel en uploaden").click();
  await page.getByLabel(/Ingevulde signaleringslijst/).setInputFiles(ingevuld);
  await page.getByRole("button", { name: "Reacties uploaden" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 reactie opgeslagen." })).toBeVisible();
  await page.reload();
  await expect(rijMetRegel(page, "P10")).toContainText("Het is toch hersteld?");
});

test("een andere berichtgever kan de signalen niet zien of beantwoorden", async ({ page }) => {
  await logInAls(page, CONTACT_0153);
  const antwoord = await page.goto(`/berichtgever/0363/leveringen/${eerste}/signaleringslijst`);
  expect(antwoord?.status()).toBe(404);
  const viaEigenCode = await page.goto(`/berichtgever/0153/leveringen/${eerste}/signaleringslijst`);
  expect(viaEigenCode?.status()).toBe(404);
  expect((await page.goto("/beheer/signalen"))?.status()).toBe(403);
});

test("na het verlopen van de lijst staat er geen BSN van de signalen meer in de database", async () => {
  test.setTimeout(120_000);
  await metDatabase((c) =>
    c.query("UPDATE signaleringslijst SET verloopt_op = now() - interval '1 minute' WHERE levering_id = $1", [eerste]),
  );
  // The worker's hourly purge, now.
  const boss = new PgBoss({ connectionString: e2eDatabaseUrl(), max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.send("opruimen", {});
  await boss.stop({ graceful: false, wait: false });

  await expect(async () => {
    const r = await metDatabase((c) =>
      c.query<{ verwijderd_op: Date | null }>("SELECT verwijderd_op FROM signaleringslijst WHERE levering_id = $1", [
        eerste,
      ]),
    );
    expect(r.rows[0]?.verwijderd_op).not.toBeNull();
  }).toPass({ timeout: 60_000 });

  const signalen = await metDatabase((c) =>
    c.query<{ inhoud: string | null; reactie: string | null; sleutel: string; regel: string }>(
      "SELECT inhoud, reactie::text AS reactie, sleutel, regel FROM levering_signaal WHERE levering_id = $1",
      [eerste],
    ),
  );
  expect(signalen.rows.length).toBeGreaterThan(0);
  expect(signalen.rows.every((r) => r.inhoud === null)).toBe(true);
  // What remains is enough to recognise the signal next quarter: the keyed hash and the response.
  expect(signalen.rows.find((r) => r.regel === "P09")).toMatchObject({ reactie: "KLOPT" });

  // Not in any table, in any form: every row of every table in the portal's schema, as text.
  const gevonden = await metDatabase(async (c) => {
    const tabellen = await c.query<{ t: string }>(
      "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables WHERE table_schema IN ('public', 'pgboss') AND table_type = 'BASE TABLE'",
    );
    const uit: string[] = [];
    for (const { t } of tabellen.rows) {
      const r = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t} x WHERE x::text LIKE '%' || $1 || '%' OR x::text LIKE '%' || $2 || '%'`,
        [bestanden.bsnP09, bestanden.bsnP10],
      );
      if (r.rows[0]!.n > 0) uit.push(t);
    }
    return uit;
  });
  expect(gevonden).toEqual([]);
});

test("een bericht met een BSN bereikt het CBS, de e-mail noemt het BSN niet, een andere berichtgever krijgt 404", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const pad = `/berichtgever/0363/berichten?levering=${eerste}`;
  const tekst = `Bij BSN ${bestanden.bsnP10} klopt het signaal P10 toch niet?`;
  const contact = await nieuwePagina(browser, baseURL);
  await logInAls(contact, CONTACT_0363);
  await contact.goto(`/berichtgever/0363/leveringen/${eerste}/signaleringslijst`);
  await contact.getByRole("link", { name: "Berichten over deze levering" }).click();
  await expect(contact).toHaveURL(new RegExp(`/berichtgever/0363/berichten\\?levering=${eerste}$`));
  const bekend = await bekendeMails();
  await contact.getByLabel("Nieuw bericht").fill(tekst);
  await contact.getByRole("button", { name: "Bericht versturen" }).click();
  await expect(contact.getByRole("status")).toHaveText("Uw bericht is verstuurd.");
  await expect(contact.locator("[data-bericht]")).toContainText(tekst);
  await toegankelijk(contact, "berichten van een levering");
  await contact.context().close();

  const mail = await wachtOpMail(CBS_BEHEER, bekend, 60_000, (m) => m.tekst.includes("/berichten?levering="));
  for (const deel of [mail.onderwerp, mail.tekst, mail.html]) {
    expect(deel).not.toContain(bestanden.bsnP10);
    expect(deel).not.toMatch(/(?<!\d)\d{9}(?!\d)/);
  }
  expect(mail.tekst).toContain(`${baseURL}${pad}`);

  const cbs = await nieuwePagina(browser, baseURL);
  await logInAls(cbs, CBS_BEHEER);
  await cbs.goto("/beheer/berichten");
  await expect(cbs.getByRole("table", { name: /Gesprekken/ })).toContainText(bestanden.eerste.bestandsnaam);
  await toegankelijk(cbs, "/beheer/berichten");
  await cbs.goto(pad);
  await expect(cbs.locator("[data-bericht]")).toContainText(tekst);
  await cbs.context().close();

  const ander = await nieuwePagina(browser, baseURL);
  await logInAls(ander, CONTACT_0153);
  expect((await ander.goto(pad))?.status()).toBe(404);
  expect((await ander.goto(`/berichtgever/0153/berichten?levering=${eerste}`))?.status()).toBe(404);
  expect(await ander.content()).not.toContain(bestanden.bsnP10);
  await ander.context().close();
});
