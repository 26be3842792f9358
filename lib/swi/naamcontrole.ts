/**
 * What a file's name alone says about the checks it will meet, before a byte is sent: the upload
 * page runs this in the browser as soon as a file is chosen. The server checks everything again
 * (the browser is never trusted); here only what the name decides: T01 (the pattern), the
 * berichtgevercode and the gemeente (T06), whether the quarter is over (T07), and whether the
 * aanleverperiode has passed (F04, a warning). What it reads from the name is said too, because
 * the contents must match it (T05).
 */
import { aanleverperiodeEinde, kwartaalEinde, plusDagen, type Kwartaalnummer } from "./datum";
import { swiDatum } from "./opmaak";
import { bestandsnaamUitleg, heeftXmlExtensie, heeftZipExtensie, ontleedBestandsnaam } from "./technisch/bestandsnaam";
import type { Datum } from "./types";

export interface Toewijzing {
  gemeentecode: string;
  gemeentenaam: string;
  vanafJaar: number;
  totEnMetJaar: number | null;
}

export interface NaamBevinding {
  regel: "T01" | "T05" | "T06" | "T07" | "F04";
  /** "afkeur": the file will be refused; "let-op": it will be accepted, but read this; "info": what the name says. */
  ernst: "afkeur" | "let-op" | "info";
  melding: string;
}

export function controleerNaamVooraf(
  naam: string,
  context: { berichtgevercode: string; toewijzingen: readonly Toewijzing[]; vandaag: Datum },
): NaamBevinding[] {
  if (heeftZipExtensie(naam)) {
    return [
      {
        regel: "T01",
        ernst: "info",
        melding: "Een zip-bestand: de namen van de bestanden erin worden na ontvangst gecontroleerd.",
      },
    ];
  }
  if (!heeftXmlExtensie(naam)) {
    return [{ regel: "T01", ernst: "afkeur", melding: "U kunt alleen XML-bestanden en zip-bestanden aanleveren." }];
  }
  const o = ontleedBestandsnaam(naam);
  if (!o) return [{ regel: "T01", ernst: "afkeur", melding: bestandsnaamUitleg(naam) }];
  const uit: NaamBevinding[] = [];
  const k = o.statistiekkwartaal as Kwartaalnummer;
  const toewijzing = context.toewijzingen.find(
    (t) =>
      t.gemeentecode === o.gemeentecode &&
      t.vanafJaar <= o.statistiekjaar &&
      (t.totEnMetJaar === null || t.totEnMetJaar >= o.statistiekjaar),
  );
  uit.push({
    regel: "T05",
    ernst: "info",
    melding: `Volgens de naam: gemeente ${o.gemeentecode}${toewijzing ? ` (${toewijzing.gemeentenaam})` : ""}, ${o.statistiekjaar} kwartaal ${k}. De gegevens in het bestand moeten daarmee overeenkomen.`,
  });
  if (o.berichtgevercode !== context.berichtgevercode) {
    uit.push({
      regel: "T06",
      ernst: "afkeur",
      melding: `De berichtgevercode in de naam (${o.berichtgevercode}) is niet die van uw organisatie (${context.berichtgevercode}). De naam moet zijn: SWI_${context.berichtgevercode}_${o.gemeentecode}_${o.statistiekjaar}${k}.XML.`,
    });
  } else if (!toewijzing) {
    uit.push({
      regel: "T06",
      ernst: "afkeur",
      melding: `U levert in ${o.statistiekjaar} niet voor gemeente ${o.gemeentecode}. Neem contact op met het CBS als dat wel zo zou moeten zijn.`,
    });
  }
  const einde = kwartaalEinde(o.statistiekjaar, k);
  if (context.vandaag <= einde) {
    uit.push({
      regel: "T07",
      ernst: "afkeur",
      melding: `Het kwartaal ${o.statistiekjaar} K${k} is nog niet voorbij; u kunt het aanleveren vanaf ${swiDatum(plusDagen(einde, 1))}.`,
    });
  } else if (context.vandaag > aanleverperiodeEinde(o.statistiekjaar, k)) {
    uit.push({
      regel: "F04",
      ernst: "let-op",
      melding: `De aanleverperiode liep tot en met ${swiDatum(aanleverperiodeEinde(o.statistiekjaar, k))}: het bestand wordt verwerkt, maar geldt als te laat.`,
    });
  }
  return uit;
}
