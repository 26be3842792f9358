/**
 * Deterministic generator of realistic, clean SWI deliveries for tests and benchmarks.
 *
 * Every person has a latent trajectory (traject.ts) drawn from the seed; a delivery is that
 * population projected on a quarter: what has happened by the quarter's last day, with gesprekken
 * and boetes of the quarter itself (guidelines 3.3.1), the latest PIP plus the PIPs of the quarter,
 * and the boete corrections decided this quarter for boetes delivered last quarter. Passing the
 * previous quarter's `toestand` as `vorige` carries the population over: persons keep their fixed
 * data and dates, those whose begeleiding ended (delivered with EindeBegeleidingReden/-Datum)
 * leave, new ones arrive. Clean means: no rule of controles.md fires, given a receipt date within
 * the aanleverperiode (see `ontvangstdatum`).
 */
import type { Datum, LeveringKop, Persoon, Pip } from "../types";
import {
  kwartaalBegin,
  kwartaalEinde,
  plusDagen,
  volgendKwartaal,
  vorigKwartaal,
  zelfdeKwartaal,
  type Kwartaal,
} from "../testhulp/kalender";
import { maakRng } from "../testhulp/prng";
import { trekBsn, trekTraject, type Traject } from "../testhulp/traject";
import { leveringXml, nummerRegels, schrijfLeveringXml, type SchrijfOpties } from "../testhulp/xml-schrijver";

/** Earliest start of a trajectory: the Wet inburgering 2021 applies from 1 January 2022. */
const EERSTE_START: Datum = 20220101;

const SOFTWAREPAKKETTEN = ["sam", "cys", "zna", "inf", "mct", "mob", "moz", "rmw", "ssd", "wiz", "xws", "yar"] as const;

/** What the generator needs to generate the next quarter: the population and the BSNs in use. */
export interface GeneratorToestand {
  seed: string;
  berichtgevercode: string;
  gemeentecode: string;
  kwartaal: Kwartaal;
  /** Everyone delivered in this quarter. */
  trajecten: Traject[];
  volgendeId: number;
  gebruikteBsns: Set<string>;
}

export interface LeveringOpties {
  berichtgevercode: string;
  gemeentecode: string;
  statistiekjaar: number;
  kwartaal: 1 | 2 | 3 | 4;
  /**
   * Persons in the delivery. With `vorige`, a target: everyone still in begeleiding stays, and
   * newcomers fill up to this number (none when more stayed).
   */
  aantalPersonen: number;
  seed: string | number;
  /** The previous quarter's state, to carry the population over. */
  vorige?: GeneratorToestand;
}

export interface GegenereerdeLevering {
  bestandsnaam: string;
  kop: LeveringKop;
  /** In file order (by BSN), with the line numbers of the written XML. */
  personen: Persoon[];
  /** Pass as `vorige` to generate the next quarter. */
  toestand: GeneratorToestand;
  kwartaalBegin: Datum;
  kwartaalEinde: Datum;
  /** A receipt date at which the delivery is clean: ten days after the quarter. */
  ontvangstdatum: Datum;
  /** The whole XML as a string: for small deliveries only. */
  xml(): string;
  /** Streams the XML to a file; resolves to the number of bytes. */
  schrijfXml(pad: string, opties?: SchrijfOpties): Promise<number>;
}

export function bestandsnaamVoor(
  kop: Pick<LeveringKop, "berichtgevercode" | "gemeentecode" | "statistiekjaar" | "statistiekkwartaal">,
): string {
  return `SWI_${kop.berichtgevercode}_${kop.gemeentecode}_${kop.statistiekjaar}${kop.statistiekkwartaal}.XML`;
}

