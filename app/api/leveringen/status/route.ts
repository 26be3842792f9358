import { z } from "zod";
import { PortaalFout } from "@/lib/http/fouten";
import { route } from "@/lib/http/route";
import { leveringStatussen, lopendeLeveringen } from "@/lib/leveringen/data";
import { statusTekst } from "@/lib/leveringen/status";
import { VIERCIJFERCODE } from "@/lib/db/validation";

const vraag = z.union([
  z.object({ ids: z.string().regex(/^[a-z0-9]{1,40}(,[a-z0-9]{1,40}){0,199}$/i), berichtgever: z.undefined() }),
  z.object({ berichtgever: z.string().regex(VIERCIJFERCODE), ids: z.undefined() }),
]);

/**
 * Statuses for the live pages: ?ids=a,b,c (those the actor may see; others are left out) or
 * ?berichtgever=CODE (the deliveries still being processed).
 */
export const GET = route({ toegang: "sessie", vorm: "json" }, async ({ actor, req }) => {
  const zoek = new URL(req.url).searchParams;
  const invoer = vraag.safeParse({
    ids: zoek.get("ids") ?? undefined,
    berichtgever: zoek.get("berichtgever") ?? undefined,
  });
  if (!invoer.success) {
    throw new PortaalFout("ongeldig", "Geef ids=… of berichtgever=… op.");
  }
  const rijen = invoer.data.ids
    ? await leveringStatussen(actor, invoer.data.ids.split(","))
    : await lopendeLeveringen(actor, invoer.data.berichtgever!);
  return {
    leveringen: rijen.map((r) => ({ ...r, statusTekst: statusTekst(r.status) })),
    allesKlaar: rijen.every((r) => r.eindstatus),
  };
});
