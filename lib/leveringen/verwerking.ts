/**
 * Processing of one Aanlevering (the job "aanlevering.verwerk"): decrypt the upload to a private
 * temp file, run the engine (lib/swi controleerAanlevering) with what the database knows (the
 * berichtgever's gemeenten, the codelijst, the earlier deliveries for the quarter-over-quarter
 * rules), and store each delivery's outcome.
 *
 * Status as it goes, for the portal: ONTVANGEN → TECHNISCHE_CONTROLE (controleGestartOp) →
 * STATISTISCHE_CONTROLE (technically accepted, being compared) → AFGEKEURD | VERWERKT (verwerktOp),
 * and VERVANGEN once a later accepted delivery for the same quarter arrives.
 *
 * Safe to run again at any point (a retried job, a worker killed mid-way, a duplicate job): the
 * signaleringslijst files have fixed storage keys, and each outcome is written in one transaction
 * that skips a Levering that is already final (verwerking/resultaten.ts).
 */
import { Readable } from "node:stream";
import type PgBoss from "pg-boss";
import { type Actor, heeftRecht } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/http/fouten";
import { getDb } from "@/lib/db/client";
import { jobVerzender, stuurJob, WACHTRIJEN } from "@/lib/jobs/boss";
import type { Opslag } from "@/lib/storage";
import { controleerAanlevering, type LeveringResultaat } from "@/lib/swi/controle";
import { vatSamen, type EerdereLevering } from "@/lib/swi/eerdere-levering";
import { ontleedBestandsnaam } from "@/lib/swi/intake";
import { signaleringslijstCsv, signaleringslijstXlsx } from "@/lib/swi/signaleringslijst";
import type { LeveringKop } from "@/lib/swi/types";
import type { Proef } from "@/lib/generated/prisma/enums";
import { leveringOpslag } from "./opslag";
import { bereidSignalenVoor, signaalRegels, type SignaalVoorbereiding } from "./signalen";
import { datumInAmsterdam, laadVerwerkingContext, type VerwerkingContext } from "./verwerking/context";
import { laadEerdereLeveringen, leesLevering } from "./verwerking/eerdere";
import {
  EINDSTATUSSEN,
  schrijfAfgekeurd,
  schrijfVerwerkt,
  type SchrijfOmgeving,
  type Signaleringsbestanden,
} from "./verwerking/resultaten";

export { EINDSTATUSSEN } from "./verwerking/resultaten";

/** How long a signaleringslijst can be downloaded. */
export const SIGNALERINGSLIJST_DAGEN = 14;

/** Statuses in which a delivery is being processed (the portal shows progress). */
export const BEZIG_STATUSSEN = ["ONTVANGEN", "TECHNISCHE_CONTROLE", "STATISTISCHE_CONTROLE"] as const;

export function signaleringslijstSleutels(leveringId: string): { csv: string; xlsx: string } {
  const id = leveringId.toLowerCase();
  return { csv: `signaleringslijsten/${id}.csv`, xlsx: `signaleringslijsten/${id}.xlsx` };
}

export interface VerwerkOpties {
  opslag?: Opslag;
  /** A started pg-boss, to queue mails in the result transactions; default the process's sender. */
  boss?: PgBoss;
  /**
   * Asked before each write: false when this run no longer holds the job (its lease expired and the
   * job went to another worker). The run then stops without writing.
   */
  magSchrijven?: () => boolean;
  nu?: () => Date;
}

export class LeaseVerloren extends Error {
  constructor() {
    super("De verwerking is door een andere worker overgenomen.");
  }
}

