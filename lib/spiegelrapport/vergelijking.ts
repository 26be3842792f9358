/**
 * How the comparison with other gemeenten reads on the page and in the PDF: the same words for a
 * suppressed cell, the same charts. The computation and its disclosure rules are lib/swi/vergelijking.ts.
 */
import { GROOTTEKLASSE_TEKST } from "@/lib/swi/grootteklasse";
import {
  MINIMUM_CEL,
  MINIMUM_GEMEENTEN,
  type Cel,
  type Vergelijking,
  type VergelijkingsRij,
} from "@/lib/swi/vergelijking";
import { aantal, getal } from "@/lib/swi/opmaak";
import type { Staafgrafiek } from "./grafieken";
import { waardeTekst } from "./grafieken";

export const NIET_GETOOND = "niet getoond";
/** A share of nobody: the gemeente has no persons the kenmerk applies to. */
export const NIET_VAN_TOEPASSING = "n.v.t.";

export interface VergelijkingMetKwartaal extends Vergelijking {
  /** "2026 K1". */
  kwartaal: string;
}

export function celTekst(rij: Pick<VergelijkingsRij, "eenheid">, c: Cel): string {
  return c.soort === "waarde" ? waardeTekst(rij, c.waarde) : NIET_GETOOND;
}

export function eigenTekst(rij: VergelijkingsRij): string {
  return rij.eigen === null ? NIET_VAN_TOEPASSING : waardeTekst(rij, rij.eigen);
}

export function klasseKop(v: Vergelijking): string {
  return `Grootteklasse ${v.klasse}`;
}

/** The sentences saying what is compared and what is left out, and why. */
export function vergelijkingUitleg(v: VergelijkingMetKwartaal): string[] {
  const zinnen = [
    `Alleen de geldende leveringen over ${v.kwartaal} tellen mee: ${aantal(v.landelijk.gemeenten, "gemeente", "gemeenten")} landelijk, waarvan ${aantal(v.klasseGroep.gemeenten, "gemeente", "gemeenten")} in dezelfde grootteklasse: ${GROOTTEKLASSE_TEKST[v.klasse]} in dit kwartaal. De grootteklasse gaat naar het aantal geleverde personen, omdat de gemeentelijst geen inwonertallen bevat.`,
    `Om geen gegevens over personen in andere gemeenten prijs te geven, toont het portaal een groep pas vanaf ${getal(MINIMUM_GEMEENTEN)} gemeenten en geen cijfer dat op minder dan ${getal(MINIMUM_CEL)} personen berust (ook niet als de rest van de groep minder dan ${getal(MINIMUM_CEL)} personen is). Daar staat "${NIET_GETOOND}".`,
  ];
  if (!v.landelijk.getoond)
    zinnen.push(
      `Er zijn nog te weinig gemeenten met een geldende levering over ${v.kwartaal} om landelijke cijfers te tonen.`,
    );
  else if (!v.klasseGroep.getoond)
    zinnen.push(`Er zijn te weinig gemeenten in dezelfde grootteklasse om hun cijfers te tonen.`);
  if (v.kleineCellen > 0)
    zinnen.push(
      `${aantal(v.kleineCellen, "cijfer is", "cijfers zijn")} niet getoond omdat ze op te weinig personen berusten.`,
    );
  return zinnen;
}

/** One chart per section of shares (Geslacht, Type migrant, …): own gemeente, landelijk, size class. */
export function vergelijkingsGrafieken(v: Vergelijking): (Staafgrafiek & { id: string })[] {
  const groepen: string[] = [];
  for (const r of v.rijen) if (r.eenheid === "procent" && !groepen.includes(r.groep)) groepen.push(r.groep);
  return groepen.map((groep, i) => ({
    id: `vergelijking-${i + 1}`,
    titel: `${groep}: vergeleken met andere gemeenten`,
    toelichting: `Per categorie het aandeel in procenten in deze levering, landelijk en bij gemeenten van dezelfde grootteklasse. Een cijfer dat niet getoond mag worden, staat er als "${NIET_GETOOND}".`,
    eenheid: "procent",
    reeksen: ["Deze gemeente", "Landelijk", klasseKop(v)],
    leegTekst: [NIET_VAN_TOEPASSING, NIET_GETOOND, NIET_GETOOND],
    punten: v.rijen
      .filter((r) => r.groep === groep)
      .map((r) => ({
        label: r.omschrijving,
        waarden: [r.eigen, ...[r.landelijk, r.klasse].map((c) => (c.soort === "waarde" ? c.waarde : null))],
      })),
  }));
}
