import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { CBS_BEHEER, CONTACT_0153, logInAls } from "./support/auth";
import { bekendeMails, wachtOpMail } from "./support/smtp";
import { apiTokenVoor } from "./support/api";
import { metDatabase } from "./support/db";
import { genereerLevering } from "../lib/swi/testhulp/generator";

/**
 * CBS staff at work (issue 5). The berichtgevers made here have their own codes and addresses, so
 * the seeded ones (and the mails other specs wait for) stay untouched.
 */

/** Makes a berichtgever through the form and returns the welcome mail its contact person got. */
async function maakBerichtgever(
  page: Page,
  b: { code: string; naam: string; gemeenten: string; cpNaam: string; cpEmail: string },
) {
  const bekend = await bekendeMails();
  await page.goto("/beheer/berichtgevers/nieuw");
  await page.getByLabel("Berichtgevercode").fill(b.code);
  await page.getByLabel("Naam", { exact: true }).first().fill(b.naam);
  await page.getByLabel("Gemeenten").fill(b.gemeenten);
  await page.locator("#cpNaam").fill(b.cpNaam);
  await page.getByLabel("E-mailadres").fill(b.cpEmail);
  await page.getByRole("button", { name: "Berichtgever aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${b.code} ${b.naam}` })).toBeVisible();
  // Queued mail arrives when the worker gets to it; waiting here keeps it apart from later mails.
  return wachtOpMail(b.cpEmail, bekend, 30_000);
}

test("staff create a berichtgever with two gemeenten; its contact person gets the welcome mail, logs in and sees exactly those", async ({
  page,
  browser,
}) => {
  await logInAls(page, CBS_BEHEER);

  // A mistake first: the form says what is wrong, in Dutch, and keeps what was typed.
  await page.goto("/beheer/berichtgevers/nieuw");
  await page.getByLabel("Berichtgevercode").fill("153");
  await page.getByLabel("Gemeenten").fill("0141 9999");
  await page.getByRole("button", { name: "Berichtgever aanmaken" }).click();
  const samenvatting = page.getByRole("alert", { name: "Er is een probleem" });
  await expect(samenvatting).toContainText("De berichtgevercode bestaat uit precies 4 cijfers");
  await expect(samenvatting).toContainText("Vul het e-mailadres in");
  await expect(page.getByLabel("Gemeenten")).toHaveValue("0141 9999");

  const welkom = await maakBerichtgever(page, {
    code: "7101",
    naam: "Werkplein Twente-West",
    gemeenten: "0141, 0153",
    cpNaam: "Iris Welkom",
    cpEmail: "iris.welkom@werkplein.example.nl",
  });
  await expect(page.getByRole("status").first()).toContainText("welkomstmail");
  expect(welkom.onderwerp).toBe("U bent contactpersoon SWI voor 7101 Werkplein Twente-West");
  expect(welkom.tekst).toContain("0141 Almelo");
  const inlogUrl = welkom.tekst.match(/https?:\/\/\S+\/inloggen\b/)?.[0];
  expect(inlogUrl).toBeTruthy();

  const ctx = await browser.newContext();
  const nieuw = await ctx.newPage();
  await nieuw.goto(inlogUrl!);
  await expect(nieuw.getByRole("heading", { name: "Inloggen" })).toBeVisible();
  await logInAls(nieuw, "iris.welkom@werkplein.example.nl");
  await nieuw.goto("/berichtgever/7101");
  // A card per gemeente it reports for, and the 8-quarter matrix for exactly those two.
  const kaarten = nieuw.locator("[data-gemeente]");
  await expect(kaarten).toHaveCount(2);
  await expect(kaarten.nth(0)).toHaveAttribute("data-gemeente", "0141");
  await expect(kaarten.nth(1)).toHaveAttribute("data-gemeente", "0153");
  await expect(nieuw.getByRole("table", { name: "Stand per gemeente en kwartaal" }).locator("tbody tr")).toHaveCount(2);
  // And nothing of anyone else, nor of the staff area.
  expect((await nieuw.goto("/berichtgever/0153"))?.status()).toBe(404);
  expect((await nieuw.goto("/beheer/berichtgevers/7101"))?.status()).toBe(403);
  await ctx.close();
});

test("replacing the contact person logs the old one out on their next request", async ({ page, browser }) => {
  await logInAls(page, CBS_BEHEER);
  await maakBerichtgever(page, {
    code: "7102",
    naam: "Inburgering Achterhoek",
    gemeenten: "0197",
    cpNaam: "Olaf Oud",
    cpEmail: "olaf.oud@achterhoek.example.nl",
  });

  const oudCtx = await browser.newContext();
  const oud = await oudCtx.newPage();
  await logInAls(oud, "olaf.oud@achterhoek.example.nl");
  await oud.goto("/berichtgever/7102");
  await expect(oud.getByRole("heading", { level: 1, name: "Inburgering Achterhoek" })).toBeVisible();

  const bekend = await bekendeMails();
  await page.getByRole("link", { name: "Contactpersoon vervangen" }).click();
  await page.getByLabel("Naam van de nieuwe contactpersoon").fill("Nina Nieuw");
  await page.getByLabel("E-mailadres").fill("nina.nieuw@achterhoek.example.nl");
  await page.getByRole("button", { name: "Contactpersoon vervangen" }).click();
  await expect(page.getByRole("status").first()).toContainText("De contactpersoon is vervangen");
  await expect(page.getByRole("table", { name: "Wie wanneer contactpersoon was" }).getByRole("row")).toHaveCount(3);

  // The old person's next request finds no session.
  await oud.goto("/berichtgever/7102");
  await expect(oud).toHaveURL(/\/inloggen(\?|$)/);
  await expect(oud.getByRole("heading", { level: 1, name: "Inloggen" })).toBeVisible();
  await expect(oud.getByRole("link", { name: "Uitloggen" })).toHaveCount(0);
  await oudCtx.close();

  const melding = await wachtOpMail("olaf.oud@achterhoek.example.nl", bekend, 30_000);
  expect(melding.onderwerp).toContain("Wijziging contactpersoon SWI voor 7102");
  expect(melding.tekst).toContain("geen contactpersoon meer");
  await wachtOpMail("nina.nieuw@achterhoek.example.nl", bekend, 30_000);

  // Signing in again is no longer possible: no mail goes out for the old address.
  const later = await bekendeMails();
  const c = await browser.newContext();
  const p = await c.newPage();
  await p.goto("/inloggen");
  await p.getByLabel("E-mailadres").fill("olaf.oud@achterhoek.example.nl");
  await p.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(p.getByRole("heading", { name: "Controleer uw e-mail" })).toBeVisible();
  await c.close();
  await expect(wachtOpMail("olaf.oud@achterhoek.example.nl", later, 3_000)).rejects.toThrow(/Geen mail/);
});

test("the monitor shows a seeded quarter as it is", async ({ page }) => {
  // 2025 K1: aanleverperiode 1–28 April 2025.
  await metDatabase(async (db) => {
    const ids = Object.fromEntries(
      (await db.query<{ id: string; code: string }>("SELECT id, code FROM berichtgever")).rows.map((r) => [
        r.code,
        r.id,
      ]),
    );
    const lever = (code: string, gemeente: string, status: string, ontvangen: string, personen: number | null) =>
      db.query(
        `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte, sha256,
                               ontvangen_op, status, bron, aantal_personen, aantal_signalen, updated_at)
         VALUES ($1, $2, $3, 2025, 1, $4, 1, $5, $6, $7, 'PORTAAL', $8, 0, now())`,
        [
          `e2e-mon-${code}-${gemeente}`,
          ids[code],
          gemeente,
          `SWI_${code}_${gemeente}_20251.XML`,
          crypto.randomBytes(32).toString("hex"),
          ontvangen,
          status,
          personen,
        ],
      );
    await db.query("DELETE FROM levering WHERE id LIKE 'e2e-mon-%'");
    await lever("0153", "0153", "VERWERKT", "2025-04-10T10:00:00Z", 120);
    await lever("0363", "0363", "VERWERKT", "2025-05-06T10:00:00Z", 900);
    await lever("9012", "0147", "AFGEKEURD", "2025-04-12T10:00:00Z", null);
  });
  await logInAls(page, CBS_BEHEER);
  await page.goto("/beheer/monitor?kwartaal=2025-1");
  await expect(page.getByText("aanleverperiode 01-04-2025 tot en met 28-04-2025")).toBeVisible();
  const rij = (gemeente: string) =>
    page.getByRole("row").filter({ has: page.getByRole("cell", { name: gemeente, exact: true }) });
  await expect(rij("0153")).toContainText("Verwerkt");
  await expect(rij("0153")).not.toContainText("te laat");
  await expect(rij("0153")).toContainText("120");
  await expect(rij("0363")).toContainText("Verwerkt");
  await expect(rij("0363")).toContainText("te laat");
  await expect(rij("0147")).toContainText("Afgekeurd");
  await expect(rij("0164")).toContainText("Ontbreekt");
  await expect(rij("0164")).toContainText("9012");

  await page.getByLabel("Status").selectOption("te-laat");
  await page.getByLabel("Gemeente of berichtgever").fill("9012");
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page.getByRole("table").last().getByRole("row")).toHaveCount(4); // header + 0147, 0164, 1735

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteren als CSV" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv.split(/\r?\n/)[0]).toContain("gemeentecode;gemeente;provincie;berichtgevercode");
  expect(csv).toContain("0147;Borne;Overijssel;9012;Inburgering Midden-Twente;afgekeurd;ja");
});

test("the audit log finds the staff's changes and exports them", async ({ page }) => {
  await logInAls(page, CBS_BEHEER);
  await page.goto("/beheer/audit?actie=berichtgever");
  await expect(page.getByRole("cell", { name: "berichtgever.maak" }).first()).toBeVisible();
  await page.goto("/beheer/audit?berichtgever=7102&actie=contactpersoon.vervang");
  await expect(page.getByRole("cell", { name: "contactpersoon.vervang" })).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporteren als CSV" }).click();
  const csv = fs.readFileSync((await (await download).path())!, "utf8");
  expect(csv).toContain("contactpersoon.vervang");
  expect(csv).toContain("nina.nieuw@achterhoek.example.nl");
});

test("staff load next year's gemeente codelijst after seeing what changed", async ({ page }) => {
  await logInAls(page, CBS_BEHEER);
  // 2027 (no other spec uses it): the 2025 list without Borne, with Hengelo renamed.
  const regels = fs
    .readFileSync(path.join("data", "gemeenten", "gemeenten-2025.csv"), "utf8")
    .split(/\r?\n/)
    .filter((r) => r && !r.startsWith("0147,"))
    .map((r) => r.replace('"Hengelo (O.)"', '"Hengelo"'));
  await page.goto("/beheer/codelijst");
  await page.getByLabel("Statistiekjaar").fill("2027");
  await page
    .getByLabel("CSV-bestand")
    .setInputFiles({ name: "gemeenten-2027.csv", mimeType: "text/csv", buffer: Buffer.from(regels.join("\n")) });
  await page.getByRole("button", { name: "Bestand controleren" }).click();
  const voorbeeld = page.getByRole("region", { name: /Codelijst 2027: 341 gemeenten, vergeleken met 2025/ });
  await expect(voorbeeld).toBeVisible();
  await expect(voorbeeld.getByRole("list", { name: "Vervallen" })).toHaveText("0147 Borne");
  await expect(voorbeeld.getByRole("list", { name: "Andere naam" })).toHaveText("0164: Hengelo (O.) wordt Hengelo");
  await expect(voorbeeld).toContainText("9012 Inburgering Midden-Twente: gemeente 0147");
  await voorbeeld.getByRole("button", { name: "Codelijst 2027 laden" }).click();
  await expect(page.getByRole("status").first()).toHaveText("De codelijst van 2027 is geladen.");
  await expect(page.getByRole("row").filter({ hasText: "gemeenten-2027.csv" })).toContainText("341");
});

test("a campaign mails each affected contact person their own count", async ({ page }) => {
  await metDatabase(async (db) => {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM berichtgever WHERE code = '7101'");
    await db.query(
      `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte, sha256,
                             ontvangen_op, status, bron, aantal_personen, aantal_signalen, spiegelrapport, updated_at)
       VALUES ('e2e-campagne', $1, '0141', 2025, 1, 'SWI_7101_0141_20251.XML', 1, $2, '2025-04-10T10:00:00Z', 'VERWERKT', 'PORTAAL',
               10, 3, '{"signalenPerRegel": {"P09": 3}}', now())
       ON CONFLICT (id) DO NOTHING`,
      [rows[0]!.id, crypto.randomBytes(32).toString("hex")],
    );
  });
  await logInAls(page, CBS_BEHEER);
  await page.goto("/beheer/campagnes/nieuw");
  await page.getByRole("checkbox", { name: /^P09 / }).check();
  await page.getByRole("button", { name: "Aantallen per berichtgever tonen" }).click();
  const rij = page.getByRole("row").filter({ hasText: "7101 Werkplein Twente-West" });
  await expect(rij).toContainText("iris.welkom@werkplein.example.nl");
  await expect(rij.getByRole("cell").nth(2)).toHaveText("3");

  const bekend = await bekendeMails();
  await page.getByRole("textbox", { name: "Titel" }).fill("Ontzorgen zonder einddatum");
  await page
    .getByRole("textbox", { name: "Toelichting" })
    .fill("Bij veel gemeenten ontbreekt de einddatum van het ontzorgen.\n\nVul kenmerk 14 in zodra het stopt.");
  // First every mail as its recipient gets it, paragraphs kept; only then the send button.
  await page.getByRole("button", { name: "E-mails bekijken" }).click();
  const voorbeeld = page
    .getByTestId("mailvoorbeelden")
    .locator("li")
    .filter({ hasText: "iris.welkom@werkplein.example.nl" });
  await expect(voorbeeld).toContainText("Onderwerp: Aandachtspunt SWI: Ontzorgen zonder einddatum");
  // The two paragraphs stay two paragraphs (a blank line between them in the plain text).
  expect(await voorbeeld.locator("pre").textContent()).toMatch(/ontzorgen\.\s*\n\s*\n\s*Vul kenmerk 14/);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.getByRole("button", { name: /^Versturen naar \d+ contactperso/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ontzorgen zonder einddatum" })).toBeVisible();
  await expect(page.getByRole("status").first()).toContainText("De campagne is verstuurd");
  const ontvangers = page.getByRole("table").getByRole("row").filter({ hasText: "@" });
  const adressen = await ontvangers.evaluateAll((rijen) => rijen.map((r) => r.children[1]?.textContent ?? ""));
  expect(adressen).toContain("iris.welkom@werkplein.example.nl");
  // Every recipient's mail is awaited, so none arrives later while another spec waits for a login link.
  const mails = await Promise.all(adressen.map((a) => wachtOpMail(a, bekend, 30_000)));
  const eigen = mails.find((m) => m.aan.includes("iris.welkom"))!;
  expect(eigen.onderwerp).toBe("Aandachtspunt SWI: Ontzorgen zonder einddatum");
  expect(eigen.tekst).toMatch(/P09 [a-z ]+: 3/);
});

test("the national checks run as a job for a quarter; seeing and downloading the BSNs is audit-logged, starting it is not a view", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // Enschede and Amsterdam both deliver one person for 2023 K3, neither reports a move: dubbel.
  const gedeeld = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2023,
    kwartaal: 3,
    aantalPersonen: 3,
    seed: `e2e-landelijk-a-${Date.now()}`,
  });
  const amsterdam = genereerLevering({
    berichtgevercode: "0363",
    gemeentecode: "0363",
    statistiekjaar: 2023,
    kwartaal: 3,
    aantalPersonen: 3,
    seed: `e2e-landelijk-b-${Date.now()}`,
  });
  const bsn = gedeeld.personen[0]!.bsn;
  // Reden 1 (a move) at either gemeente would explain the double delivery; reden 2 keeps the file valid.
  for (const p of [gedeeld.personen[0]!, amsterdam.personen[0]!])
    if (p.eindeBegeleidingReden === 1) p.eindeBegeleidingReden = 2;
  amsterdam.personen[0]!.bsn = bsn;
  const ids: string[] = [];
  for (const [code, l] of [
    ["0153", gedeeld],
    ["0363", amsterdam],
  ] as const) {
    const token = await apiTokenVoor(code, "e2e landelijk");
    const res = await request.post("/api/v1/leveringen", {
      headers: { Authorization: `Bearer ${token}` },
      multipart: {
        bestand: { name: l.bestandsnaam, mimeType: "application/xml", buffer: Buffer.from(l.xml(), "utf8") },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const id = (await res.json()).leveringen[0].id as string;
    ids.push(id);
    await expect
      .poll(
        async () =>
          (
            await (
              await request.get(`/api/v1/leveringen/${id}`, { headers: { Authorization: `Bearer ${token}` } })
            ).json()
          ).status,
        { timeout: 90_000 },
      )
      .toBe("VERWERKT");
  }

  try {
    await logInAls(page, CBS_BEHEER);
    const voor = await auditAantal("bekijk.landelijke-controle");
    await page.goto("/beheer/landelijke-controles");
    await page.getByLabel("Kwartaal", { exact: true }).selectOption("2023-3");
    await page.getByRole("button", { name: "Kwartaal tonen" }).click();
    await expect(page.getByRole("heading", { name: "2023 kwartaal 3" })).toBeVisible();
    const stand = page.getByTestId("controle-stand");
    const vorige = (await stand.getAttribute("data-controle")) ?? "";
    await page.getByRole("button", { name: /^Controles (opnieuw )?uitvoeren$/ }).click();
    // The worker reads both quarters; the page refreshes itself until the findings are there.
    await expect(stand).not.toHaveAttribute("data-controle", vorige);
    await expect(stand).toHaveAttribute("data-status", "KLAAR", { timeout: 60_000 });
    const tab = page.getByRole("link", { name: /^Dubbel geleverd \(\d+\)$/ });
    await expect(tab).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("cell", { name: bsn })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // One page of BSNs seen: one entry (the page with the running job showed none).
    expect(await auditAantal("bekijk.landelijke-controle")).toBe(voor + 1);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Beide lijsten downloaden als CSV" }).click();
    const csv = fs.readFileSync((await (await download).path())!, "utf8");
    expect(csv).toContain(`"${bsn}"`);
    expect(await auditAantal("download.landelijke-controle")).toBeGreaterThan(0);

    await page.goto("/beheer/audit?actie=start.landelijke-controle");
    await expect(page.getByRole("cell", { name: "start.landelijke-controle" }).first()).toBeVisible();
  } finally {
    // Other specs share this server: these files must not become anyone's "earlier delivery".
    await metDatabase((c) => c.query(`UPDATE levering SET bestand_verwijderd_op = now() WHERE id = ANY($1)`, [ids]));
  }
});

async function auditAantal(actie: string): Promise<number> {
  return metDatabase(async (c) =>
    Number((await c.query(`SELECT count(*) AS n FROM audit_log WHERE actie = $1`, [actie])).rows[0].n),
  );
}

// ---------------------------------------------------------------------------------------------
// Every staff route, found by reading app/beheer: a contact person gets 403 (or 404), an
// anonymous visitor the login page.

function routesOnder(map: string): { url: string; soort: "pagina" | "route" }[] {
  const uit: { url: string; soort: "pagina" | "route" }[] = [];
  for (const e of fs.readdirSync(map, { withFileTypes: true })) {
    const p = path.join(map, e.name);
    if (e.isDirectory()) uit.push(...routesOnder(p));
    else if (e.name === "page.tsx" || /^route\.tsx?$/.test(e.name)) {
      const pad = path
        .relative("app", path.dirname(p))
        .split(path.sep)
        .filter((s) => !/^\(.*\)$/.test(s))
        .map((s) => (s === "[code]" ? "0153" : /^\[.+\]$/.test(s) ? "onbekend" : s))
        .join("/");
      uit.push({ url: `/${pad}`, soort: e.name === "page.tsx" ? "pagina" : "route" });
    }
  }
  return uit;
}

const STAFF_ROUTES = routesOnder(path.join("app", "beheer"));

test("every staff page and route refuses a contact person", async ({ page }) => {
  expect(STAFF_ROUTES.length).toBeGreaterThanOrEqual(13);
  await logInAls(page, CONTACT_0153);
  for (const r of STAFF_ROUTES) {
    if (r.soort === "pagina") {
      const res = await page.goto(r.url);
      expect([403, 404], r.url).toContain(res?.status());
      await expect(page.getByText("Gemeente Amsterdam")).toHaveCount(0);
    } else {
      const res = await page.request.get(r.url, { maxRedirects: 0 });
      expect([403, 404], r.url).toContain(res.status());
    }
  }
});

test("every staff page and route sends an anonymous visitor to the login", async ({ page }) => {
  for (const r of STAFF_ROUTES) {
    const res = await page.request.get(r.url, { maxRedirects: 0 });
    expect([302, 303, 307], r.url).toContain(res.status());
    expect(res.headers().location, r.url).toMatch(/\/inloggen\?callbackUrl=/);
  }
});

test("the staff pages pass the WCAG 2.1 AA checks", async ({ page }) => {
  // Eleven pages with axe each: a busy machine needed almost two minutes.
  test.setTimeout(240_000);
  await logInAls(page, CBS_BEHEER);
  for (const pad of [
    "/beheer",
    "/beheer/berichtgevers",
    "/beheer/berichtgevers/nieuw",
    "/beheer/berichtgevers/9012",
    "/beheer/berichtgevers/9012/contactpersoon",
    "/beheer/monitor",
    "/beheer/campagnes",
    "/beheer/campagnes/nieuw?regels=P09",
    "/beheer/landelijke-controles",
    "/beheer/codelijst",
    "/beheer/audit",
  ]) {
    await page.goto(pad);
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const ernstig = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      ernstig.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      pad,
    ).toEqual([]);
  }
});
