/**
 * On a phone (390 px wide) every page fits the screen: the page itself never scrolls sideways.
 * A wide table may scroll inside its own region (which then is keyboard-focusable), nothing else.
 * Every page on disk is opened as each role that may see it (e2e/support/paginas.ts).
 */
import { expect, test } from "@playwright/test";
import { bouwMatrixwereld, type Matrixwereld } from "./support/matrixwereld";
import { contextAls, paginasVoor, sessieVan, type Rol } from "./support/paginas";

const BREEDTE = 390;
let w: Matrixwereld;

test.beforeAll(async () => {
  w = await bouwMatrixwereld();
});

test("elke pagina past op een telefoon van 390 pixels breed, zonder zijwaarts scrollen", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const teBreed: string[] = [];
  for (const rol of ["anoniem", "eigen", "backup", "cbs"] as Rol[]) {
    const context = await contextAls(browser, baseURL!, sessieVan(w, rol), {
      viewport: { width: BREEDTE, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    for (const pad of paginasVoor(w, rol)) {
      await page.goto(pad, { waitUntil: "load" });
      const { breedte, uitstekers } = await page.evaluate((scherm) => {
        const doc = document.documentElement;
        // Elements reaching past the right edge, outside a region that scrolls on its own.
        const uit: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
          if (el instanceof SVGElement) continue;
          if (el.parentElement?.closest("[data-scrollgebied], .overflow-x-auto")) continue;
          const r = el.getBoundingClientRect();
          // The screen's width, not the layout's: a phone browser widens its layout to fit the content.
          // Also text that runs out of its box (a long address or token) without widening the box.
          const looptUit = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible";
          if (r.width > 0 && (r.right > scherm + 1 || (looptUit && r.left + el.scrollWidth > scherm + 1))) {
            uit.push(
              `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ").slice(0, 2).join(".")}` : ""} (${Math.round(r.right)} px)`,
            );
          }
        }
        return { breedte: doc.scrollWidth, uitstekers: uit.slice(0, 3) };
      }, BREEDTE);
      // scrollWidth is rounded up: 391 can be 390.4 of a border.
      if (breedte > BREEDTE + 1 || uitstekers.length > 0)
        teBreed.push(`${rol} ${pad}: ${breedte} px ${uitstekers.join(", ")}`);
    }
    await context.close();
  }
  expect(teBreed).toEqual([]);
});
