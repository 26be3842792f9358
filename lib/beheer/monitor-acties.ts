"use server";

import { z } from "zod";
import type { Kwartaalnummer } from "@/lib/swi/datum";
import { cbsActie } from "@/lib/acties/formulier";
import { verstuurHerinneringen } from "./herinneringen";
import { jaarSchema } from "./toewijzingen";

/** One action: remind every contact person whose gemeenten have not delivered for the quarter. */
export const verstuurHerinneringActie = cbsActie(
  z.object({ jaar: jaarSchema, kwartaal: z.coerce.number().int().min(1).max(4) }),
  async (i, ctx) => {
    const { herinnering } = await verstuurHerinneringen(ctx, {
      jaar: i.jaar,
      kwartaal: i.kwartaal as Kwartaalnummer,
      soort: "HANDMATIG",
    });
    return {
      melding:
        herinnering.aantalMails === 0
          ? "Er is geen herinnering verstuurd: alle gemeenten met een actieve contactpersoon hebben geleverd."
          : `Er ${herinnering.aantalMails === 1 ? "is 1 herinnering" : `zijn ${herinnering.aantalMails} herinneringen`} in de wachtrij gezet.`,
    };
  },
  { metMail: true },
);