export function genereerLevering(opties: LeveringOpties): GegenereerdeLevering {
  const kwartaal: Kwartaal = { jaar: opties.statistiekjaar, kwartaal: opties.kwartaal };
  const seed = String(opties.seed);
  const begin = kwartaalBegin(kwartaal);
  const einde = kwartaalEinde(kwartaal);
  const vorige = opties.vorige;
  if (vorige && !zelfdeKwartaal(volgendKwartaal(vorige.kwartaal), kwartaal)) {
    throw new Error(
      `vorige is kwartaal ${vorige.kwartaal.jaar}-${vorige.kwartaal.kwartaal}, niet het kwartaal vóór ${kwartaal.jaar}-${kwartaal.kwartaal}`,
    );
  }

  const gebruikteBsns = new Set(vorige?.gebruikteBsns);
  let volgendeId = vorige?.volgendeId ?? 0;
  // The BSN stream depends only on seed and quarter, so a person's BSN does not depend on how
  // many persons others drew.
  const bsnRng = maakRng(`${vorige?.seed ?? seed}:bsn:${kwartaal.jaar}${kwartaal.kwartaal}`);
  const nieuweBsn = (): string => {
    for (;;) {
      const bsn = trekBsn(bsnRng);
      if (!gebruikteBsns.has(bsn)) {
        gebruikteBsns.add(bsn);
        return bsn;
      }
    }
  };

  const trajecten: Traject[] = [];
  const basisSeed = vorige?.seed ?? seed;
  if (vorige) {
    for (const t of vorige.trajecten) if (inLevering(t, begin, einde)) trajecten.push(t);
    for (let n = trajecten.length; n < opties.aantalPersonen; n++) {
      trajecten.push(
        trekTraject({ id: volgendeId++, bsn: nieuweBsn(), seed: basisSeed, startVan: begin, startTot: einde }),
      );
    }
  } else {
    // A population in mid-stream: anyone linked since 2022 whose begeleiding has not ended before
    // this quarter began.
    while (trajecten.length < opties.aantalPersonen) {
      const id = volgendeId++;
      const t = trekTraject({ id, bsn: "", seed: basisSeed, startVan: EERSTE_START, startTot: einde });
      if (!inLevering(t, begin, einde)) continue;
      t.bsn = nieuweBsn();
      trajecten.push(t);
    }
  }

  const kop: LeveringKop = {
    statistiekjaar: opties.statistiekjaar,
    statistiekkwartaal: opties.kwartaal,
    statistiekcode: 40,
    naamSoftwarepakket:
      SOFTWAREPAKKETTEN[
        Math.floor(maakRng(`${basisSeed}:pakket:${opties.gemeentecode}`)() * SOFTWAREPAKKETTEN.length)
      ]!,
    versieSoftwarepakket: `${opties.statistiekjaar}.${opties.kwartaal}.${(opties.statistiekjaar * 7 + opties.kwartaal) % 10}`,
    berichtgevercode: opties.berichtgevercode,
    gemeentecode: opties.gemeentecode,
  };

  const personen = trajecten.map((t) => projecteer(t, kwartaal, vorige !== undefined));
  personen.sort((a, b) => (a.bsn < b.bsn ? -1 : a.bsn > b.bsn ? 1 : 0));
  nummerRegels(personen);

  const toestand: GeneratorToestand = {
    seed: basisSeed,
    berichtgevercode: opties.berichtgevercode,
    gemeentecode: opties.gemeentecode,
    kwartaal,
    trajecten,
    volgendeId,
    gebruikteBsns,
  };
  return {
    bestandsnaam: bestandsnaamVoor(kop),
    kop,
    personen,
    toestand,
    kwartaalBegin: begin,
    kwartaalEinde: einde,
    ontvangstdatum: plusDagen(einde, 10),
    xml: () => leveringXml(kop, personen),
    schrijfXml: (pad, schrijfOpties) => schrijfLeveringXml(pad, kop, personen, schrijfOpties),
  };
}

export interface PaarOpties {
  berichtgevercode: string;
  gemeentecode: string;
  /** The current quarter; the previous one is the quarter before it. */
  statistiekjaar: number;
  kwartaal: 1 | 2 | 3 | 4;
  /** Persons in the previous quarter; the current one grows by `groei` (default 2%). */
  aantalPersonen: number;
  groei?: number;
  seed: string | number;
}

/** A previous and a current quarter of the same population. */
export function genereerLeveringPaar(opties: PaarOpties): {
  vorige: GegenereerdeLevering;
  huidige: GegenereerdeLevering;
} {
  const vorigK = vorigKwartaal({ jaar: opties.statistiekjaar, kwartaal: opties.kwartaal });
  const basis = { berichtgevercode: opties.berichtgevercode, gemeentecode: opties.gemeentecode, seed: opties.seed };
  const vorige = genereerLevering({
    ...basis,
    statistiekjaar: vorigK.jaar,
    kwartaal: vorigK.kwartaal,
    aantalPersonen: opties.aantalPersonen,
  });
  const huidige = genereerLevering({
    ...basis,
    statistiekjaar: opties.statistiekjaar,
    kwartaal: opties.kwartaal,
    aantalPersonen: Math.round(opties.aantalPersonen * (1 + (opties.groei ?? 0.02))),
    vorige: vorige.toestand,
  });
  return { vorige, huidige };
}

