import { z } from "zod";
import { gemeentecodeSchema } from "@/lib/db/validation";
import { type ActieContext, ActieFout, type Tx } from "@/lib/acties/context";
import { codelijstUitDb, EERSTE_JAAR } from "./codelijst";

/**
 * Which gemeenten a berichtgever reports for, per statistiekjaar. A change takes effect from a
 * given year and the earlier years stay as they were: an assignment ends by setting
 * totEnMetJaar, and a gemeente may have several berichtgevers (each delivers its own file).
 */

export const jaarSchema = z.coerce
  .number({ error: "Vul een jaar in, bijvoorbeeld 2026" })
  .int("Vul een jaar in, bijvoorbeeld 2026")
  .min(EERSTE_JAAR, `De SWI begint in ${EERSTE_JAAR}; kies ${EERSTE_JAAR} of later`)
  .max(2100, "Vul een jaar in, bijvoorbeeld 2026");

/** "0153, 0147 0164" → ["0153", "0147", "0164"]; each checked as a 4-digit code. */
export const gemeentecodesSchema = z
  .string()
  .transform((s) => s.split(/[\s,;]+/).filter(Boolean))
  .pipe(
    z
      .array(gemeentecodeSchema)
      .min(1, "Vul ten minste één gemeentecode in")
      .refine((c) => new Set(c).size === c.length, "Elke gemeentecode mag maar één keer voorkomen"),
  );

/** The names of `codes` in the codelijst of `jaar`; ActieFout on `veld` for codes not in it. */
export async function controleerGemeenten(tx: Tx, codes: readonly string[], jaar: number, veld: string) {
  const lijst = await codelijstUitDb(tx, jaar);
  if (lijst.lijstJaar === null) throw new ActieFout(veld, lijst.toelichting);
  const onbekend = codes.filter((c) => !lijst.gemeenten.has(c));
  if (onbekend.length) {
    throw new ActieFout(
      veld,
      `${onbekend.length === 1 ? "Gemeentecode" : "Gemeentecodes"} ${onbekend.join(", ")} ${onbekend.length === 1 ? "staat" : "staan"} niet in de CBS-codelijst van ${lijst.lijstJaar}${lijst.eigenLijst ? "" : ` (voor ${jaar} is nog geen eigen lijst geladen)`}.`,
    );
  }
  return codes.map((c) => ({ code: c, naam: lijst.gemeenten.get(c)!.naam }));
}

export async function voegGemeenteToe(
  ctx: ActieContext,
  input: { berichtgeverId: string; gemeentecode: string; vanafJaar: number },
) {
  const b = await ctx.tx.berichtgever.findUnique({ where: { id: input.berichtgeverId } });
  if (!b) throw new ActieFout("gemeentecode", "Deze berichtgever bestaat niet.");
  if (!b.actief) throw new ActieFout("gemeentecode", "De berichtgever is gedeactiveerd; activeer hem eerst.");
  const [gemeente] = await controleerGemeenten(ctx.tx, [input.gemeentecode], input.vanafJaar, "gemeentecode");
  const overlap = await ctx.tx.berichtgeverGemeente.findFirst({
    where: {
      berichtgeverId: b.id,
      gemeentecode: input.gemeentecode,
      OR: [{ totEnMetJaar: null }, { totEnMetJaar: { gte: input.vanafJaar } }],
    },
  });
  if (overlap) {
    throw new ActieFout(
      "gemeentecode",
      overlap.totEnMetJaar === null
        ? `Gemeente ${input.gemeentecode} is al aan deze berichtgever toegewezen sinds ${overlap.vanafJaar}.`
        : `Gemeente ${input.gemeentecode} was aan deze berichtgever toegewezen tot en met ${overlap.totEnMetJaar}; kies ${overlap.totEnMetJaar + 1} of later.`,
    );
  }
  const t = await ctx.tx.berichtgeverGemeente.create({
    data: { berichtgeverId: b.id, gemeentecode: input.gemeentecode, vanafJaar: input.vanafJaar, createdAt: ctx.nu },
  });
  ctx.audit({
    actie: "berichtgever.gemeente.toevoegen",
    doelType: "berichtgever_gemeente",
    doelId: t.id,
    berichtgeverId: b.id,
    details: { berichtgever: b.code, gemeentecode: input.gemeentecode, vanafJaar: input.vanafJaar },
  });
  return { toewijzing: t, gemeente: gemeente! };
}

/** From `vanafJaar` on the berichtgever no longer reports for this gemeente. */
export async function beeindigGemeente(ctx: ActieContext, input: { toewijzingId: string; vanafJaar: number }) {
  const t = await ctx.tx.berichtgeverGemeente.findUnique({
    where: { id: input.toewijzingId },
    include: { berichtgever: { select: { code: true } } },
  });
  if (!t) throw new ActieFout("vanafJaar", "Deze toewijzing bestaat niet.");
  if (t.totEnMetJaar !== null) {
    throw new ActieFout("vanafJaar", `Deze toewijzing is al beëindigd (tot en met ${t.totEnMetJaar}).`);
  }
  // Years already delivered for stay as they were: ending may not reach back past a delivery.
  const geleverd = await ctx.tx.levering.findFirst({
    where: {
      berichtgeverId: t.berichtgeverId,
      gemeentecode: t.gemeentecode,
      statistiekjaar: { gte: input.vanafJaar },
      status: { not: "AFGEKEURD" },
      proef: null,
    },
    orderBy: { statistiekjaar: "desc" },
    select: { statistiekjaar: true },
  });
  if (geleverd?.statistiekjaar != null) {
    throw new ActieFout(
      "vanafJaar",
      `Er zijn al leveringen voor gemeente ${t.gemeentecode} over ${geleverd.statistiekjaar}; beëindig de toewijzing vanaf ${geleverd.statistiekjaar + 1} of later.`,
    );
  }
  const details = { berichtgever: t.berichtgever.code, gemeentecode: t.gemeentecode, vanafJaar: t.vanafJaar };
  if (input.vanafJaar <= t.vanafJaar) {
    // It would end before it began and nothing was delivered under it: no history to keep.
    await ctx.tx.berichtgeverGemeente.delete({ where: { id: t.id } });
    ctx.audit({
      actie: "berichtgever.gemeente.verwijder",
      doelType: "berichtgever_gemeente",
      doelId: t.id,
      berichtgeverId: t.berichtgeverId,
      details: { ...details, reden: `beëindigd vanaf ${input.vanafJaar}, vóór of in het eerste jaar` },
    });
    return { verwijderd: true as const };
  }
  const bijgewerkt = await ctx.tx.berichtgeverGemeente.update({
    where: { id: t.id },
    data: { totEnMetJaar: input.vanafJaar - 1 },
  });
  ctx.audit({
    actie: "berichtgever.gemeente.beeindig",
    doelType: "berichtgever_gemeente",
    doelId: t.id,
    berichtgeverId: t.berichtgeverId,
    details: { ...details, totEnMetJaar: input.vanafJaar - 1 },
  });
  return { verwijderd: false as const, toewijzing: bijgewerkt };
}
