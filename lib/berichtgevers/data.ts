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

/** Gemeenten a berichtgever reports for in a year, with their names from that year's CBS list (or the latest earlier one). */
export async function gemeentenVanBerichtgever(berichtgeverId: string, jaar: number) {
  const db = getDb();
  const toewijzingen = await db.berichtgeverGemeente.findMany({
    where: {
      berichtgeverId,
      vanafJaar: { lte: jaar },
      OR: [{ totEnMetJaar: null }, { totEnMetJaar: { gte: jaar } }],
    },
    orderBy: { gemeentecode: "asc" },
  });
  const lijstJaar = await db.gemeente.findFirst({ where: { jaar: { lte: jaar } }, orderBy: { jaar: "desc" } });
  const namen = lijstJaar
    ? await db.gemeente.findMany({
        where: { jaar: lijstJaar.jaar, code: { in: toewijzingen.map((t) => t.gemeentecode) } },
      })
    : [];
  const naamVan = new Map(namen.map((g) => [g.code, g.naam]));
  return toewijzingen.map((t) => ({
    code: t.gemeentecode,
    naam: naamVan.get(t.gemeentecode) ?? "(onbekende gemeente)",
  }));
}

/** One berichtgever by its 4-digit code, as the actor may see it; NietGevonden otherwise. */
export async function berichtgeverOverzicht(actor: Actor, code: string, jaar: number): Promise<BerichtgeverOverzicht> {
  if (!isViercijfercode(code)) throw new NietGevonden();
  const b = await getDb().berichtgever.findFirst({
    where: { code, ...tenantFilterVoorId(actor) },
    include: { contactpersoon: { include: { user: true } } },
  });
  if (!b) throw new NietGevonden();
  const cp = b.contactpersoon?.user;
  return {
    id: b.id,
    code: b.code,
    naam: b.naam,
    actief: b.actief,
    vrijgaveVereist: b.vrijgaveVereist,
    contactpersoon: cp ? { naam: cp.naam, email: cp.email, telefoon: cp.telefoon } : null,
    gemeenten: await gemeentenVanBerichtgever(b.id, jaar),
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
  const b = await berichtgeverOverzicht(actor, code, new Date().getFullYear());
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
