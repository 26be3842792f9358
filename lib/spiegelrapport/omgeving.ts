import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { tenantFilter } from "@/lib/berichtgevers/toegang";
import { getDb } from "@/lib/db/client";
import { geldendeLevering } from "@/lib/leveringen/kwartaalstand";
import type { Spiegelrapport } from "@/lib/swi/spiegelrapport";
import { gemeenteTelling, vergelijk, vergelijkingsFiguren, type GemeenteTelling } from "@/lib/swi/vergelijking";
import type { SpiegelrapportGegevens, SpiegelrapportOmgeving } from "./gegevens";

export type { SpiegelrapportOmgeving } from "./gegevens";
import { maakTrend, trendUittreksel, type Trend, type TrendKwartaal, type TrendRapport } from "./trend";
import { Lru } from "@/lib/lru";
import type { VergelijkingMetKwartaal } from "./vergelijking";
import { spiegelrapportPdf } from "./pdf";
import { huidigKwartaalTekst } from "./weergave";

function isRapport(x: unknown): x is Spiegelrapport {
  const r = x as Partial<Spiegelrapport> | null;
  return typeof r === "object" && r !== null && Array.isArray(r.rijen) && typeof r.personen === "number";
}

/**
 * Trend and comparison for a report `actor` has been given by spiegelrapportVoorActor. The trend
 * reads only the actor's own deliveries; the comparison reads every tenant's counts of the quarter
 * and lets only sums over at least five gemeenten out (lib/swi/vergelijking.ts).
 */
export async function spiegelrapportOmgeving(actor: Actor, g: SpiegelrapportGegevens): Promise<SpiegelrapportOmgeving> {
  const [trend, vergelijking] = await Promise.all([trendVoorActor(actor, g), vergelijkingVoor(g)]);
  return { trend, vergelijking };
}

/**
 * What the pages keep of other deliveries' stored reports (~12 KB of JSON each), by delivery id and
 * updatedAt: a processed report does not change, and any change to the row moves updatedAt, so an
 * entry is never read stale. Without this, every view read the reports of all quarters delivered
 * and, while deliveries arrive at the deadline, of every gemeente in the quarter again and again.
 * Counts only (no personal data). Who may see what is decided before: the trend's ids come from a
 * query scoped by the actor, and the comparison lets only sums over at least five gemeenten out.
 */
const tellingen = new Lru<string, GemeenteTelling | null>(4000);
const trendUittreksels = new Lru<string, TrendRapport | null>(2000);

interface Bron {
  id: string;
  updatedAt: Date;
}

const sleutelVan = (l: Bron) => `${l.id}@${l.updatedAt.getTime()}`;

/** One value per delivery from its stored report, reading only the reports not yet kept. */
async function uitRapporten<T>(
  cache: Lru<string, T | null>,
  leveringen: readonly Bron[],
  maak: (rapport: Spiegelrapport, id: string) => T,
): Promise<Map<string, T>> {
  const uit = new Map<string, T>();
  const ontbreekt: Bron[] = [];
  for (const l of leveringen) {
    const bekend = cache.get(sleutelVan(l));
    if (bekend === undefined) ontbreekt.push(l);
    else if (bekend !== null) uit.set(l.id, bekend);
  }
  if (ontbreekt.length) {
    const rijen = await getDb().levering.findMany({
      where: { id: { in: ontbreekt.map((l) => l.id) } },
      select: { id: true, updatedAt: true, spiegelrapport: true },
    });
    for (const r of rijen) {
      const waarde = isRapport(r.spiegelrapport) ? maak(r.spiegelrapport as unknown as Spiegelrapport, r.id) : null;
      // Keyed by the updatedAt read with the report itself, in case the row changed in between.
      cache.set(sleutelVan(r), waarde);
      if (waarde !== null) uit.set(r.id, waarde);
    }
  }
  return uit;
}

