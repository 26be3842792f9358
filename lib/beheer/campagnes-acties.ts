"use server";

import { z } from "zod";
import { cbsActie } from "@/lib/acties/formulier";
import { campagneMails, campagneSchema, verstuurCampagne } from "./campagnes";
import { mailVoorbeelden, type MailVoorbeeld } from "./mailvoorbeeld";

/** The chosen rules come as one comma-separated hidden field from the preview. */
const invoer = campagneSchema.extend({
  regels: z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), campagneSchema.shape.regels),
});

export interface CampagneVoorbeeld {
  titel: string;
  toelichting: string;
  regels: string;
  mails: MailVoorbeeld[];
}

/** Step 3a: every mail exactly as its recipient will get it; nothing is stored or sent. */
export const bekijkCampagneActie = cbsActie(invoer, async (i, ctx) => {
  const mails = await mailVoorbeelden(await campagneMails(ctx, i));
  return {
    melding:
      "Lees de e-mails hieronder. Klopt alles, verstuur ze dan; anders past u de tekst aan en bekijkt u ze opnieuw.",
    behoudWaarden: true,
    gegevens: {
      titel: i.titel,
      toelichting: i.toelichting,
      regels: i.regels.join(","),
      mails,
    } satisfies CampagneVoorbeeld,
  };
});

/** Step 3b: sends exactly the text that was previewed. */
export const verstuurCampagneActie = cbsActie(
  invoer,
  async (i, ctx) => {
    const { campagne, aantal } = await verstuurCampagne(ctx, i);
    return { naar: `/beheer/campagnes/${campagne.id}?verstuurd=${aantal}` };
  },
  { metMail: true },
);
