/** What the upload page and the check's Web Worker say to each other (types only). */
import type { BrowserContext, BrowserUitkomst } from "./controle";

export type { BrowserContext, BrowserUitkomst };

export interface WerkVraag {
  bestand: File;
  context: BrowserContext;
}

export type WerkAntwoord =
  | { soort: "voortgang"; gelezen: number; totaal: number }
  | { soort: "klaar"; uitkomsten: BrowserUitkomst[]; ms: number }
  /** The check itself failed (not the file): the page says so and lets the upload go ahead. */
  | { soort: "mislukt" };

/** Where the page finds the worker (built by scripts/bouw-browsercontrole.ts into public/). */
export const WORKER_PAD = "/browsercontrole/controle-worker.js";
