/**
 * Writing a delivery's final outcome. Each write is one transaction that locks the Levering row,
 * does nothing when it is already final (a retried or duplicate job), removes whatever an earlier
 * attempt may have left, and writes the outcome, the herlevering marks and the mails together: so a
 * retry never produces a second set of results or a second mail.
 */
import { versleutelFoutbericht } from "@/lib/leveringen/foutberichten";
import type PgBoss from "pg-boss";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { zetMailInWachtrij } from "@/lib/mail/wachtrij";
import type { LeveringResultaat } from "@/lib/swi/controle";
import type { LeveringKop, TechnischeFout } from "@/lib/swi/types";
import type { Proef } from "@/lib/generated/prisma/enums";
import { portaalUrl } from "@/lib/http/adres";
import type { NieuwSignaal } from "@/lib/leveringen/signalen";
import { randomUUID } from "node:crypto";

export const EINDSTATUSSEN = ["AFGEKEURD", "VERWERKT", "VERVANGEN"] as const;

export interface SchrijfOmgeving {
  db: Db;
  boss: PgBoss;
  berichtgever: { id: string; code: string };
  gemeentenaam(code: string, jaar: number): string | null;
}

export interface Signaleringsbestanden {
  csvSleutel: string;
  xlsxSleutel: string;
  aangemaaktOp: Date;
  verlooptOp: Date;
  aantalSignalen: number;
  /** The list's person-level signals, to be answered in the portal. */
  signalen: NieuwSignaal[];
}

const TRANSACTIE = { timeout: 120_000, maxWait: 60_000 };

