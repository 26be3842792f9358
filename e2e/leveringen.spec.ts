/**
 * Delivering through the portal, end to end: upload (zip and XML, picker and drag and drop), the
 * live status, a rejected file's errors, a herlevering, the signaleringslijst downloads and the
 * mails at a real SMTP server. The files are made by the engine's generator with one deliberate
 * fault each, received "today" (2026-11-23), so Q3 2026 and earlier have ended (T07).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { test, expect, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import yazl from "yazl";
import { genereerLevering } from "../lib/swi/testhulp/generator";
import { vervuil } from "../lib/swi/testhulp/vervuiling";
import { CONTACT_0153, CONTACT_0363, CONTACT_9012, logInAls } from "./support/auth";
import { maakOpslag } from "../lib/storage";
import { signaleringslijstCsv, signaleringslijstXlsx } from "../lib/swi/signaleringslijst";
import { e2eVarDir } from "./support/browser";
import { metDatabase } from "./support/db";
import { alleMails, bekendeMails, type OntvangenMail } from "./support/smtp";

const map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-e2e-leveringen-"));
test.afterAll(() => fs.rmSync(map, { recursive: true, force: true }));

function zip(pad: string, leden: { naam: string; inhoud: string }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = new yazl.ZipFile();
    for (const l of leden) z.addBuffer(Buffer.from(l.inhoud, "utf8"), l.naam);
    z.end();
    z.outputStream
      .pipe(fs.createWriteStream(pad))
      .on("close", () => resolve())
      .on("error", reject);
  });
}

/**
 * Chooses files with the file input, waits for the check in the browser, starts the upload and
 * waits until each is received. `tochUploaden`: the files are ones the browser check refuses, sent
 * anyway (each with its own "Toch uploaden"), to see what the server says.
 */
async function upload(page: Page, bestanden: string[], { tochUploaden = false } = {}): Promise<void> {
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  await page.getByLabel("Bestanden (XML of zip)").setInputFiles(bestanden);
  await expect(page.getByTestId("lokale-voortgang")).toHaveCount(0, { timeout: 30_000 });
  if (tochUploaden) {
    for (const b of bestanden) {
      const regel = page.locator(`[data-bestand="${path.basename(b)}"]`);
      await regel.getByRole("button", { name: /^Toch uploaden/ }).click();
      await expect(regel.getByTestId("upload-staat")).toHaveText("Ontvangen", { timeout: 30_000 });
    }
  } else {
    await expect(page.locator('[data-uitslag="afgekeurd"]')).toHaveCount(0);
    await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  }
  for (const b of bestanden) {
    await expect(page.locator(`[data-bestand="${path.basename(b)}"] [data-testid="upload-staat"]`)).toHaveText(
      "Ontvangen",
      {
        timeout: 30_000,
      },
    );
  }
}

async function leveringId(page: Page, bestandsnaam: string): Promise<string> {
  const href = await page.getByRole("link", { name: bestandsnaam, exact: true }).first().getAttribute("href");
  const id = /\/leveringen\/([a-z0-9]+)$/.exec(href ?? "")?.[1];
  expect(id, `link naar ${bestandsnaam}`).toBeTruthy();
  return id!;
}

