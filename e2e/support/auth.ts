import { expect, type Page } from "@playwright/test";
import { bekendeMails, inloglinkUit, wachtOpMail } from "./smtp";

export const CONTACT_0153 = "contactpersoon@enschede.example.nl";
export const CONTACT_0363 = "contactpersoon@amsterdam.example.nl";
export const CONTACT_9012 = "contactpersoon@inburgering-middentwente.example.nl";
export const CBS_BEHEER = "beheer@cbs.example.nl";

/** Asks for a sign-in link on the login page and returns the link from the mail. */
export async function vraagInloglink(page: Page, email: string): Promise<string> {
  const bekend = await bekendeMails();
  await page.goto("/inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
  await expect(page.getByRole("heading", { name: "Controleer uw e-mail" })).toBeVisible();
  const mail = await wachtOpMail(email, bekend, 15_000, (m) => m.tekst.includes("/inloggen/bevestigen?"));
  return inloglinkUit(mail);
}

export async function logInAls(page: Page, email: string): Promise<void> {
  const link = await vraagInloglink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await expect(page.getByRole("link", { name: "Uitloggen" })).toBeVisible();
}
