import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { tenantFilter } from "@/lib/berichtgevers/toegang";
import { getDb } from "@/lib/db/client";
import { geldendeLevering } from "@/lib/leveringen/kwartaalstand";
import type { Spiegelrapport } from "@/lib/swi/spiegelrapport";
import { gemeenteTelling, vergelijk, vergelijkingsFiguren, type GemeenteTelling } from "@/lib/swi/vergelijking";
import type { SpiegelrapportGegevens, SpiegelrapportOmgeving } from "./gegevens";

export type { SpiegelrapportOmgeving } from "./gegevens";
import { maakTrend, type Trend, type TrendKwartaal } from "./trend";
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
    select: { id: true, status: true, ontvangenOp: true, proef: true, statistiekjaar: true, statistiekkwartaal: true },
  });
  const perKwartaal = new Map<number, typeof leveringen>();
  for (const l of leveringen) {
    const sleutel = l.statistiekjaar! * 10 + l.statistiekkwartaal!;
    if (sleutel >= r.statistiekjaar * 10 + r.statistiekkwartaal) continue;
    perKwartaal.set(sleutel, [...(perKwartaal.get(sleutel) ?? []), l]);
  }
  const geldend = [...perKwartaal.values()].map((ls) => geldendeLevering(ls)).filter((l) => l !== null);
  const rapporten = geldend.length
    ? await db.levering.findMany({
        where: { id: { in: geldend.map((l) => l.id) } },
        select: { statistiekjaar: true, statistiekkwartaal: true, spiegelrapport: true },
      })
    : [];
  const kwartalen: TrendKwartaal[] = rapporten
    .filter((l) => isRapport(l.spiegelrapport))
    .map((l) => ({
      jaar: l.statistiekjaar!,
      kwartaal: l.statistiekkwartaal!,
      rapport: l.spiegelrapport as unknown as Spiegelrapport,
      ditRapport: false,
    }));
  // The report's own quarter is this report, even when a later delivery has since replaced it.
  kwartalen.push({ jaar: r.statistiekjaar, kwartaal: r.statistiekkwartaal, rapport: r, ditRapport: true });
  return maakTrend(kwartalen);
}

/**
 * The tellingen per gemeente of a quarter, kept by the geldende leveringen they came from: a new
 * accepted delivery changes that list and so is never missed, while a page view otherwise costs
 * one light query instead of reading hundreds of stored reports.
 */
const KWARTAAL_CACHE_GROOTTE = 16;
const kwartaalCache = new Map<string, { geldend: string; tellingen: GemeenteTelling[] }>();

async function tellingenVanKwartaal(jaar: number, kwartaal: number): Promise<GemeenteTelling[]> {
  const db = getDb();
  const leveringen = await db.levering.findMany({
    where: { statistiekjaar: jaar, statistiekkwartaal: kwartaal, gemeentecode: { not: null } },
    select: { id: true, status: true, ontvangenOp: true, proef: true, berichtgeverId: true, gemeentecode: true },
  });
  const perEenheid = new Map<string, typeof leveringen>();
  for (const l of leveringen) {
    const sleutel = `${l.berichtgeverId}/${l.gemeentecode}`;
    perEenheid.set(sleutel, [...(perEenheid.get(sleutel) ?? []), l]);
  }
  const geldend = [...perEenheid.values()].map((ls) => geldendeLevering(ls)).filter((l) => l !== null);
  const vingerafdruk = geldend
    .map((l) => l.id)
    .sort()
    .join(",");
  const sleutel = `${jaar}-${kwartaal}`;
  const bekend = kwartaalCache.get(sleutel);
  if (bekend && bekend.geldend === vingerafdruk) return bekend.tellingen;

  const rapporten = geldend.length
    ? await db.levering.findMany({
        where: { id: { in: geldend.map((l) => l.id) } },
        select: { gemeentecode: true, spiegelrapport: true },
      })
    : [];
  const tellingen = rapporten
    .filter((l) => isRapport(l.spiegelrapport))
    .map((l) => gemeenteTelling(l.gemeentecode!, l.spiegelrapport as unknown as Spiegelrapport));
  kwartaalCache.delete(sleutel);
  kwartaalCache.set(sleutel, { geldend: vingerafdruk, tellingen });
  if (kwartaalCache.size > KWARTAAL_CACHE_GROOTTE) kwartaalCache.delete(kwartaalCache.keys().next().value!);
  return tellingen;
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