export async function verwerkAanlevering(aanleveringId: string, opties: VerwerkOpties = {}): Promise<void> {
  const db = getDb();
  const opslag = opties.opslag ?? leveringOpslag();
  const nu = opties.nu ?? (() => new Date());
  const controleerLease = () => {
    if (opties.magSchrijven && !opties.magSchrijven()) throw new LeaseVerloren();
  };

  const aanlevering = await db.aanlevering.findUnique({
    where: { id: aanleveringId },
    include: { berichtgever: { select: { id: true, code: true } }, leveringen: { orderBy: { createdAt: "asc" } } },
  });
  if (!aanlevering) return;
  const open = aanlevering.leveringen.filter((l) => !(EINDSTATUSSEN as readonly string[]).includes(l.status));
  if (open.length === 0) {
    if (!aanlevering.verwerktOp)
      await db.aanlevering.update({ where: { id: aanlevering.id }, data: { verwerktOp: nu() } });
    return;
  }
  if (!aanlevering.opslagSleutel || aanlevering.bestandVerwijderdOp) return markeerZonderBestand(open);

  const boss = opties.boss ?? (await jobVerzender());
  const context = await laadVerwerkingContext(db, aanlevering.berichtgever);
  const omgeving: SchrijfOmgeving = {
    db,
    boss,
    berichtgever: aanlevering.berichtgever,
    gemeentenaam: context.gemeentenaam,
  };
  const isZip = /\.zip$/i.test(aanlevering.bestandsnaam);

  controleerLease();
  // Only rows that are still open: a concurrent run (a retry whose lease ran out) may have
  // finished them meanwhile, and a final status must never be turned back into "bezig".
  const nogOpen = { status: { notIn: [...EINDSTATUSSEN] } };
  await db.levering.updateMany({
    where: { id: { in: open.map((l) => l.id) }, ...nogOpen },
    data: { status: "TECHNISCHE_CONTROLE", controleGestartOp: nu(), verwerkingsfout: null },
  });

  // A released proeflevering is checked again as received at its release (F04, T07 and the
  // date rules compare with the receipt day); otherwise every delivery has the upload's moment.
  const ontvangenOp = open.reduce(
    (laatst, l) => (l.ontvangenOp > laatst ? l.ontvangenOp : laatst),
    aanlevering.ontvangenOp,
  );
  const ctx = context.ctx(datumInAmsterdam(ontvangenOp));
  const resultaten = await opslag.metOntsleuteldBestand(aanlevering.opslagSleutel, async (pad) =>
    controleerAanlevering({ naam: aanlevering.bestandsnaam, pad }, ctx, async (kop) => {
      controleerLease();
      const lid = open.find((l) => zelfdeLevering(l, kop));
      if (lid)
        await db.levering.updateMany({ where: { id: lid.id, ...nogOpen }, data: { status: "STATISTISCHE_CONTROLE" } });
      const uitDatabase = await laadEerdereLeveringen(
        db,
        opslag,
        context,
        aanlevering.berichtgeverId,
        kop,
        aanlevering.id,
      );
      // A released member is not compared with siblings that are still only a proeflevering.
      const uitDezeZip = isZip
        ? await eerdereUitDezeZip(pad, aanlevering, kop, context, lid ? lid.proef === null : false)
        : [];
      return [...uitDatabase, ...uitDezeZip];
    }),
  );

  const toegewezen = wijsToe(aanlevering.bestandsnaam, isZip, open, resultaten);
  for (const { levering, resultaat } of toegewezen) {
    controleerLease();
    await schrijfUitkomst(omgeving, opslag, context, levering, resultaat, {
      ontvangenOp,
      nu,
      controleerLease,
    });
  }
  await bevestigAfgerond(toegewezen.map((t) => t.levering.id));
  await db.aanlevering.update({ where: { id: aanlevering.id }, data: { verwerktOp: nu() } });
}

/**
 * Done means: the final status reads back from the database. A run whose final write did not land
 * (cut off by a restart, or skipped because the row looked taken) must go round again instead of
 * reporting done and leaving the delivery "bezig" with nobody working on it.
 */
async function bevestigAfgerond(leveringIds: readonly string[]): Promise<void> {
  if (leveringIds.length === 0) return;
  const nietAfgerond = await getDb().levering.count({
    where: { id: { in: [...leveringIds] }, status: { notIn: [...EINDSTATUSSEN] } },
  });
  if (nietAfgerond > 0) throw new Error(`${nietAfgerond} levering(en) na het schrijven nog niet afgerond`);
}

/** The stored file is gone (retention, or never stored): the open deliveries cannot be checked. */
async function markeerZonderBestand(open: readonly { id: string }[]): Promise<void> {
  await getDb().levering.updateMany({
    where: { id: { in: open.map((l) => l.id) }, status: { notIn: [...EINDSTATUSSEN] } },
    data: {
      status: "ONTVANGEN",
      verwerkingsfout: "Het aangeleverde bestand is niet meer beschikbaar; de levering kan niet worden gecontroleerd.",
    },
  });
}

/**
 * Earlier quarters of the same gemeente in this same zip count too, after those from the
 * database: they replace an older delivery of their quarter once this upload is processed.
 */
