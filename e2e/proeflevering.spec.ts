/**
 * Check first, then release (issue 13): an API upload that waits for the contact person's release,
 * the release in the browser, and what changes with it (home card, monitor, F04 with the release
 * date); and a proeflevering that CBS staff never see (its page, the monitor, the national checks).
 */
import { test, expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { genereerLevering } from "../lib/swi/testhulp/generator";
import { CBS_BEHEER, CONTACT_0153, CONTACT_0363, logInAls } from "./support/auth";
import { apiTokenVoor } from "./support/api";
import { metDatabase } from "./support/db";
import { bekendeMails, wachtOpMail } from "./support/smtp";

test.describe.configure({ mode: "serial" });

let token: string;
const gebruikt: string[] = [];

test.beforeAll(async () => {
  token = await apiTokenVoor("0153", "e2e proef");
  await metDatabase(async (c) => {
    await c.query(`UPDATE berichtgever SET vrijgave_vereist = false WHERE code = '0153'`);
  });
});

// Other specs share this server: the setting goes back, and this spec's files are purged (as
// retention would) so that their uploads are not compared with them.
test.afterAll(async () => {
  await metDatabase(async (c) => {
    await c.query(`UPDATE berichtgever SET vrijgave_vereist = false WHERE code = '0153'`);
    if (gebruikt.length)
      await c.query(`UPDATE levering SET bestand_verwijderd_op = now() WHERE id = ANY($1)`, [gebruikt]);
  });
});

const auth = () => ({ Authorization: `Bearer ${token}` });

async function wachtOpEindstatus(request: APIRequestContext, id: string) {
  const tot = Date.now() + 90_000;
  for (;;) {
    const res = await request.get(`/api/v1/leveringen/${id}`, { headers: auth() });
    expect(res.status()).toBe(200);
    const body = await res.json();
    if (body.eindstatus) return body;
    if (Date.now() > tot) throw new Error(`Levering niet verwerkt binnen 90 s (status ${body.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function wachtOpStatus(id: string, status: string) {
  const tot = Date.now() + 90_000;
  for (;;) {
    const r = await metDatabase((c) =>
      c.query<{ status: string }>(`SELECT status::text FROM levering WHERE id = $1`, [id]),
    );
    if (r.rows[0]?.status === status) return;
    if (Date.now() > tot) throw new Error(`Levering ${id} niet ${status} binnen 90 s (${r.rows[0]?.status})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const ernstig = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    ernstig.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    page.url(),
  ).toEqual([]);
}

async function alsNieuw(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await logInAls(page, email);
  return page;
}

/** dd-mm-jjjj of a moment in Dutch time, as the engine writes dates. */
function nlDatum(d: Date): string {
  const [j, m, dag] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(d).split("-");
  return `${dag}-${m}-${j}`;
}

test("an API upload waits for release; the contact person releases it; home card and monitor change; F04 uses the release date", async ({
  browser,
  baseURL,
  request,
}) => {
  test.setTimeout(300_000);

  // Staff switch the setting on for 0153 (the contact person could too).
  const cbs = await alsNieuw(browser, baseURL, CBS_BEHEER);
  await cbs.goto("/beheer/berichtgevers/0153");
  await cbs.locator("#vrijgave-vrijgaveVereist").check();
  await cbs.locator("#vrijgave-formulier").getByRole("button", { name: "Opslaan" }).click();
  await expect(cbs.getByRole("status")).toContainText("wachten voortaan op vrijgave");
  await axe(cbs);

  const levering = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 3,
    aantalPersonen: 20,
    seed: `e2e-vrijgave-${Date.now()}`,
  });
  const bekend = await bekendeMails();
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
  const ontvangen = (await res.json()).leveringen[0];
  expect(ontvangen.proef).toBe("WACHT_OP_VRIJGAVE");
  const id: string = ontvangen.id;
  gebruikt.push(id);
  expect((await wachtOpEindstatus(request, id)).status).toBe("VERWERKT");

  // The mail to the contact person holds only a link.
  const mail = await wachtOpMail(
    CONTACT_0153,
    bekend,
    30_000,
    (m) => m.onderwerp === "Een upload wacht op uw vrijgave",
  );
  expect(mail.tekst).toContain(`/berichtgever/0153/leveringen/${id}`);
  expect(mail.tekst).not.toContain(levering.bestandsnaam);

  // It arrived a week ago (within its 14 days); released now, the check must use today.
  const weekGeleden = new Date(Date.now() - 7 * 86_400_000);
  await metDatabase(async (c) => {
    await c.query(`UPDATE levering SET ontvangen_op = $2 WHERE id = $1`, [id, weekGeleden]);
    await c.query(
      `UPDATE aanlevering SET ontvangen_op = $2 FROM levering l WHERE l.id = $1 AND aanlevering.id = l.aanlevering_id`,
      [id, weekGeleden],
    );
  });

  // Not geldend, not in the monitor: on the home page it waits.
  await cbs.goto("/beheer/monitor?kwartaal=2026-3");
  await expect(cbs.locator(`a[href$="/leveringen/${id}"]`)).toHaveCount(0);

  const cp = await alsNieuw(browser, baseURL, CONTACT_0153);
  await cp.goto("/berichtgever/0153");
  await expect(cp.getByTestId("wacht-op-vrijgave")).toContainText(levering.bestandsnaam);
  await expect(cp.locator(`[data-gemeente="0153"] a[href$="/leveringen/${id}"]`)).toHaveCount(0);
  await axe(cp);

  await cp.getByTestId("wacht-op-vrijgave").getByRole("link", { name: levering.bestandsnaam }).click();
  await expect(cp.getByTestId("proef")).toContainText("Wacht op vrijgave door de contactpersoon");
  await axe(cp);
  await cp.getByRole("button", { name: "Vrijgeven als levering" }).click();
  await expect(cp.getByRole("status").filter({ hasText: "Vrijgegeven als levering" })).toBeVisible();
  await expect(cp.getByTestId("proef")).toHaveCount(0);

  await wachtOpStatus(id, "VERWERKT");
  const sr = await request.get(`/api/v1/leveringen/${id}/spiegelrapport`, { headers: auth() });
  expect(sr.status()).toBe(200);
  const f04 = ((await sr.json()).bestandSignalen as { rule: string; message: string }[]).find((s) => s.rule === "F04");
  expect(f04?.message).toContain(`ontvangen op ${nlDatum(new Date())}`);
  expect(f04?.message).not.toContain(nlDatum(weekGeleden));

  // Now it counts: geldend on the home card, no longer waiting, and in the monitor.
  await cp.goto("/berichtgever/0153");
  await expect(cp.locator(`[data-gemeente="0153"] a[href$="/leveringen/${id}"]`)).toHaveCount(1);
  await expect(cp.getByText(levering.bestandsnaam).first()).toBeVisible();
  await expect(cp.getByTestId("wacht-op-vrijgave").getByText(levering.bestandsnaam)).toHaveCount(0);
  await cbs.goto("/beheer/monitor?kwartaal=2026-3");
  await expect(cbs.locator(`a[href$="/leveringen/${id}"]`)).toHaveCount(1);

  const audit = await metDatabase((c) =>
    c.query(`SELECT actor_email FROM audit_log WHERE actie = 'levering.vrijgegeven' AND doel_id = $1`, [id]),
  );
  expect(audit.rows.map((r) => r.actor_email)).toEqual([CONTACT_0153]);
});

