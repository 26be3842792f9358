/**
 * The spiegelrapport's comparison: each headline figure of one gemeente beside the same figure of
 * all gemeenten (landelijk) and of the gemeenten of its size class, for one quarter. Pure; the
 * caller passes one telling per gemeente, taken from the geldende levering of that quarter only.
 *
 * Statistical disclosure control, because a group figure must not reveal a few persons of
 * another gemeente:
 * - a group is shown only when at least MINIMUM_GEMEENTEN gemeenten are in it;
 * - a group cell is shown only when at least MINIMUM_CEL persons are in it, and, for a share,
 *   when the persons outside it are none or at least MINIMUM_CEL (with the share and the total a
 *   reader could otherwise work out the small remainder).
 * The gemeente's own figures are its own delivery and are always shown.
 *
 * Shares of a group are pooled (all persons with the value / all persons), not an average of the
 * gemeenten's shares, so a large gemeente weighs as much as its persons.
 */
import { kenmerkNaam } from "./format";
import { grootteklasse, type Grootteklasse } from "./grootteklasse";
import type { Spiegelrapport } from "./spiegelrapport";

export const MINIMUM_GEMEENTEN = 5;
export const MINIMUM_CEL = 10;

/** The rows of the report compared as a share of all persons. */
const AANDEEL_GROEPEN = ["Geslacht", "Type migrant", "Leeftijd"];
export const VULLING_GROEP = "Vulling per persoon";

export interface Teller {
  teller: number;
  noemer: number;
}

/** One gemeente's figures in one quarter, by figure key. */
export interface GemeenteTelling {
  gemeentecode: string;
  personen: number;
  waarden: Readonly<Record<string, Teller>>;
}

export interface Figuur {
  sleutel: string;
  groep: string;
  omschrijving: string;
  /** "aantal": the count itself (summed over the group); "procent": teller / noemer. */
  eenheid: "aantal" | "procent";
}

export type Cel =
  { soort: "waarde"; waarde: number } | { soort: "onderdrukt"; reden: "weinig-gemeenten" | "kleine-cel" };

export interface VergelijkingsRij extends Figuur {
  /** The gemeente's own figure (a count, or a percentage; null when its noemer is 0). */
  eigen: number | null;
  eigenTeller: Teller;
  landelijk: Cel;
  klasse: Cel;
}

export interface Groep {
  gemeenten: number;
  getoond: boolean;
}

export interface Vergelijking {
  klasse: Grootteklasse;
  landelijk: Groep;
  klasseGroep: Groep;
  rijen: VergelijkingsRij[];
  /** How many group cells were left out because they hold fewer than MINIMUM_CEL persons. */
  kleineCellen: number;
}

const PERSONEN = "personen.totaal";

/** The figures compared, in the report's own order and words. */
export function vergelijkingsFiguren(r: Spiegelrapport): Figuur[] {
  const figuren: Figuur[] = [
    { sleutel: PERSONEN, groep: "Personen", omschrijving: "Personen in de levering", eenheid: "aantal" },
  ];
  for (const rij of r.rijen) {
    if (AANDEEL_GROEPEN.includes(rij.groep))
      figuren.push({ sleutel: rij.sleutel, groep: rij.groep, omschrijving: rij.omschrijving, eenheid: "procent" });
  }
  for (const v of r.vulling ?? []) {
    figuren.push({
      sleutel: `vulling.${v.kenmerk}`,
      groep: VULLING_GROEP,
      omschrijving: `${v.kenmerk} ${kenmerkNaam(v.kenmerk)} (${v.populatie})`,
      eenheid: "procent",
    });
  }
  return figuren;
}

/** The figures of one gemeente from its spiegelrapport's counts (never from the file again). */
export function gemeenteTelling(gemeentecode: string, r: Spiegelrapport): GemeenteTelling {
  const waarden: Record<string, Teller> = {};
  waarden[PERSONEN] = { teller: r.personen, noemer: r.personen };
  for (const rij of r.rijen) {
    if (AANDEEL_GROEPEN.includes(rij.groep)) waarden[rij.sleutel] = { teller: rij.huidig, noemer: r.personen };
  }
  for (const v of r.vulling ?? [])
    waarden[`vulling.${v.kenmerk}`] = { teller: v.huidig.gevuld, noemer: v.huidig.populatie };
  return { gemeentecode, personen: r.personen, waarden };
}

function waardeVan(f: Figuur, t: Teller): number | null {
  if (f.eenheid === "aantal") return t.teller;
  return t.noemer > 0 ? (t.teller / t.noemer) * 100 : null;
}

function groepsCel(f: Figuur, groep: readonly GemeenteTelling[]): Cel {
  const met = groep.filter((g) => g.waarden[f.sleutel] !== undefined);
  if (new Set(met.map((g) => g.gemeentecode)).size < MINIMUM_GEMEENTEN)
    return { soort: "onderdrukt", reden: "weinig-gemeenten" };
  let teller = 0;
  let noemer = 0;
  for (const g of met) {
    teller += g.waarden[f.sleutel]!.teller;
    noemer += g.waarden[f.sleutel]!.noemer;
  }
  const rest = noemer - teller;
  if (teller < MINIMUM_CEL || (f.eenheid === "procent" && rest > 0 && rest < MINIMUM_CEL))
    return { soort: "onderdrukt", reden: "kleine-cel" };
  const waarde = waardeVan(f, { teller, noemer });
  return waarde === null ? { soort: "onderdrukt", reden: "kleine-cel" } : { soort: "waarde", waarde };
}

function groep(tellingen: readonly GemeenteTelling[]): Groep {
  const gemeenten = new Set(tellingen.map((t) => t.gemeentecode)).size;
  return { gemeenten, getoond: gemeenten >= MINIMUM_GEMEENTEN };
}

/**
 * `eigen` beside `alle` (one telling per gemeente with a geldende levering in the quarter; the
 * gemeente itself among them) and beside the gemeenten of its own size class.
 */
export function vergelijk(
  figuren: readonly Figuur[],
  eigen: GemeenteTelling,
  alle: readonly GemeenteTelling[],
): Vergelijking {
  const klasse = grootteklasse(eigen.personen);
  const inKlasse = alle.filter((t) => grootteklasse(t.personen) === klasse);
  const landelijk = groep(alle);
  const klasseGroep = groep(inKlasse);
  let kleineCellen = 0;
  const rijen = figuren.map((f): VergelijkingsRij => {
    const eigenTeller = eigen.waarden[f.sleutel] ?? { teller: 0, noemer: 0 };
    const l = groepsCel(f, alle);
    const k = groepsCel(f, inKlasse);
    for (const c of [l, k]) if (c.soort === "onderdrukt" && c.reden === "kleine-cel") kleineCellen++;
    return { ...f, eigen: waardeVan(f, eigenTeller), eigenTeller, landelijk: l, klasse: k };
  });
  return { klasse, landelijk, klasseGroep, rijen, kleineCellen };
}
