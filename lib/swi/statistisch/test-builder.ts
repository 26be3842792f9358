/**
 * Small typed builders for in-memory deliveries, for tests of the statistische controle and the
 * spiegelrapport. The defaults describe a clean, plausible asielstatushouder in 2026 Q1 (received
 * 15-04-2026) that triggers no rule; a test overrides only what it is about. Setting a field to
 * `undefined` leaves the element out, as the parser does.
 */
import type {
  Boete,
  GeparsteLevering,
  LeveringKop,
  Persoon,
  Pip,
  RegelCode,
  Signaal,
  StatistischeUitkomst,
  Voortgangsgesprek,
} from "../types";
import { statistischeControle } from "./index";

/**
 * A BSN that passes the eleven-test, distinct per serial number n ≥ 0. Of the 8-digit prefixes 2n
 * and 2n + 1 (no carry between them, so their weighted sums differ by 2) at least one has a valid
 * check digit.
 */
export function bsn(n: number): string {
  for (const prefix of [10_000_000 + 2 * n, 10_000_000 + 2 * n + 1]) {
    const s = String(prefix);
    let som = 0;
    for (let i = 0; i < 8; i++) som += Number(s[i]) * (9 - i);
    const controle = som % 11;
    if (controle < 10) return s + String(controle);
  }
  throw new Error("onbereikbaar");
}

export function pip(over: Partial<Pip> = {}): Pip {
  return { line: 0, datum: 20251020, route: 1, niveau: 1, begindatum: 20251103, ...over };
}

export function gesprek(datum: number): Voortgangsgesprek {
  return { line: 0, datum };
}

export function boete(datum: number, reden: 1 | 2 = 2, bedrag = 250): Boete {
  return { line: 0, datum, reden, bedrag };
}

/** A clean asielstatushouder (TypeMigrant 1) with a brede intake and a B1-route PIP. */
export function persoon(over: Partial<Persoon> = {}): Persoon {
  return {
    line: 0,
    bsn: bsn(1),
    geboortedatum: 19910514,
    geslacht: 2,
    typeMigrant: 1,
    maatschappelijkeBegeleidingBegindatum: 20250903,
    bredeIntakeBegindatum: 20250910,
    bredeIntakeUrenTaalKNM: 40,
    alfabetiseringscursus: 1,
    pvtOndertekeningsdatum: 20260115,
    pips: [pip()],
    voortgangsgesprekken: [],
    boetes: [],
    ...over,
  };
}

/** A clean gezinsmigrant (TypeMigrant 2): no asiel-only kenmerken, voortgangsgesprekken allowed. */
export function gezinsmigrant(over: Partial<Persoon> = {}): Persoon {
  return persoon({
    typeMigrant: 2,
    maatschappelijkeBegeleidingBegindatum: undefined,
    pips: [pip({ begindatum: undefined })],
    voortgangsgesprekken: [gesprek(20260204)],
    ...over,
  });
}

export interface LeveringOpties {
  jaar?: number;
  kwartaal?: 1 | 2 | 3 | 4;
  gemeentecode?: string;
  berichtgevercode?: string;
}

export function levering(personen: Persoon[], opties: LeveringOpties = {}): GeparsteLevering {
  const kop: LeveringKop = {
    statistiekjaar: opties.jaar ?? 2026,
    statistiekkwartaal: opties.kwartaal ?? 1,
    statistiekcode: 40,
    naamSoftwarepakket: "ssd",
    versieSoftwarepakket: "2026.1.4",
    berichtgevercode: opties.berichtgevercode ?? "0153",
    gemeentecode: opties.gemeentecode ?? "0153",
  };
  return {
    fileName: `SWI_${kop.berichtgevercode}_${kop.gemeentecode}_${kop.statistiekjaar}${kop.statistiekkwartaal}.XML`,
    kop,
    personen,
  };
}

/** n clean persons with distinct BSNs (bsn(start) …). */
export function personen(n: number, over: (i: number) => Partial<Persoon> = () => ({}), start = 1): Persoon[] {
  return Array.from({ length: n }, (_, i) => persoon({ bsn: bsn(start + i), ...over(i) }));
}

export interface ControleOpties extends LeveringOpties {
  /** Default 15-04-2026: after 2026 Q1, inside its aanleverperiode. */
  received?: number;
  eerdere?: GeparsteLevering[];
}

/** Runs the statistische controle on a delivery made of these persons. */
export function controleer(personenLijst: Persoon[], opties: ControleOpties = {}): StatistischeUitkomst {
  return statistischeControle(levering(personenLijst, opties), opties.eerdere ?? [], {
    received: opties.received ?? 20260415,
  });
}

/** The person signals of one rule for a single person. */
export function signalenVan(p: Persoon, code: RegelCode, opties: ControleOpties = {}): Signaal[] {
  return controleer([p], opties).signals.filter((s) => s.rule === code);
}