/** Every quarter the berichtgever delivered for this gemeente, up to and including the report's. */
async function trendVoorActor(actor: Actor, g: SpiegelrapportGegevens): Promise<Trend> {
  const db = getDb();
  const r = g.rapport;
  const leveringen = await db.levering.findMany({
    where: {
      ...tenantFilter(actor),
      berichtgever: { code: g.berichtgever.code },
      gemeentecode: r.gemeentecode,
      statistiekjaar: { not: null, lte: r.statistiekjaar },
      statistiekkwartaal: { not: null },
    },
    select: {
      id: true,
      status: true,
      ontvangenOp: true,
      proef: true,
      statistiekjaar: true,
      statistiekkwartaal: true,
      updatedAt: true,
    },
  });
  const perKwartaal = new Map<number, typeof leveringen>();
  for (const l of leveringen) {
    const sleutel = l.statistiekjaar! * 10 + l.statistiekkwartaal!;
    if (sleutel >= r.statistiekjaar * 10 + r.statistiekkwartaal) continue;
    perKwartaal.set(sleutel, [...(perKwartaal.get(sleutel) ?? []), l]);
  }
  const geldend = [...perKwartaal.values()].map((ls) => geldendeLevering(ls)).filter((l) => l !== null);
  const uittreksels = await uitRapporten(trendUittreksels, geldend, trendUittreksel);
  const kwartalen: TrendKwartaal[] = geldend
    .filter((l) => uittreksels.has(l.id))
    .map((l) => ({
      jaar: l.statistiekjaar!,
      kwartaal: l.statistiekkwartaal!,
      rapport: uittreksels.get(l.id)!,
      ditRapport: false,
    }));
  // The report's own quarter is this report, even when a later delivery has since replaced it.
  kwartalen.push({ jaar: r.statistiekjaar, kwartaal: r.statistiekkwartaal, rapport: r, ditRapport: true });
  return maakTrend(kwartalen);
}

/** The tellingen per gemeente of a quarter, from its geldende leveringen. */
async function tellingenVanKwartaal(jaar: number, kwartaal: number): Promise<GemeenteTelling[]> {
  const db = getDb();
  const leveringen = await db.levering.findMany({
    where: { statistiekjaar: jaar, statistiekkwartaal: kwartaal, gemeentecode: { not: null } },
    select: {
      id: true,
      status: true,
      ontvangenOp: true,
      proef: true,
      berichtgeverId: true,
      gemeentecode: true,
      updatedAt: true,
    },
  });
  const perEenheid = new Map<string, typeof leveringen>();
  for (const l of leveringen) {
    const sleutel = `${l.berichtgeverId}/${l.gemeentecode}`;
    perEenheid.set(sleutel, [...(perEenheid.get(sleutel) ?? []), l]);
  }
  const geldend = [...perEenheid.values()].map((ls) => geldendeLevering(ls)).filter((l) => l !== null);
  const gemeenteVan = new Map(geldend.map((l) => [l.id, l.gemeentecode!]));
  const perLevering = await uitRapporten(tellingen, geldend, (rapport, id) =>
    gemeenteTelling(gemeenteVan.get(id)!, rapport),
  );
  return geldend.flatMap((l) => perLevering.get(l.id) ?? []);
}

async function vergelijkingVoor(g: SpiegelrapportGegevens): Promise<VergelijkingMetKwartaal> {
  const r = g.rapport;
  const alle = await tellingenVanKwartaal(r.statistiekjaar, r.statistiekkwartaal);
  const v = vergelijk(vergelijkingsFiguren(r), gemeenteTelling(r.gemeentecode, r), alle);
  return { ...v, kwartaal: huidigKwartaalTekst(r) };
}

/** The PDF with the same trend and comparison as the page. */
export async function spiegelrapportPdfVoorActor(g: SpiegelrapportGegevens, actor: Actor): Promise<Buffer> {
  return spiegelrapportPdf(g, await spiegelrapportOmgeving(actor, g));
}
