/**
 * The purge (job "opruimen": hourly, and once when the worker starts). Everything is found by a
 * query on dates, not by timers, so a purge that did not run for a while (downtime) catches up
 * in one run:
 * - signaleringslijsten past verlooptOp (14 days): both files deleted from storage, the stored
 *   signals' content (BSN, values) emptied, verwijderdOp set; what stays of a signal is its keyed
 *   hash, rule and response (lib/leveringen/signalen.ts);
 * - uploads past SWI_BEWAARTERMIJN_UPLOAD_DAGEN (default 400: long enough for the comparisons with
 *   earlier quarters): the file deleted, bestandVerwijderdOp set, and the deliveries' LeveringFout
 *   rows deleted, because error messages may quote BSNs, and likewise the texts of the responses to
 *   its signals (explanation, question, answer);
 * - proefleveringen not released within 14 days of receipt: the rows (with their errors and
 *   signaleringslijst) and their files, and the upload itself when nothing else of it is kept, so
 *   the same file can then be delivered again;
 * - upload sessions abandoned for more than 24 hours, with their parts;
 * - the findings of a national checks run past their 14 days (lib/beheer/landelijke-controle-taak.ts);
 * - secure messages past SWI_BEWAARTERMIJN_BERICHT_DAGEN (default 400), lib/berichten/berichten.ts.
 * The file is deleted before the row is marked, so a crash in between is finished by the next run.
 *
 * Removing a list or an upload is an audit entry (actor: the system; details: ids, file name and
 * term, never content), because the log shows both arriving and being downloaded and must show
 * where that person-level data went. An abandoned session gets none: it never became a delivery,
 * nothing in the log refers to it, and its parts could be read by no one.
 */
import { schrijfAudit } from "@/lib/audit";
import { verwijderVerlopenLandelijkeControles } from "@/lib/beheer/landelijke-controle-taak";
import { getDb } from "@/lib/db/client";
import type { Opslag } from "@/lib/storage";
import { leveringOpslag } from "./opslag";
import { verwijderUploadSessie } from "./uploadsessie";
import { PROEF_BEWAARDAGEN } from "./vrijgave";
import { verwijderOudeBerichten } from "@/lib/berichten/berichten";

const DAG = 24 * 3600 * 1000;
const PER_KEER = 200;

export const STANDAARD_BEWAARTERMIJN_UPLOAD_DAGEN = 400;
export const UPLOADSESSIE_UREN = 24;

export function bewaartermijnUploadDagen(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SWI_BEWAARTERMIJN_UPLOAD_DAGEN?.trim() || NaN);
  return Number.isFinite(n) && n > 0 ? n : STANDAARD_BEWAARTERMIJN_UPLOAD_DAGEN;
}

export interface OpruimResultaat {
  signaleringslijsten: number;
  uploads: number;
  proefleveringen: number;
  uploadSessies: number;
  landelijkeControles: number;
  berichten: number;
}

export async function ruimOp(nu: Date = new Date(), opties: { opslag?: Opslag } = {}): Promise<OpruimResultaat> {
  const opslag = opties.opslag ?? leveringOpslag();
  return {
    signaleringslijsten: await verwijderVerlopenSignaleringslijsten(opslag, nu),
    uploads: await verwijderOudeUploads(opslag, nu),
    proefleveringen: await verwijderVerlopenProefleveringen(opslag, nu),
    uploadSessies: await verwijderVerlatenUploadSessies(opslag, nu),
    landelijkeControles: await verwijderVerlopenLandelijkeControles(nu),
    berichten: await verwijderOudeBerichten(nu),
  };
}

async function verwijderVerlopenSignaleringslijsten(opslag: Opslag, nu: Date): Promise<number> {
  const db = getDb();
  let aantal = 0;
  for (;;) {
    const lijsten = await db.signaleringslijst.findMany({
      where: { verlooptOp: { lt: nu }, verwijderdOp: null },
      orderBy: { verlooptOp: "asc" },
      take: PER_KEER,
      include: { levering: { select: { berichtgeverId: true } } },
    });
    if (lijsten.length === 0) return aantal;
    for (const lijst of lijsten) {
      await opslag.verwijder(lijst.csvSleutel);
      await opslag.verwijder(lijst.xlsxSleutel);
      await db.$transaction([
        db.leveringSignaal.updateMany({ where: { leveringId: lijst.leveringId }, data: { inhoud: null } }),
        db.signaleringslijst.update({ where: { id: lijst.id }, data: { verwijderdOp: nu } }),
      ]);
      await schrijfAudit({
        actor: null,
        actie: "signaleringslijst.verwijderd",
        doelType: "signaleringslijst",
        doelId: lijst.id,
        berichtgeverId: lijst.levering.berichtgeverId,
        details: { leveringId: lijst.leveringId, verlooptOp: lijst.verlooptOp.toISOString() },
        ip: null,
      });
      aantal++;
    }
  }
}

