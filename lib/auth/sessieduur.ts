/**
 * How long a login lasts: it ends after a spell without any request (idle, default 30 minutes) and
 * in any case some hours after signing in (absolute, default 12), whatever happens in between. A
 * portal holding BSNs is often used on shared municipal desks; a session must not slide forever.
 *
 *   SWI_SESSIE_INACTIEF_MINUTEN  (default 30, 5 to 480)
 *   SWI_SESSIE_MAXIMAAL_UREN     (default 12, 1 to 24)
 */
type Omgeving = Readonly<Record<string, string | undefined>>;

export interface Sessieduur {
  inactiefMs: number;
  maximaalMs: number;
}

function getal(naam: string, standaard: number, min: number, max: number, omgeving: Omgeving): number {
  const tekst = omgeving[naam]?.trim();
  if (!tekst) return standaard;
  const n = Number(tekst);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${naam}=${tekst} is ongeldig: verwacht een geheel getal van ${min} tot en met ${max}.`);
  }
  return n;
}

export function sessieduur(omgeving: Omgeving = process.env): Sessieduur {
  return {
    inactiefMs: getal("SWI_SESSIE_INACTIEF_MINUTEN", 30, 5, 480, omgeving) * 60_000,
    maximaalMs: getal("SWI_SESSIE_MAXIMAAL_UREN", 12, 1, 24, omgeving) * 3_600_000,
  };
}

/** The moment a session created at `aangemaakt` ends at the latest. */
export function uiterlijkeEinde(aangemaakt: Date, duur: Sessieduur = sessieduur()): Date {
  return new Date(aangemaakt.getTime() + duur.maximaalMs);
}
