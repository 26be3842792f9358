/**
 * The earlier deliveries the quarter-over-quarter rules compare with: every accepted (VERWERKT, so
 * not VERVANGEN) delivery of the same berichtgever and gemeente for an earlier quarter whose file is
 * still kept, parsed again from its encrypted upload. Oldest first, and within a quarter in order
 * of receipt, so that the engine takes the latest one of a quarter (eerdereVan). Each is summarised
 * as soon as it is parsed (vatSamen): a gemeente with years of national-size deliveries would
 * otherwise hold all their Persoon objects at once.
 */
import fs from "node:fs";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import type { Db } from "@/lib/db/client";
import type { Opslag } from "@/lib/storage";
import { vatSamen, type EerdereLevering } from "@/lib/swi/eerdere-levering";
import { controleerXml } from "@/lib/swi/intake";
import type { GeparsteLevering, LeveringKop } from "@/lib/swi/types";
import { datumInAmsterdam, type VerwerkingContext } from "./context";

export async function laadEerdereLeveringen(
  db: Db,
  opslag: Opslag,
  context: VerwerkingContext,
  berichtgeverId: string,
  kop: LeveringKop,
  /** The upload being processed: its own members are not "earlier" deliveries from the database. */
  behalveAanleveringId: string,
): Promise<EerdereLevering[]> {
  const rijen = await db.levering.findMany({
    where: {
      berichtgeverId,
      aanleveringId: { not: behalveAanleveringId },
      gemeentecode: kop.gemeentecode,
      status: "VERWERKT",
      // A proeflevering was never delivered: the next quarter is not compared with it.
      proef: null,
      bestandVerwijderdOp: null,
      opslagSleutel: { not: null },
      OR: [
        { statistiekjaar: { lt: kop.statistiekjaar } },
        { statistiekjaar: kop.statistiekjaar, statistiekkwartaal: { lt: kop.statistiekkwartaal } },
      ],
    },
    orderBy: [{ statistiekjaar: "asc" }, { statistiekkwartaal: "asc" }, { ontvangenOp: "asc" }],
    select: { id: true, bestandsnaam: true, bronBestandsnaam: true, opslagSleutel: true, ontvangenOp: true },
  });
  const uit: EerdereLevering[] = [];
  for (const r of rijen) {
    const geparst = await opslag.metOntsleuteldBestand(r.opslagSleutel!, (pad) =>
      leesLevering(pad, r.bronBestandsnaam !== null, r.bestandsnaam, context, r.ontvangenOp),
    );
    // It was accepted once; if it no longer is (a changed gemeente assignment), it cannot serve.
    if (geparst) uit.push(vatSamen(geparst));
    else console.warn(`[verwerking] eerdere levering ${r.id} is niet opnieuw te lezen en wordt overgeslagen.`);
  }
  return uit;
}

/** One delivery (an XML, or the member `naam` of a zip) parsed again; null when it is not accepted. */
export async function leesLevering(
  pad: string,
  isZip: boolean,
  naam: string,
  context: VerwerkingContext,
  ontvangenOp: Date,
): Promise<GeparsteLevering | null> {
  const stroom = isZip ? await lidUitZip(pad, naam) : fs.createReadStream(pad);
  if (!stroom) return null;
  const uitkomst = await controleerXml(stroom, naam, context.ctx(datumInAmsterdam(ontvangenOp)));
  return uitkomst.accepted ? (uitkomst.levering ?? null) : null;
}

/** The member `naam` of the zip at `pad`, unpacked as a stream; null when it is not there. */
async function lidUitZip(pad: string, naam: string): Promise<Readable | null> {
  const zip = await yauzl.openPromise(pad, { lazyEntries: true, autoClose: false, decodeStrings: false });
  return new Promise<Readable | null>((resolve, reject) => {
    const klaar = (stroom: Readable | null, fout?: unknown) => {
      if (fout) {
        zip.close();
        reject(fout);
        return;
      }
      if (!stroom) zip.close();
      else stroom.once("close", () => zip.close());
      resolve(stroom);
    };
    zip.on("entry", (entry: yauzl.Entry) => {
      const lid = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      if (lid !== naam) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (fout, stroom) => klaar(fout ? null : stroom, fout ?? undefined));
    });
    zip.on("end", () => klaar(null));
    zip.on("error", (fout) => klaar(null, fout));
    zip.readEntry();
  });
}
