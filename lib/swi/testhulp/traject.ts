/**
 * The latent life of one inburgeraar in a gemeente: every event with its (eventual) date, drawn
 * once from the person's own seed. A delivery is a projection of these trajectories on a quarter
 * (see projectie.ts), which is what keeps consecutive quarters consistent: a date never changes once
 * it has happened, and nothing is delivered before it has happened.
 */
import type { Datum } from "../types";
import { dagnummer, datumVanDagnummer, plusDagen } from "../testhulp/kalender";
import { geheel, kans, kies, maakRng, type Rng } from "../testhulp/prng";

export interface TrajectPip {
  datum: Datum;
  route: 1 | 2 | 3;
  niveau?: 1 | 2;
}

export interface TrajectBoete {
  datum: Datum;
  reden: 1 | 2;
  bedrag: number;
  /** A later reduction or withdrawal (amount 0), decided in the quarter after the boete's. */
  correctie?: { datum: Datum; bedrag: number };
}

export interface Traject {
  id: number;
  bsn: string;
  geboortedatum: Datum;
  geslacht: 1 | 2 | 3;
  typeMigrant: 1 | 2;
  /** The day the inburgeraar was linked to the gemeente. */
  start: Datum;
  maatschappelijkeBegeleiding?: Datum;
  ontzorgenBegin?: Datum;
  ontzorgenEind?: Datum;
  bredeIntake?: Datum;
  waarschuwingIntake?: Datum;
  /** Known from the brede intake on. */
  alfabetiseringscursus?: 1 | 2;
  analfabetisme?: 1 | 2;
  /** Known once the first PIP is there. */
  urenTaalKNM?: number;
  pvt?: Datum;
  pips: TrajectPip[];
  /** Asielstatushouders only; stays the same when the route changes. */
  leerrouteBegin?: Datum;
  /** Route 3 only: the end of the Z-route (on the last PIP) with the language assessment. */
  zRouteEinde?: Datum;
  zRouteInschatting?: 1 | 2;
  zRouteScores?: [1 | 2 | 3 | 9, 1 | 2 | 3 | 9, 1 | 2 | 3 | 9, 1 | 2 | 3 | 9];
  mapEersteActiviteit?: Datum;
  mapEindgesprek?: Datum;
  gesprekken: Datum[];
  boetes: TrajectBoete[];
  einde?: { reden: 1 | 2; datum: Datum };
}

const BOETEBEDRAGEN_INTAKE = [100, 150, 250, 340] as const;
const BOETEBEDRAGEN_TRAJECT = [250, 500, 800, 1000, 1250] as const;
const ZROUTE_SCORES = [1, 2, 2, 3, 3, 9] as const;

/**
 * A BSN of 9 digits passing the eleven-test (weights 9..2 and −1). One in ten starts with 0: the
 * BSNs of 8 digits, padded with a leading zero (guidelines k8).
 */
export function trekBsn(rng: Rng): string {
  for (;;) {
    const cijfers: number[] = kans(rng, 0.1) ? [0, geheel(rng, 1, 9)] : [geheel(rng, 1, 9)];
    while (cijfers.length < 8) cijfers.push(geheel(rng, 0, 9));
    let som = 0;
    for (let i = 0; i < 8; i++) som += (cijfers[i] ?? 0) * (9 - i);
    const controle = som % 11;
    if (controle === 10) continue;
    cijfers.push(controle);
    const bsn = cijfers.join("");
    if (bsn !== "000000000") return bsn;
  }
}

export function isGeldigBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === "000000000") return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += Number(bsn[i]) * (9 - i);
  return (som - Number(bsn[8])) % 11 === 0;
}

function tussen(rng: Rng, van: Datum, dagenMin: number, dagenMax: number): Datum {
  return plusDagen(van, geheel(rng, dagenMin, dagenMax));
}

export interface TrajectOpties {
  id: number;
  bsn: string;
  seed: string;
  /** The start date is drawn uniformly from [startVan, startTot]. */
  startVan: Datum;
  startTot: Datum;
}

