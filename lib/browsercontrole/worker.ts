/**
 * The Web Worker entry of the upload page's check: the whole technische controle off the main
 * thread, so a 140 MB file does not freeze the page. Bundled on its own by
 * scripts/bouw-browsercontrole.ts; nothing it reads is sent anywhere but back to the page.
 */
import type { WerkAntwoord, WerkVraag } from "./berichten";
import { blobBron } from "./bron";
import { controleerInBrowser } from "./controle";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WerkVraag>) => void) | null;
  postMessage(antwoord: WerkAntwoord): void;
};

scope.onmessage = (e) => {
  const { bestand, context } = e.data;
  const start = performance.now();
  controleerInBrowser(bestand.name, blobBron(bestand), context, (gelezen) =>
    scope.postMessage({ soort: "voortgang", gelezen, totaal: bestand.size }),
  ).then(
    (uitkomsten) => scope.postMessage({ soort: "klaar", uitkomsten, ms: Math.round(performance.now() - start) }),
    // Deliberately without the error: it could quote the file's contents.
    () => scope.postMessage({ soort: "mislukt" }),
  );
};
