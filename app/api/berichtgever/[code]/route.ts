import { z } from "zod";
import { route } from "@/lib/http/route";
import { berichtgeverOverzicht } from "@/lib/berichtgevers/data";
import { huidigStatistiekjaar } from "@/lib/kalender";

export const GET = route(
  { toegang: "sessie", vorm: "json", params: z.object({ code: z.string() }) },
  async ({ actor, params }) => {
    const b = await berichtgeverOverzicht(actor, params.code, huidigStatistiekjaar());
    return { code: b.code, naam: b.naam, actief: b.actief, statistiekjaar: b.statistiekjaar, gemeenten: b.gemeenten };
  },
);
