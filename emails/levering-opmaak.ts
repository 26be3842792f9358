/** Shared wording and formatting of the delivery mails (Dutch, Europe/Amsterdam). */

const AMSTERDAM = "Europe/Amsterdam";

/** "7 december 2026" */
export function datumTekst(iso: string): string {
  return new Intl.DateTimeFormat("nl-NL", {
    timeZone: AMSTERDAM,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(iso));
}

/** "7 december 2026 om 14:05" */
export function momentTekst(iso: string): string {
  const d = new Date(iso);
  const tijd = new Intl.DateTimeFormat("nl-NL", { timeZone: AMSTERDAM, hour: "2-digit", minute: "2-digit" }).format(d);
  return `${datumTekst(iso)} om ${tijd}`;
}

/** What a delivery is about: "gemeente 0153 Enschede, 2026 kwartaal 3". */
export function onderwerpLevering(p: {
  gemeentecode?: string | null;
  gemeentenaam?: string | null;
  statistiekjaar?: number | null;
  statistiekkwartaal?: number | null;
}): string | null {
  const delen: string[] = [];
  if (p.gemeentecode) delen.push(`gemeente ${p.gemeentecode}${p.gemeentenaam ? ` ${p.gemeentenaam}` : ""}`);
  if (p.statistiekjaar && p.statistiekkwartaal) delen.push(`${p.statistiekjaar} kwartaal ${p.statistiekkwartaal}`);
  return delen.length ? delen.join(", ") : null;
}

export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n.toLocaleString("nl-NL")} ${n === 1 ? enkelvoud : meervoud}`;
}
