import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/http/fouten";

/**
 * Tenant isolation, decided in one place. Every query for a berichtgever's data goes
 * through `tenantFilter` or `magBerichtgeverZien`; a contact person asking for another
 * berichtgever's data is answered as if it does not exist (no hint that it does).
 */
export function magBerichtgeverZien(actor: Actor, berichtgeverId: string): boolean {
  if (heeftRecht(actor, "beheer")) return true;
  return actor.berichtgeverId !== null && actor.berichtgeverId === berichtgeverId;
}

/** A Prisma `where` fragment limiting rows to what the actor may see. */
export function tenantFilter(actor: Actor): { berichtgeverId?: string } {
  if (heeftRecht(actor, "beheer")) return {};
  if (!actor.berichtgeverId) throw new NietGevonden();
  return { berichtgeverId: actor.berichtgeverId };
}

/**
 * The `where` fragment for Levering rows: the tenant's, and for anyone who may not see
 * proefleveringen (CBS staff) only real deliveries, so a trial upload does not exist for them.
 */
export function leveringFilter(actor: Actor): { berichtgeverId?: string; proef?: null } {
  return { ...tenantFilter(actor), ...(heeftRecht(actor, "proefleveringenZien") ? {} : { proef: null }) };
}
