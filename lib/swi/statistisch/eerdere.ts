/**
 * What the rules need from earlier deliveries, kept without their Persoon objects.
 *
 * An earlier delivery is first packed into `CompactePersonen`: per person, in file order, only the
 * fields Q01–Q06 and P20–P24 read, as integers in typed arrays (dates jjjjmmdd, 0 for absent; codes
 * as small ints). 200,000 persons then cost about 12 MB instead of the ~150 MB of their objects,
 * which is what kept `swi validate --previous` on a national file above 256 MB.
 *
 * One index over all earlier deliveries is then built in a single pass: per BSN a slot with what
 * the rules need from the past (PIP routes, gesprek dates, boetes, the last LeerrouteBegindatum,
 * where the person was last delivered). A lookup per person replaces any scan of earlier files.
 *
 * Earlier deliveries are those for a quarter before the current one (a re-delivery of the same
 * quarter or a later quarter is not "earlier" and is ignored), taken in quarter order; for two
 * deliveries of one quarter the later one in the given array counts as the later delivery. The
 * caller chooses the deliveries (same berichtgever and gemeente, accepted ones).
 */
import { formatKwartaal, kwartaalVolgnummer } from "../datum";
import type { Datum, LeveringKop, Persoon, Pip } from "../types";

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

/** The Persoon dates Q03 compares, in this order in `CompactePersonen.datums`. */
export const Q03_KENMERKEN = [12, 13, 15, 17, 20, 21] as const;
const AANTAL_DATUMS = Q03_KENMERKEN.length;

/** The persons of one earlier delivery, packed (see above). Index i is the i-th Persoon of the file. */
export interface CompactePersonen {
  aantal: number;
  /** The BSN as a number when it is 9 digits (always, in an accepted file); otherwise -1 and in andereBsn. */
  bsn: Int32Array;
  andereBsn: Map<number, string>;
  geboortedatum: Int32Array;
  geslacht: Uint8Array;
  /** EindeBegeleidingReden and -Datum; 0 when absent. */
  eindeReden: Uint8Array;
  eindeDatum: Int32Array;
  /** AANTAL_DATUMS per person, Q03_KENMERKEN order; 0 when absent. */
  datums: Int32Array;
  pipVlaggen: Uint8Array;
  /** The begindatum of the most recent PIP that has one (0: none): "the one delivered". */
  leerrouteBegin: Int32Array;
  /** Person i's gesprek dates are gesprekDatum[gesprekVan[i] .. gesprekVan[i + 1]). */
  gesprekVan: Int32Array;
  gesprekDatum: Int32Array;
  /** Person i's boetes are boete…[boeteVan[i] .. boeteVan[i + 1]). */
  boeteVan: Int32Array;
  boeteDatum: Int32Array;
  boeteReden: Uint8Array;
  boeteBedrag: Int32Array;
}

/** The map key of a BSN: a number for the usual 9 digits (no string kept), else the string itself. */
export function bsnSleutel(bsn: string): number | string {
  if (bsn.length !== 9) return bsn;
  let n = 0;
  for (let i = 0; i < 9; i++) {
    const c = bsn.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return bsn;
    n = n * 10 + c;
  }
  return n;
}

function leerrouteBeginVan(pips: readonly Pip[]): Datum {
  // Within one delivery, the begindatum of the most recent PIP that has one is "the one delivered".
  let begin = 0;
  let pipDatum = 0;
  for (const pip of pips) {
    if (pip.begindatum !== undefined && pip.datum >= pipDatum) {
      begin = pip.begindatum;
      pipDatum = pip.datum;
    }
  }
  return begin;
}

