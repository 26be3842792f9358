"use server";

import { cbsActie } from "@/lib/acties/formulier";
import { kwartaalUitParam } from "./kwartaalkeuze";
import { startLandelijkeControle, startSchema } from "./landelijke-controle-taak";

export const startLandelijkeControleActie = cbsActie(
  startSchema,
  async (i, ctx) => {
    const { jaar, kwartaal } = kwartaalUitParam(i.kwartaal, ctx.nu);
    await startLandelijkeControle(ctx, jaar, kwartaal);
    return { naar: `/beheer/landelijke-controles?kwartaal=${jaar}-${kwartaal}` };
  },
  { metTaken: true },
);
