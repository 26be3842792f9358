import { heeftRecht, type Actor } from "@/lib/auth/actor";
import { voerActieUit, type ActieContext, type ActieOpties, type Tx } from "@/lib/acties/context";
import { getDb, type Db } from "@/lib/db/client";
import { GeenRecht } from "@/lib/http/fouten";

/** Someone other than CBS staff reached staff code (a bug in a caller; the pages check first). */
export class GeenBeheerder extends GeenRecht {
  constructor() {
    super("Alleen CBS-medewerkers mogen dit doen.");
    this.name = "GeenBeheerder";
  }
}

export function vereisBeheerder(actor: Actor): void {
  if (!heeftRecht(actor, "beheer")) throw new GeenBeheerder();
}

/**
 * The connection for a staff read: only after the actor is known to be staff. `db` is an open
 * transaction (a read inside a change) or a test's database; by default the app's own.
 */
export function beheerLezing<D extends Db | Tx = Db>(actor: Actor, db?: D): D {
  vereisBeheerder(actor);
  return (db ?? getDb()) as D;
}

/** A staff change in the one frame for changes (lib/acties/context.ts), for staff only. */
export async function voerBeheerUit<T>(
  actor: Actor,
  werk: (ctx: ActieContext) => Promise<T>,
  opties: ActieOpties = {},
): Promise<T> {
  vereisBeheerder(actor);
  return voerActieUit(actor, werk, opties);
}