export function compacteer(personen: readonly Persoon[]): CompactePersonen {
  const n = personen.length;
  let gesprekken = 0;
  let boetes = 0;
  for (const p of personen) {
    gesprekken += p.voortgangsgesprekken.length;
    boetes += p.boetes.length;
  }
  const c: CompactePersonen = {
    aantal: n,
    bsn: new Int32Array(n),
    andereBsn: new Map(),
    geboortedatum: new Int32Array(n),
    geslacht: new Uint8Array(n),
    eindeReden: new Uint8Array(n),
    eindeDatum: new Int32Array(n),
    datums: new Int32Array(n * AANTAL_DATUMS),
    pipVlaggen: new Uint8Array(n),
    leerrouteBegin: new Int32Array(n),
    gesprekVan: new Int32Array(n + 1),
    gesprekDatum: new Int32Array(gesprekken),
    boeteVan: new Int32Array(n + 1),
    boeteDatum: new Int32Array(boetes),
    boeteReden: new Uint8Array(boetes),
    boeteBedrag: new Int32Array(boetes),
  };
  let g = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    const p = personen[i] as Persoon;
    const sleutel = bsnSleutel(p.bsn);
    if (typeof sleutel === "number") c.bsn[i] = sleutel;
    else {
      c.bsn[i] = -1;
      c.andereBsn.set(i, sleutel);
    }
    c.geboortedatum[i] = p.geboortedatum;
    c.geslacht[i] = p.geslacht;
    c.eindeReden[i] = p.eindeBegeleidingReden ?? 0;
    c.eindeDatum[i] = p.eindeBegeleidingDatum ?? 0;
    const d = i * AANTAL_DATUMS;
    c.datums[d] = p.maatschappelijkeBegeleidingBegindatum ?? 0;
    c.datums[d + 1] = p.ontzorgenBegindatum ?? 0;
    c.datums[d + 2] = p.bredeIntakeBegindatum ?? 0;
    c.datums[d + 3] = p.waarschuwingNietVerschijnenIntakeDatum ?? 0;
    c.datums[d + 4] = p.pvtOndertekeningsdatum ?? 0;
    c.datums[d + 5] = p.mapDatumEersteActiviteit ?? 0;
    if (p.pips.length > 0) {
      c.pipVlaggen[i] = pipVlaggen(p.pips);
      c.leerrouteBegin[i] = leerrouteBeginVan(p.pips);
    }
    c.gesprekVan[i] = g;
    for (const x of p.voortgangsgesprekken) c.gesprekDatum[g++] = x.datum;
    c.boeteVan[i] = b;
    for (const x of p.boetes) {
      c.boeteDatum[b] = x.datum;
      c.boeteReden[b] = x.reden;
      c.boeteBedrag[b] = x.bedrag;
      b++;
    }
  }
  c.gesprekVan[n] = g;
  c.boeteVan[n] = b;
  return c;
}

/** Person i's BSN as delivered. */
export function compacteBsn(c: CompactePersonen, i: number): string {
  const n = c.bsn[i] as number;
  return n >= 0 ? String(n).padStart(9, "0") : (c.andereBsn.get(i) as string);
}

/** Person i's date for a Q03 kenmerk (0: absent). */
export function compacteDatum(c: CompactePersonen, i: number, k: (typeof Q03_KENMERKEN)[number]): Datum {
  return c.datums[i * AANTAL_DATUMS + Q03_KENMERKEN.indexOf(k)] as number;
}

/**
 * BSN → slot. A 9-digit BSN (all of them, in accepted files) is found in an open-addressing table
 * over two Int32Arrays; anything else in a Map. Why not one Map: it was the largest cost of the
 * statistische controle with a previous quarter (one lookup per person, one insert per earlier one).
 */
export class BsnTabel {
  private readonly sleutels: Int32Array;
  private readonly slots: Int32Array;
  private readonly verschuiving: number;
  private readonly masker: number;
  private readonly anders = new Map<string, number>();
  size = 0;

  constructor(capaciteit: number) {
    let bits = 4;
    while (1 << bits < capaciteit * 2) bits++;
    this.sleutels = new Int32Array(1 << bits).fill(-1);
    this.slots = new Int32Array(1 << bits);
    this.verschuiving = 32 - bits;
    this.masker = (1 << bits) - 1;
  }

  /** The position of key n ≥ 0, or of the empty place where it would go. */
  private plaats(n: number): number {
    // Fibonacci hashing: the high bits of n × 2³²/φ spread consecutive BSNs over the table.
    let h = Math.imul(n, 0x9e3779b1) >>> this.verschuiving;
    for (;;) {
      const k = this.sleutels[h] as number;
      if (k === n || k === -1) return h;
      h = (h + 1) & this.masker;
    }
  }

  /** The slot of a numeric key, -1 when absent. */
  getal(n: number): number {
    const h = this.plaats(n);
    return this.sleutels[h] === n ? (this.slots[h] as number) : -1;
  }

