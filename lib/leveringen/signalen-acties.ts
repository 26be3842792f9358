"use server";

import { berichtgeverActie, cbsActie } from "@/lib/acties/formulier";
import { antwoordSchema, beantwoordSignaal, beantwoordVraag, reactieSchema } from "./signalen";

export const beantwoordSignaalActie = berichtgeverActie(
  reactieSchema,
  async (i, ctx) => {
    await beantwoordSignaal(ctx, i);
    return { melding: "Uw reactie is opgeslagen." };
  },
  { recht: "signalenBeantwoorden", vernieuw: "/berichtgever" },
);

export const beantwoordVraagActie = cbsActie(antwoordSchema, async (i, ctx) => {
  await beantwoordVraag(ctx, i);
  return { melding: i.sluiten ? "De vraag is gesloten." : "Het antwoord is opgeslagen." };
});