async function wachtOpMailMet(
  aan: string,
  bekend: Set<string>,
  bevat: string,
  timeoutMs = 60_000,
): Promise<OntvangenMail> {
  const tot = Date.now() + timeoutMs;
  while (Date.now() < tot) {
    const m = (await alleMails()).find(
      (x) =>
        !bekend.has(x.bestand) &&
        x.aan.toLowerCase().includes(aan) &&
        (x.tekst.includes(bevat) || x.html.includes(bevat)),
    );
    if (m) return m;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Geen mail aan ${aan} met ${bevat} binnen ${timeoutMs} ms`);
}

function linkMet(mail: OntvangenMail, pad: string): string {
  const m = mail.tekst.match(new RegExp(`https?://[^\\s)\\]>]+${pad.replace(/[/.]/g, "\\$&")}`));
  expect(m, `link ${pad} in mail "${mail.onderwerp}"`).toBeTruthy();
  return m![0];
}

let verwerktId = "";

test("een contactpersoon levert een zip aan, ziet de status live naar verwerkt gaan en downloadt de signaleringslijst", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const schoon = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 3,
    aantalPersonen: 400,
    seed: "e2e-zip",
  });
  const fout = vervuil(schoon, "P09-ontzorgen");
  const bsns = fout.personen.map((p) => p.bsn);
  const zipPad = path.join(map, "aanlevering-enschede-2026K3.zip");
  await zip(zipPad, [{ naam: fout.bestandsnaam, inhoud: fout.xml() }]);

  await logInAls(page, CONTACT_0153);
  const bekend = await bekendeMails();
  await upload(page, [zipPad]);
  const id = await leveringId(page, fout.bestandsnaam);
  verwerktId = id;

  // The overview, followed without reloading: a marker on `window` would not survive a reload.
  await page.getByRole("link", { name: "Bekijk de status in het overzicht van uw leveringen" }).click();
  await expect(page.getByRole("heading", { name: "Leveringen 2026" })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __geenReload: boolean }).__geenReload = true));
  const rij = page.locator(`[data-levering="${id}"]`);
  const eersteStatus = await rij.locator("[data-status]").getAttribute("data-status");
  test.info().annotations.push({ type: "eerste status in het overzicht", description: eersteStatus ?? "" });
  await expect(rij.locator("[data-status]")).toHaveAttribute("data-status", "VERWERKT", { timeout: 90_000 });
  await expect(rij).toContainText("Verwerkt");
  expect(await page.evaluate(() => (window as unknown as { __geenReload?: boolean }).__geenReload)).toBe(true);
  // Q3 2026's aanleverperiode ended on 28-10-2026: received today, so late.
  const kwartaalRij = page.locator('[data-kwartaal="2026-3"]');
  await expect(kwartaalRij).toContainText("01-10-2026 t/m 28-10-2026");
  await expect(kwartaalRij.locator("[data-aanleverstaat]")).toHaveText(/Te laat geleverd/);
  await expect(page.locator('[data-kwartaal="2026-4"] [data-aanleverstaat]')).toHaveText(
    "Aanleverperiode nog niet begonnen",
  );
  await expect(page.getByTestId("live-status")).toHaveCount(0);

  // The detail page: timeline, administrative data, links.
  await rij.getByRole("link", { name: fout.bestandsnaam }).click();
  await expect(page.getByRole("heading", { level: 1, name: fout.bestandsnaam })).toBeVisible();
  const tijdlijn = page.getByTestId("tijdlijn");
  for (const stap of ["ontvangen", "technische-controle", "statistische-controle", "verwerkt"]) {
    await expect(tijdlijn.locator(`[data-stap="${stap}"]`)).toHaveAttribute("data-staat", "gedaan");
  }
  await expect(page.getByTestId("sha256")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(page.getByText("aanlevering-enschede-2026K3.zip")).toBeVisible();

  const spiegel = page.getByRole("link", { name: "Spiegelrapport" });
  await expect(spiegel).toHaveAttribute("href", `/berichtgever/0153/leveringen/${id}/spiegelrapport`);
  const spiegelAntwoord = await page.request.get(`/berichtgever/0153/leveringen/${id}/spiegelrapport`);
  expect(spiegelAntwoord.status(), "spiegelrapport-pagina").toBe(200);
  await spiegel.click();
  await expect(page).toHaveURL(new RegExp(`/leveringen/${id}/spiegelrapport$`));
  await page.goBack();

  await page.getByRole("link", { name: "Signaleringslijst" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signaleringslijst" })).toBeVisible();
  await expect(page.getByTestId("dagen-over")).toContainText("Nog 14 dagen");

  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download als CSV" }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toBe("signaleringslijst_SWI_0153_0153_20263.csv");
  const csvTekst = fs.readFileSync(await csvDownload.path(), "utf8");
  const rijen = parse(csvTekst, { delimiter: ";", bom: true, columns: true }) as Record<string, string>[];
  expect(rijen.some((r) => r.BSN === fout.bsn && r.Regel === "P09")).toBe(true);
  expect(rijen.some((r) => r.BSN === "" && r.Regel === "F04")).toBe(true);

  const [xlsxDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download als Excel-bestand (XLSX)" }).click(),
  ]);
  expect(xlsxDownload.suggestedFilename()).toBe("signaleringslijst_SWI_0153_0153_20263.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsxDownload.path());
  const signalen = wb.getWorksheet("Signalen")!;
  const xlsxRijen: string[][] = [];
  signalen.eachRow((r, n) => {
    if (n > 1) xlsxRijen.push([String(r.getCell(1).value ?? ""), String(r.getCell(4).value ?? "")]);
  });
  expect(xlsxRijen).toContainEqual([fout.bsn, "P09"]);
  // The same person-level rows in both formats.
  expect(xlsxRijen.length).toBe(rijen.filter((r) => r.BSN !== "").length);
  expect(wb.getWorksheet("Bestandssignalen")!.getColumn(1).values).toContain("F04");

  const gelogd = await metDatabase((c) =>
    c.query<{ details: { formaat: string } }>(
      "SELECT details FROM audit_log WHERE actie = 'download.signaleringslijst' AND actor_email = $1 AND details->>'leveringId' = $2 ORDER BY id",
      [CONTACT_0153, id],
    ),
  );
  expect(gelogd.rows.map((r) => r.details.formaat)).toEqual(["csv", "xlsx"]);

  // Mails at the SMTP server: receipt, processed (spiegelrapport), signaleringslijst; no BSN anywhere.
  const ontvangen = await wachtOpMailMet(CONTACT_0153, bekend, `/berichtgever/0153/leveringen/${id}`);
  const verwerkt = await wachtOpMailMet(CONTACT_0153, bekend, `/leveringen/${id}/spiegelrapport`);
  const lijst = await wachtOpMailMet(CONTACT_0153, bekend, `/leveringen/${id}/signaleringslijst`);
  expect(linkMet(verwerkt, `/berichtgever/0153/leveringen/${id}/spiegelrapport`)).toBe(
    `${baseURL}/berichtgever/0153/leveringen/${id}/spiegelrapport`,
  );
  const lijstLink = linkMet(lijst, `/berichtgever/0153/leveringen/${id}/signaleringslijst`);
  expect(lijstLink).toBe(`${baseURL}/berichtgever/0153/leveringen/${id}/signaleringslijst`);
  const nieuweMails = (await alleMails()).filter((m) => !bekend.has(m.bestand));
  for (const m of [ontvangen, verwerkt, lijst, ...nieuweMails]) {
    const inhoud = `${m.onderwerp}\n${m.tekst}\n${m.html}`;
    for (const bsn of bsns) expect(inhoud, `BSN in mail "${m.onderwerp}"`).not.toContain(bsn);
  }
  await page.goto(lijstLink);
  await expect(page.getByRole("heading", { level: 1, name: "Signaleringslijst" })).toBeVisible();

  // The home page lists the delivery.
  await page.goto("/berichtgever/0153");
  await expect(
    page.getByRole("region", { name: "Laatst ontvangen leveringen" }).getByRole("link", { name: fout.bestandsnaam }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Alle leveringen en aanleverperiodes" })).toBeVisible();
});

test("een afgekeurde levering toont haar fouten met regelnummers", async ({ page }) => {
  test.setTimeout(120_000);
  const schoon = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 1,
    aantalPersonen: 50,
    seed: "e2e-afgekeurd",
  });
  const fout = vervuil(schoon, "T04-ongeldige-datum");
  const pad = path.join(map, fout.bestandsnaam);
  fs.writeFileSync(pad, fout.xml());

  await logInAls(page, CONTACT_0153);
  await upload(page, [pad], { tochUploaden: true });
  const id = await leveringId(page, fout.bestandsnaam);
  await page.getByRole("link", { name: fout.bestandsnaam, exact: true }).click();
  await expect(page.getByTestId("levering-status").locator("[data-status]")).toHaveAttribute(
    "data-status",
    "AFGEKEURD",
    {
      timeout: 90_000,
    },
  );
  await expect(page.getByTestId("tijdlijn").locator('[data-stap="afgekeurd"]')).toHaveAttribute("data-staat", "gedaan");
  const tabel = page.getByTestId("fouten");
  await expect(tabel).toBeVisible();
  const regel = tabel
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: "T04", exact: true }) })
    .first();
  await expect(regel.locator("td").nth(1)).toHaveText(String(fout.line));
  await expect(regel.locator("td").nth(2)).toHaveText(String(fout.kenmerk));

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Alle fouten downloaden (CSV)" }).click(),
  ]);
  const rijen = parse(fs.readFileSync(await csv.path(), "utf8"), {
    delimiter: ";",
    bom: true,
    columns: true,
  }) as Record<string, string>[];
  expect(rijen).toContainEqual(
    expect.objectContaining({ Regelnummer: String(fout.line), Kenmerk: String(fout.kenmerk), Controle: "T04" }),
  );

  // Not for another berichtgever: the delivery, its errors and files do not exist for 0363.
  await page.context().clearCookies();
  await logInAls(page, CONTACT_0363);
  for (const p of [`/berichtgever/0153/leveringen/${id}`, `/berichtgever/0363/leveringen/${id}`]) {
    expect((await page.goto(p))?.status(), p).toBe(404);
  }
  expect((await page.request.get(`/berichtgever/0153/leveringen/${id}/fouten.csv`)).status()).toBe(404);
  // The delivery of the first test, when it ran: its signaleringslijst is not there for 0363 either.
  if (verwerktId) {
    const lijst = await page.request.get(`/berichtgever/0153/leveringen/${verwerktId}/signaleringslijst.csv`);
    expect(lijst.status()).toBe(404);
  }
  const status = await page.request.get(`/api/leveringen/status?ids=${[id, verwerktId].filter(Boolean).join(",")}`);
  expect((await status.json()).leveringen).toEqual([]);
});

