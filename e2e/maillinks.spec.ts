/**
 * Every link in every mail lands where it says, also for someone who is logged out when they
 * click it: the portal sends them to the login, the sign-in mail's link and the confirmation
 * button bring them back to the page the first mail pointed at (not to the start page).
 * The paths are those the mails are made with (lib/leveringen/verwerking/resultaten.ts,
 * lib/leveringen/ontvangst.ts, lib/beheer/herinneringen.ts, lib/beheer/campagnes.ts,
 * lib/beheer/contactpersonen.ts), on the matrix delivery of 0153.
 */
import { expect, test } from "@playwright/test";
import { CONTACT_0153, vraagInloglink } from "./support/auth";
import { bekendeMails, inloglinkUit, wachtOpMail } from "./support/smtp";
import { bouwMatrixwereld, maakSessie, type Matrixwereld } from "./support/matrixwereld";
import { metDatabase } from "./support/db";

let w: Matrixwereld;
test.beforeAll(async () => {
  w = await bouwMatrixwereld();
});

function doelen(): [string, string][] {
  const levering = `/berichtgever/0153/leveringen/${w.levering.id}`;
  return [
    ["levering-ontvangen en levering-afgekeurd", levering],
    ["levering-verwerkt", `${levering}/spiegelrapport`],
    ["levering-signaleringslijst", `${levering}/signaleringslijst`],
    ["beheer-herinnering en beheer-campagne", "/berichtgever/0153/leveringen"],
    ["beheer-welkom", "/inloggen"],
    ["proef-gecontroleerd", `/berichtgever/0153/leveringen/${w.proefleveringId}`],
  ];
}

test("elke link in een mail komt na het inloggen uit op de pagina waar hij naar wijst", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  for (const [sjabloon, doel] of doelen()) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(`${baseURL}${doel}`);
    if (doel !== "/inloggen") {
      // Logged out: the login page, remembering where the mail pointed.
      await expect(page).toHaveURL(/\/inloggen\?callbackUrl=/);
    }
    // Ask for the link on the page the portal sent them to, as a person would.
    const bekend = await bekendeMails();
    await page.getByLabel("E-mailadres").fill(CONTACT_0153);
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await expect(page.getByRole("heading", { name: "Controleer uw e-mail" })).toBeVisible();
    const mail = await wachtOpMail(CONTACT_0153, bekend, 15_000, (m) => m.tekst.includes("/inloggen/bevestigen?"));
    await page.goto(inloglinkUit(mail));
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByRole("link", { name: "Uitloggen" })).toBeVisible();
    // The welcome mail points at the login page itself: after it, the berichtgever's own pages.
    if (doel === "/inloggen") expect(new URL(page.url()).pathname, sjabloon).toMatch(/^\/(berichtgever\/0153)?$/);
    else expect(new URL(page.url()).pathname, sjabloon).toBe(doel);
    await context.close();
  }
});

test("een nieuwe inloglink maakt de vorige ongeldig", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const eerste = await vraagInloglink(page, CONTACT_0153);
  const tweede = await vraagInloglink(page, CONTACT_0153);
  await page.goto(eerste);
  await expect(page.getByRole("heading", { name: "Deze inloglink werkt niet meer" })).toBeVisible();
  await page.goto(tweede);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("link", { name: "Uitloggen" })).toBeVisible();
  await context.close();
});

test("overal uitloggen beëindigt ook de sessies op andere apparaten", async ({ browser, baseURL }) => {
  const sessies = async () =>
    metDatabase(async (c) => {
      const r = await c.query("SELECT count(*)::int AS n FROM session WHERE user_id = $1", [w.userIds.backup0153]);
      return r.rows[0].n as number;
    });
  const anderApparaat = await metDatabase((c) => maakSessie(c, w.userIds.backup0153));
  const context = await browser.newContext({ baseURL });
  await context.addCookies([
    {
      name: "next-auth.session-token",
      value: anderApparaat.cookie,
      domain: new URL(baseURL!).hostname,
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  expect(await sessies()).toBeGreaterThanOrEqual(2);
  const page = await context.newPage();
  await page.goto("/uitloggen");
  await page.getByRole("button", { name: "Overal uitloggen" }).click();
  await expect(page).toHaveURL(/\/inloggen\?uitgelogd=overal/);
  await expect(page.getByText("op alle apparaten uitgelogd")).toBeVisible();
  expect(await sessies()).toBe(0);
  await context.close();
});
