"use server";

import { cbsActie } from "@/lib/acties/formulier";
import { gesprekSchema, legGesprekVast, onderzoekSchema, trekKwaliteitsonderzoek } from "./kwaliteitsonderzoek";

export const trekKwaliteitsonderzoekActie = cbsActie(onderzoekSchema, async (i, ctx) => {
  const o = await trekKwaliteitsonderzoek(ctx, i);
  return { naar: `/beheer/kwaliteitsonderzoek?id=${o.id}` };
});

export const legGesprekVastActie = cbsActie(gesprekSchema, async (i, ctx) => {
  await legGesprekVast(ctx, i);
  return { melding: "Het gesprek is vastgelegd." };
});
