import { schrijfAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";

/**
 * "Overal uitloggen": ends every session of the person, on this device and on any other (a
 * forgotten desk at the town hall, a lost laptop). Returns how many ended.
 */
export async function beeindigAlleSessies(actor: Actor): Promise<number> {
  const { count } = await getDb().session.deleteMany({ where: { userId: actor.userId } });
  await schrijfAudit({
    actor: { userId: actor.userId, email: actor.email, rol: actor.rol },
    actie: "logout.overal",
    berichtgeverId: actor.berichtgeverId,
    details: { sessies: count },
  });
  return count;
}