/** Draws one complete trajectory. Only the person's own seed and id decide it. */
export function trekTraject({ id, bsn, seed, startVan, startTot }: TrajectOpties): Traject {
  const rng = maakRng(`${seed}:persoon:${id}`);
  const start = datumVanDagnummer(geheel(rng, dagnummer(startVan), dagnummer(startTot)));
  const typeMigrant: 1 | 2 = kans(rng, 0.6) ? 1 : 2;
  const geslacht: 1 | 2 | 3 = kans(rng, 0.002) ? 3 : kans(rng, 0.52) ? 1 : 2;
  // 18 to 55 at the start, so nobody is under 16 or reaches the AOW age (67) within a trajectory.
  const geboortedatum = plusDagen(start, -geheel(rng, 18 * 365 + 5, 55 * 365));

  const t: Traject = { id, bsn, geboortedatum, geslacht, typeMigrant, start, pips: [], gesprekken: [], boetes: [] };

  if (typeMigrant === 1) {
    if (kans(rng, 0.92)) t.maatschappelijkeBegeleiding = tussen(rng, start, 3, 45);
    if (kans(rng, 0.8)) {
      t.ontzorgenBegin = tussen(rng, start, 3, 40);
      if (kans(rng, 0.9)) t.ontzorgenEind = tussen(rng, t.ontzorgenBegin, 182, 400);
    }
  }

  if (kans(rng, 0.97)) {
    const intake = tussen(rng, start, 20, 120);
    t.bredeIntake = intake;
    if (kans(rng, 0.05) && dagnummer(intake) - dagnummer(start) > 12) {
      t.waarschuwingIntake = tussen(rng, start, 5, dagnummer(intake) - dagnummer(start) - 3);
    }
    if (kans(rng, 0.97)) {
      t.alfabetiseringscursus = kans(rng, 0.18) ? 2 : 1;
      if (t.alfabetiseringscursus === 2) t.analfabetisme = kans(rng, 0.6) ? 1 : 2;
    }
    if (kans(rng, 0.03)) {
      t.boetes.push({ datum: tussen(rng, start, 30, 150), reden: 1, bedrag: kies(rng, BOETEBEDRAGEN_INTAKE) });
    }
    if (kans(rng, 0.95)) trekLeerroute(rng, t, intake);
  }
  if (kans(rng, 0.85)) t.pvt = tussen(rng, start, 90, 400);

  trekEinde(rng, t);
  kapAfNaEinde(t);
  return t;
}

function trekLeerroute(rng: Rng, t: Traject, intake: Datum): void {
  const eerste = tussen(rng, intake, 30, 120);
  const r = rng();
  const route: 1 | 2 | 3 = r < 0.6 ? 1 : r < 0.72 ? 2 : 3;
  t.pips.push(route === 1 ? { datum: eerste, route, niveau: kans(rng, 0.95) ? 1 : 2 } : { datum: eerste, route });
  if (kans(rng, 0.85)) t.urenTaalKNM = geheel(rng, 0, 400);
  if (t.typeMigrant === 1 && kans(rng, 0.9)) t.leerrouteBegin = tussen(rng, eerste, 14, 120);

  // Route changes only towards a route that also allows MAP (B1 or Z), or down to A2 within B1.
  if (kans(rng, 0.15)) {
    const datum = tussen(rng, eerste, 120, 600);
    if (route === 1) t.pips.push(kans(rng, 0.5) ? { datum, route: 1, niveau: 2 } : { datum, route: 3 });
    else if (route === 2) t.pips.push({ datum, route: 1, niveau: 1 });
  }

  const laatste = t.pips[t.pips.length - 1]!;
  const eersteMetMap = t.pips.find((p) => p.route !== 2);
  if (eersteMetMap && kans(rng, 0.8)) {
    t.mapEersteActiviteit = tussen(rng, eersteMetMap.datum, 60, 300);
    if (kans(rng, 0.85)) t.mapEindgesprek = tussen(rng, t.mapEersteActiviteit, 200, 500);
  }
  if (laatste.route === 3 && kans(rng, 0.85)) {
    t.zRouteEinde = tussen(rng, laatste.datum, 360, 800);
    t.zRouteInschatting = kans(rng, 0.6) ? 2 : 1;
    if (t.zRouteInschatting === 2) {
      t.zRouteScores = [
        kies(rng, ZROUTE_SCORES),
        kies(rng, ZROUTE_SCORES),
        kies(rng, ZROUTE_SCORES),
        kies(rng, ZROUTE_SCORES),
      ];
    }
  }

  if (t.typeMigrant === 2 && kans(rng, 0.9)) {
    let gesprek = tussen(rng, eerste, 30, 120);
    for (let i = 0; i < 30; i++) {
      t.gesprekken.push(gesprek);
      gesprek = tussen(rng, gesprek, 60, 160);
    }
  }
  if (kans(rng, 0.04)) {
    const datum = tussen(rng, eerste, 60, 900);
    const boete: TrajectBoete = { datum, reden: 2, bedrag: kies(rng, BOETEBEDRAGEN_TRAJECT) };
    if (kans(rng, 0.3)) boete.correctie = trekCorrectie(rng, boete);
    t.boetes.push(boete);
  }
}

