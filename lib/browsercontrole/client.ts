/**
 * The upload page's side of the browser check: one Web Worker, started when the page opens so it
 * is warm when a file is chosen, checking one file at a time. Imports lib/swi only as types: the
 * check's code is in the worker bundle, not in the page's.
 */
import { WORKER_PAD, type BrowserContext, type BrowserUitkomst, type WerkAntwoord } from "./berichten";

export type LokaleUitslag = { soort: "klaar"; uitkomsten: BrowserUitkomst[]; ms: number } | { soort: "mislukt" };

export class Browsercontrole {
  private worker: Worker | null = null;
  private rij: Promise<unknown> = Promise.resolve();

  constructor() {
    try {
      this.worker = typeof Worker === "undefined" ? null : new Worker(WORKER_PAD);
    } catch {
      this.worker = null; // blocked or unsupported: every check answers "mislukt"
    }
  }

  /** Checks `bestand` after the ones asked before it; `opVoortgang` hears bytes read. */
  controleer(
    bestand: File,
    context: BrowserContext,
    opVoortgang: (gelezen: number, totaal: number) => void,
  ): Promise<LokaleUitslag> {
    const beurt = this.rij.then(() => this.een(bestand, context, opVoortgang));
    this.rij = beurt.catch(() => undefined);
    return beurt;
  }

  private een(
    bestand: File,
    context: BrowserContext,
    opVoortgang: (gelezen: number, totaal: number) => void,
  ): Promise<LokaleUitslag> {
    const worker = this.worker;
    if (!worker) return Promise.resolve({ soort: "mislukt" });
    return new Promise((klaar) => {
      worker.onmessage = (e: MessageEvent<WerkAntwoord>) => {
        const a = e.data;
        if (a.soort === "voortgang") opVoortgang(a.gelezen, a.totaal);
        else klaar(a);
      };
      worker.onerror = () => klaar({ soort: "mislukt" });
      worker.postMessage({ bestand, context });
    });
  }

  sluit(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
