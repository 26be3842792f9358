import { z } from "zod";
import { normaliseerEmail } from "@/lib/auth/adapter";
import type { ActieContext, Tx } from "@/lib/acties/context";

/**
 * What contact persons and back-up users have in common: their fields, finding out whether an
 * address is free, and taking someone's access away at once.
 */

export const naamSchema = z
  .string({ error: "Vul de naam in" })
  .trim()
  .min(1, "Vul de naam in")
  .max(200, "De naam mag hoogstens 200 tekens lang zijn");

export const emailSchema = z
  .string({ error: "Vul het e-mailadres in" })
  .trim()
  .min(1, "Vul het e-mailadres in")
  .max(254, "Het e-mailadres is te lang")
  .pipe(z.email("Vul een geldig e-mailadres in, zoals naam@gemeente.nl"))
  .transform(normaliseerEmail);

export const telefoonSchema = z
  .string()
  .trim()
  .max(50, "Het telefoonnummer mag hoogstens 50 tekens lang zijn")
  .regex(/^[0-9+()\-\s]*$/, "Een telefoonnummer bevat alleen cijfers, spaties en + - ( )")
  .optional()
  .transform((t) => (t ? t : null));

/** Who already uses this address, for a message that says what to do. */
export async function bestaandeGebruiker(tx: Tx, email: string) {
  return tx.user.findUnique({
    where: { email },
    include: { berichtgever: { select: { id: true, code: true, naam: true } } },
  });
}

export function adresInGebruikMelding(u: NonNullable<Awaited<ReturnType<typeof bestaandeGebruiker>>>): string {
  if (u.rol === "CBS")
    return "Dit e-mailadres hoort bij een CBS-medewerker en kan geen gebruiker van een berichtgever zijn.";
  const b = u.berichtgever;
  return `Dit e-mailadres hoort al bij een gebruiker van berichtgever ${b?.code ?? "?"} (${b?.naam ?? "onbekend"}). Eén adres kan maar bij één berichtgever horen.`;
}

/**
 * Ends a person's access now: their sessions go (lib/auth/adapter.ts then finds none on their
 * next request) and API tokens they made are revoked. Their User row stays, for the history.
 */
export async function trekToegangIn(ctx: ActieContext, userId: string, berichtgeverId: string | null) {
  const sessies = await ctx.tx.session.deleteMany({ where: { userId } });
  const tokens = await ctx.tx.apiToken.findMany({
    where: { createdById: userId, revokedAt: null },
    select: { id: true, naam: true, prefix: true, berichtgeverId: true },
  });
  if (tokens.length) {
    await ctx.tx.apiToken.updateMany({ where: { id: { in: tokens.map((t) => t.id) } }, data: { revokedAt: ctx.nu } });
  }
  for (const t of tokens) {
    ctx.audit({
      actie: "apitoken.ingetrokken",
      doelType: "ApiToken",
      doelId: t.id,
      berichtgeverId: t.berichtgeverId ?? berichtgeverId,
      details: { naam: t.naam, prefix: t.prefix, reden: "toegang van de maker beëindigd" },
    });
  }
  return { sessiesBeeindigd: sessies.count, tokensIngetrokken: tokens.length };
}