/** Locks the row; false when the Levering is gone or already final. */
async function neemOver(tx: Prisma.TransactionClient, leveringId: string): Promise<boolean> {
  const rijen = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM levering WHERE id = ${leveringId} FOR UPDATE`;
  const status = rijen[0]?.status;
  return status !== undefined && !(EINDSTATUSSEN as readonly string[]).includes(status);
}

async function wisEerdereUitkomst(tx: Prisma.TransactionClient, leveringId: string): Promise<void> {
  await tx.leveringFout.deleteMany({ where: { leveringId } });
  await tx.leveringSignaal.deleteMany({ where: { leveringId } });
  await tx.signaleringslijst.deleteMany({ where: { leveringId } });
}

const SIGNALEN_PER_INSERT = 5_000;

/**
 * The list's signals as rows, a few statements of column arrays (unnest) instead of createMany:
 * Prisma builds a createMany of tens of thousands of rows in JavaScript for a minute or more,
 * while this transaction holds the delivery's row lock (seen in the restart test: "idle in
 * transaction" 60–80 s before the INSERT), which turned every retry after a restart into minutes.
 */
async function voegSignalenIn(
  tx: Prisma.TransactionClient,
  leveringId: string,
  berichtgeverId: string,
  signalen: readonly NieuwSignaal[],
): Promise<void> {
  for (let i = 0; i < signalen.length; i += SIGNALEN_PER_INSERT) {
    const deel = signalen.slice(i, i + SIGNALEN_PER_INSERT);
    await tx.$executeRaw`
      INSERT INTO levering_signaal
        (id, levering_id, berichtgever_id, volgnummer, regel, ernst, sleutel, inhoud, vorig_kwartaal, vorige_reactie)
      SELECT r.id, ${leveringId}, ${berichtgeverId}, r.volgnummer, r.regel, r.ernst, r.sleutel, r.inhoud, r.vorig,
             r.reactie::"SignaalReactie"
        FROM unnest(
          ${deel.map(() => randomUUID())}::text[],
          ${deel.map((s) => s.volgnummer)}::int[],
          ${deel.map((s) => s.regel)}::text[],
          ${deel.map((s) => s.ernst)}::text[],
          ${deel.map((s) => s.sleutel)}::text[],
          ${deel.map((s) => s.inhoud ?? null)}::text[],
          ${deel.map((s) => s.vorigKwartaal ?? false)}::boolean[],
          ${deel.map((s) => s.vorigeReactie ?? null)}::text[]
        ) AS r(id, volgnummer, regel, ernst, sleutel, inhoud, vorig, reactie)`;
  }
}

function over(
  l: { gemeentecode: string | null; statistiekjaar: number | null; statistiekkwartaal: number | null },
  omgeving: SchrijfOmgeving,
) {
  return {
    gemeentecode: l.gemeentecode,
    gemeentenaam: l.gemeentecode && l.statistiekjaar ? omgeving.gemeentenaam(l.gemeentecode, l.statistiekjaar) : null,
    statistiekjaar: l.statistiekjaar,
    statistiekkwartaal: l.statistiekkwartaal,
  };
}

/** Technische controle failed: the capped error list in file order, the total, and a mail. */
export async function schrijfAfgekeurd(
  omgeving: SchrijfOmgeving,
  levering: {
    id: string;
    bestandsnaam: string;
    gemeentecode: string | null;
    statistiekjaar: number | null;
    statistiekkwartaal: number | null;
  },
  uitkomst: { errors: readonly TechnischeFout[]; errorCount: number; aantalPersonen: number },
): Promise<boolean> {
  const { db, boss, berichtgever } = omgeving;
  return db.$transaction(async (tx) => {
    if (!(await neemOver(tx, levering.id))) return false;
    await wisEerdereUitkomst(tx, levering.id);
    await tx.leveringFout.createMany({
      data: uitkomst.errors.map((f, i) => ({
        leveringId: levering.id,
        volgnummer: i + 1,
        regelnummer: f.line,
        kenmerk: f.kenmerk,
        regel: f.rule,
        // Messages may quote a BSN: encrypted at rest, like the files.
        bericht: versleutelFoutbericht(f.message, levering.id),
      })),
    });
    const aantalFouten = Math.max(uitkomst.errorCount, uitkomst.errors.length);
    await tx.levering.update({
      where: { id: levering.id },
      data: {
        status: "AFGEKEURD",
        aantalFouten,
        aantalPersonen: uitkomst.aantalPersonen,
        aantalSignalen: null,
        spiegelrapport: Prisma.DbNull,
        bestandSignalen: Prisma.DbNull,
        bestandTelling: Prisma.DbNull,
        verwerktOp: new Date(),
        verwerkingsfout: null,
        // Gemeente and quarter stay as the file name says: a rejected header may be nonsense.
      },
    });
    await tx.auditLog.create({
      data: {
        actie: "levering.afgekeurd",
        doelType: "levering",
        doelId: levering.id,
        berichtgeverId: berichtgever.id,
        details: { aantalFouten },
      },
    });
    // A rejected re-upload does not undo an earlier accepted one: the mail says which still counts.
    const eerder =
      levering.gemeentecode && levering.statistiekjaar && levering.statistiekkwartaal
        ? await tx.levering.findFirst({
            where: {
              berichtgeverId: berichtgever.id,
              gemeentecode: levering.gemeentecode,
              statistiekjaar: levering.statistiekjaar,
              statistiekkwartaal: levering.statistiekkwartaal,
              status: "VERWERKT",
              proef: null,
            },
            orderBy: { ontvangenOp: "desc" },
            select: { id: true, bestandsnaam: true, ontvangenOp: true },
          })
        : null;
    await zetMailInWachtrij(
      {
        berichtgeverId: berichtgever.id,
        sjabloon: "levering-afgekeurd",
        parameters: {
          bestandsnaam: levering.bestandsnaam,
          ...over(levering, omgeving),
          aantalFouten,
          url: portaalUrl(`/berichtgever/${berichtgever.code}/leveringen/${levering.id}`),
          ...(eerder
            ? {
                geldend: {
                  bestandsnaam: eerder.bestandsnaam,
                  ontvangenOp: eerder.ontvangenOp.toISOString(),
                  url: portaalUrl(`/berichtgever/${berichtgever.code}/leveringen/${eerder.id}`),
                },
              }
            : {}),
        },
      },
      { tx, boss },
    );
    return true;
  }, TRANSACTIE);
}

/** Accepted: spiegelrapport, file signals, counts, the signaleringslijst when there are person signals, herlevering. */
export async function schrijfVerwerkt(
  omgeving: SchrijfOmgeving,
  levering: { id: string; bestandsnaam: string; ontvangenOp: Date; proef?: Proef | null },
  r: LeveringResultaat & { kop: LeveringKop },
  lijst: Signaleringsbestanden | null,
): Promise<boolean> {
  const proef = levering.proef ?? null;
  const { db, boss, berichtgever } = omgeving;
  const kop = r.kop;
  return db.$transaction(async (tx) => {
    if (!(await neemOver(tx, levering.id))) return false;
    await wisEerdereUitkomst(tx, levering.id);
    // Two deliveries for one quarter finishing at once must not both stay VERWERKT.
    const sleutel = `${berichtgever.id}|${kop.gemeentecode}|${kop.statistiekjaar}|${kop.statistiekkwartaal}`;
    await tx.$queryRaw`SELECT 1 AS ok FROM (SELECT pg_advisory_xact_lock(hashtext(${sleutel}))) AS slot`;

    const nu = new Date();
    await tx.levering.update({
      where: { id: levering.id },
      data: {
        status: "VERWERKT",
        aantalFouten: 0,
        aantalPersonen: r.aantalPersonen,
        aantalSignalen: r.signals.length,
        spiegelrapport: r.spiegelrapport as unknown as Prisma.InputJsonValue,
        bestandSignalen: r.fileSignals as unknown as Prisma.InputJsonValue,
        bestandTelling: r.telling ? (r.telling as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
        verwerktOp: nu,
        verwerkingsfout: null,
        ...kopVelden(kop),
      },
    });
    if (lijst) {
      await tx.signaleringslijst.create({
        data: {
          leveringId: levering.id,
          aangemaaktOp: lijst.aangemaaktOp,
          verlooptOp: lijst.verlooptOp,
          csvSleutel: lijst.csvSleutel,
          xlsxSleutel: lijst.xlsxSleutel,
          aantalSignalen: lijst.aantalSignalen,
        },
      });
      await voegSignalenIn(tx, levering.id, berichtgever.id, lijst.signalen);
    }
    // A proeflevering replaces nothing: the delivery that counts stays until it is released.
    const vervangen = proef ? [] : await markeerHerlevering(tx, berichtgever.id, kop, levering);
    await tx.auditLog.create({
      data: {
        actie: "levering.verwerkt",
        doelType: "levering",
        doelId: levering.id,
        berichtgeverId: berichtgever.id,
        details: {
          aantalPersonen: r.aantalPersonen,
          aantalSignalen: r.signals.length,
          bestandSignalen: r.fileSignals.length,
          vervangt: vervangen,
          proef,
        },
      },
    });

    const gegevens = { bestandsnaam: levering.bestandsnaam, ...over(kop, omgeving) };
    const basis = `/berichtgever/${berichtgever.code}/leveringen/${levering.id}`;
    if (proef) {
      // Only a link: the contact person reads what it is, and releases it, in the portal.
      await zetMailInWachtrij(
        {
          berichtgeverId: berichtgever.id,
          sjabloon: "proef-gecontroleerd",
          parameters: { wachtOpVrijgave: proef === "WACHT_OP_VRIJGAVE", url: portaalUrl(basis) },
        },
        { tx, boss },
      );
    } else {
      await zetMailInWachtrij(
        {
          berichtgeverId: berichtgever.id,
          sjabloon: "levering-verwerkt",
          parameters: {
            ...gegevens,
            aantalPersonen: r.aantalPersonen,
            aantalSignalen: r.signals.length,
            url: portaalUrl(`${basis}/spiegelrapport`),
            vervangt: vervangen.length,
          },
        },
        { tx, boss },
      );
    }
    if (lijst) {
      await zetMailInWachtrij(
        {
          berichtgeverId: berichtgever.id,
          sjabloon: "signaleringslijst-klaar",
          parameters: {
            ...gegevens,
            aantalSignalen: lijst.aantalSignalen,
            url: portaalUrl(`${basis}/signaleringslijst`),
            beschikbaarTot: lijst.verlooptOp.toISOString(),
          },
        },
        { tx, boss },
      );
    }
    return true;
  }, TRANSACTIE);
}

/**
 * Of the accepted deliveries for one berichtgever, gemeente and quarter only the one received last
 * stays VERWERKT; the others become VERVANGEN, pointing at it. Usually that is the delivery just
 * processed; when an older upload finishes after a newer one, the older one is the one replaced.
 * Returns the ids of the deliveries this one replaced.
 */
async function markeerHerlevering(
  tx: Prisma.TransactionClient,
  berichtgeverId: string,
  kop: LeveringKop,
  levering: { id: string; ontvangenOp: Date },
): Promise<string[]> {
  const zelfdeKwartaal = await tx.levering.findMany({
    where: {
      berichtgeverId,
      gemeentecode: kop.gemeentecode,
      statistiekjaar: kop.statistiekjaar,
      statistiekkwartaal: kop.statistiekkwartaal,
      status: "VERWERKT",
      proef: null,
    },
    orderBy: [{ ontvangenOp: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const laatste = zelfdeKwartaal[zelfdeKwartaal.length - 1];
  if (!laatste || zelfdeKwartaal.length < 2) return [];
  const oud = zelfdeKwartaal.filter((l) => l.id !== laatste.id).map((l) => l.id);
  await tx.levering.updateMany({
    where: { id: { in: oud } },
    data: { status: "VERVANGEN", vervangenDoorId: laatste.id },
  });
  return laatste.id === levering.id ? oud : [];
}

function kopVelden(kop: LeveringKop) {
  return {
    gemeentecode: kop.gemeentecode,
    statistiekjaar: kop.statistiekjaar,
    statistiekkwartaal: kop.statistiekkwartaal,
  };
}
