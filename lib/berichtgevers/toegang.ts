import type { Actor } from "@/lib/auth/actor";

/**
 * Tenant isolation, decided in one place. Every query for a berichtgever's data goes
 * through `tenantFilter` or `magBerichtgeverZien`; a contact person asking for another
 * berichtgever's data is answered as if it does not exist (no hint that it does).
 */
export class NietGevonden extends Error {
  constructor(wat = "Niet gevonden") {
    super(wat);
    this.name = "NietGevonden";
  }
}

export function magBerichtgeverZien(actor: Actor, berichtgeverId: string): boolean {
  if (actor.rol === "CBS") return true;
  return actor.berichtgeverId !== null && actor.berichtgeverId === berichtgeverId;
}

/** A Prisma `where` fragment limiting rows to what the actor may see. */
export function tenantFilter(actor: Actor): { berichtgeverId?: string } {
  if (actor.rol === "CBS") return {};
  if (!actor.berichtgeverId) throw new NietGevonden();
  return { berichtgeverId: actor.berichtgeverId };
}
