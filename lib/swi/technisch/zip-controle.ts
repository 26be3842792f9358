/**
 * The rules for a zip delivery that do not depend on how its bytes are read: the server's intake
 * (zip.ts, yauzl on a file) and the upload page's check in the browser (lib/browsercontrole,
 * fflate on a Blob) both judge a zip with these, so both say the same thing in the same words.
 * No I/O and no Node built-ins here.
 */
import type { TechnischeFout, TechnischeUitkomst } from "../types";
import { BESTANDSNAAM_PATROON, heeftXmlExtensie, heeftZipExtensie, ontleedBestandsnaam } from "./bestandsnaam";
import { MAX_FOUTEN } from "./fouten";
import { bestandssoort, lijktXml, XML_BESTAND, ZIP_BESTAND } from "../xml/bestandssoort";

export interface ZipLimieten {
  /** Total uncompressed bytes of all members together. */
  maxUitgepakt: number;
  /** Uncompressed : compressed per member … */
  maxVerhouding: number;
  /** … once a member has unpacked more than this many bytes (tiny members compress extremely). */
  verhoudingVanaf: number;
  /** Members per zip (the Netherlands has some 342 gemeenten). */
  maxLeden: number;
}

const MiB = 1024 * 1024;
export const STANDAARD_ZIP_LIMIETEN: ZipLimieten = {
  maxUitgepakt: 1024 * MiB,
  maxVerhouding: 200,
  verhoudingVanaf: 1 * MiB,
  maxLeden: 1000,
};

/** One entry of the central directory, as either reader gives it. */
export interface ZipLidInfo<T = unknown> {
  naam: string;
  versleuteld: boolean;
  compressiemethode: number;
  gecomprimeerd: number;
  uitgepakt: number;
  /** The reader's own handle on the member. */
  bron: T;
}

export interface ZipInhoud<T> {
  /** The members that can safely be checked (also when the zip is refused as a whole). */
  leden: ZipLidInfo<T>[];
  /** Why the zip is refused as a whole; empty when it is not. */
  problemen: string[];
  /** The declared sizes are those of a zip bomb: nothing may be unpacked. */
  onveilig: boolean;
}

export function teveelLedenBericht(max: number): string {
  return `Het zip-bestand bevat meer dan ${max} bestanden; dat is niet toegestaan.`;
}

export function onleesbareInhoudsopgaveBericht(naam: string): string {
  return `Het zip-bestand ${naam} is beschadigd: de inhoudsopgave ervan kan niet worden gelezen.`;
}

export function nietUitpakbaarBericht(lid: string): string {
  return `Het bestand ${lid} in het zip-bestand kan niet worden uitgepakt; het zip-bestand is beschadigd of gemanipuleerd.`;
}

/**
 * The central directory judged: names, encryption, compression method, declared sizes, two files
 * for one gemeente and quarter, an empty zip.
 */
export function beoordeelInhoud<T>(entries: readonly ZipLidInfo<T>[], limieten: ZipLimieten): ZipInhoud<T> {
  const problemen: string[] = [];
  const leden: ZipLidInfo<T>[] = [];
  const perKwartaal = new Map<string, string>();
  let gedeclareerd = 0;
  let onveilig = false;
  if (entries.length > limieten.maxLeden) {
    return { leden: [], problemen: [teveelLedenBericht(limieten.maxLeden)], onveilig: true };
  }
  for (const entry of entries) {
    const naam = entry.naam;
    const p = naamProbleem(naam);
    if (p !== null) {
      problemen.push(p);
      // Only a plain XML with a name off the pattern is still worth reading; never a path.
      if (!heeftXmlExtensie(naam) || /[/\\]|^[A-Za-z]:/.test(naam)) continue;
    }
    if (entry.versleuteld) {
      problemen.push(
        `Het bestand ${naam} in het zip-bestand is versleuteld met een wachtwoord; lever het zip-bestand aan zonder wachtwoord.`,
      );
      continue;
    }
    if (entry.compressiemethode !== 0 && entry.compressiemethode !== 8) {
      problemen.push(
        `Het bestand ${naam} in het zip-bestand is ingepakt met een methode die niet wordt ondersteund; gebruik gewone zip-compressie (deflate).`,
      );
      continue;
    }
    gedeclareerd += entry.uitgepakt;
    if (isBom(entry.uitgepakt, entry.gecomprimeerd, limieten)) {
      problemen.push(bomBericht(naam, limieten));
      onveilig = true;
    }
    const sleutel = ontleedBestandsnaam(naam);
    if (sleutel !== null) {
      const kwartaal = `${sleutel.gemeentecode}|${sleutel.statistiekjaar}|${sleutel.statistiekkwartaal}`;
      const eerder = perKwartaal.get(kwartaal);
      if (eerder !== undefined) {
        problemen.push(
          `Het zip-bestand bevat twee bestanden voor gemeente ${sleutel.gemeentecode} over kwartaal ${sleutel.statistiekkwartaal} van ${sleutel.statistiekjaar}: ${eerder} en ${naam}. Lever per gemeente en kwartaal één bestand aan.`,
        );
      } else perKwartaal.set(kwartaal, naam);
    }
    leden.push(entry);
  }
  if (gedeclareerd > limieten.maxUitgepakt) {
    problemen.push(totaalBericht(limieten));
    onveilig = true;
  }
  if (entries.length === 0) problemen.push("Het zip-bestand is leeg; het moet één of meer SWI-bestanden bevatten.");
  return { leden, problemen, onveilig };
}

