"use server";

import { z } from "zod";
import { cbsActie } from "@/lib/acties/formulier";
import { campagneSchema, verstuurCampagne } from "./campagnes";

/** Sends a campaign; the chosen rules come as one comma-separated hidden field from the preview. */
export const verstuurCampagneActie = cbsActie(
  campagneSchema.extend({
    regels: z.preprocess(
      (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
      campagneSchema.shape.regels,
    ),
  }),
  async (i, ctx) => {
    const { campagne, aantal } = await verstuurCampagne(ctx, i);
    return { naar: `/beheer/campagnes/${campagne.id}?verstuurd=${aantal}` };
  },
  { metMail: true },
);