  tekst(t: string): number {
    return this.anders.get(t) ?? -1;
  }

  /** The slot of this key, a new one (the next number) when it was absent. */
  slotVoorGetal(n: number): number {
    const h = this.plaats(n);
    if (this.sleutels[h] === n) return this.slots[h] as number;
    this.sleutels[h] = n;
    this.slots[h] = this.size;
    return this.size++;
  }

  slotVoorTekst(t: string): number {
    const s = this.anders.get(t);
    if (s !== undefined) return s;
    this.anders.set(t, this.size);
    return this.size++;
  }

  /** Person i of an earlier delivery's slot, -1 when absent. */
  vanCompact(c: CompactePersonen, i: number): number {
    const n = c.bsn[i] as number;
    return n >= 0 ? this.getal(n) : this.tekst(c.andereBsn.get(i) as string);
  }
}

/** An earlier delivery as the index needs it: its header and its packed persons. */
export interface EerdereInvoer {
  kop: LeveringKop;
  compact: CompactePersonen;
}

export interface EerdereIndex {
  /** Earlier deliveries in quarter order. */
  leveringen: CompactePersonen[];
  /** "2025 K4" per delivery. */
  labels: string[];
  /** Index of the previous quarter's delivery (the latest earlier one), -1 when there is none. */
  vorige: number;
  /** BSN → slot; the arrays below are per slot. */
  slots: BsnTabel;
  pipVlaggen: Uint8Array;
  /** The LeerrouteBegindatum last delivered (0: never), with its delivery. */
  leerrouteBegin: Int32Array;
  leerrouteBeginLevering: Int32Array;
  /** Where the person was last delivered: the delivery and the position in it. */
  laatsteLevering: Int32Array;
  laatstePositie: Int32Array;
  /** Set while checking the current delivery: the person is in it (for Q01). */
  gezien: Uint8Array;
  /** Distinct gesprek dates per slot with the delivery they first appeared in, as a linked list. */
  gesprekKop: Int32Array;
  gesprekDatum: Int32Array;
  gesprekLevering: Int32Array;
  gesprekVolgende: Int32Array;
  /** Every earlier boete per slot, as a linked list. */
  boeteKop: Int32Array;
  boeteDatum: Int32Array;
  boeteReden: Uint8Array;
  boeteBedrag: Int32Array;
  boeteLevering: Int32Array;
  boeteVolgende: Int32Array;
}

/** "No slot": the person is in no earlier delivery. */
export const GEEN = -1;

function volgnummer(l: { kop: LeveringKop }): number {
  return kwartaalVolgnummer(l.kop.statistiekjaar, l.kop.statistiekkwartaal);
}

/** The deliveries for quarters before the current one, in quarter order (see above). */
export function eerdereOpVolgorde<T extends { kop: LeveringKop }>(
  huidig: { kop: LeveringKop },
  eerdere: readonly T[],
): T[] {
  const grens = volgnummer(huidig);
  return eerdere
    .map((l, i) => ({ l, i, v: volgnummer(l) }))
    .filter((x) => x.v < grens)
    .sort((a, b) => a.v - b.v || a.i - b.i)
    .map((x) => x.l);
}

