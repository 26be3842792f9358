/** Shared wording and formatting of the delivery mails (Dutch, Europe/Amsterdam). */

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