async function eerdereUitDezeZip(
  pad: string,
  aanlevering: { leveringen: readonly { bestandsnaam: string; proef: Proef | null }[]; ontvangenOp: Date },
  kop: { gemeentecode: string; berichtgevercode: string; statistiekjaar: number; statistiekkwartaal: number },
  context: VerwerkingContext,
  alleenEchte: boolean,
): Promise<EerdereLevering[]> {
  const uit: EerdereLevering[] = [];
  for (const ander of aanlevering.leveringen) {
    if (alleenEchte && ander.proef !== null) continue;
    const o = ontleedBestandsnaam(ander.bestandsnaam);
    if (!o || o.gemeentecode !== kop.gemeentecode || o.berichtgevercode !== kop.berichtgevercode) continue;
    if (o.statistiekjaar * 4 + o.statistiekkwartaal >= kop.statistiekjaar * 4 + kop.statistiekkwartaal) continue;
    const geparst = await leesLevering(pad, true, ander.bestandsnaam, context, aanlevering.ontvangenOp);
    if (geparst) uit.push(vatSamen(geparst));
  }
  return uit;
}

/** One delivery's outcome: rejected, or processed with its signaleringslijst when it has signals. */
async function schrijfUitkomst(
  omgeving: SchrijfOmgeving,
  opslag: Opslag,
  context: VerwerkingContext,
  levering: OpenLevering,
  resultaat: LeveringResultaat,
  tijd: { ontvangenOp: Date; nu: () => Date; controleerLease: () => void },
): Promise<void> {
  if (!resultaat.accepted || !resultaat.kop || !isVolledigeKop(resultaat.kop)) {
    await schrijfAfgekeurd(omgeving, levering, resultaat);
    return;
  }
  const kop = resultaat.kop;
  let lijst: Signaleringsbestanden | null = null;
  let signals = resultaat.signals;
  if (signals.length > 0) {
    // Here, where the list is made: a signal answered "klopt" before never reaches the list.
    const voorbereiding = await bereidSignalenVoor(
      omgeving.db,
      { id: levering.id, berichtgeverId: omgeving.berichtgever.id },
      kop,
      signals,
    );
    signals = voorbereiding.signalen;
    if (signals.length > 0) {
      lijst = await maakSignaleringslijst(
        opslag,
        levering,
        { ...resultaat, kop },
        voorbereiding,
        context.gemeentenaam(kop.gemeentecode, kop.statistiekjaar),
        tijd.ontvangenOp,
        tijd.nu(),
      );
    }
    tijd.controleerLease();
  }
  await schrijfVerwerkt(omgeving, levering, { ...resultaat, kop, signals }, lijst);
}

function zelfdeLevering(l: { bestandsnaam: string }, kop: LeveringKop): boolean {
  const o = ontleedBestandsnaam(l.bestandsnaam);
  return (
    o !== null &&
    o.gemeentecode === kop.gemeentecode &&
    o.statistiekjaar === kop.statistiekjaar &&
    o.statistiekkwartaal === kop.statistiekkwartaal
  );
}

function isVolledigeKop(kop: Partial<LeveringKop>): kop is LeveringKop {
  return (
    typeof kop.gemeentecode === "string" &&
    typeof kop.berichtgevercode === "string" &&
    typeof kop.statistiekjaar === "number" &&
    typeof kop.statistiekkwartaal === "number"
  );
}

type OpenLevering = {
  id: string;
  bestandsnaam: string;
  ontvangenOp: Date;
  proef: Proef | null;
  gemeentecode: string | null;
  statistiekjaar: number | null;
  statistiekkwartaal: number | null;
};

/**
 * Pairs results with Levering rows. A zip refused as a whole gives one result under the zip's name:
 * it is the outcome of every delivery in it, each with the zip's problems and its own member's failures. Otherwise by file name; a delivery the engine did not
 * report on (it was not in the zip after all) is rejected with an explanation.
 */
