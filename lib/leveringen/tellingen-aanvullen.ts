/**
 * Deliveries accepted before `levering.bestand_telling` existed have no counts, so the browser
 * check could not compare the next quarter's file with them (F01/F03) until something re-read
 * them. The hourly job fills them in from the kept, encrypted upload, a few at a time: the same
 * parse and the same counts the processing stores today. Only what the comparison can use:
 * accepted, never a proeflevering, file still kept.
 */
import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Opslag } from "@/lib/storage";
import { bestandTelling, tellingOpslaan } from "@/lib/swi/statistisch/bestand";
import { leveringOpslag } from "./opslag";
import { laadVerwerkingContext, type VerwerkingContext } from "./verwerking/context";
import { leesLevering } from "./verwerking/eerdere";

/** Ids that could not be re-read in this process: not tried again every hour. */
const nietTeLezen = new Set<string>();

export async function vulOntbrekendeTellingenAan(
  opties: { max?: number; opslag?: Opslag } = {},
): Promise<{ aangevuld: number; nietTeLezen: number }> {
  const db = getDb();
  const opslag = opties.opslag ?? leveringOpslag();
  const rijen = await db.levering.findMany({
    where: {
      status: "VERWERKT",
      proef: null,
      bestandVerwijderdOp: null,
      opslagSleutel: { not: null },
      bestandTelling: { equals: Prisma.DbNull },
      id: { notIn: [...nietTeLezen] },
    },
    // The newest first: they are the ones a next quarter compares with.
    orderBy: [{ statistiekjaar: "desc" }, { statistiekkwartaal: "desc" }, { ontvangenOp: "desc" }],
    take: opties.max ?? 20,
    select: {
      id: true,
      bestandsnaam: true,
      bronBestandsnaam: true,
      opslagSleutel: true,
      ontvangenOp: true,
      berichtgever: { select: { id: true, code: true } },
    },
  });
  let aangevuld = 0;
  let mislukt = 0;
  // Rows of one berichtgever share its gemeente assignments: loaded once per run, not per row.
  const contexten = new Map<string, Promise<VerwerkingContext>>();
  for (const r of rijen) {
    let laden = contexten.get(r.berichtgever.id);
    if (!laden) contexten.set(r.berichtgever.id, (laden = laadVerwerkingContext(db, r.berichtgever)));
    const context = await laden;
    // A file that is missing or no longer accepted (a changed gemeente assignment) is skipped, not
    // fatal: the rest still gets its counts. The message names the id only, never the content.
    const geparst = await opslag
      .metOntsleuteldBestand(r.opslagSleutel!, (pad) =>
        leesLevering(pad, r.bronBestandsnaam !== null, r.bestandsnaam, context, r.ontvangenOp),
      )
      .catch((fout: unknown) => {
        console.warn(`[tellingen] levering ${r.id} niet te lezen: ${fout instanceof Error ? fout.name : "fout"}`);
        return null;
      });
    if (!geparst) {
      nietTeLezen.add(r.id);
      mislukt++;
      continue;
    }
    // Only while still empty: a re-processing that wrote counts meanwhile wins.
    const { count } = await db.levering.updateMany({
      where: { id: r.id, bestandTelling: { equals: Prisma.DbNull } },
      data: { bestandTelling: tellingOpslaan(bestandTelling(geparst)) as unknown as Prisma.InputJsonValue },
    });
    aangevuld += count;
  }
  return { aangevuld, nietTeLezen: mislukt };
}
