/**
 * What the upload page's browser check compares a file with (F01, F03): per gemeente of the
 * berichtgever, the counts of the newest geldende leveringen. Only counts, never a BSN or a person.
 *
 * The deliveries are those the server's statistische controle could take as "the previous quarter"
 * (verwerking/eerdere.ts): accepted, never a proeflevering, file still kept; per quarter the
 * geldende levering. The two newest quarters are given: the previous one for a new quarter, and
 * the one before it for a re-delivery of the latest quarter. Anything older the browser leaves to
 * the server (`volledig` says whether there is anything older).
 */
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { berichtgeverOverzicht } from "@/lib/berichtgevers/data";
import { leveringFilter } from "@/lib/berichtgevers/toegang";
import type { VorigeTellingen } from "@/lib/browsercontrole/bestandscontrole";
import type { OpgeslagenTelling } from "@/lib/swi/statistisch/bestand";
import { geldendeLevering } from "./kwartaalstand";

export const KWARTALEN_PER_GEMEENTE = 2;

export async function vorigeTellingen(actor: Actor, code: string): Promise<VorigeTellingen> {
  const b = await berichtgeverOverzicht(actor, code, new Date().getFullYear());
  const db = getDb();
  const toegewezen = await db.berichtgeverGemeente.findMany({
    where: { berichtgeverId: b.id },
    select: { gemeentecode: true },
  });
  const rijen = await db.levering.findMany({
    where: {
      ...leveringFilter(actor),
      berichtgeverId: b.id,
      status: "VERWERKT",
      proef: null,
      bestandVerwijderdOp: null,
      opslagSleutel: { not: null },
      gemeentecode: { not: null },
      statistiekjaar: { not: null },
      statistiekkwartaal: { not: null },
    },
    select: {
      id: true,
      status: true,
      proef: true,
      ontvangenOp: true,
      gemeentecode: true,
      statistiekjaar: true,
      statistiekkwartaal: true,
    },
  });
  type Rij = (typeof rijen)[number];
  const perGemeente = new Map<string, Map<number, Rij[]>>();
  for (const r of rijen) {
    const kwartalen = perGemeente.get(r.gemeentecode!) ?? new Map<number, Rij[]>();
    perGemeente.set(r.gemeentecode!, kwartalen);
    const v = r.statistiekjaar! * 4 + r.statistiekkwartaal!;
    kwartalen.set(v, [...(kwartalen.get(v) ?? []), r]);
  }

  const gekozen = new Map<string, { rijen: Rij[]; volledig: boolean }>();
  for (const [gemeente, kwartalen] of perGemeente) {
    const nieuwstEerst = [...kwartalen.keys()].sort((x, y) => y - x);
    const geldend = nieuwstEerst
      .slice(0, KWARTALEN_PER_GEMEENTE)
      .map((v) => geldendeLevering(kwartalen.get(v)!))
      .filter((l) => l !== null);
    gekozen.set(gemeente, { rijen: geldend, volledig: nieuwstEerst.length <= KWARTALEN_PER_GEMEENTE });
  }
  const ids = [...gekozen.values()].flatMap((g) => g.rijen.map((r) => r.id));
  const tellingen = new Map(
    (
      await db.levering.findMany({
        where: { id: { in: ids }, berichtgeverId: b.id },
        select: { id: true, bestandTelling: true },
      })
    ).map((r) => [r.id, r.bestandTelling as OpgeslagenTelling | null]),
  );

  const uit: VorigeTellingen = {};
  // Every gemeente of the berichtgever is listed, so "none" is known, not merely unknown.
  for (const g of toegewezen) uit[g.gemeentecode] = { leveringen: [], volledig: true };
  for (const [gemeente, g] of gekozen) {
    uit[gemeente] = {
      leveringen: g.rijen.map((r) => ({
        jaar: r.statistiekjaar!,
        kwartaal: r.statistiekkwartaal!,
        telling: tellingen.get(r.id) ?? null,
      })),
      volledig: g.volledig,
    };
  }
  return uit;
}