export function naamProbleem(naam: string): string | null {
  // Escaped beyond JSON: a bidi override or zero width in the message would make it show another name.
  const toon = JSON.stringify(naam).replace(
    /[\u007f-\u009f\u2028\u2029]|\p{Cf}/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
  if (naam.endsWith("/") || naam.endsWith("\\")) {
    return `Het zip-bestand bevat een map (${toon}); een zip mag alleen SWI-bestanden bevatten, niet in mappen.`;
  }
  if (naam.startsWith("/") || naam.startsWith("\\") || /^[A-Za-z]:/.test(naam)) {
    return `Het zip-bestand bevat een bestand met een absoluut pad (${toon}); de SWI-bestanden moeten direct in de zip staan, zonder pad.`;
  }
  if (naam.split(/[/\\]/).includes("..")) {
    return `Het zip-bestand bevat een bestand met ".." in het pad (${toon}); dat is niet toegestaan.`;
  }
  if (naam.includes("\\") || naam.includes("/")) {
    return `Het zip-bestand bevat een bestand in een map (${toon}); de SWI-bestanden moeten direct in de zip staan, niet in mappen.`;
  }
  if (heeftZipExtensie(naam)) {
    return `Het zip-bestand bevat een ander zip-bestand (${toon}); een zip in een zip is niet toegestaan. Zet de SWI-bestanden direct in één zip.`;
  }
  if (!heeftXmlExtensie(naam)) {
    return `Het zip-bestand bevat een bestand dat geen SWI-bestand is (${toon}); een zip mag alleen bestanden ${BESTANDSNAAM_PATROON} bevatten.`;
  }
  if (ontleedBestandsnaam(naam) === null) {
    return `De naam van ${toon} in het zip-bestand voldoet niet aan het patroon ${BESTANDSNAAM_PATROON}, bijvoorbeeld SWI_0153_0153_20261.XML.`;
  }
  return null;
}

/** A file refused before its contents are read: one result under its own name, all problems as T01 failures. */
export function zipAfgewezen(naam: string, problemen: readonly string[]): TechnischeUitkomst {
  const errors: TechnischeFout[] = problemen.map((message) => ({ line: null, kenmerk: null, rule: "T01", message }));
  return { fileName: naam, accepted: false, errors, errorCount: errors.length, aantalPersonen: 0 };
}

/** Adds a member's own failures to the result of a zip refused as a whole, each naming the member. */
export function voegLidToe(afgewezen: TechnischeUitkomst, lid: string, uitkomst: TechnischeUitkomst): void {
  // The member's name failure is already among the zip's problems.
  const eigen = uitkomst.errors.filter((f) => !(f.rule === "T01" && f.line === null));
  afgewezen.errorCount += uitkomst.errorCount - (uitkomst.errors.length - eigen.length);
  for (const fout of eigen) {
    if (afgewezen.errors.length >= MAX_FOUTEN) break;
    afgewezen.errors.push({ ...fout, message: `In ${lid}: ${fout.message}`, bestand: lid });
  }
}

export class TeGrootUitgepakt extends Error {}

/** Counts the bytes members really unpack to, across members, against the limits. */
export class Uitpakbewaking {
  private totaal = 0;
  constructor(private readonly limieten: ZipLimieten) {}

  /** Adds n bytes of member `naam` (compressed size `gecomprimeerd`), `lidTotaal` so far; throws TeGrootUitgepakt. */
  tel(naam: string, gecomprimeerd: number, lidTotaal: number, n: number): void {
    this.totaal += n;
    if (this.totaal > this.limieten.maxUitgepakt) throw new TeGrootUitgepakt(totaalBericht(this.limieten));
    if (isBom(lidTotaal, gecomprimeerd, this.limieten)) throw new TeGrootUitgepakt(bomBericht(naam, this.limieten));
  }
}

function isBom(uitgepakt: number, gecomprimeerd: number, limieten: ZipLimieten): boolean {
  return uitgepakt > limieten.verhoudingVanaf && uitgepakt > limieten.maxVerhouding * Math.max(gecomprimeerd, 1);
}

function grootte(bytes: number): string {
  return bytes >= 1024 * MiB ? `${+(bytes / (1024 * MiB)).toFixed(1)} GB` : `${Math.round(bytes / MiB)} MB`;
}

function totaalBericht(limieten: ZipLimieten): string {
  return `Het zip-bestand pakt uit tot meer dan ${grootte(limieten.maxUitgepakt)}; dat is niet toegestaan. Lever grote bestanden in meerdere zip-bestanden aan.`;
}

function bomBericht(naam: string, limieten: ZipLimieten): string {
  return `Het bestand ${naam} in het zip-bestand wordt bij uitpakken meer dan ${limieten.maxVerhouding} keer zo groot; zo sterk laat een SWI-bestand zich niet inpakken. Het zip-bestand is geweigerd (bescherming tegen zogenaamde zip-bommen).`;
}

/**
 * Why a file named .zip cannot be opened as one, from its first bytes. The zip library's own
 * reason is English and can name server paths; the sender gets what the file really is.
 */
export function geenZipBericht(naam: string, begin: Uint8Array): string {
  const soort = lijktXml(begin) ? XML_BESTAND : bestandssoort(begin);
  if (soort !== null && soort !== ZIP_BESTAND) {
    return (
      `Het bestand ${naam} is geen zip-bestand maar ${soort}. Lever een zip-bestand aan met daarin de SWI-bestanden` +
      (soort === XML_BESTAND ? ", of lever het XML-bestand los aan met de extensie .XML." : ".")
    );
  }
  return `Het bestand ${naam} is geen leesbaar zip-bestand: het is beschadigd, niet volledig aangekomen, of geen zip-bestand.`;
}
