/** The file name contract of aanleverformaat.md (T01) and what a name says about its contents (T05). */

export const BESTANDSNAAM_PATROON = "SWI_[berichtgevercode]_[gemeentecode]_[jjjj][q].XML";
export const BESTANDSNAAM_VOORBEELD = "SWI_0153_0153_20261.XML";

export interface Bestandsnaam {
  berichtgevercode: string;
  gemeentecode: string;
  statistiekjaar: number;
  statistiekkwartaal: 1 | 2 | 3 | 4;
}

// [0-9] rather than \d keeps the intent (ASCII digits) obvious; only the extension ignores case.
const PATROON = /^SWI_([0-9]{4})_([0-9]{4})_([0-9]{4})([1-4])\.[xX][mM][lL]$/;

export function ontleedBestandsnaam(naam: string): Bestandsnaam | null {
  const m = PATROON.exec(naam);
  if (!m) return null;
  return {
    berichtgevercode: m[1]!,
    gemeentecode: m[2]!,
    statistiekjaar: Number(m[3]),
    statistiekkwartaal: Number(m[4]) as 1 | 2 | 3 | 4,
  };
}

export function heeftXmlExtensie(naam: string): boolean {
  return /\.xml$/i.test(naam);
}

export function heeftZipExtensie(naam: string): boolean {
  return /\.zip$/i.test(naam);
}

/** The T01 explanation for a name that does not fit, in plain Dutch. */
export function bestandsnaamUitleg(naam: string): string {
  return (
    `De bestandsnaam "${naam}" voldoet niet aan het voorgeschreven patroon ${BESTANDSNAAM_PATROON}, ` +
    `bijvoorbeeld ${BESTANDSNAAM_VOORBEELD}: berichtgevercode en gemeentecode van 4 cijfers (met voorloopnullen), ` +
    `het statistiekjaar in 4 cijfers en het kwartaal (1 tot en met 4), met de extensie .XML. ` +
    `Meerdere bestanden kunt u samen in één .zip-bestand aanleveren.`
  );
}
