/**
 * The vendor API against the production build: an upload with the seeded demo token, polling the
 * status until the worker has processed it, the spiegelrapport as JSON and as a page, and the
 * signaleringslijst. Run with SWI_DEMO_TOKEN set to use the seeded token itself; without it the
 * spec issues its own token straight into the database (the seed's random one is not knowable).
 */
import crypto from "node:crypto";
import { test, expect, type APIRequestContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { voorbeeldRapport } from "../lib/spiegelrapport/voorbeeldrapport.testhulp";
import { genereerLevering } from "../lib/swi/testhulp/generator";
import { CONTACT_0153, logInAls } from "./support/auth";
import { apiTokenVoor } from "./support/api";
import { metDatabase } from "./support/db";

test.describe.configure({ mode: "serial" });

let token: string;

async function tokenVoor0153(): Promise<string> {
  return process.env.SWI_DEMO_TOKEN ?? (await apiTokenVoor("0153"));
}

const auth = () => ({ Authorization: `Bearer ${token}` });

async function wachtOpEindstatus(request: APIRequestContext, url: string) {
  const tot = Date.now() + 90_000;
  for (;;) {
    const res = await request.get(url, { headers: auth() });
    expect(res.status()).toBe(200);
    const body = await res.json();
    if (body.eindstatus) return body;
    if (Date.now() > tot) throw new Error(`Levering niet verwerkt binnen 90 s (status ${body.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

let leveringId: string;
let aantalPersonen: number;

test.beforeAll(async () => {
  token = await tokenVoor0153();
});

// Other specs share this server: purging the file of this spec's delivery (as retention would)
// keeps it out of the "earlier deliveries" their uploads are compared with.
test.afterAll(async () => {
  if (!leveringId) return;
  await metDatabase((c) => c.query(`UPDATE levering SET bestand_verwijderd_op = now() WHERE id = $1`, [leveringId]));
});

test("the OpenAPI document is public; the API without a token answers 401", async ({ request }) => {
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
  const zonder = await request.get("/api/v1/leveringen/abc");
  expect(zonder.status()).toBe(401);
  expect(zonder.headers()["www-authenticate"]).toContain("Bearer");
});

test("upload, poll until processed, fetch the spiegelrapport and the signaleringslijst", async ({ request }) => {
  test.setTimeout(150_000);
  const levering = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2024,
    kwartaal: 2,
    aantalPersonen: 25,
    seed: `e2e-api-${Date.now()}`,
  });
  aantalPersonen = levering.personen.length;
  const res = await request.post("/api/v1/leveringen", {
    headers: auth(),
    multipart: {
      bestand: {
        name: levering.bestandsnaam,
        mimeType: "application/xml",
        buffer: Buffer.from(levering.xml(), "utf8"),
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const ontvangen = await res.json();
  expect(ontvangen.leveringen).toHaveLength(1);
  leveringId = ontvangen.leveringen[0].id;
  expect(res.headers()["location"]).toBe(`/api/v1/leveringen/${leveringId}`);

  const eind = await wachtOpEindstatus(request, `/api/v1/leveringen/${leveringId}`);
  expect(eind.status).toBe("VERWERKT");
  expect(eind.aantallen.personen).toBe(aantalPersonen);
  expect(eind.bron).toBe("API");

  const sr = await request.get(eind.links.spiegelrapport, { headers: auth() });
  expect(sr.status()).toBe(200);
  const rapport = (await sr.json()).spiegelrapport;
  expect(rapport.personen).toBe(aantalPersonen);
  expect(rapport.statistiekjaar).toBe(2024);
  expect(rapport.statistiekkwartaal).toBe(2);
  expect(rapport.rijen.find((r: { sleutel: string }) => r.sleutel === "personen.totaal").huidig).toBe(aantalPersonen);

  if (eind.links.signaleringslijst) {
    const lijst = await request.get(eind.links.signaleringslijst, { headers: auth() });
    expect(lijst.status()).toBe(200);
    expect(lijst.headers()["content-type"]).toContain("text/csv");
    const audit = await metDatabase((c) =>
      c.query(
        `SELECT actor_email FROM audit_log WHERE actie = 'download.signaleringslijst' AND details->>'leveringId' = $1`,
        [leveringId],
      ),
    );
    expect(audit.rows.map((r) => r.actor_email)).toEqual([`api-token:${token.slice(0, 12)}`]);
  }
});

test("an upload above 10 MB arrives whole (the proxy does not buffer or cut API bodies)", async ({ request }) => {
  const groot = Buffer.alloc(12 * 1024 * 1024, "A");
  const res = await request.post("/api/v1/leveringen", {
    headers: auth(),
    multipart: { bestand: { name: "SWI_0153_9999_20241.XML", mimeType: "application/xml", buffer: groot } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).leveringen[0].id;
  const rij = await metDatabase((c) => c.query(`SELECT grootte FROM levering WHERE id = $1`, [id]));
  expect(Number(rij.rows[0].grootte)).toBe(groot.length);
});

/** A processed delivery with the engine's spiegelrapport, written straight into the database. */
async function verwerkteLeveringInDb(): Promise<{ id: string; personen: number }> {
  const { rapport } = voorbeeldRapport();
  const id = `e2esr${crypto.randomBytes(8).toString("hex")}`;
  await metDatabase((c) =>
    c.query(
      `INSERT INTO levering (id, berichtgever_id, gemeentecode, statistiekjaar, statistiekkwartaal, bestandsnaam, grootte,
         sha256, status, bron, verwerkt_op, aantal_personen, spiegelrapport, bestand_signalen, updated_at)
       SELECT $1, b.id, '0153', 2026, 1, 'SWI_0153_0153_20261.XML', 1234, $2, 'VERWERKT', 'API', now(), $3, $4, '[]', now()
       FROM berichtgever b WHERE b.code = '0153'`,
      [id, crypto.randomBytes(32).toString("hex"), rapport.personen, JSON.stringify(rapport)],
    ),
  );
  return { id, personen: rapport.personen };
}

test("the spiegelrapport page shows counts, charts with tables, and downloads", async ({ page }) => {
  const { id, personen } = await verwerkteLeveringInDb();
  await logInAls(page, CONTACT_0153);
  const pad = `/berichtgever/0153/leveringen/${id}/spiegelrapport`;
  await page.goto(pad);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Spiegelrapport 2026 K1, gemeente 0153 Enschede");
  await expect(page.getByRole("img", { name: /Personen naar type migrant/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Personen", exact: true })).toContainText(String(personen));
  await expect(page.getByRole("columnheader", { name: "2025 K4" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "P09 ontzorgen" })).toHaveAttribute("href", "/formaat#P09");
  await expect(page.getByRole("link", { name: "Terug naar de levering" }).first()).toHaveAttribute(
    "href",
    `/berichtgever/0153/leveringen/${id}`,
  );
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);

  const pdf = await page.request.get(`${pad}.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-disposition"]).toBe('attachment; filename="spiegelrapport_SWI_0153_0153_20261.pdf"');
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const csv = await page.request.get(`${pad}.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("personen.totaal");

  // Another tenant's URL for the same delivery does not exist.
  expect((await page.goto(`/berichtgever/0363/leveringen/${id}/spiegelrapport`))?.status()).toBe(404);
  expect((await page.request.get(`/berichtgever/0363/leveringen/${id}/spiegelrapport.pdf`)).status()).toBe(404);
});

test("a contact person creates a token (shown once), and it works until revoked", async ({ page, request }) => {
  await logInAls(page, CONTACT_0153);
  await page.goto("/berichtgever/0153/api-tokens");
  await page.getByLabel("Naam van de token").fill("E2E leverancier");
  await page.getByRole("button", { name: "Token aanmaken" }).click();
  const veld = page.getByLabel("Uw nieuwe token");
  await expect(veld).toHaveValue(/^swi_/);
  const nieuw = await veld.inputValue();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  expect(
    (
      await request.get(`/api/v1/leveringen/${leveringId ?? "x"}`, { headers: { Authorization: `Bearer ${nieuw}` } })
    ).status(),
  ).not.toBe(401);
  await page.reload();
  await expect(page.getByLabel("Uw nieuwe token")).toHaveCount(0);
  await expect(page.getByText(nieuw)).toHaveCount(0);

  await page.getByRole("link", { name: "Intrekken van token E2E leverancier" }).click();
  await page.getByRole("button", { name: "Ja, trek de token in" }).click();
  await expect(page.getByRole("status")).toContainText('Token "E2E leverancier" is ingetrokken');
  const na = await request.get(`/api/v1/leveringen/${leveringId ?? "x"}`, {
    headers: { Authorization: `Bearer ${nieuw}` },
  });
  expect(na.status()).toBe(401);
});
