import { test, expect, request as newRequest } from "@playwright/test";
import { CONTACT_0153, logInAls, vraagInloglink } from "./support/auth";
import { bekendeMails, alleMails } from "./support/smtp";
import { metDatabase } from "./support/db";

test("een contactpersoon logt in met een e-maillink, komt op de startpagina en logt uit", async ({ page, baseURL }) => {
  const link = await vraagInloglink(page, CONTACT_0153);
  expect(link.startsWith(`${baseURL}/inloggen/bevestigen?`)).toBe(true);

  // A link scanner (Microsoft 365 Safe Links) opens the link first, with GET and HEAD, without cookies.
  const scanner = await newRequest.newContext({ baseURL });
  expect((await scanner.get(link)).status()).toBe(200);
  expect((await scanner.head(link)).status()).toBe(200);
  await scanner.dispose();

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Inloggen bevestigen" })).toBeVisible();
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/berichtgever\/0153$/);
  await expect(page.getByRole("heading", { level: 1, name: "Gemeente Enschede" })).toBeVisible();

  await page.getByRole("link", { name: "Uitloggen" }).click();
  await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
  await expect(page.getByText("U bent uitgelogd.")).toBeVisible();
  await page.goto("/berichtgever/0153");
  await expect(page).toHaveURL(/\/inloggen/);
});

test("een gebruikte inloglink wordt geweigerd", async ({ page, browser }) => {
  const link = await vraagInloglink(page, CONTACT_0153);
  await page.goto(link);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page).toHaveURL(/\/berichtgever\/0153$/);

  const ander = await browser.newContext();
  const p2 = await ander.newPage();
  await p2.goto(link);
  await expect(p2.getByRole("heading", { name: "Deze inloglink werkt niet meer" })).toBeVisible();
  await expect(p2.getByText("al gebruikt")).toBeVisible();
  // Replaying the form post directly does not sign in either.
  const callback = new URL(link);
  const res = await p2.request.post("/api/inloggen/bevestigen", {
    form: {
      token: callback.searchParams.get("token")!,
      email: callback.searchParams.get("email")!,
      callbackUrl: "/",
    },
  });
  expect(res.url()).toContain("/inloggen/fout");
  await p2.goto("/berichtgever/0153");
  await expect(p2).toHaveURL(/\/inloggen/);
  await ander.close();
});

test("een verlopen inloglink wordt geweigerd", async ({ page }) => {
  const link = await vraagInloglink(page, CONTACT_0153);
  await metDatabase((db) =>
    db.query("UPDATE verification_token SET expires = now() - interval '1 minute' WHERE identifier = $1", [
      CONTACT_0153,
    ]),
  );
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Deze inloglink werkt niet meer" })).toBeVisible();
  await expect(page.getByText("verlopen")).toBeVisible();
  const u = new URL(link);
  const res = await page.request.post("/api/inloggen/bevestigen", {
    form: { token: u.searchParams.get("token")!, email: u.searchParams.get("email")!, callbackUrl: "/" },
  });
  expect(res.url()).toContain("/inloggen/fout");
  await page.goto("/");
  await expect(page).toHaveURL(/\/inloggen/);
});

test("een onbekend adres krijgt hetzelfde neutrale antwoord en geen mail", async ({ page }) => {
  const onbekend = "niemand@onbekend.example.nl";
  const voor = await bekendeMails();
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(onbekend);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Controleer uw e-mail" })).toBeVisible();
  await page.waitForTimeout(2000);
  const na = (await alleMails()).filter((m) => !voor.has(m.bestand));
  expect(na.filter((m) => m.aan.includes(onbekend))).toHaveLength(0);
  const tokens = await metDatabase((db) =>
    db.query("SELECT count(*)::int AS n FROM verification_token WHERE identifier = $1", [onbekend]),
  );
  expect(tokens.rows[0].n).toBe(0);
});

test("een ongeldig e-mailadres krijgt een foutoverzicht", async ({ page }) => {
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("alert", { name: "Er is een probleem" })).toContainText("Vul een geldig e-mailadres in");
});

test("de sessiecookie is HttpOnly en SameSite", async ({ page, context }) => {
  await logInAls(page, CONTACT_0153);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});