test("een herlevering vervangt de eerdere levering; een verkeerde naam wordt meteen geweigerd", async ({ page }) => {
  test.setTimeout(180_000);
  const eerste = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 2,
    aantalPersonen: 60,
    seed: "e2e-eerste",
  });
  const tweede = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 2,
    aantalPersonen: 61,
    seed: "e2e-eerste",
  });
  const pad = path.join(map, eerste.bestandsnaam);
  fs.writeFileSync(pad, eerste.xml());

  await logInAls(page, CONTACT_0153);
  await upload(page, [pad]);
  const eersteId = await leveringId(page, eerste.bestandsnaam);
  await page.goto(`/berichtgever/0153/leveringen/${eersteId}`);
  await expect(page.getByTestId("levering-status").locator("[data-status]")).toHaveAttribute(
    "data-status",
    "VERWERKT",
    {
      timeout: 90_000,
    },
  );

  // The herlevering by drag and drop, with a wrongly named file alongside it.
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  const sleep = await page.evaluateHandle(
    ([naam, inhoud]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([inhoud], naam, { type: "text/xml" }));
      dt.items.add(new File(["<SWILevering/>"], "SWI_0363_0153_20262.XML", { type: "text/xml" }));
      return dt;
    },
    [tweede.bestandsnaam, tweede.xml()] as const,
  );
  await page.getByTestId("sleepvak").dispatchEvent("drop", { dataTransfer: sleep });
  await expect(page.getByTestId("lokale-voortgang")).toHaveCount(0, { timeout: 30_000 });
  // The browser refuses the wrongly named file, so only the herlevering is sent …
  const verkeerd = page.locator('[data-bestand="SWI_0363_0153_20262.XML"]');
  await expect(verkeerd.getByTestId("upload-staat")).toHaveText("Wordt afgekeurd; niet verzonden");
  await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(page.locator(`[data-bestand="${tweede.bestandsnaam}"] [data-testid="upload-staat"]`)).toHaveText(
    "Ontvangen",
    {
      timeout: 30_000,
    },
  );
  // … and sent anyway, the server refuses it at once, naming the file it expected.
  await verkeerd.getByRole("button", { name: /^Toch uploaden/ }).click();
  await expect(verkeerd.getByTestId("upload-staat")).toHaveText("Geweigerd");
  await expect(verkeerd.getByTestId("verwachte-naam")).toHaveText("SWI_0153_0153_20262.XML");
  const tweedeId = await leveringId(page, tweede.bestandsnaam);
  expect(tweedeId).not.toBe(eersteId);

  await page.goto(`/berichtgever/0153/leveringen/${tweedeId}`);
  await expect(page.getByTestId("levering-status").locator("[data-status]")).toHaveAttribute(
    "data-status",
    "VERWERKT",
    {
      timeout: 90_000,
    },
  );
  await expect(page.getByRole("heading", { name: "Eerdere leveringen voor dit kwartaal" })).toBeVisible();
  await expect(page.locator(`a[href="/berichtgever/0153/leveringen/${eersteId}"]`)).toBeVisible();

  await page.goto(`/berichtgever/0153/leveringen/${eersteId}`);
  await expect(page.getByTestId("levering-status").locator("[data-status]")).toHaveAttribute(
    "data-status",
    "VERVANGEN",
  );
  await expect(page.getByTestId("vervangen-door").getByRole("link")).toHaveAttribute(
    "href",
    `/berichtgever/0153/leveringen/${tweedeId}`,
  );
  await expect(page.getByTestId("tijdlijn").locator('[data-stap="vervangen"]')).toHaveAttribute("data-staat", "gedaan");
  // The replaced delivery says which one counts now; the herlevering is marked as the geldende one.
  await expect(page.getByTestId("geldend-elders").getByRole("link")).toHaveAttribute(
    "href",
    `/berichtgever/0153/leveringen/${tweedeId}`,
  );
  await page.goto(`/berichtgever/0153/leveringen/${tweedeId}`);
  await expect(page.getByTestId("levering-status").locator("[data-geldend]")).toHaveText(/Geldende levering/);
  await page.goto("/berichtgever/0153/leveringen?jaar=2026");
  await expect(page.locator(`[data-levering="${tweedeId}"] [data-geldend]`)).toBeVisible();
  await expect(page.locator(`[data-levering="${eersteId}"] [data-geldend]`)).toHaveCount(0);
});