/** A reduction or withdrawal dated in the quarter after the boete's (bezwaar takes weeks). */
function trekCorrectie(rng: Rng, boete: TrajectBoete): { datum: Datum; bedrag: number } {
  const maand = Math.floor(boete.datum / 100) % 100;
  const jaar = Math.floor(boete.datum / 10000);
  const volgendeKwartaalMaand = Math.floor((maand - 1) / 3) * 3 + 4;
  const begin = volgendeKwartaalMaand > 12 ? (jaar + 1) * 10000 + 101 : jaar * 10000 + volgendeKwartaalMaand * 100 + 1;
  return { datum: tussen(rng, begin, 0, 80), bedrag: kans(rng, 0.4) ? 0 : Math.floor(boete.bedrag / 2) };
}

function trekEinde(rng: Rng, t: Traject): void {
  if (kans(rng, 0.22)) {
    t.einde = { reden: 1, datum: tussen(rng, t.start, 60, 1300) };
    return;
  }
  if (kans(rng, 0.1)) return; // still running after years
  const laatstePip = t.pips[t.pips.length - 1];
  let mijlpaal: Datum;
  if (t.zRouteEinde !== undefined) mijlpaal = tussen(rng, t.zRouteEinde, 10, 90);
  else if (laatstePip) mijlpaal = tussen(rng, laatstePip.datum, 600, 1300);
  else mijlpaal = tussen(rng, t.start, 300, 900);
  t.einde = { reden: 2, datum: mijlpaal };
}

/** Nothing happens after the end of the begeleiding (guidelines 2.2 k28, rule P24). */
function kapAfNaEinde(t: Traject): void {
  const einde = t.einde?.datum;
  if (einde === undefined) return;
  const na = (d: Datum | undefined): boolean => d !== undefined && d > einde;
  if (na(t.maatschappelijkeBegeleiding)) delete t.maatschappelijkeBegeleiding;
  if (na(t.ontzorgenBegin)) delete t.ontzorgenBegin;
  if (na(t.ontzorgenEind) || t.ontzorgenBegin === undefined) delete t.ontzorgenEind;
  if (na(t.bredeIntake)) {
    delete t.bredeIntake;
    delete t.alfabetiseringscursus;
    delete t.analfabetisme;
  }
  if (na(t.waarschuwingIntake)) delete t.waarschuwingIntake;
  if (na(t.pvt)) delete t.pvt;
  t.pips = t.pips.filter((p) => !na(p.datum));
  if (t.pips.length === 0) delete t.urenTaalKNM;
  if (na(t.leerrouteBegin) || t.pips.length === 0) delete t.leerrouteBegin;
  const laatste = t.pips[t.pips.length - 1];
  if (na(t.zRouteEinde) || laatste?.route !== 3) {
    delete t.zRouteEinde;
    delete t.zRouteInschatting;
    delete t.zRouteScores;
  }
  if (na(t.mapEersteActiviteit) || !t.pips.some((p) => p.route !== 2)) {
    delete t.mapEersteActiviteit;
    delete t.mapEindgesprek;
  }
  if (na(t.mapEindgesprek)) delete t.mapEindgesprek;
  t.gesprekken = t.gesprekken.filter((d) => !na(d));
  t.boetes = t.boetes.filter((b) => !na(b.datum));
  for (const b of t.boetes) if (b.correctie && na(b.correctie.datum)) delete b.correctie;
}
