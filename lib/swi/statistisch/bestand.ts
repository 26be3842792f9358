/**
 * Signals about the file as a whole: F01–F04 of controles.md.
 *
 * Thresholds are compared in integers (a share "drops more than 20 percentage points" becomes
 * 5·(g₀·n₁ − g₁·n₀) > n₀·n₁), so a case exactly on a boundary is not flagged by rounding noise.
 */
import { formatDatum } from "../datum";
import { regel } from "../regels";
import type { BestandSignaal, GeparsteLevering, Persoon } from "../types";
import type { Basis } from "./basis";
import { kenmerk } from "./kenmerken";
import { aantal, getal, procent } from "../opmaak";

export const F01_MIN_VORIG = 20;
export const F01_MIN_VERSCHIL = 10;
export const F02_MIN_INTAKE = 20;
export const F03_MIN_VORIG = 20;

export const F03_KENMERKEN: readonly number[] = Array.from({ length: 22 }, (_, i) => 12 + i);

/** Per kenmerk 12–33: how many persons it applies to, and how many of them have it filled. */
export interface Vulgraad {
  toepasselijk: Int32Array;
  gevuld: Int32Array;
}

/** What the next quarter's F01 and F03 compare with: the person count and the vulgraad. */
export interface Vergelijkingstelling extends Vulgraad {
  personen: number;
}

/**
 * Everything F01–F03 need from one delivery, counted person by person (telPersoon), so the same
 * counts come from a parsed delivery on the server and from the stream in the browser, which keeps
 * no persons. F02 also needs: persons with a brede intake, and of them those without k18.
 */
export interface BestandTelling extends Vergelijkingstelling {
  intake: number;
  alfabetiseringLeeg: number;
}

export function nieuweTelling(): BestandTelling {
  return {
    personen: 0,
    intake: 0,
    alfabetiseringLeeg: 0,
    toepasselijk: new Int32Array(40),
    gevuld: new Int32Array(40),
  };
}

/** The counts of a whole parsed delivery: telPersoon over its persons. */
export function bestandTelling(levering: GeparsteLevering): BestandTelling {
  const t = nieuweTelling();
  for (const p of levering.personen) telPersoon(t, p);
  return t;
}

function tel(v: Vulgraad, k: number, geldt: boolean, gevuld: boolean): void {
  if (!geldt) return;
  v.toepasselijk[k]!++;
  if (gevuld) v.gevuld[k]!++;
}

/**
 * Applicability per Tabel 1, as controles.md lists it: k12–14 and k33 for TypeMigrant 1; k21–22 for
 * persons with a PIP on route 1 or 3; k23 for persons with a route-3 PIP that has k34; k24–27 for
 * persons with k23 = 2; k32 for persons with a route-1 PIP; every other kenmerk for everyone. A PIP
 * kenmerk counts as filled when at least one of the person's PIPs has it (k32: a route-1 PIP).
 * Only the PIPs in the delivery itself count: each quarter's share is measured on its own file.
 */
export function vulgraad(levering: GeparsteLevering): Vulgraad {
  return bestandTelling(levering);
}

/** Adds one person to the counts. */
export function telPersoon(v: BestandTelling, p: Persoon): void {
  v.personen++;
  if (p.bredeIntakeBegindatum !== undefined) {
    v.intake++;
    if (p.alfabetiseringscursus === undefined) v.alfabetiseringLeeg++;
  }
  let b1OfZ = false;
  let b1 = false;
  let zMetEinde = false;
  let heeftPip = false;
  let route = false;
  let niveauOpB1 = false;
  let begin = false;
  for (const pip of p.pips) {
    heeftPip = true;
    route = true;
    if (pip.route === 1) {
      b1 = true;
      b1OfZ = true;
      if (pip.niveau !== undefined) niveauOpB1 = true;
    } else if (pip.route === 3) {
      b1OfZ = true;
      if (pip.einddatum !== undefined) zMetEinde = true;
    }
    if (pip.begindatum !== undefined) begin = true;
  }
  const asiel = p.typeMigrant === 1;
  tel(v, 12, asiel, p.maatschappelijkeBegeleidingBegindatum !== undefined);
  tel(v, 13, asiel, p.ontzorgenBegindatum !== undefined);
  tel(v, 14, asiel, p.ontzorgenEinddatum !== undefined);
  tel(v, 15, true, p.bredeIntakeBegindatum !== undefined);
  tel(v, 16, true, p.bredeIntakeUrenTaalKNM !== undefined);
  tel(v, 17, true, p.waarschuwingNietVerschijnenIntakeDatum !== undefined);
  tel(v, 18, true, p.alfabetiseringscursus !== undefined);
  tel(v, 19, true, p.analfabetisme !== undefined);
  tel(v, 20, true, p.pvtOndertekeningsdatum !== undefined);
  tel(v, 21, b1OfZ, p.mapDatumEersteActiviteit !== undefined);
  tel(v, 22, b1OfZ, p.mapDatumEindgesprek !== undefined);
  tel(v, 23, zMetEinde, p.zRouteInschattingTaalniveau !== undefined);
  const inschatting = p.zRouteInschattingTaalniveau === 2;
  tel(v, 24, inschatting, p.zRouteLezen !== undefined);
  tel(v, 25, inschatting, p.zRouteSchrijven !== undefined);
  tel(v, 26, inschatting, p.zRouteSpreken !== undefined);
  tel(v, 27, inschatting, p.zRouteLuisteren !== undefined);
  tel(v, 28, true, p.eindeBegeleidingReden !== undefined);
  tel(v, 29, true, p.eindeBegeleidingDatum !== undefined);
  tel(v, 30, true, heeftPip);
  tel(v, 31, true, route);
  tel(v, 32, b1, niveauOpB1);
  tel(v, 33, asiel, begin);
}