async function verwijderOudeUploads(opslag: Opslag, nu: Date): Promise<number> {
  const db = getDb();
  const grens = new Date(nu.getTime() - bewaartermijnUploadDagen() * DAG);
  let aantal = 0;
  for (;;) {
    const oud = await db.aanlevering.findMany({
      where: { ontvangenOp: { lt: grens }, bestandVerwijderdOp: null },
      orderBy: { ontvangenOp: "asc" },
      take: PER_KEER,
      select: { id: true, opslagSleutel: true, berichtgeverId: true, bestandsnaam: true },
    });
    if (oud.length === 0) return aantal;
    for (const a of oud) {
      if (a.opslagSleutel) await opslag.verwijder(a.opslagSleutel);
      await db.$transaction([
        db.leveringFout.deleteMany({ where: { levering: { aanleveringId: a.id } } }),
        db.leveringSignaal.updateMany({
          where: { levering: { aanleveringId: a.id } },
          data: { inhoud: null, toelichting: null, antwoord: null },
        }),
        db.levering.updateMany({ where: { aanleveringId: a.id }, data: { bestandVerwijderdOp: nu } }),
        db.aanlevering.update({ where: { id: a.id }, data: { bestandVerwijderdOp: nu } }),
      ]);
      await schrijfAudit({
        actor: null,
        actie: "aanlevering.bestand-verwijderd",
        doelType: "aanlevering",
        doelId: a.id,
        berichtgeverId: a.berichtgeverId,
        details: { bestandsnaam: a.bestandsnaam, bewaartermijnDagen: bewaartermijnUploadDagen() },
        ip: null,
      });
      aantal++;
    }
  }
}

async function verwijderVerlopenProefleveringen(opslag: Opslag, nu: Date): Promise<number> {
  const db = getDb();
  // The release refuses from the same moment on (vrijgave.ts), so nothing found here can still be released.
  const grens = new Date(nu.getTime() - PROEF_BEWAARDAGEN * DAG);
  let aantal = 0;
  for (;;) {
    const oud = await db.levering.findMany({
      where: { proef: { not: null }, ontvangenOp: { lt: grens } },
      orderBy: { ontvangenOp: "asc" },
      take: PER_KEER,
      select: {
        id: true,
        berichtgeverId: true,
        bestandsnaam: true,
        proef: true,
        aanleveringId: true,
        signaleringslijst: { select: { csvSleutel: true, xlsxSleutel: true } },
      },
    });
    if (oud.length === 0) return aantal;
    for (const l of oud) {
      // A released member of the same zip still needs the upload.
      const blijft = l.aanleveringId
        ? await db.levering.count({ where: { aanleveringId: l.aanleveringId, id: { not: l.id } } })
        : 1;
      const aanlevering =
        blijft === 0 && l.aanleveringId
          ? await db.aanlevering.findUnique({
              where: { id: l.aanleveringId },
              select: { id: true, opslagSleutel: true },
            })
          : null;
      if (l.signaleringslijst) {
        await opslag.verwijder(l.signaleringslijst.csvSleutel);
        await opslag.verwijder(l.signaleringslijst.xlsxSleutel);
      }
      if (aanlevering?.opslagSleutel) await opslag.verwijder(aanlevering.opslagSleutel);
      await db.$transaction([
        db.signaleringslijst.deleteMany({ where: { leveringId: l.id } }),
        db.levering.deleteMany({ where: { id: l.id } }),
        ...(aanlevering ? [db.aanlevering.deleteMany({ where: { id: aanlevering.id } })] : []),
      ]);
      await schrijfAudit({
        actor: null,
        actie: "proeflevering.verwijderd",
        doelType: "levering",
        doelId: l.id,
        berichtgeverId: l.berichtgeverId,
        details: { bestandsnaam: l.bestandsnaam, proef: l.proef, bewaartermijnDagen: PROEF_BEWAARDAGEN },
        ip: null,
      });
      aantal++;
    }
  }
}

async function verwijderVerlatenUploadSessies(opslag: Opslag, nu: Date): Promise<number> {
  const grens = new Date(nu.getTime() - UPLOADSESSIE_UREN * 3600 * 1000);
  let aantal = 0;
  for (;;) {
    const sessies = await getDb().uploadSessie.findMany({
      where: { aangemaaktOp: { lt: grens } },
      take: PER_KEER,
      select: { id: true },
    });
    if (sessies.length === 0) return aantal;
    for (const s of sessies) {
      await verwijderUploadSessie(s.id, opslag);
      aantal++;
    }
  }
}

/**
 * Whether a signaleringslijst may still be downloaded. Check this, not only whether the file is
 * there: between verlooptOp and the next purge run the file still exists.
 */
export function signaleringslijstBeschikbaar(
  lijst: { verlooptOp: Date; verwijderdOp: Date | null },
  nu: Date = new Date(),
): boolean {
  return lijst.verwijderdOp === null && lijst.verlooptOp.getTime() > nu.getTime();
}
