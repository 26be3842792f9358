"use server";

import { berichtgeverActie } from "@/lib/acties/formulier";
import { berichtSchema, verstuurBericht } from "./berichten";

export const verstuurBerichtActie = berichtgeverActie(
  berichtSchema,
  async (i, ctx) => {
    await verstuurBericht(ctx, i);
    return { melding: "Uw bericht is verstuurd." };
  },
  { recht: "berichten", metMail: true, vernieuw: "/berichtgever" },
);
