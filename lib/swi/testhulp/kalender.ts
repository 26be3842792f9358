/**
 * Date arithmetic for the generator. Deliberately independent of lib/swi/datum.ts: test data that
 * is built with the code under test cannot catch that code's mistakes.
 */
import type { Datum } from "../types";

const MS_PER_DAG = 86_400_000;

/** Days since 1970-01-01 for a complete jjjjmmdd date. */
export function dagnummer(datum: Datum): number {
  const jaar = Math.floor(datum / 10000);
  const maand = Math.floor(datum / 100) % 100;
  const dag = datum % 100;
  return Math.round(Date.UTC(jaar, maand - 1, dag) / MS_PER_DAG);
}

export function datumVanDagnummer(dagen: number): Datum {
  const d = new Date(dagen * MS_PER_DAG);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

export function plusDagen(datum: Datum, dagen: number): Datum {
  return datumVanDagnummer(dagnummer(datum) + dagen);
}

export function plusJaren(datum: Datum, jaren: number): Datum {
  return datum + jaren * 10000;
}

export interface Kwartaal {
  jaar: number;
  kwartaal: 1 | 2 | 3 | 4;
}

export function kwartaalBegin({ jaar, kwartaal }: Kwartaal): Datum {
  return jaar * 10000 + ((kwartaal - 1) * 3 + 1) * 100 + 1;
}

export function kwartaalEinde({ jaar, kwartaal }: Kwartaal): Datum {
  const volgende = volgendKwartaal({ jaar, kwartaal });
  return plusDagen(kwartaalBegin(volgende), -1);
}

export function volgendKwartaal({ jaar, kwartaal }: Kwartaal): Kwartaal {
  return kwartaal === 4 ? { jaar: jaar + 1, kwartaal: 1 } : { jaar, kwartaal: (kwartaal + 1) as 1 | 2 | 3 | 4 };
}

export function vorigKwartaal({ jaar, kwartaal }: Kwartaal): Kwartaal {
  return kwartaal === 1 ? { jaar: jaar - 1, kwartaal: 4 } : { jaar, kwartaal: (kwartaal - 1) as 1 | 2 | 3 | 4 };
}

export function kwartaalVan(datum: Datum): Kwartaal {
  const maand = Math.floor(datum / 100) % 100;
  return { jaar: Math.floor(datum / 10000), kwartaal: (Math.floor((maand - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

export function zelfdeKwartaal(a: Kwartaal, b: Kwartaal): boolean {
  return a.jaar === b.jaar && a.kwartaal === b.kwartaal;
}
