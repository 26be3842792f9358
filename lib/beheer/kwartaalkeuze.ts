import { z } from "zod";
import { datumInNederland } from "@/lib/leveringen/aanleverperiode";
import { kwartaalVan, vorigKwartaal, type Kwartaalnummer } from "@/lib/swi/datum";
import { EERSTE_JAAR } from "./codelijst";

/** Staff pages choose a quarter by ?kwartaal=2026-1; the default is the last finished quarter. */

export function standaardKwartaal(nu: Date = new Date()): { jaar: number; kwartaal: Kwartaalnummer } {
  return vorigKwartaal(kwartaalVan(datumInNederland(nu)));
}

export function kwartaalUitParam(waarde: unknown, nu: Date = new Date()): { jaar: number; kwartaal: Kwartaalnummer } {
  const m = typeof waarde === "string" ? /^(\d{4})-([1-4])$/.exec(waarde) : null;
  const standaard = standaardKwartaal(nu);
  if (!m) return standaard;
  const jaar = Number(m[1]);
  const kwartaal = Number(m[2]) as Kwartaalnummer;
  if (jaar < EERSTE_JAAR || jaar * 4 + kwartaal > standaard.jaar * 4 + standaard.kwartaal + 1) return standaard;
  return { jaar, kwartaal };
}

/** Newest first, from the current quarter back to the first of the SWI. */
export function kwartaalOpties(nu: Date = new Date()): { waarde: string; tekst: string }[] {
  const huidig = kwartaalVan(datumInNederland(nu));
  const uit: { waarde: string; tekst: string }[] = [];
  for (let k = huidig; k.jaar >= EERSTE_JAAR; k = vorigKwartaal(k)) {
    uit.push({ waarde: `${k.jaar}-${k.kwartaal}`, tekst: `${k.jaar} kwartaal ${k.kwartaal}` });
  }
  return uit;
}

export const kwartaalParamSchema = z
  .string()
  .regex(/^\d{4}-[1-4]$/)
  .optional()
  .catch(undefined);
