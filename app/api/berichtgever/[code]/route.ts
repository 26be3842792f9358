import { z } from "zod";
import { apiRoute } from "@/lib/api";
import { berichtgeverOverzicht } from "@/lib/berichtgevers/data";
import { huidigStatistiekjaar } from "@/lib/kalender";

export const GET = apiRoute(z.object({ code: z.string() }), async ({ actor, params }) => {
  const b = await berichtgeverOverzicht(actor, params.code, huidigStatistiekjaar());
  return { code: b.code, naam: b.naam, actief: b.actief, statistiekjaar: b.statistiekjaar, gemeenten: b.gemeenten };
});