/** Delivered this quarter: linked by its end and not ended before it began. */
function inLevering(t: Traject, begin: Datum, einde: Datum): boolean {
  return t.start <= einde && (t.einde === undefined || t.einde.datum >= begin);
}

const tot = (d: Datum | undefined, einde: Datum): Datum | undefined => (d !== undefined && d <= einde ? d : undefined);

/**
 * The person as delivered for the quarter. `vorigeGeleverd`: the previous quarter was delivered
 * (by this generator), so corrections of its boetes may be delivered now.
 */
export function projecteer(t: Traject, kwartaal: Kwartaal, vorigeGeleverd: boolean): Persoon {
  const begin = kwartaalBegin(kwartaal);
  const einde = kwartaalEinde(kwartaal);
  const vorigBegin = kwartaalBegin(vorigKwartaal(kwartaal));
  const intake = tot(t.bredeIntake, einde);
  const zEinde = tot(t.zRouteEinde, einde);
  const eindeBekend = t.einde !== undefined && t.einde.datum <= einde ? t.einde : undefined;

  const p: Persoon = {
    line: 0,
    bsn: t.bsn,
    geboortedatum: t.geboortedatum,
    geslacht: t.geslacht,
    typeMigrant: t.typeMigrant,
    pips: [],
    voortgangsgesprekken: [],
    boetes: [],
  };
  const zet = <K extends keyof Persoon>(k: K, v: Persoon[K] | undefined): void => {
    if (v !== undefined) p[k] = v;
  };
  zet("maatschappelijkeBegeleidingBegindatum", tot(t.maatschappelijkeBegeleiding, einde));
  zet("ontzorgenBegindatum", tot(t.ontzorgenBegin, einde));
  zet("ontzorgenEinddatum", tot(t.ontzorgenEind, einde));
  zet("bredeIntakeBegindatum", intake);
  const gehaald = t.pips.filter((pip) => pip.datum <= einde);
  if (gehaald.length > 0) zet("bredeIntakeUrenTaalKNM", t.urenTaalKNM);
  zet("waarschuwingNietVerschijnenIntakeDatum", tot(t.waarschuwingIntake, einde));
  if (intake !== undefined) {
    zet("alfabetiseringscursus", t.alfabetiseringscursus);
    zet("analfabetisme", t.analfabetisme);
  }
  zet("pvtOndertekeningsdatum", tot(t.pvt, einde));
  zet("mapDatumEersteActiviteit", tot(t.mapEersteActiviteit, einde));
  zet("mapDatumEindgesprek", tot(t.mapEindgesprek, einde));
  if (zEinde !== undefined) {
    zet("zRouteInschattingTaalniveau", t.zRouteInschatting);
    if (t.zRouteScores) {
      [p.zRouteLezen, p.zRouteSchrijven, p.zRouteSpreken, p.zRouteLuisteren] = t.zRouteScores;
    }
  }
  if (eindeBekend) {
    p.eindeBegeleidingReden = eindeBekend.reden;
    p.eindeBegeleidingDatum = eindeBekend.datum;
  }

  // The PIP in force when the quarter began plus every PIP of the quarter: all that applied in
  // it (guidelines 3.3.1); an older PIP is not delivered again.
  const geldendBijBegin = gehaald.filter((pip) => pip.datum < begin).pop()?.datum;
  const leerrouteBegin = tot(t.leerrouteBegin, einde);
  for (const [i, pip] of gehaald.entries()) {
    if (pip.datum < begin && pip.datum !== geldendBijBegin) continue;
    const geleverd: Pip = { line: 0, datum: pip.datum, route: pip.route };
    if (pip.niveau !== undefined) geleverd.niveau = pip.niveau;
    if (leerrouteBegin !== undefined) geleverd.begindatum = leerrouteBegin;
    if (zEinde !== undefined && i === t.pips.length - 1) geleverd.einddatum = zEinde;
    p.pips.push(geleverd);
  }

  for (const d of t.gesprekken) if (d >= begin && d <= einde) p.voortgangsgesprekken.push({ line: 0, datum: d });

  for (const b of t.boetes) {
    if (b.datum >= begin && b.datum <= einde) {
      p.boetes.push({ line: 0, datum: b.datum, reden: b.reden, bedrag: b.bedrag });
    } else if (
      vorigeGeleverd &&
      b.correctie &&
      b.datum >= vorigBegin &&
      b.datum < begin &&
      b.correctie.datum >= begin &&
      b.correctie.datum <= einde
    ) {
      p.boetes.push({ line: 0, datum: b.datum, reden: b.reden, bedrag: b.correctie.bedrag });
    }
  }
  return p;
}
