/**
 * The CBS codelijst of gemeenten per year (data/gemeenten/gemeenten-YYYY.csv). A year without
 * its own list uses the latest earlier one, and says so: the 2026 list is not on these machines,
 * and a gemeentelijke herindeling on 1 January would otherwise go unnoticed.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { aantal } from "./opmaak";

export interface Gemeente {
  code: string;
  naam: string;
  provincie: string;
}

export interface Codelijst {
  /** The year asked for. */
  jaar: number;
  /** The year of the list actually used. */
  lijstJaar: number;
  /** False when the list of an earlier year stands in for a missing one. */
  eigenLijst: boolean;
  /** The CSV file read. */
  bestand: string;
  gemeenten: ReadonlyMap<string, Gemeente>;
  codes: ReadonlySet<string>;
  /** One Dutch sentence saying which list was used, for logs, CLI output and the portal. */
  toelichting: string;
}

export class GeenCodelijst extends Error {}

function standaardMap(): string {
  // Relative to this module when run from source (tsx, vitest); from the project root otherwise.
  try {
    const p = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "data", "gemeenten");
    if (fs.existsSync(p)) return p;
  } catch {
    // fall through
  }
  return path.join(process.cwd(), "data", "gemeenten");
}

/** Where the CSVs live. */
export const GEMEENTEN_MAP: string = standaardMap();

/** Years that have their own list, ascending. */
export function beschikbareJaren(map: string = GEMEENTEN_MAP): number[] {
  return fs
    .readdirSync(map)
    .map((f) => /^gemeenten-([0-9]{4})\.csv$/.exec(f)?.[1])
    .filter((j): j is string => j !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The list for `jaar`, or the latest earlier one; throws GeenCodelijst when there is none. */
export function laadCodelijst(jaar: number, map: string = GEMEENTEN_MAP): Codelijst {
  const lijstJaar = beschikbareJaren(map)
    .filter((j) => j <= jaar)
    .pop();
  if (lijstJaar === undefined) {
    throw new GeenCodelijst(`Er is geen CBS-codelijst van gemeenten voor ${jaar} of een eerder jaar (in ${map}).`);
  }
  const bestand = path.join(map, `gemeenten-${lijstJaar}.csv`);
  const gemeenten = leesCsv(fs.readFileSync(bestand, "utf8"), bestand);
  const eigenLijst = lijstJaar === jaar;
  return {
    jaar,
    lijstJaar,
    eigenLijst,
    bestand,
    gemeenten,
    codes: new Set(gemeenten.keys()),
    toelichting: eigenLijst
      ? `CBS-codelijst van gemeenten ${jaar} (${aantal(gemeenten.size, "gemeente", "gemeenten")}).`
      : `Er is (nog) geen CBS-codelijst van gemeenten voor ${jaar}; de lijst van ${lijstJaar} (${aantal(gemeenten.size, "gemeente", "gemeenten")}) is gebruikt.`,
  };
}

/**
 * ControleContext.codelijst backed by the CSVs, cached per year. A year before the first list
 * gives an empty set (every gemeentecode then fails T06, which is right: SWI starts in 2022).
 * `melding` hears once per year which list was used.
 */
export function codelijstVoorControle(
  map: string = GEMEENTEN_MAP,
  melding?: (lijst: Codelijst) => void,
): (statistiekjaar: number) => ReadonlySet<string> {
  const cache = new Map<number, ReadonlySet<string>>();
  return (jaar) => {
    let codes = cache.get(jaar);
    if (codes === undefined) {
      try {
        const lijst = laadCodelijst(jaar, map);
        melding?.(lijst);
        codes = lijst.codes;
      } catch (e) {
        if (!(e instanceof GeenCodelijst)) throw e;
        codes = new Set();
      }
      cache.set(jaar, codes);
    }
    return codes;
  };
}

/** gemeentecode,gemeentenaam,provincie with a header line; names may be quoted. */
function leesCsv(tekst: string, bestand: string): Map<string, Gemeente> {
  const regels = tekst.replace(/^\uFEFF/, "").split(/\r?\n/);
  const kop = regels.shift()?.trim();
  if (kop !== "gemeentecode,gemeentenaam,provincie")
    throw new Error(`${bestand}: onverwachte kopregel ${JSON.stringify(kop)}`);
  const uit = new Map<string, Gemeente>();
  regels.forEach((regel, i) => {
    if (regel.trim() === "") return;
    const velden = csvVelden(regel);
    const [code, naam, provincie] = velden;
    if (velden.length !== 3 || !/^[0-9]{4}$/.test(code!)) {
      throw new Error(`${bestand} regel ${i + 2}: verwacht gemeentecode (4 cijfers),gemeentenaam,provincie`);
    }
    uit.set(code!, { code: code!, naam: naam!, provincie: provincie! });
  });
  return uit;
}

function csvVelden(regel: string): string[] {
  const velden: string[] = [];
  let i = 0;
  while (i <= regel.length) {
    if (regel[i] === '"') {
      let waarde = "";
      i++;
      while (i < regel.length) {
        if (regel[i] === '"') {
          if (regel[i + 1] === '"') {
            waarde += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        waarde += regel[i++];
      }
      velden.push(waarde);
      i++; // the comma
    } else {
      const eind = regel.indexOf(",", i);
      const stop = eind < 0 ? regel.length : eind;
      velden.push(regel.slice(i, stop));
      i = stop + 1;
    }
  }
  return velden;
}

/** ControleContext.codelijst over the project's own CSVs (cached per year). */
export const codelijstVoorJaar: (statistiekjaar: number) => ReadonlySet<string> = codelijstVoorControle();
