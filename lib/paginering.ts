/**
 * Long lists in pages of a fixed size, chosen by ?pagina=N (1-based). A page number out of range
 * (typed by hand, or a list that shrank) shows the nearest page that exists, not an empty one.
 */
export interface Pagina {
  /** 1-based, always within 1..aantal. */
  nummer: number;
  /** Number of pages; at least 1, also for an empty list. */
  aantal: number;
  /** Index of the first row on this page (0-based) and one past the last. */
  van: number;
  tot: number;
  totaal: number;
}

export function pagina(totaal: number, gevraagd: unknown, perPagina: number): Pagina {
  const aantal = Math.max(1, Math.ceil(totaal / perPagina));
  const n = typeof gevraagd === "string" && /^\d{1,6}$/.test(gevraagd) ? Number(gevraagd) : 1;
  const nummer = Math.min(Math.max(1, n), aantal);
  const van = (nummer - 1) * perPagina;
  return { nummer, aantal, van, tot: Math.min(totaal, van + perPagina), totaal };
}

/**
 * The page numbers to offer: the first, the last, and two on each side of the current one; null
 * where numbers are left out ("…").
 */
export function paginanummers(p: Pick<Pagina, "nummer" | "aantal">, rond = 2): (number | null)[] {
  const uit: (number | null)[] = [];
  for (let i = 1; i <= p.aantal; i++) {
    if (i === 1 || i === p.aantal || Math.abs(i - p.nummer) <= rond) uit.push(i);
    else if (uit.at(-1) !== null) uit.push(null);
  }
  return uit;
}
