/**
 * Every mail the portal queues (lib/mail/wachtrij.ts), by template name. The name and the
 * parameters are stored with the queued mail (MailBericht), the body is rendered again when it is
 * sent. Parameters are links, counts, dates, file names, gemeente and quarter: never a BSN or other
 * personal data (registry.test.ts renders every template and checks).
 *
 * Adding a template: write emails/<naam>.tsx returning { onderwerp, html, tekst }, add one import
 * and one entry below, and one example in lib/mail/sjablonen.test.ts (its type makes you).
 */
import { leveringAfgekeurdMail } from "./levering-afgekeurd";
import { leveringOntvangenMail } from "./levering-ontvangen";
import { leveringVerwerktMail } from "./levering-verwerkt";
import { signaleringslijstKlaarMail } from "./levering-signaleringslijst";
import { beheerWelkomMail } from "./beheer-welkom";
import { beheerContactpersoonGewijzigdMail } from "./beheer-contactpersoon-gewijzigd";
import { beheerHerinneringMail } from "./beheer-herinnering";
import { beheerCampagneMail } from "./beheer-campagne";
import { proefGecontroleerdMail } from "./proef-gecontroleerd";
import { berichtNieuwMail } from "./bericht-nieuw";

export interface GerenderdeMail {
  onderwerp: string;
  html: string;
  tekst: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parameters come back from JSON
export type Sjabloon = (p: any) => Promise<GerenderdeMail>;

export const SJABLONEN = {
  "levering-ontvangen": leveringOntvangenMail,
  "levering-afgekeurd": leveringAfgekeurdMail,
  "levering-verwerkt": leveringVerwerktMail,
  "signaleringslijst-klaar": signaleringslijstKlaarMail,
  "proef-gecontroleerd": proefGecontroleerdMail,
  "beheer-welkom": beheerWelkomMail,
  "beheer-contactpersoon-gewijzigd": beheerContactpersoonGewijzigdMail,
  "beheer-herinnering": beheerHerinneringMail,
  "beheer-campagne": beheerCampagneMail,
  "bericht-nieuw": berichtNieuwMail,
} satisfies Record<string, Sjabloon>;

export type SjabloonNaam = keyof typeof SJABLONEN;

/** The parameters a template takes. */
export type SjabloonParameters<N extends SjabloonNaam> = Parameters<(typeof SJABLONEN)[N]>[0];

export function isSjabloonNaam(naam: string): naam is SjabloonNaam {
  return Object.hasOwn(SJABLONEN, naam);
}
