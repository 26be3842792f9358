/**
 * Person-level data only where it may be: the technical error messages of a rejected delivery
 * quote BSNs. A back-up user sees them masked; the contact person sees them masked until they
 * choose to see them, and that view is audited like a download. A malformed address gives the
 * Dutch page or a Dutch API message, never a bare 500.
 */
import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { maakTekstkluis } from "../lib/storage/tekstkluis";
import { maakSleutelbos } from "../lib/storage/hoofdsleutel";
import { bouwMatrixwereld, type Matrixwereld } from "./support/matrixwereld";
import { metDatabase } from "./support/db";
import { contextAls } from "./support/paginas";

const BSN = "100000009";
let w: Matrixwereld;
let leveringId: string;

test.beforeAll(async () => {
  w = await bouwMatrixwereld();
  leveringId = `pg${crypto.randomBytes(6).toString("hex")}`;
  // Encrypted as the pipeline stores them, with the e2e server's key (scripts/e2e-server.ts).
  const kluis = maakTekstkluis(maakSleutelbos(Buffer.alloc(32, 7)));
  await metDatabase(async (c) => {
    await c.query(
      `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam,
         grootte, sha256, status, bron, ontvangen_op, verwerkt_op, aantal_fouten, updated_at)
       SELECT $1, b.id, '0153', 2026, 2, 'SWI_0153_0153_20262.XML', 10, $2, 'AFGEKEURD', 'PORTAAL', now(), now(), 1, now()
       FROM berichtgever b WHERE b.code = '0153'`,
      [leveringId, crypto.randomBytes(32).toString("hex")],
    );
    const bericht = `Regel 14: Burgerservicenummer (kenmerk 8) ${BSN} komt meer dan één keer voor in het bestand (eerder op regel 9).`;
    await c.query(
      `INSERT INTO levering_fout (levering_id, volgnummer, regelnummer, kenmerk, regel, bericht)
       VALUES ($1, 1, 14, 8, 'T09', $2)`,
      [leveringId, kluis.versleutel(bericht, `levering_fout:${leveringId}`)],
    );
  });
});

async function inzages(): Promise<number> {
  return metDatabase(async (c) => {
    const r = await c.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE actie = 'inzage.foutmeldingen' AND doel_id = $1`,
      [leveringId],
    );
    return r.rows[0].n as number;
  });
}

test("een back-upgebruiker ziet de BSN's in foutmeldingen nooit, de contactpersoon pas na een vastgelegde keuze", async ({
  browser,
  baseURL,
}) => {
  const pad = `/berichtgever/0153/leveringen/${leveringId}`;
  const backup = await contextAls(browser, baseURL!, w.sessies.backup.cookie);
  const p1 = await backup.newPage();
  await p1.goto(pad);
  await expect(p1.getByTestId("fouten")).toContainText("[BSN verborgen] komt meer dan één keer voor");
  expect(await p1.content()).not.toContain(BSN);
  await expect(p1.getByRole("button", { name: "Toon de BSN's in de meldingen" })).toHaveCount(0);
  // Asking for them by address changes nothing for a back-up user.
  await p1.goto(`${pad}?toon=bsn`);
  expect(await p1.content()).not.toContain(BSN);
  await backup.close();

  const contact = await contextAls(browser, baseURL!, w.sessies.eigen.cookie);
  const p2 = await contact.newPage();
  await p2.goto(pad);
  expect(await p2.content()).not.toContain(BSN);
  expect(await inzages()).toBe(0);
  await p2.getByRole("button", { name: "Toon de BSN's in de meldingen" }).click();
  await expect(p2.getByTestId("fouten")).toContainText(`${BSN} komt meer dan één keer voor`);
  await expect(p2.getByTestId("bsns-getoond")).toBeVisible();
  expect(await inzages()).toBe(1);
  await contact.close();
});

test("een onjuist gecodeerd adres geeft de Nederlandse pagina of melding, geen 500", async ({
  browser,
  baseURL,
  request,
}) => {
  const api = await request.get("/api/v1/leveringen/%ZZ");
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ melding: expect.stringContaining("ongeldig") });
  const contact = await contextAls(browser, baseURL!, w.sessies.eigen.cookie);
  const page = await contact.newPage();
  for (const pad of [
    "/berichtgever/0153/leveringen/%ZZ",
    "/berichtgever/%E0%A4%A/leveringen",
    "/beheer/campagnes/%ZZ",
  ]) {
    const antwoord = await page.goto(pad);
    expect(antwoord?.status(), pad).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/niet gevonden/i);
  }
  await contact.close();
});
