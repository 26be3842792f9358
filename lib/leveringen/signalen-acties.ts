"use server";

import { berichtgeverActie, cbsActie } from "@/lib/acties/formulier";
import { aantal } from "@/lib/swi/opmaak";
import {
  antwoordSchema,
  beantwoordSignaal,
  beantwoordVraag,
  reactiebestandSchema,
  reactieSchema,
  verwerkReactiebestand,
} from "./signalen";

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

export const uploadReactiesActie = berichtgeverActie(
  reactiebestandSchema,
  async (i, ctx) => {
    const xlsx = Buffer.from(await i.bestand.arrayBuffer());
    const n = await verwerkReactiebestand(ctx, { leveringId: i.leveringId, xlsx });
    return { melding: `${aantal(n, "reactie", "reacties")} opgeslagen.` };
  },
  { recht: "signalenBeantwoorden", vernieuw: "/berichtgever" },
);
