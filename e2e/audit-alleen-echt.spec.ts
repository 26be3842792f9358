/**
 * The audit log records only what happened. Every page of the app is opened in Chromium as each
 * role that may see it, every link on it is hovered (which makes Next's <Link> prefetch), and the
 * network is left to go quiet: not one download, export or person-level view may be logged. Then
 * one real download is clicked, and exactly that one appears, so the check itself can fail.
 */
import { expect, test, type Page } from "@playwright/test";
import { bouwMatrixwereld, type Matrixwereld } from "./support/matrixwereld";
import { metDatabase } from "./support/db";
import { contextAls, paginasVoor } from "./support/paginas";

const PERSOONSNIVEAU_OF_EXPORT = `(actie LIKE 'download.%' OR actie LIKE 'export.%' OR actie LIKE 'inzage.%' OR actie LIKE 'bekijk.%')`;

let w: Matrixwereld;

test.beforeAll(async () => {
  w = await bouwMatrixwereld();
});

async function aantalEntries(sinds: Date): Promise<{ actie: string; n: number }[]> {
  return metDatabase(async (c) => {
    const r = await c.query<{ actie: string; n: string }>(
      `SELECT actie, count(*) AS n FROM audit_log WHERE tijdstip >= $1 AND ${PERSOONSNIVEAU_OF_EXPORT} GROUP BY actie`,
      [sinds],
    );
    return r.rows.map((x) => ({ actie: x.actie, n: Number(x.n) }));
  });
}

/** Opens the page, hovers every link and waits until nothing more is fetched. */
async function bekijkAlles(page: Page, pad: string): Promise<void> {
  const antwoord = await page.goto(pad, { waitUntil: "load" });
  expect(antwoord?.status(), pad).toBeLessThan(500);
  // Hovering makes Next prefetch a link that is not yet in the viewport.
  for (const link of await page.locator("main a[href^='/']").all()) {
    await link.hover({ timeout: 300 }).catch(() => undefined);
  }
  await page.waitForLoadState("networkidle");
}

test("pagina's bekijken, links aanwijzen en prefetches leggen geen download of export vast", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const begin = new Date(Date.now() - 1000);
  const rollen = [
    ["anoniem", null],
    ["eigen", w.sessies.eigen.cookie],
    ["backup", w.sessies.backup.cookie],
    ["cbs", w.sessies.cbs.cookie],
  ] as const;
  for (const [rol, cookie] of rollen) {
    const context = await contextAls(browser, baseURL!, cookie);
    const page = await context.newPage();
    for (const pad of paginasVoor(w, rol)) await bekijkAlles(page, pad);
    await context.close();
  }
  expect(await aantalEntries(begin)).toEqual([]);
});

test("een echte klik op een export legt precies die ene export vast", async ({ browser, baseURL }) => {
  const begin = new Date(Date.now() - 1000);
  const context = await contextAls(browser, baseURL!, w.sessies.cbs.cookie);
  const page = await context.newPage();
  await page.goto("/beheer/audit");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporteren als CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^swi-auditlog-.*\.csv$/);
  await download.path();
  await page.waitForLoadState("networkidle");
  expect(await aantalEntries(begin)).toEqual([{ actie: "export.auditlog", n: 1 }]);
  await context.close();
});
