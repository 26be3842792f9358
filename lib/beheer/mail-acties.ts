"use server";

import { z } from "zod";
import { cbsActie } from "@/lib/acties/formulier";
import { verstuurMailOpnieuw } from "./mail";

/** Staff: queue a failed mail again. */
export const verstuurOpnieuwActie = cbsActie(
  z.object({ id: z.string().min(1).max(64) }),
  async (i, ctx) => {
    await verstuurMailOpnieuw(ctx, i.id);
    return { melding: "De e-mail staat weer in de wachtrij." };
  },
  { metMail: true },
);
