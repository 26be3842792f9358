/**
 * Two consecutive quarters of one gemeente in which the same two persons raise the same two signals
 * (P09 and P10, with the same values): for the tests of answering signals, where a signal answered
 * "klopt" must not come back and one answered "wordt hersteld" must be flagged.
 */
import type { Persoon } from "../types";
import { bestandsnaamVoor, genereerLevering } from "./generator";
import { vervuil } from "./vervuiling";
import { leveringXml } from "./xml-schrijver";

export interface Kwartaalbestand {
  bestandsnaam: string;
  xml: string;
}

export function herhaaldeSignalen(opties: {
  berichtgevercode: string;
  gemeentecode: string;
  statistiekjaar: number;
  /** The first quarter; the second is the next one (in the same year). */
  kwartaal: 1 | 2 | 3;
  seed: string;
  aantalPersonen?: number;
}): { eerste: Kwartaalbestand; tweede: Kwartaalbestand; bsnP09: string; bsnP10: string } {
  const g = genereerLevering({
    berichtgevercode: opties.berichtgevercode,
    gemeentecode: opties.gemeentecode,
    statistiekjaar: opties.statistiekjaar,
    kwartaal: opties.kwartaal,
    aantalPersonen: opties.aantalPersonen ?? 60,
    seed: opties.seed,
  });
  const p09 = vervuil(g, "P09-ontzorgen");
  const p10 = vervuil(g, "P10-alfabetisering");
  if (p09.bsn === p10.bsn) throw new Error("herhaaldeSignalen: P09 en P10 bij dezelfde persoon; kies een andere seed");
  const personen: Persoon[] = p09.personen.map((p) =>
    p.bsn === p10.bsn ? p10.personen.find((q) => q.bsn === p.bsn)! : p,
  );
  const kop2 = { ...g.kop, statistiekkwartaal: (opties.kwartaal + 1) as 2 | 3 | 4 };
  return {
    eerste: { bestandsnaam: bestandsnaamVoor(g.kop), xml: leveringXml(g.kop, personen) },
    // The same persons unchanged: the signals come back with the same values.
    tweede: { bestandsnaam: bestandsnaamVoor(kop2), xml: leveringXml(kop2, personen) },
    bsnP09: p09.bsn!,
    bsnP10: p10.bsn!,
  };
}
