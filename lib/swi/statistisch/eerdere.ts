/**
 * One index over all earlier deliveries, built in a single pass: per BSN what the rules need from
 * the past (PIP routes, gesprek dates, boetes, the last LeerrouteBegindatum, the person as last
 * delivered). A lookup per person then replaces any scan of earlier files.
 *
 * Earlier deliveries are those for a quarter before the current one (a re-delivery of the same
 * quarter or a later quarter is not "earlier" and is ignored), taken in quarter order; for two
 * deliveries of one quarter the later one in the given array counts as the later delivery. The
 * caller chooses the deliveries (same berichtgever and gemeente, accepted ones).
 */
import { formatKwartaal, kwartaalVolgnummer } from "../datum";
import type { Datum, GeparsteLevering, Persoon, Pip } from "../types";

export const PIP_ENIG = 1;
export const PIP_B1_OF_Z = 2;
export const PIP_Z = 4;

export function pipVlaggen(pips: readonly Pip[]): number {
  let v = 0;
  for (const pip of pips) {
    v |= PIP_ENIG;
    if (pip.route === 1 || pip.route === 3) v |= PIP_B1_OF_Z;
    if (pip.route === 3) v |= PIP_Z;
  }
  return v;
}

export interface EerdereBoete {
  datum: Datum;
  reden: 1 | 2;
  bedrag: number;
  /** Index into EerdereIndex.leveringen. */
  levering: number;
}

export interface EerderePersoon {
  pipVlaggen: number;
  /** Distinct gesprek dates with the delivery they first appeared in: [datum, levering, datum, levering, …]. */
  gesprekken: number[] | null;
  boetes: EerdereBoete[] | null;
  /** The LeerrouteBegindatum last delivered (0: never), with its delivery. */
  leerrouteBegin: Datum;
  leerrouteBeginLevering: number;
  /** The person as in the latest earlier delivery that holds them. */
  laatste: Persoon;
  laatsteLevering: number;
  /** Set while checking the current delivery: the person is in it (for Q01). */
  gezien: boolean;
}

export interface EerdereIndex {
  /** Earlier deliveries in quarter order. */
  leveringen: GeparsteLevering[];
  /** "2025 K4" per delivery. */
  labels: string[];
  /** Index of the previous quarter's delivery (the latest earlier one), -1 when there is none. */
  vorige: number;
  perBsn: Map<string, EerderePersoon>;
}

function volgnummer(l: GeparsteLevering): number {
  return kwartaalVolgnummer(l.kop.statistiekjaar, l.kop.statistiekkwartaal);
}

/** The deliveries for quarters before the current one, in quarter order (see above). */
export function eerdereOpVolgorde(huidig: GeparsteLevering, eerdere: readonly GeparsteLevering[]): GeparsteLevering[] {
  const grens = volgnummer(huidig);
  return eerdere
    .map((l, i) => ({ l, i, v: volgnummer(l) }))
    .filter((x) => x.v < grens)
    .sort((a, b) => a.v - b.v || a.i - b.i)
    .map((x) => x.l);
}

export function bouwEerdereIndex(huidig: GeparsteLevering, eerdere: readonly GeparsteLevering[]): EerdereIndex {
  const leveringen = eerdereOpVolgorde(huidig, eerdere);
  const perBsn = new Map<string, EerderePersoon>();
  for (let li = 0; li < leveringen.length; li++) {
    for (const p of (leveringen[li] as GeparsteLevering).personen) voegToe(perBsn, p, li);
  }
  return {
    leveringen,
    labels: leveringen.map((l) => formatKwartaal(l.kop.statistiekjaar, l.kop.statistiekkwartaal)),
    vorige: leveringen.length - 1,
    perBsn,
  };
}

function voegToe(perBsn: Map<string, EerderePersoon>, p: Persoon, li: number): void {
  let e = perBsn.get(p.bsn);
  if (e === undefined) {
    e = {
      pipVlaggen: 0,
      gesprekken: null,
      boetes: null,
      leerrouteBegin: 0,
      leerrouteBeginLevering: -1,
      laatste: p,
      laatsteLevering: li,
      gezien: false,
    };
    perBsn.set(p.bsn, e);
  }
  e.laatste = p;
  e.laatsteLevering = li;
  if (p.pips.length > 0) {
    e.pipVlaggen |= pipVlaggen(p.pips);
    // Within one delivery, the begindatum of the most recent PIP that has one is "the one delivered".
    let begin = 0;
    let pipDatum = 0;
    for (const pip of p.pips) {
      if (pip.begindatum !== undefined && pip.datum >= pipDatum) {
        begin = pip.begindatum;
        pipDatum = pip.datum;
      }
    }
    if (begin !== 0) {
      e.leerrouteBegin = begin;
      e.leerrouteBeginLevering = li;
    }
  }
  for (const g of p.voortgangsgesprekken) {
    const lijst = (e.gesprekken ??= []);
    if (!bevatGesprek(lijst, g.datum)) lijst.push(g.datum, li);
  }
  for (const b of p.boetes) (e.boetes ??= []).push({ datum: b.datum, reden: b.reden, bedrag: b.bedrag, levering: li });
}

function bevatGesprek(lijst: readonly number[], datum: Datum): boolean {
  for (let i = 0; i < lijst.length; i += 2) if (lijst[i] === datum) return true;
  return false;
}

/** The delivery (index) in which this gesprek date was first delivered, -1 when never. */
export function gesprekEerderGeleverd(e: EerderePersoon | undefined, datum: Datum): number {
  const lijst = e?.gesprekken;
  if (!lijst) return -1;
  for (let i = 0; i < lijst.length; i += 2) if (lijst[i] === datum) return lijst[i + 1] as number;
  return -1;
}

/** A boete "is in an earlier delivery" when one there has the same date and reden (its identity per 2.5). */
/** A boete with this date was delivered before, whatever its reden (Q05 judges a changed reden). */
export function boeteDatumEerderGeleverd(e: EerderePersoon | undefined, datum: Datum): boolean {
  const lijst = e?.boetes;
  if (!lijst) return false;
  for (const b of lijst) if (b.datum === datum) return true;
  return false;
}

export function boeteEerderGeleverd(e: EerderePersoon | undefined, datum: Datum, reden: number): boolean {
  const lijst = e?.boetes;
  if (!lijst) return false;
  for (const b of lijst) if (b.datum === datum && b.reden === reden) return true;
  return false;
}
