/**
 * Kwaliteitsonderzoek (richtlijnen 4.2.4): CBS staff draw a random sample of berichtgevers,
 * stratified by size class with a recorded seed, and record per berichtgever when the interview
 * was held and what came out of it.
 */
import { z } from "zod";
import { type ActieContext, ActieFout, type Tx } from "@/lib/acties/context";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { beheerLezing } from "./context";
import { GROOTTEKLASSEN, trekSteekproef, type Grootteklasse } from "./steekproef";

const aantalSchema = z.coerce.number().int("Vul een geheel aantal in").min(0).max(100, "Hoogstens 100 per klasse");

export const onderzoekSchema = z.object({
  jaar: z.coerce.number().int().min(2022, "Het jaar is 2022 of later").max(2100),
  seed: z
    .string()
    .trim()
    .min(1, "Vul een startwaarde in, bijvoorbeeld de datum van vandaag")
    .max(100, "De startwaarde mag hoogstens 100 tekens lang zijn"),
  groot: aantalSchema,
  middel: aantalSchema,
  klein: aantalSchema,
});

export const gesprekSchema = z.object({
  deelnemerId: z.string().min(1).max(64),
  gesprekOp: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul de datum in als jjjj-mm-dd, bijvoorbeeld 2026-12-01")
      .optional(),
  ),
  notities: z.string().trim().max(5000, "De notities mogen hoogstens 5000 tekens lang zijn"),
});

/** Every active berichtgever with its size: persons in its accepted deliveries of its last processed quarter. */
async function kandidaten(db: Db | Tx) {
  const rijen = await db.$queryRaw<{ id: string; personen: number | null }[]>`
    SELECT b.id,
           (SELECT SUM(l.aantal_personen)::int
              FROM levering l
             WHERE l.berichtgever_id = b.id AND l.status = 'VERWERKT' AND l.proef IS NULL
               AND (l.statistiekjaar * 4 + l.statistiekkwartaal) = (
                 SELECT MAX(l2.statistiekjaar * 4 + l2.statistiekkwartaal)
                   FROM levering l2 WHERE l2.berichtgever_id = b.id AND l2.status = 'VERWERKT' AND l2.proef IS NULL)) AS personen
      FROM berichtgever b
     WHERE b.actief`;
  return rijen.map((r) => ({ id: r.id, personen: r.personen ?? 0 }));
}

export async function trekKwaliteitsonderzoek(ctx: ActieContext, input: z.infer<typeof onderzoekSchema>) {
  const perKlasse: Record<Grootteklasse, number> = { groot: input.groot, middel: input.middel, klein: input.klein };
  if (GROOTTEKLASSEN.every((k) => perKlasse[k] === 0)) {
    throw new ActieFout("groot", "Kies in ten minste één grootteklasse een aantal groter dan 0.");
  }
  const steekproef = trekSteekproef(await kandidaten(ctx.tx), perKlasse, input.seed);
  if (steekproef.length === 0) throw new ActieFout("groot", "Er zijn geen actieve berichtgevers om uit te trekken.");
  const onderzoek = await ctx.tx.kwaliteitsonderzoek.create({
    data: {
      jaar: input.jaar,
      seed: input.seed,
      aantallen: perKlasse,
      aangemaaktOp: ctx.nu,
      aangemaaktDoorId: ctx.actor.userId,
      deelnemers: {
        create: steekproef.map((s) => ({ berichtgeverId: s.id, grootteklasse: s.klasse, aantalPersonen: s.personen })),
      },
    },
  });
  ctx.audit({
    actie: "kwaliteitsonderzoek.trek",
    doelType: "kwaliteitsonderzoek",
    doelId: onderzoek.id,
    details: { jaar: input.jaar, seed: input.seed, perKlasse, getrokken: steekproef.length },
  });
  return onderzoek;
}

export async function legGesprekVast(ctx: ActieContext, input: z.infer<typeof gesprekSchema>) {
  const d = await ctx.tx.kwaliteitsonderzoekDeelnemer.findUnique({
    where: { id: input.deelnemerId },
    include: { berichtgever: { select: { id: true, code: true } } },
  });
  if (!d) throw new ActieFout("formulier", "Deze berichtgever hoort niet (meer) bij een kwaliteitsonderzoek.");
  await ctx.tx.kwaliteitsonderzoekDeelnemer.update({
    where: { id: d.id },
    data: {
      gesprekOp: input.gesprekOp ? new Date(`${input.gesprekOp}T00:00:00Z`) : null,
      notities: input.notities || null,
    },
  });
  ctx.audit({
    actie: "kwaliteitsonderzoek.gesprek",
    doelType: "kwaliteitsonderzoek",
    doelId: d.onderzoekId,
    berichtgeverId: d.berichtgever.id,
    details: { berichtgever: d.berichtgever.code, gesprekOp: input.gesprekOp ?? null },
  });
  return d;
}

export async function kwaliteitsonderzoeken(actor: Actor) {
  return beheerLezing(actor).kwaliteitsonderzoek.findMany({
    orderBy: { aangemaaktOp: "desc" },
    include: { aangemaaktDoor: { select: { naam: true } }, _count: { select: { deelnemers: true } } },
  });
}

export async function kwaliteitsonderzoekDetail(actor: Actor, id: string) {
  const o = await beheerLezing(actor).kwaliteitsonderzoek.findUnique({
    where: { id },
    include: {
      aangemaaktDoor: { select: { naam: true } },
      deelnemers: { include: { berichtgever: { select: { code: true, naam: true } } } },
    },
  });
  if (!o) return null;
  const volgorde = new Map(GROOTTEKLASSEN.map((k, i) => [k, i]));
  o.deelnemers.sort(
    (a, b) =>
      (volgorde.get(a.grootteklasse as Grootteklasse) ?? 9) - (volgorde.get(b.grootteklasse as Grootteklasse) ?? 9) ||
      a.berichtgever.code.localeCompare(b.berichtgever.code),
  );
  return o;
}
