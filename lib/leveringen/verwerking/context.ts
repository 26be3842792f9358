/**
 * What the checks need to know beyond the file, read from the database once per job so that the
 * engine's synchronous lookups (ControleContext) need no queries: the berichtgever's gemeenten per
 * statistiekjaar (BerichtgeverGemeente, with its history) and the CBS codelijst per year (the
 * gemeente table; the project's CSVs when no list is loaded).
 */
import type { Db } from "@/lib/db/client";
import { codelijstVoorJaar, GeenCodelijst, laadCodelijst } from "@/lib/swi/gemeenten";
import type { ControleContext, Datum } from "@/lib/swi/types";

export interface VerwerkingContext {
  ctx(received: Datum): ControleContext;
  gemeentenaam(code: string, jaar: number): string | null;
}

/** jjjjmmdd of a moment, in Europe/Amsterdam (the receipt day the rules compare with). */
export function datumInAmsterdam(moment: Date): Datum {
  const [j, m, d] = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(moment)
    .split("-")
    .map(Number) as [number, number, number];
  return j * 10000 + m * 100 + d;
}

export async function laadVerwerkingContext(
  db: Db,
  berichtgever: { id: string; code: string },
): Promise<VerwerkingContext> {
  const [toewijzingen, gemeenten] = await Promise.all([
    db.berichtgeverGemeente.findMany({
      where: { berichtgeverId: berichtgever.id },
      select: { gemeentecode: true, vanafJaar: true, totEnMetJaar: true },
    }),
    db.gemeente.findMany({ select: { jaar: true, code: true, naam: true } }),
  ]);
  const perJaar = new Map<number, Map<string, string>>();
  for (const g of gemeenten) {
    let lijst = perJaar.get(g.jaar);
    if (!lijst) perJaar.set(g.jaar, (lijst = new Map()));
    lijst.set(g.code, g.naam);
  }
  const jaren = [...perJaar.keys()].sort((a, b) => a - b);
  /** The list of `jaar`, or of the latest earlier year (a new year's list may not be loaded yet). */
  const lijstVoor = (jaar: number) => {
    const lijstJaar = jaren.filter((j) => j <= jaar).pop();
    return lijstJaar === undefined ? undefined : perJaar.get(lijstJaar);
  };

  const codelijstCache = new Map<number, ReadonlySet<string>>();
  const codelijst = (jaar: number): ReadonlySet<string> => {
    let codes = codelijstCache.get(jaar);
    if (!codes) {
      const lijst = lijstVoor(jaar);
      codes = lijst ? new Set(lijst.keys()) : codelijstVoorJaar(jaar);
      codelijstCache.set(jaar, codes);
    }
    return codes;
  };

  const gemeentenCache = new Map<number, ReadonlySet<string>>();
  const gemeentenVoorJaar = (jaar: number): ReadonlySet<string> => {
    let codes = gemeentenCache.get(jaar);
    if (!codes) {
      codes = new Set(
        toewijzingen
          .filter((t) => t.vanafJaar <= jaar && (t.totEnMetJaar === null || t.totEnMetJaar >= jaar))
          .map((t) => t.gemeentecode),
      );
      gemeentenCache.set(jaar, codes);
    }
    return codes;
  };

  return {
    ctx: (received) => ({
      received,
      codelijst,
      uploader: { berichtgevercode: berichtgever.code, gemeentenVoorJaar },
    }),
    gemeentenaam: (code, jaar) => {
      const lijst = lijstVoor(jaar);
      if (lijst) return lijst.get(code) ?? null;
      try {
        return laadCodelijst(jaar).gemeenten.get(code)?.naam ?? null;
      } catch (e) {
        if (e instanceof GeenCodelijst) return null;
        throw e;
      }
    },
  };
}
