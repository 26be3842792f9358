/** T05, T06 and T07 (quarter): the Levering block against the file name, the uploader and the calendar. */
import { kenmerkLabel } from "../format";
import type { ControleContext, LeveringKop } from "../types";
import type { Bestandsnaam } from "./bestandsnaam";
import { eersteDagNaKwartaal, laatsteDagKwartaal } from "./datum";
import { swiDatumLang } from "../opmaak";
import type { Foutenlijst } from "./fouten";

export function controleerKop(
  kop: Partial<LeveringKop>,
  regels: Partial<Record<keyof LeveringKop, number>>,
  naam: Bestandsnaam | null,
  fileName: string,
  ctx: ControleContext,
  fouten: Foutenlijst,
): void {
  const regel = (veld: keyof LeveringKop) => regels[veld] ?? null;

  if (naam !== null) {
    const vergelijk = (veld: keyof LeveringKop & keyof Bestandsnaam, kenmerk: number) => {
      const inBestand = kop[veld];
      if (inBestand === undefined || inBestand === naam[veld]) return;
      fouten.voeg(
        regel(veld),
        kenmerk,
        "T05",
        `${kenmerkLabel(kenmerk)} is ${inBestand}, maar volgens de bestandsnaam ${fileName} is het ${naam[veld]}. ` +
          "Bestandsnaam en inhoud moeten over hetzelfde kwartaal, dezelfde berichtgever en dezelfde gemeente gaan.",
        false,
      );
    };
    vergelijk("statistiekjaar", 1);
    vergelijk("statistiekkwartaal", 2);
    vergelijk("berichtgevercode", 6);
    vergelijk("gemeentecode", 7);
  }

  const jaar = kop.statistiekjaar;
  if (ctx.uploader && kop.berichtgevercode !== undefined && kop.berichtgevercode !== ctx.uploader.berichtgevercode) {
    fouten.voeg(
      regel("berichtgevercode"),
      6,
      "T06",
      `${kenmerkLabel(6)} is ${kop.berichtgevercode}, maar u levert aan als berichtgever ${ctx.uploader.berichtgevercode}. ` +
        "Een berichtgever levert alleen bestanden met de eigen berichtgevercode aan.",
      false,
    );
  }
  if (kop.gemeentecode !== undefined && jaar !== undefined) {
    if (ctx.uploader) {
      const eigen = ctx.uploader.gemeentenVoorJaar(jaar);
      if (!eigen.has(kop.gemeentecode)) {
        const lijst = [...eigen].sort().join(", ");
        fouten.voeg(
          regel("gemeentecode"),
          7,
          "T06",
          `${kenmerkLabel(7)} is ${kop.gemeentecode}, maar berichtgever ${ctx.uploader.berichtgevercode} levert in ${jaar} niet voor deze gemeente aan` +
            (lijst ? ` (wel voor ${lijst}).` : ".") +
            " Klopt de gemeentecode, neem dan contact op met het CBS om de gemeente aan uw berichtgevercode te laten koppelen.",
          false,
        );
      }
    } else if (!ctx.codelijst(jaar).has(kop.gemeentecode)) {
      fouten.voeg(
        regel("gemeentecode"),
        7,
        "T06",
        `${kenmerkLabel(7)} is ${kop.gemeentecode}; dat is geen gemeente in de CBS-codelijst van gemeenten voor ${jaar}. ` +
          "Gebruik de 4-cijferige CBS-code van de gemeente, met voorloopnullen.",
        false,
      );
    }
  }

  const kwartaal = kop.statistiekkwartaal;
  if (jaar !== undefined && kwartaal !== undefined) {
    const vanaf = eersteDagNaKwartaal(jaar, kwartaal);
    if (ctx.received < vanaf) {
      fouten.voeg(
        regel("statistiekkwartaal"),
        2,
        "T07",
        `Het bestand gaat over kwartaal ${kwartaal} van ${jaar}, maar dat kwartaal is nog niet voorbij: het loopt tot en met ` +
          `${swiDatumLang(laatsteDagKwartaal(jaar, kwartaal))}. U kunt de gegevens over dit kwartaal aanleveren vanaf ${swiDatumLang(vanaf)}.`,
        false,
      );
    }
  }
}
