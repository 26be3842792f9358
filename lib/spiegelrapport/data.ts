import type { Actor } from "@/lib/auth/actor";
import { leveringFilter } from "@/lib/berichtgevers/toegang";
import { NietGevonden } from "@/lib/http/fouten";
import { getDb } from "@/lib/db/client";
import type { Spiegelrapport } from "@/lib/swi/spiegelrapport";
import type { BestandSignaal } from "@/lib/swi/types";
import type { SpiegelrapportGegevens } from "./gegevens";
import { isViercijfercode } from "@/lib/db/validation";

/**
 * The delivery exists and may be seen, but has no spiegelrapport (not processed yet, or rejected).
 * A download of it is "niet gevonden"; the page says why instead.
 */
export class GeenSpiegelrapport extends NietGevonden {
  constructor(readonly leveringStatus: string) {
    super(`Levering met status ${leveringStatus} heeft geen spiegelrapport`);
    this.name = "GeenSpiegelrapport";
  }
}

const MET_RAPPORT = new Set(["VERWERKT", "VERVANGEN"]);

function isSpiegelrapport(x: unknown): x is Spiegelrapport {
  const r = x as Partial<Spiegelrapport> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    Array.isArray(r.rijen) &&
    typeof r.statistiekjaar === "number" &&
    typeof r.signalenPerRegel === "object"
  );
}

/**
 * The spiegelrapport of delivery `leveringId` as `actor` may see it. `berichtgeverCode` (from the
 * page URL) must match the delivery's berichtgever: a URL mixing tenants is NietGevonden, as is
 * any delivery of another tenant.
 */
export async function spiegelrapportVoorActor(
  actor: Actor,
  leveringId: string,
  berichtgeverCode?: string,
): Promise<SpiegelrapportGegevens> {
  if (berichtgeverCode !== undefined && !isViercijfercode(berichtgeverCode)) throw new NietGevonden();
  const db = getDb();
  const l = await db.levering.findFirst({
    where: {
      id: leveringId,
      ...leveringFilter(actor),
      ...(berichtgeverCode !== undefined ? { berichtgever: { code: berichtgeverCode } } : {}),
    },
    include: { berichtgever: { select: { code: true, naam: true } } },
  });
  if (!l) throw new NietGevonden();
  if (!MET_RAPPORT.has(l.status) || !isSpiegelrapport(l.spiegelrapport)) throw new GeenSpiegelrapport(l.status);
  const rapport = l.spiegelrapport;
  const gemeente = await db.gemeente.findFirst({
    where: { code: rapport.gemeentecode, jaar: { lte: rapport.statistiekjaar } },
    orderBy: { jaar: "desc" },
    select: { naam: true },
  });
  return {
    levering: {
      id: l.id,
      bestandsnaam: l.bestandsnaam,
      status: l.status as "VERWERKT" | "VERVANGEN",
      ontvangenOp: l.ontvangenOp,
      verwerktOp: l.verwerktOp,
    },
    berichtgever: l.berichtgever,
    gemeente: { code: rapport.gemeentecode, naam: gemeente?.naam ?? null },
    rapport,
    bestandSignalen: Array.isArray(l.bestandSignalen) ? (l.bestandSignalen as unknown as BestandSignaal[]) : [],
  };
}
