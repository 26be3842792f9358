"use server";

import { z } from "zod";
import { berichtgeverActie, vinkje } from "@/lib/acties/formulier";
import { berichtgeverCodeSchema } from "@/lib/db/validation";
import { geefVrij, stelVrijgaveIn } from "./vrijgave";

/** The contact person releases an accepted proeflevering as the delivery. */
export const geefVrijActie = berichtgeverActie(
  z.object({ code: berichtgeverCodeSchema, leveringId: z.string().min(1).max(64) }),
  async (i, ctx) => {
    const { bestandsnaam } = await geefVrij(ctx, i.code, i.leveringId);
    return {
      vernieuw: `/berichtgever/${i.code}`,
      naar: `/berichtgever/${i.code}/leveringen/${i.leveringId}?vrijgegeven=1`,
      melding: `${bestandsnaam} is vrijgegeven als levering.`,
    };
  },
  // metMail: the queue is started before the transaction, which queues the processing job.
  { recht: "vrijgeven", metMail: true },
);

/** The contact person: whether uploads by back-up users and API tokens wait for their release. */
export const stelVrijgaveInActie = berichtgeverActie(
  z.object({ code: berichtgeverCodeSchema, vrijgaveVereist: vinkje }),
  async (i, ctx) => {
    await stelVrijgaveIn(ctx, i.code, i.vrijgaveVereist);
    return {
      vernieuw: `/berichtgever/${i.code}`,
      melding: i.vrijgaveVereist
        ? "Uploads van back-upgebruikers en API-tokens wachten voortaan op uw vrijgave."
        : "Uploads van back-upgebruikers en API-tokens tellen voortaan direct als levering.",
    };
  },
  { recht: "vrijgaveInstellen" },
);
