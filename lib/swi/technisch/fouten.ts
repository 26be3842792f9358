/** The bounded list of technische fouten of one file. */
import type { TechnischeFout, TechnischeRegelCode } from "../types";
import { getal } from "../opmaak";

/** At most this many failures are kept per file; errorCount still counts them all. */
export const MAX_FOUTEN = 1000;

/** Extra line numbers named in the message of a grouped failure. */
const GETOONDE_EXTRA_REGELS = 5;

interface Groep {
  fout: TechnischeFout | null;
  herhalingen: number;
  regels: number[];
}

/**
 * Collects failures in file order, capped at MAX_FOUTEN. A structural defect that repeats for
 * every Persoon (a misspelt or misplaced element, a wrong order, an attribute) is usually one
 * mistake in the software that made the file: it becomes ONE failure naming where it first
 * occurs and how often, instead of 200,000 copies that hide everything else.
 */
export class Foutenlijst {
  private readonly lijst: TechnischeFout[] = [];
  private readonly groepen = new Map<string, Groep>();
  /** All failures, also those beyond the cap (a grouped failure counts once). */
  aantal = 0;
  /**
   * False once a failure is found that the published XSD also reports (T03, the XSD-checkable
   * parts of T02, T07, T08 and T10). Lets a test compare verdicts with xmllint.
   */
  schemaGeldig = true;

  constructor(private readonly max: number = MAX_FOUTEN) {}

  voeg(line: number | null, kenmerk: number | null, rule: TechnischeRegelCode, tekst: string, ookInXsd: boolean): void {
    this.toevoegen(line, kenmerk, rule, tekst, ookInXsd);
  }

  private toevoegen(
    line: number | null,
    kenmerk: number | null,
    rule: TechnischeRegelCode,
    tekst: string,
    ookInXsd: boolean,
  ): TechnischeFout | null {
    this.aantal++;
    if (ookInXsd) this.schemaGeldig = false;
    if (this.lijst.length >= this.max) return null;
    const fout: TechnischeFout = { line, kenmerk, rule, message: metRegel(line, tekst) };
    this.lijst.push(fout);
    return fout;
  }

  /** Like voeg, but repeated failures with the same sleutel become one failure with a count. */
  voegGegroepeerd(
    sleutel: string,
    line: number,
    kenmerk: number | null,
    rule: TechnischeRegelCode,
    tekst: string,
    ookInXsd: boolean,
  ): void {
    const groep = this.groepen.get(sleutel);
    if (groep) {
      groep.herhalingen++;
      if (groep.regels.length < GETOONDE_EXTRA_REGELS) groep.regels.push(line);
      return;
    }
    const fout = this.toevoegen(line, kenmerk, rule, tekst, ookInXsd);
    this.groepen.set(sleutel, { fout, herhalingen: 0, regels: [] });
  }

  /** How many failures are stored so far: a mark for vergeetVanaf. */
  get opgeslagen(): number {
    return this.lijst.length;
  }

  /**
   * Forgets the failures stored since `markering` (a value of `opgeslagen`): they turned out to be
   * knock-on effects of a later well-formedness failure (an unclosed tag makes every following
   * element look misplaced), which is then reported instead of them.
   */
  vergeetVanaf(markering: number): void {
    if (markering >= this.lijst.length) return;
    const weg = new Set(this.lijst.splice(markering));
    this.aantal -= weg.size;
    for (const [sleutel, groep] of this.groepen)
      if (groep.fout !== null && weg.has(groep.fout)) this.groepen.delete(sleutel);
  }

  /** The failures in file order (failures without a line first), with repeat counts filled in. */
  resultaat(): TechnischeFout[] {
    for (const groep of this.groepen.values()) {
      if (groep.fout === null || groep.herhalingen === 0) continue;
      const keer = `nog ${getal(groep.herhalingen)} keer`;
      const regels = groep.regels.length > 0 ? `, onder meer op regel ${opsomming(groep.regels.map(String))}` : "";
      groep.fout.message += ` Dit komt ${keer} voor${regels}.`;
      groep.herhalingen = 0;
    }
    return [...this.lijst].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }
}

function metRegel(line: number | null, tekst: string): string {
  return line === null ? tekst : `Regel ${line}: ${tekst}`;
}

/** "a, b en c". */
export function opsomming(delen: readonly string[]): string {
  if (delen.length <= 1) return delen.join("");
  return `${delen.slice(0, -1).join(", ")} en ${delen[delen.length - 1]}`;
}