test("a proeflevering never appears for CBS staff, in the monitor or the national checks", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  // A quarter no other spec delivers, so the national checks' count is this spec's to compare.
  const kwartaal = "2023-2";
  const cbs = await alsNieuw(browser, baseURL, CBS_BEHEER);
  // A new run of the national checks (a job in the worker); what it read, once it is done.
  const gelezen = async () => {
    await cbs.goto(`/beheer/landelijke-controles?kwartaal=${kwartaal}`);
    const stand = cbs.getByTestId("controle-stand");
    const vorige = await stand.getAttribute("data-controle");
    await cbs.getByRole("button", { name: /^Controles (opnieuw )?uitvoeren$/ }).click();
    await expect(stand).not.toHaveAttribute("data-controle", vorige ?? "");
    await expect(stand).toHaveAttribute("data-status", "KLAAR", { timeout: 60_000 });
    return /Gelezen: [^.]*\./.exec((await stand.textContent()) ?? "")?.[0] ?? "";
  };
  const voor = await gelezen();

  const levering = genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2023,
    kwartaal: 2,
    aantalPersonen: 15,
    seed: `e2e-proef-${Date.now()}`,
  });
  const cp = await alsNieuw(browser, baseURL, CONTACT_0153);
  await cp.goto("/berichtgever/0153/leveringen/nieuw");
  await cp.getByLabel("Bestanden (XML of zip)").setInputFiles({
    name: levering.bestandsnaam,
    mimeType: "application/xml",
    buffer: Buffer.from(levering.xml(), "utf8"),
  });
  await cp.getByLabel("Alleen controleren (proeflevering)").check();
  await expect(cp.locator(`[data-bestand="${levering.bestandsnaam}"] [data-testid="upload-staat"]`)).toHaveText(
    "Klaar om te uploaden",
    { timeout: 30_000 },
  );
  await axe(cp);
  await cp.getByRole("button", { name: "Bestanden uploaden" }).click();
  await expect(cp.locator(`[data-bestand="${levering.bestandsnaam}"] [data-testid="upload-staat"]`)).toHaveText(
    "Ontvangen",
    { timeout: 30_000 },
  );
  const href = await cp
    .locator(`[data-bestand="${levering.bestandsnaam}"]`)
    .getByRole("link", { name: levering.bestandsnaam })
    .getAttribute("href");
  const id = /\/leveringen\/([a-z0-9]+)$/.exec(href ?? "")![1]!;
  gebruikt.push(id);
  await wachtOpStatus(id, "VERWERKT");

  // The berichtgever sees the full check and can release it.
  await cp.goto(`/berichtgever/0153/leveringen/${id}`);
  await expect(cp.getByTestId("proef")).toContainText("Proeflevering (alleen controleren)");
  await expect(cp.getByRole("button", { name: "Vrijgeven als levering" })).toBeVisible();
  await cp.goto(`/berichtgever/0153/leveringen/${id}/spiegelrapport`);
  await expect(cp.getByRole("heading", { level: 1 })).toBeVisible();

  // Staff: its page does not exist, the monitor and the national checks do not count it.
  const pagina = await cbs.goto(`/berichtgever/0153/leveringen/${id}`);
  expect(pagina?.status()).toBe(404);
  const rapport = await cbs.goto(`/berichtgever/0153/leveringen/${id}/spiegelrapport`);
  expect(rapport?.status()).toBe(404);
  await cbs.goto(`/beheer/monitor?kwartaal=${kwartaal}`);
  await expect(cbs.locator(`a[href$="/leveringen/${id}"]`)).toHaveCount(0);
  expect(await cbs.content()).not.toContain(levering.bestandsnaam);
  expect(await gelezen()).toBe(voor);
  await cbs.goto("/berichtgever/0153/leveringen?jaar=2023");
  expect(await cbs.content()).not.toContain(id);

  // Another berichtgever does not find it either.
  const ander = await alsNieuw(browser, baseURL, CONTACT_0363);
  const bijAnder = await ander.goto(`/berichtgever/0153/leveringen/${id}`);
  expect(bijAnder?.status()).toBe(404);
});