function deel(teller: number, noemer: number): string {
  return procent((100 * teller) / noemer);
}

function signaal(rule: BestandSignaal["rule"], message: string): BestandSignaal {
  const r = regel(rule);
  return { rule, severity: r.ernst as BestandSignaal["severity"], message, advies: r.watTeDoen };
}

/**
 * `huidig`: the counts of this delivery; `vorige`: those of the previous quarter's delivery (as
 * statistischeControle chooses it), with its "2025 K4" in `vorigeTekst`.
 */
export function bestandSignalen(
  huidig: BestandTelling,
  vorige: Vergelijkingstelling | undefined,
  vorigeTekst: string,
  b: Basis,
): BestandSignaal[] {
  const uit: BestandSignaal[] = [];

  if (vorige !== undefined) {
    const n0 = vorige.personen;
    const n1 = huidig.personen;
    const verschil = Math.abs(n1 - n0);
    if (n0 >= F01_MIN_VORIG && verschil * 5 > n0 && verschil > F01_MIN_VERSCHIL) {
      uit.push(
        signaal(
          "F01",
          `Deze levering bevat ${aantal(n1, "persoon", "personen")}, tegen ${getal(n0)} in de levering over ${vorigeTekst}: ${n1 > n0 ? "een stijging" : "een daling"} van ${aantal(verschil, "persoon", "personen")} (${deel(verschil, n0)}).`,
        ),
      );
    }
  }

  const intake = huidig.intake;
  const leeg = huidig.alfabetiseringLeeg;
  if (intake >= F02_MIN_INTAKE && 2 * leeg > intake) {
    uit.push(
      signaal(
        "F02",
        `Alfabetiseringscursus (18) is leeg bij ${getal(leeg)} van de ${getal(intake)} personen bij wie de brede intake is begonnen (${deel(leeg, intake)}).`,
      ),
    );
  }

  if (vorige !== undefined) {
    const nu = huidig;
    const toen = vorige;
    for (const k of F03_KENMERKEN) {
      const n0 = toen.toepasselijk[k] as number;
      const g0 = toen.gevuld[k] as number;
      const n1 = nu.toepasselijk[k] as number;
      const g1 = nu.gevuld[k] as number;
      // Without persons it applies to now there is no share to compare.
      if (n0 < F03_MIN_VORIG || n1 === 0) continue;
      if (5 * (g0 * n1 - g1 * n0) <= n0 * n1) continue;
      const info = kenmerk(k);
      uit.push(
        signaal(
          "F03",
          `${info.element} (${k}) is gevuld bij ${deel(g1, n1)} van de personen voor wie het geldt (${getal(g1)} van ${getal(n1)}), tegen ${deel(g0, n0)} (${getal(g0)} van ${getal(n0)}) in de levering over ${vorigeTekst}.`,
        ),
      );
    }
  }

  if (b.ontvangen > b.uiterlijk) {
    uit.push(
      signaal(
        "F04",
        `De levering is ontvangen op ${b.ontvangenTekst}, na de aanleverperiode die eindigde op ${formatDatum(b.uiterlijk)} (4 weken na de laatste dag van het kwartaal).`,
      ),
    );
  }
  return uit;
}

/**
 * A Vergelijkingstelling as stored with an accepted delivery (JSON: no typed arrays), for the next
 * quarter's check in the browser. Kenmerken 12–33 in order; no BSN, only counts.
 */
export interface OpgeslagenTelling {
  personen: number;
  toepasselijk: number[];
  gevuld: number[];
}

export function tellingOpslaan(t: Vergelijkingstelling): OpgeslagenTelling {
  return {
    personen: t.personen,
    toepasselijk: F03_KENMERKEN.map((k) => t.toepasselijk[k] as number),
    gevuld: F03_KENMERKEN.map((k) => t.gevuld[k] as number),
  };
}

/** Back from the stored form; undefined for anything that is not one (an older or damaged row). */
export function tellingLezen(j: unknown): Vergelijkingstelling | undefined {
  const o = j as Partial<OpgeslagenTelling> | null;
  const telbaar = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (
    o === null ||
    typeof o !== "object" ||
    !telbaar(o.personen) ||
    !Array.isArray(o.toepasselijk) ||
    !Array.isArray(o.gevuld) ||
    o.toepasselijk.length !== F03_KENMERKEN.length ||
    o.gevuld.length !== F03_KENMERKEN.length ||
    !o.toepasselijk.every(telbaar) ||
    !o.gevuld.every(telbaar)
  )
    return undefined;
  const t: Vergelijkingstelling = {
    personen: o.personen!,
    toepasselijk: new Int32Array(40),
    gevuld: new Int32Array(40),
  };
  F03_KENMERKEN.forEach((k, i) => {
    t.toepasselijk[k] = o.toepasselijk![i] as number;
    t.gevuld[k] = o.gevuld![i] as number;
  });
  return t;
}
