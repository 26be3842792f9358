"use server";

import { z } from "zod";
import { berichtgeverActie } from "@/lib/acties/formulier";
import { berichtgeverCodeSchema } from "@/lib/db/validation";
import { maakApiToken, tokenNaamSchema, trekApiTokenIn } from "./beheer";

export interface NieuweToken {
  token: string;
  naam: string;
  prefix: string;
}

function pagina(code: string): string {
  return `/berichtgever/${code}/api-tokens`;
}

/** The contact person (or staff) makes a token; the secret is shown once, in the form's state. */
export const maakTokenActie = berichtgeverActie(
  z.object({ code: berichtgeverCodeSchema, naam: tokenNaamSchema }),
  async (i, ctx) => {
    const gemaakt = await maakApiToken(ctx, i.code, i.naam);
    return {
      vernieuw: pagina(i.code),
      melding: `Token "${gemaakt.naam}" is aangemaakt.`,
      gegevens: { token: gemaakt.token, naam: gemaakt.naam, prefix: gemaakt.prefix } satisfies NieuweToken,
    };
  },
  { recht: "tokensBeheren" },
);

export const trekTokenInActie = berichtgeverActie(
  z.object({ code: berichtgeverCodeSchema, tokenId: z.string().min(1).max(64) }),
  async (i, ctx) => {
    await trekApiTokenIn(ctx, i.code, i.tokenId);
    return { vernieuw: pagina(i.code), naar: `${pagina(i.code)}?ingetrokken=${encodeURIComponent(i.tokenId)}` };
  },
  { recht: "tokensBeheren" },
);