test("de startpagina zegt per gemeente wat er nu aan de beurt is; een regionale berichtgever ziet 8 kwartalen", async ({
  page,
  browser,
}) => {
  await logInAls(page, CONTACT_0153);
  await page.goto("/berichtgever/0153");
  await expect(page.getByRole("region", { name: "Wat nu aan de beurt is" })).toContainText(
    /De aanleverperiode over \d{4} K[1-4]/,
  );
  const kaart = page.locator('[data-gemeente="0153"]');
  await expect(kaart).toContainText("Enschede (0153)");
  await expect(kaart.locator("[data-stand]")).toHaveCount(1);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  // 0153 reports for one gemeente: no matrix.
  await expect(page.getByRole("heading", { name: "De laatste 8 kwartalen per gemeente" })).toHaveCount(0);

  const regionaal = await (await browser.newContext()).newPage();
  await logInAls(regionaal, CONTACT_9012);
  await regionaal.goto("/berichtgever/9012");
  await expect(regionaal.locator("[data-gemeente]")).toHaveCount(3);
  const matrix = regionaal.getByRole("table", { name: "Stand per gemeente en kwartaal" });
  await expect(matrix.locator("thead th")).toHaveCount(9);
  await expect(matrix.locator("tbody tr")).toHaveCount(3);
  const axe9012 = await new AxeBuilder({ page: regionaal })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe9012.violations.map((v) => v.id)).toEqual([]);
});