export function bouwEerdereIndex(huidig: { kop: LeveringKop }, eerdere: readonly EerdereInvoer[]): EerdereIndex {
  const gekozen = eerdereOpVolgorde(huidig, eerdere);
  const leveringen = gekozen.map((l) => l.compact);
  let personen = 0;
  let gesprekken = 0;
  let boetes = 0;
  for (const c of leveringen) {
    personen += c.aantal;
    gesprekken += c.gesprekDatum.length;
    boetes += c.boeteDatum.length;
  }
  const idx: EerdereIndex = {
    leveringen,
    labels: gekozen.map((l) => formatKwartaal(l.kop.statistiekjaar, l.kop.statistiekkwartaal)),
    vorige: leveringen.length - 1,
    slots: new BsnTabel(personen),
    pipVlaggen: new Uint8Array(personen),
    leerrouteBegin: new Int32Array(personen),
    leerrouteBeginLevering: new Int32Array(personen).fill(-1),
    laatsteLevering: new Int32Array(personen),
    laatstePositie: new Int32Array(personen),
    gezien: new Uint8Array(personen),
    gesprekKop: new Int32Array(personen).fill(-1),
    gesprekDatum: new Int32Array(gesprekken),
    gesprekLevering: new Int32Array(gesprekken),
    gesprekVolgende: new Int32Array(gesprekken),
    boeteKop: new Int32Array(personen).fill(-1),
    boeteDatum: new Int32Array(boetes),
    boeteReden: new Uint8Array(boetes),
    boeteBedrag: new Int32Array(boetes),
    boeteLevering: new Int32Array(boetes),
    boeteVolgende: new Int32Array(boetes),
  };
  let g = 0;
  let b = 0;
  for (let li = 0; li < leveringen.length; li++) {
    const c = leveringen[li] as CompactePersonen;
    for (let i = 0; i < c.aantal; i++) {
      const n = c.bsn[i] as number;
      const s = n >= 0 ? idx.slots.slotVoorGetal(n) : idx.slots.slotVoorTekst(c.andereBsn.get(i) as string);
      // The person as last delivered wins (a later delivery, or later in the same file).
      idx.laatsteLevering[s] = li;
      idx.laatstePositie[s] = i;
      idx.pipVlaggen[s]! |= c.pipVlaggen[i] as number;
      const begin = c.leerrouteBegin[i] as number;
      if (begin !== 0) {
        idx.leerrouteBegin[s] = begin;
        idx.leerrouteBeginLevering[s] = li;
      }
      for (let j = c.gesprekVan[i] as number; j < (c.gesprekVan[i + 1] as number); j++) {
        const datum = c.gesprekDatum[j] as number;
        if (gesprekEerderGeleverd(idx, s, datum) >= 0) continue;
        idx.gesprekDatum[g] = datum;
        idx.gesprekLevering[g] = li;
        idx.gesprekVolgende[g] = idx.gesprekKop[s] as number;
        idx.gesprekKop[s] = g++;
      }
      for (let j = c.boeteVan[i] as number; j < (c.boeteVan[i + 1] as number); j++) {
        idx.boeteDatum[b] = c.boeteDatum[j] as number;
        idx.boeteReden[b] = c.boeteReden[j] as number;
        idx.boeteBedrag[b] = c.boeteBedrag[j] as number;
        idx.boeteLevering[b] = li;
        idx.boeteVolgende[b] = idx.boeteKop[s] as number;
        idx.boeteKop[s] = b++;
      }
    }
  }
  return idx;
}

/** The slot of this BSN, GEEN when no earlier delivery holds it. */
export function zoekEerder(idx: EerdereIndex, bsn: string): number {
  if (idx.slots.size === 0) return GEEN;
  const sleutel = bsnSleutel(bsn);
  return typeof sleutel === "number" ? idx.slots.getal(sleutel) : idx.slots.tekst(sleutel);
}

/** The delivery (index) in which this gesprek date was first delivered, -1 when never. */
export function gesprekEerderGeleverd(idx: EerdereIndex, s: number, datum: Datum): number {
  if (s < 0) return -1;
  for (let j = idx.gesprekKop[s] as number; j >= 0; j = idx.gesprekVolgende[j] as number) {
    if (idx.gesprekDatum[j] === datum) return idx.gesprekLevering[j] as number;
  }
  return -1;
}

/** A boete with this date was delivered before, whatever its reden (Q05 judges a changed reden). */
export function boeteDatumEerderGeleverd(idx: EerdereIndex, s: number, datum: Datum): boolean {
  if (s < 0) return false;
  for (let j = idx.boeteKop[s] as number; j >= 0; j = idx.boeteVolgende[j] as number) {
    if (idx.boeteDatum[j] === datum) return true;
  }
  return false;
}

/** A boete "is in an earlier delivery" when one there has the same date and reden (its identity per 2.5). */
export function boeteEerderGeleverd(idx: EerdereIndex, s: number, datum: Datum, reden: number): boolean {
  if (s < 0) return false;
  for (let j = idx.boeteKop[s] as number; j >= 0; j = idx.boeteVolgende[j] as number) {
    if (idx.boeteDatum[j] === datum && idx.boeteReden[j] === reden) return true;
  }
  return false;
}
