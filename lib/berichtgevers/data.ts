import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { tenantFilter } from "@/lib/berichtgevers/toegang";
import { NietGevonden } from "@/lib/http/fouten";
import { isViercijfercode } from "@/lib/db/validation";
import { type Toewijzing } from "@/lib/swi/naamcontrole";

export interface BerichtgeverOverzicht {
  id: string;
  code: string;
  naam: string;
  actief: boolean;
  /** Uploads by back-up users and API tokens wait for the contact person's release. */
  vrijgaveVereist: boolean;
  contactpersoon: { naam: string; email: string; telefoon: string | null } | null;
  gemeenten: { code: string; naam: string }[];
  statistiekjaar: number;
}

/**
 * Gemeenten a berichtgever reports for in a year, with their names from that year's CBS list (or
 * the latest earlier one). Once per request: a page and the parts it reads may ask for the same.
 */
export const gemeentenVanBerichtgever = cache(async (berichtgeverId: string, jaar: number) => {
  const db = getDb();
  const [toewijzingen, lijstJaar] = await Promise.all([
    db.berichtgeverGemeente.findMany({
      where: {
        berichtgeverId,
        vanafJaar: { lte: jaar },
        OR: [{ totEnMetJaar: null }, { totEnMetJaar: { gte: jaar } }],
      },
      orderBy: { gemeentecode: "asc" },
      select: { gemeentecode: true },
    }),
    db.gemeente.findFirst({ where: { jaar: { lte: jaar } }, orderBy: { jaar: "desc" }, select: { jaar: true } }),
  ]);
  const namen =
    lijstJaar && toewijzingen.length
      ? await db.gemeente.findMany({
          where: { jaar: lijstJaar.jaar, code: { in: toewijzingen.map((t) => t.gemeentecode) } },
          select: { code: true, naam: true },
        })
      : [];
  const naamVan = new Map(namen.map((g) => [g.code, g.naam]));
  return toewijzingen.map((t) => ({
    code: t.gemeentecode,
    naam: naamVan.get(t.gemeentecode) ?? "(onbekende gemeente)",
  }));
});

/**
 * The berichtgever behind a URL code, if the actor may see it (NietGevonden otherwise). Cached per
 * request and per actor, so the overview's parts share one lookup; the access check is the query.
 */
export const berichtgeverVanCode = cache(
  async (
    actor: Actor,
    code: string,
  ): Promise<{ id: string; code: string; naam: string; actief: boolean; vrijgaveVereist: boolean }> => {
    if (!isViercijfercode(code)) throw new NietGevonden();
    const b = await getDb().berichtgever.findFirst({
      where: { code, ...tenantFilterVoorId(actor) },
      select: { id: true, code: true, naam: true, actief: true, vrijgaveVereist: true },
    });
    if (!b) throw new NietGevonden();
    return b;
  },
);

/** One berichtgever by its 4-digit code, as the actor may see it; NietGevonden otherwise. */
export async function berichtgeverOverzicht(actor: Actor, code: string, jaar: number): Promise<BerichtgeverOverzicht> {
  const b = await berichtgeverVanCode(actor, code);
  const [cp, gemeenten] = await Promise.all([
    getDb().user.findFirst({
      where: { contactpersoonVan: { berichtgeverId: b.id } },
      select: { naam: true, email: true, telefoon: true },
    }),
    gemeentenVanBerichtgever(b.id, jaar),
  ]);
  return {
    id: b.id,
    code: b.code,
    naam: b.naam,
    actief: b.actief,
    vrijgaveVereist: b.vrijgaveVereist,
    contactpersoon: cp,
    gemeenten,
    statistiekjaar: jaar,
  };
}

function tenantFilterVoorId(actor: Actor): { id?: string } {
  const f = tenantFilter(actor);
  return f.berichtgeverId ? { id: f.berichtgeverId } : {};
}

/**
 * Where the actor's portal starts: staff at /beheer, a berichtgever's own people on its page;
 * null for an account that belongs to no (longer existing) berichtgever.
 */
export async function startpadVoor(actor: Actor): Promise<string | null> {
  if (heeftRecht(actor, "beheer")) return "/beheer";
  if (!actor.berichtgeverId) return null;
  const b = await getDb().berichtgever.findUnique({ where: { id: actor.berichtgeverId }, select: { code: true } });
  return b ? `/berichtgever/${b.code}` : null;
}

/** Every gemeente the berichtgever reports for, in every year, for the name check on the upload page. */
export async function toewijzingenVan(actor: Actor, code: string): Promise<Toewijzing[]> {
  const b = await berichtgeverVanCode(actor, code);
  const db = getDb();
  const rijen = await db.berichtgeverGemeente.findMany({
    where: { berichtgeverId: b.id },
    orderBy: [{ gemeentecode: "asc" }, { vanafJaar: "asc" }],
  });
  const namen = await db.gemeente.findMany({
    where: { code: { in: rijen.map((r) => r.gemeentecode) } },
    orderBy: { jaar: "desc" },
    select: { code: true, naam: true },
  });
  const naamVan = new Map<string, string>();
  for (const n of namen) if (!naamVan.has(n.code)) naamVan.set(n.code, n.naam);
  return rijen.map((r) => ({
    gemeentecode: r.gemeentecode,
    gemeentenaam: naamVan.get(r.gemeentecode) ?? "(onbekende gemeente)",
    vanafJaar: r.vanafJaar,
    totEnMetJaar: r.totEnMetJaar,
  }));
}
