"use server";

import { z } from "zod";
import { cbsActie, vinkje } from "@/lib/acties/formulier";
import { ActieFout } from "@/lib/acties/context";
import {
  codelijstVoorbeeld,
  controleerCsv,
  geldigLijstJaar,
  laadCodelijst,
  MAX_CSV_BYTES,
  type CodelijstVoorbeeld,
} from "./codelijst";
import { jaarSchema } from "./toewijzingen";
import { aantal } from "@/lib/swi/opmaak";

/** Loading a year's gemeente codelijst in two steps: upload and preview, then confirm. */

const lijstJaar = jaarSchema.refine((j) => geldigLijstJaar(j), "Kies een jaar van 2022 tot en met volgend jaar");

export interface CodelijstVoorbeeldGegevens {
  voorbeeld: CodelijstVoorbeeld;
  bestandsnaam: string;
  /** The file, base64, carried to the confirming form. */
  inhoud: string;
}

export const voorbeeldCodelijstActie = cbsActie(
  z.object({
    jaar: lijstJaar,
    bestand: z
      .instanceof(File, { message: "Kies een CSV-bestand" })
      .refine((f) => f.size > 0, "Kies een CSV-bestand; het gekozen bestand is leeg")
      .refine((f) => f.size <= MAX_CSV_BYTES, "Het bestand is groter dan 1 MB; een gemeentelijst is veel kleiner"),
  }),
  async (i, ctx) => {
    const tekst = Buffer.from(await i.bestand.arrayBuffer()).toString("utf8");
    const gemeenten = controleerCsv(tekst);
    const voorbeeld = await codelijstVoorbeeld(ctx.tx, i.jaar, gemeenten);
    return {
      melding: `Het bestand is gelezen: ${aantal(gemeenten.length, "gemeente", "gemeenten")}. Controleer de verschillen hieronder en laad de lijst.`,
      gegevens: {
        voorbeeld,
        bestandsnaam: i.bestand.name,
        inhoud: Buffer.from(tekst, "utf8").toString("base64"),
      } satisfies CodelijstVoorbeeldGegevens,
      behoudWaarden: true,
    };
  },
);

export const laadCodelijstActie = cbsActie(
  z.object({
    jaar: lijstJaar,
    inhoud: z
      .string()
      .min(1)
      .max(Math.ceil((MAX_CSV_BYTES * 4) / 3) + 4),
    bestandsnaam: z.string().trim().min(1).max(255),
    vervang: vinkje,
  }),
  async (i, ctx) => {
    const csv = Buffer.from(i.inhoud, "base64").toString("utf8");
    if (!csv) throw new ActieFout("formulier", "Het bestand is niet meegekomen; kies het opnieuw.");
    const v = await laadCodelijst(ctx, { jaar: i.jaar, csv, bestandsnaam: i.bestandsnaam, vervang: i.vervang });
    return { naar: `/beheer/codelijst?geladen=${v.jaar}` };
  },
);
