/**
 * The shape of the deadline load (`npm run bench:load`), as pure functions so that it is
 * reproducible from a seed and unit-tested: who delivers how many persons, when each upload
 * starts, and how latencies are summarised.
 */
import { maakRng } from "../../lib/swi/testhulp/prng";

export interface Scenario {
  berichtgevers: number;
  minPersonen: number;
  maxPersonen: number;
  /** The uploads start within this many seconds. */
  uploadVensterSeconden: number;
  browsers: number;
  /** A browsing user's pause between two page views, drawn uniformly from this range. */
  denktijdMs: [number, number];
  seed: string;
}

export const VOLLEDIG: Scenario = {
  berichtgevers: 340,
  minPersonen: 200,
  maxPersonen: 20_000,
  uploadVensterSeconden: 180,
  browsers: 50,
  denktijdMs: [1000, 5000],
  seed: "deadline-2026",
};

/** For CI: the same machinery on a handful of small deliveries. */
export const KLEIN: Scenario = {
  berichtgevers: 12,
  minPersonen: 200,
  maxPersonen: 2000,
  uploadVensterSeconden: 10,
  browsers: 5,
  denktijdMs: [300, 1000],
  seed: "deadline-klein",
};

/**
 * Persons per berichtgever, log-uniform between min and max: as with the real gemeenten, most
 * are small and a few are large (the median of 200–20,000 is 2,000).
 */
export function aantallenPersonen(s: Scenario): number[] {
  const rng = maakRng(`${s.seed}:personen`);
  const lo = Math.log(s.minPersonen);
  const hi = Math.log(s.maxPersonen);
  return Array.from({ length: s.berichtgevers }, () => Math.round(Math.exp(lo + rng() * (hi - lo))));
}

/**
 * When each upload starts (ms after the start of the window), ascending: the density grows
 * towards the deadline (t = T·√u puts three quarters of the uploads in the second half).
 */
export function uploadMomenten(s: Scenario): number[] {
  const rng = maakRng(`${s.seed}:momenten`);
  const T = s.uploadVensterSeconden * 1000;
  return Array.from({ length: s.berichtgevers }, () => Math.round(T * Math.sqrt(rng()))).sort((a, b) => a - b);
}

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN for none. */
export function percentiel(waarden: readonly number[], p: number): number {
  if (waarden.length === 0) return NaN;
  const gesorteerd = [...waarden].sort((a, b) => a - b);
  const rang = Math.max(1, Math.ceil((p / 100) * gesorteerd.length));
  return gesorteerd[Math.min(rang, gesorteerd.length) - 1]!;
}

export interface Samenvatting {
  aantal: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function vatSamen(waarden: readonly number[]): Samenvatting {
  return {
    aantal: waarden.length,
    p50: percentiel(waarden, 50),
    p95: percentiel(waarden, 95),
    p99: percentiel(waarden, 99),
    max: waarden.length ? Math.max(...waarden) : NaN,
  };
}
