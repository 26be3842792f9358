/**
 * Real spiegelrapporten for tests and previews, made by the engine from generated deliveries
 * (never hand-written JSON, so a change in the engine's rows shows up in these tests).
 */
import { maakSpiegelrapport, type Spiegelrapport } from "@/lib/swi/spiegelrapport";
import { statistischeControle } from "@/lib/swi/statistisch";
import { genereerLeveringPaar, type GegenereerdeLevering } from "@/lib/swi/testhulp/generator";
import { vervuil, type VervuilingSoort } from "@/lib/swi/testhulp/vervuiling";
import type { BestandSignaal, GeparsteLevering } from "@/lib/swi/types";

function geparst(l: GegenereerdeLevering): GeparsteLevering {
  return { fileName: l.bestandsnaam, kop: l.kop, personen: l.personen };
}

export interface VoorbeeldRapport {
  rapport: Spiegelrapport;
  bestandSignalen: BestandSignaal[];
  bestandsnaam: string;
}

/** A 2026 K1 delivery of 0153 against 2025 K4, by default with one P09 signal. */
export function voorbeeldRapport(
  opties: { metVorige?: boolean; aantalPersonen?: number; seed?: string; vervuiling?: VervuilingSoort | null } = {},
): VoorbeeldRapport {
  const { vorige, huidige } = genereerLeveringPaar({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2026,
    kwartaal: 1,
    aantalPersonen: opties.aantalPersonen ?? 60,
    seed: opties.seed ?? "spiegelrapport-voorbeeld",
  });
  const eerdere = opties.metVorige === false ? [] : [geparst(vorige)];
  const soort = opties.vervuiling === undefined ? "P09-ontzorgen" : opties.vervuiling;
  const levering: GeparsteLevering = soort
    ? (({ bestandsnaam, kop, personen }) => ({ fileName: bestandsnaam, kop, personen }))(
        vervuil(huidige, soort, { vorige }),
      )
    : geparst(huidige);
  const uitkomst = statistischeControle(levering, eerdere, { received: huidige.ontvangstdatum });
  return {
    rapport: maakSpiegelrapport(levering, eerdere[0], uitkomst),
    bestandSignalen: uitkomst.fileSignals,
    bestandsnaam: huidige.bestandsnaam,
  };
}