function wijsToe(
  uploadNaam: string,
  isZip: boolean,
  open: OpenLevering[],
  resultaten: LeveringResultaat[],
): { levering: OpenLevering; resultaat: LeveringResultaat }[] {
  const geheel = resultaten.length === 1 && resultaten[0]!.file === uploadNaam && !resultaten[0]!.accepted;
  if (isZip && geheel) {
    // Each delivery gets the zip's own problems and the failures of its own member, not the others'.
    const zip = resultaten[0]!;
    return open.map((levering) => {
      const errors = zip.errors.filter((f) => f.bestand === undefined || f.bestand === levering.bestandsnaam);
      const overig = zip.errors.length - errors.length;
      return { levering, resultaat: { ...zip, errors, errorCount: Math.max(errors.length, zip.errorCount - overig) } };
    });
  }
  const perNaam = new Map(resultaten.map((r) => [r.file, r]));
  return open.map((levering) => ({
    levering,
    resultaat:
      perNaam.get(levering.bestandsnaam) ??
      (!isZip && resultaten.length === 1 ? resultaten[0]! : nietGevonden(levering.bestandsnaam, uploadNaam)),
  }));
}

function nietGevonden(naam: string, zip: string): LeveringResultaat {
  return {
    file: naam,
    accepted: false,
    errors: [
      {
        line: null,
        kenmerk: null,
        rule: "T01",
        message: `Het bestand ${naam} is niet gevonden in het zip-bestand ${zip}.`,
      },
    ],
    errorCount: 1,
    signals: [],
    fileSignals: [],
    spiegelrapport: null,
    telling: null,
    kop: null,
    aantalPersonen: 0,
  };
}

async function maakSignaleringslijst(
  opslag: Opslag,
  levering: OpenLevering,
  r: LeveringResultaat & { kop: LeveringKop },
  voorbereiding: SignaalVoorbereiding,
  gemeentenaam: string | null,
  ontvangenOp: Date,
  aangemaaktOp: Date,
): Promise<Signaleringsbestanden> {
  const verlooptOp = new Date(aangemaaktOp.getTime() + SIGNALERINGSLIJST_DAGEN * 24 * 3600 * 1000);
  const invoer = {
    fileName: levering.bestandsnaam,
    kop: r.kop,
    signals: voorbereiding.signalen,
    vorigKwartaal: voorbereiding.vorigKwartaal,
    fileSignals: r.fileSignals,
    aantalPersonen: r.aantalPersonen,
    gemeentenaam: gemeentenaam ?? undefined,
    ontvangen: datumInAmsterdam(ontvangenOp),
    aangemaakt: aangemaaktOp,
    beschikbaarTot: verlooptOp,
  };
  const sleutels = signaleringslijstSleutels(levering.id);
  await opslag.schrijf(sleutels.csv, Readable.from([Buffer.from(signaleringslijstCsv(invoer), "utf8")]));
  await opslag.schrijf(sleutels.xlsx, Readable.from([await signaleringslijstXlsx(invoer)]));
  return {
    csvSleutel: sleutels.csv,
    xlsxSleutel: sleutels.xlsx,
    aangemaaktOp,
    verlooptOp,
    aantalSignalen: voorbereiding.signalen.length,
    signalen: signaalRegels(levering.id, voorbereiding),
  };
}

/**
 * Dead-letter handler: the job used up its retries (or its worker died on the last one). The
 * deliveries go back to ONTVANGEN with the reason in verwerkingsfout, for CBS staff to look at and
 * start again (verwerkOpnieuw): never a "bezig" state without a job behind it.
 */
export async function markeerVerwerkingMislukt(aanleveringId: string, reden: string): Promise<void> {
  await getDb().levering.updateMany({
    where: { aanleveringId, status: { in: [...BEZIG_STATUSSEN] } },
    data: { status: "ONTVANGEN", verwerkingsfout: `De verwerking is mislukt: ${reden}`.slice(0, 1000) },
  });
}

/** Staff: process an upload again after a failure that was not the file's. */
export async function verwerkOpnieuw(actor: Actor, aanleveringId: string): Promise<void> {
  if (!heeftRecht(actor, "beheer")) throw new NietGevonden();
  const db = getDb();
  const boss = await jobVerzender();
  await db.$transaction(async (tx) => {
    const { count } = await tx.levering.updateMany({
      where: { aanleveringId, status: { in: [...BEZIG_STATUSSEN] } },
      data: { verwerkingsfout: null },
    });
    if (count === 0) throw new NietGevonden();
    await stuurJob(boss, WACHTRIJEN.verwerkAanlevering, { aanleveringId }, tx);
    await tx.auditLog.create({
      data: {
        actorUserId: actor.userId,
        actorEmail: actor.email,
        actorRol: actor.rol,
        actie: "levering.opnieuw-verwerken",
        doelType: "aanlevering",
        doelId: aanleveringId,
      },
    });
  });
}
