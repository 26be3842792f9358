import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api";
import { leveringStatussen, lopendeLeveringen } from "@/lib/leveringen/data";
import { statusTekst } from "@/lib/leveringen/status";

const vraag = z.union([
  z.object({ ids: z.string().regex(/^[a-z0-9]{1,40}(,[a-z0-9]{1,40}){0,199}$/i), berichtgever: z.undefined() }),
  z.object({ berichtgever: z.string().regex(/^\d{4}$/), ids: z.undefined() }),
]);

/**
 * Statuses for the live pages: ?ids=a,b,c (those the actor may see; others are left out) or
 * ?berichtgever=CODE (the deliveries still being processed).
 */
export const GET = apiRoute(z.unknown(), async ({ actor, req }) => {
  const zoek = new URL(req.url).searchParams;
  const invoer = vraag.safeParse({
    ids: zoek.get("ids") ?? undefined,
    berichtgever: zoek.get("berichtgever") ?? undefined,
  });
  if (!invoer.success) {
    return NextResponse.json({ fout: "Geef ids=… of berichtgever=… op." }, { status: 400 });
  }
  const rijen = invoer.data.ids
    ? await leveringStatussen(actor, invoer.data.ids.split(","))
    : await lopendeLeveringen(actor, invoer.data.berichtgever!);
  return NextResponse.json(
    {
      leveringen: rijen.map((r) => ({ ...r, statusTekst: statusTekst(r.status) })),
      allesKlaar: rijen.every((r) => r.eindstatus),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