/** A processed delivery with a signaleringslijst, written straight into the database. */
async function leveringMetLijst(verlooptOp: Date): Promise<string> {
  return metDatabase(async (c) => {
    const id = `e2elijst${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const sha = Array.from({ length: 64 }, (_, i) => "0123456789abcdef"[(i * 7 + id.length) % 16]).join("");
    await c.query(
      `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte, sha256,
         status, bron, ontvangen_op, verwerkt_op, aantal_signalen, updated_at)
       SELECT $1, b.id, '0153', 2025, 4, 'SWI_0153_0153_20254.XML', 1234, $2, 'VERWERKT', 'PORTAAL', now(), now(), 3, now()
       FROM berichtgever b WHERE b.code = '0153'`,
      [id, sha],
    );
    await c.query(
      `INSERT INTO signaleringslijst (id, levering_id, aangemaakt_op, verloopt_op, csv_sleutel, xlsx_sleutel, aantal_signalen)
       VALUES ($1, $1, $2::timestamptz - interval '14 days', $2, 'signaleringslijsten/' || $1 || '.csv', 'signaleringslijsten/' || $1 || '.xlsx', 3)`,
      [id, verlooptOp.toISOString()],
    );
    return id;
  });
}

test("een verlopen signaleringslijst is niet meer te downloaden; de pagina's zijn toegankelijk", async ({ page }) => {
  const id = await leveringMetLijst(new Date(Date.now() - 60_000));
  await logInAls(page, CONTACT_0153);
  const pad = `/berichtgever/0153/leveringen/${id}/signaleringslijst`;
  await page.goto(pad);
  await expect(page.getByRole("heading", { name: "Deze signaleringslijst is verlopen" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);
  const csv = await page.request.get(`${pad}.csv`);
  expect(csv.status()).toBe(410);
  expect(await csv.text()).toContain("verlopen");
  expect((await page.request.get(`${pad}.xlsx`)).status()).toBe(410);

  for (const p of [
    "/berichtgever/0153",
    "/berichtgever/0153/leveringen",
    "/berichtgever/0153/leveringen/nieuw",
    `/berichtgever/0153/leveringen/${id}`,
    pad,
  ]) {
    await page.goto(p);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const ernstig = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      ernstig.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      p,
    ).toEqual([]);
  }
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  await page.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(page.getByRole("alert", { name: "Er is een probleem" })).toContainText("Kies ten minste één bestand");
});

test("een back-upgebruiker kan uploaden maar de signaleringslijst niet downloaden", async ({ page }) => {
  const email = "backup@enschede.example.nl";
  await metDatabase((c) =>
    c.query(
      `INSERT INTO app_user (id, email, naam, rol, berichtgever_id, updated_at)
       SELECT 'e2ebackup0153', $1, 'Bram Backup', 'BACKUP', b.id, now() FROM berichtgever b WHERE b.code = '0153'
       ON CONFLICT (email) DO NOTHING`,
      [email],
    ),
  );
  const id = await leveringMetLijst(new Date(Date.now() + 5 * 86_400_000));
  await logInAls(page, email);
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  await expect(page.getByLabel("Bestanden (XML of zip)")).toBeVisible();
  const pad = `/berichtgever/0153/leveringen/${id}/signaleringslijst`;
  await page.goto(pad);
  await expect(page.getByTestId("dagen-over")).toContainText("Nog 5 dagen");
  await expect(
    page.getByText("Alleen de contactpersoon van de berichtgever kan de signaleringslijst downloaden"),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: /Download/ })).toHaveCount(0);
  for (const formaat of ["csv", "xlsx"]) {
    expect((await page.request.get(`${pad}.${formaat}`)).status()).toBe(403);
  }
  const gelogd = await metDatabase((c) =>
    c.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE actie = 'download.signaleringslijst' AND actor_email = $1",
      [email],
    ),
  );
  expect(gelogd.rows[0].n).toBe(0);
});

test("het overzicht en de detailpagina volgen de status zonder herladen en stoppen daarna", async ({ page }) => {
  const id = `e2elive${Date.now().toString(36)}`;
  await metDatabase((c) =>
    c.query(
      `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte, sha256,
         status, bron, ontvangen_op, updated_at)
       SELECT $1, b.id, '0153', 2025, 3, 'SWI_0153_0153_20253.XML', 1234, repeat('c', 64), 'ONTVANGEN', 'PORTAAL', now(), now()
       FROM berichtgever b WHERE b.code = '0153'`,
      [id],
    ),
  );
  const zet = (status: string) =>
    metDatabase((c) => c.query("UPDATE levering SET status = $2, updated_at = now() WHERE id = $1", [id, status]));
  const polls: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/leveringen/status")) polls.push(r.url());
  });

  await logInAls(page, CONTACT_0153);
  await page.goto("/berichtgever/0153/leveringen?jaar=2025");
  await page.evaluate(() => ((window as unknown as { __geenReload: boolean }).__geenReload = true));
  const status = page.locator(`[data-levering="${id}"] [data-status]`);
  await expect(status).toHaveText(/Ontvangen/);
  await expect(page.getByTestId("live-status")).toBeVisible();

  await zet("TECHNISCHE_CONTROLE");
  await expect(status).toHaveText(/Technische controle/);
  await zet("STATISTISCHE_CONTROLE");
  await expect(status).toHaveText(/Statistische controle/);
  await zet("VERWERKT");
  await expect(status).toHaveText(/Verwerkt/);
  await expect(page.getByRole("status").filter({ hasText: "SWI_0153_0153_20253.XML: verwerkt" })).toBeAttached();
  await expect(page.getByTestId("live-status")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __geenReload?: boolean }).__geenReload)).toBe(true);

  // All final: the polling stops.
  const aantal = polls.length;
  await page.waitForTimeout(5_000);
  expect(polls.length).toBe(aantal);

  // The detail page follows its delivery the same way.
  await zet("TECHNISCHE_CONTROLE");
  await page.goto(`/berichtgever/0153/leveringen/${id}`);
  await expect(page.getByTestId("tijdlijn").locator('[data-stap="technische-controle"]')).toHaveAttribute(
    "data-staat",
    "bezig",
  );
  await zet("AFGEKEURD");
  await expect(page.getByTestId("levering-status")).toContainText("Afgekeurd");
  await expect(page.getByTestId("tijdlijn").locator('[data-stap="afgekeurd"]')).toHaveAttribute("data-staat", "gedaan");
});

test("de downloads van de signaleringslijst zijn ontsleuteld, compleet en gelogd", async ({ page }) => {
  // The files as the pipeline stores them, encrypted with the e2e server's key (scripts/e2e-server.ts).
  const id = await leveringMetLijst(new Date(Date.now() + 14 * 86_400_000 - 60_000));
  const opslag = maakOpslag({
    backend: "local",
    map: path.resolve(e2eVarDir(), "opslag"),
    hoofdsleutel: Buffer.alloc(32, 7),
  });
  const invoer = {
    fileName: "SWI_0153_0153_20254.XML",
    kop: {
      statistiekjaar: 2025,
      statistiekkwartaal: 4,
      statistiekcode: 40,
      naamSoftwarepakket: "sam",
      versieSoftwarepakket: "1",
      berichtgevercode: "0153",
      gemeentecode: "0153",
    },
    signals: [
      {
        bsn: "010336783",
        kenmerken: [13, 14],
        waarden: "OntzorgenBegindatum (13) = 20240425",
        rule: "P09",
        severity: "fout",
        message: "Einde vóór begin.",
        advies: "Corrigeer.",
      },
      {
        bsn: "111222333",
        kenmerken: [19],
        waarden: "Analfabetisme (19) = 1",
        rule: "P10",
        severity: "waarschuwing",
        message: "Tegenstrijdig.",
        advies: "Controleer.",
      },
    ],
    fileSignals: [{ rule: "F04", severity: "info", message: "Te laat.", advies: "Lever op tijd." }],
  } as const satisfies Parameters<typeof signaleringslijstCsv>[0];
  await opslag.schrijf(`signaleringslijsten/${id}.csv`, Readable.from([Buffer.from(signaleringslijstCsv(invoer))]));
  await opslag.schrijf(`signaleringslijsten/${id}.xlsx`, Readable.from([await signaleringslijstXlsx(invoer)]));

  await logInAls(page, CONTACT_0153);
  await page.goto(`/berichtgever/0153/leveringen/${id}/signaleringslijst`);
  await expect(page.getByTestId("dagen-over")).toContainText("Nog 14 dagen");
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download als CSV" }).click(),
  ]);
  const rijen = parse(fs.readFileSync(await csv.path(), "utf8"), {
    delimiter: ";",
    bom: true,
    columns: true,
  }) as Record<string, string>[];
  expect(rijen.map((r) => [r.BSN, r.Regel])).toEqual([
    ["", "F04"],
    ["010336783", "P09"],
    ["111222333", "P10"],
  ]);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Excel/ }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await xlsx.path());
  expect(wb.getWorksheet("Signalen")!.getColumn(1).values.slice(2)).toEqual(["010336783", "111222333"]);

  const antwoord = await page.request.get(`/berichtgever/0153/leveringen/${id}/signaleringslijst.csv`);
  expect(antwoord.headers()["cache-control"]).toContain("no-store");
  expect(antwoord.headers()["content-disposition"]).toBe(
    'attachment; filename="signaleringslijst_SWI_0153_0153_20254.csv"',
  );
  const gelogd = await metDatabase((c) =>
    c.query<{ details: { formaat: string } }>(
      "SELECT details FROM audit_log WHERE actie = 'download.signaleringslijst' AND details->>'leveringId' = $1 ORDER BY id",
      [id],
    ),
  );
  expect(gelogd.rows.map((r) => r.details.formaat)).toEqual(["csv", "xlsx", "csv"]);
});

test("zodra een bestand gekozen is, zegt de pagina wat de naam betekent, zonder iets te versturen", async ({
  page,
}) => {
  await logInAls(page, CONTACT_0153);
  await page.goto("/berichtgever/0153/leveringen/nieuw");
  const verzoeken: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/uploads") || r.url().includes("/api/v1/")) verzoeken.push(r.url());
  });
  const volgendJaar = new Date().getFullYear() + 1;
  await page.getByLabel("Bestanden (XML of zip)").setInputFiles([
    { name: "SWI_0153_0153_20253.XML", mimeType: "text/xml", buffer: Buffer.from("<SWILevering/>") },
    { name: `SWI_0153_0153_${volgendJaar}1.XML`, mimeType: "text/xml", buffer: Buffer.from("<SWILevering/>") },
    { name: "SWI_0153_0363_20253.XML", mimeType: "text/xml", buffer: Buffer.from("<SWILevering/>") },
    { name: "SWI_0363_0153_20253.XML", mimeType: "text/xml", buffer: Buffer.from("<SWILevering/>") },
  ]);
  const regel = (naam: string) => page.locator(`[data-bestand="${naam}"] [data-testid="naamcontrole"] li`);
  // Long past its period: accepted, but late (F04).
  await expect(regel("SWI_0153_0153_20253.XML").and(page.locator('[data-regel="F04"]'))).toContainText("Let op");
  await expect(regel("SWI_0153_0153_20253.XML").and(page.locator('[data-regel="T05"]'))).toContainText(
    "gemeente 0153 (Enschede), 2025 kwartaal 3",
  );
  // A quarter that has not ended yet (T07), a gemeente that is not 0153's (T06), another berichtgever's code (T06).
  await expect(regel(`SWI_0153_0153_${volgendJaar}1.XML`).and(page.locator('[data-regel="T07"]'))).toContainText(
    "Wordt afgekeurd",
  );
  await expect(regel("SWI_0153_0363_20253.XML").and(page.locator('[data-regel="T06"]'))).toContainText(
    "niet voor gemeente 0363",
  );
  await expect(regel("SWI_0363_0153_20253.XML").and(page.locator('[data-regel="T06"]'))).toContainText(
    "De naam moet zijn: SWI_0153_0153_20253.XML",
  );
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  expect(verzoeken, "nothing was sent before the person chose to upload").toEqual([]);
});
