import { aanleverperiode, datumInNederland } from "@/lib/leveringen/aanleverperiode";
import { formatDatum, kwartaalVan, plusDagen, vorigKwartaal, type Kwartaalnummer } from "@/lib/swi/datum";
import { voerBeheerUit, beheerLezing } from "./context";
import { type ActieContext, ActieFout, SYSTEEM, type Tx } from "@/lib/acties/context";
import { isUniekeSchending } from "./contactpersonen";
import { type Mailer, type BeheerMail } from "./mail";
import { monitorVoorKwartaal, type MonitorRij } from "./monitor";
import { type Actor } from "@/lib/auth/actor";
import { portaalUrl } from "@/lib/http/adres";
import { type Db } from "@/lib/db/client";

/**
 * Reminders to the contact persons of gemeenten that have not delivered for a quarter: sent by
 * staff with one action, and once automatically a set number of days before the end of the
 * aanleverperiode (SWI_HERINNERING_DAGEN_VOOR_EINDE, default 7; "uit" switches it off).
 * The automatic round is recorded in table herinnering, whose partial unique index allows one
 * per quarter: a second run (a retried job, a second worker) finds it, or fails on the index
 * and rolls back, mails included.
 */

export interface HerinneringOntvanger {
  berichtgeverId: string;
  code: string;
  gemeenten: string[];
  /** False when there was no active contact person to mail. */
  gemaild: boolean;
}

/**
 * Per active berichtgever the gemeenten assigned to it for the year that it has not delivered
 * anything counting for. Never a gemeente it is not assigned to, whatever it sent.
 */
export function nogNietGeleverd(rijen: readonly MonitorRij[]) {
  const per = new Map<string, { berichtgever: NonNullable<MonitorRij["berichtgever"]>; gemeenten: MonitorRij[] }>();
  for (const r of rijen) {
    if (!r.berichtgever?.actief || r.heeftGeleverd || !r.toegewezen) continue;
    const g = per.get(r.berichtgever.id);
    if (g) g.gemeenten.push(r);
    else per.set(r.berichtgever.id, { berichtgever: r.berichtgever, gemeenten: [r] });
  }
  return [...per.values()].sort((a, b) => a.berichtgever.code.localeCompare(b.berichtgever.code));
}

/**
 * Exactly the mails a reminder for the quarter sends now, and to whom: one per berichtgever with a
 * gemeente that has not delivered, to its active contact person. The monitor shows them before a
 * staff member sends them; sending uses the same list.
 */
export async function herinneringMails(
  actor: Actor,
  jaar: number,
  kwartaal: Kwartaalnummer,
  opties: { nu?: Date; db?: Db | Tx } = {},
): Promise<{ mails: BeheerMail<"beheer-herinnering">[]; ontvangers: HerinneringOntvanger[] }> {
  const db = beheerLezing(actor, opties.db);
  const nu = opties.nu ?? new Date();
  const periode = aanleverperiode(jaar, kwartaal);
  const termijnVerstreken = datumInNederland(nu) > periode.einde;
  const monitor = await monitorVoorKwartaal(actor, jaar, kwartaal, { nu, db });
  const mails: BeheerMail<"beheer-herinnering">[] = [];
  const ontvangers: HerinneringOntvanger[] = [];
  for (const { berichtgever: b, gemeenten } of nogNietGeleverd(monitor.rijen)) {
    const cp = await db.contactpersoon.findUnique({ where: { berichtgeverId: b.id }, include: { user: true } });
    const gemaild = Boolean(cp?.user.actief);
    if (cp && gemaild) {
      mails.push({
        aan: cp.user.email,
        sjabloon: "beheer-herinnering",
        berichtgeverId: b.id,
        parameters: {
          berichtgeverCode: b.code,
          berichtgeverNaam: b.naam,
          jaar,
          kwartaal,
          uiterlijk: formatDatum(periode.einde),
          termijnVerstreken,
          gemeenten: gemeenten.map((g) => `${g.gemeentecode} ${g.gemeentenaam}`),
          url: portaalUrl(`/berichtgever/${b.code}/leveringen`),
        },
      });
    }
    ontvangers.push({ berichtgeverId: b.id, code: b.code, gemeenten: gemeenten.map((g) => g.gemeentecode), gemaild });
  }
  return { mails, ontvangers };
}

export async function verstuurHerinneringen(
  ctx: ActieContext,
  input: { jaar: number; kwartaal: Kwartaalnummer; soort: "AUTOMATISCH" | "HANDMATIG" },
) {
  const { jaar, kwartaal, soort } = input;
  const periode = aanleverperiode(jaar, kwartaal);
  const vandaag = datumInNederland(ctx.nu);
  if (vandaag < periode.begin) {
    throw new ActieFout(
      "kwartaal",
      `De aanleverperiode van ${jaar} kwartaal ${kwartaal} begint pas op ${formatDatum(periode.begin)}.`,
    );
  }
  if (soort === "AUTOMATISCH") {
    const eerder = await ctx.tx.herinnering.findFirst({ where: { jaar, kwartaal, soort } });
    if (eerder) return { herinnering: eerder, alVerstuurd: true as const };
  }
  const { mails, ontvangers } = await herinneringMails(ctx.actor, jaar, kwartaal, { nu: ctx.nu, db: ctx.tx });
  for (const m of mails) await ctx.mail(m);
  const aantalMails = ontvangers.filter((o) => o.gemaild).length;
  const herinnering = await ctx.tx.herinnering.create({
    data: {
      jaar,
      kwartaal,
      soort,
      verstuurdOp: ctx.nu,
      verstuurdDoorId: soort === "HANDMATIG" ? ctx.actor.userId : null,
      ontvangers: ontvangers as never,
      aantalMails,
    },
  });
  ctx.audit({
    actie: "herinnering.verstuur",
    doelType: "herinnering",
    doelId: herinnering.id,
    details: {
      jaar,
      kwartaal,
      soort,
      aantalMails,
      berichtgevers: ontvangers.map((o) => o.code),
      zonderContactpersoon: ontvangers.filter((o) => !o.gemaild).map((o) => o.code),
    },
  });
  return { herinnering, alVerstuurd: false as const };
}

/** Days before the end of the aanleverperiode; null when the automatic reminder is switched off. */
export function dagenVoorEindeUitOmgeving(env: Record<string, string | undefined> = process.env): number | null {
  const tekst = env.SWI_HERINNERING_DAGEN_VOOR_EINDE?.trim();
  if (!tekst) return 7;
  if (tekst.toLowerCase() === "uit") return null;
  const n = Number(tekst);
  if (!Number.isInteger(n) || n < 0 || n > 27) {
    throw new Error(`SWI_HERINNERING_DAGEN_VOOR_EINDE=${tekst} is ongeldig: verwacht 0 tot en met 27, of "uit".`);
  }
  return n;
}

/**
 * The quarter whose automatic reminder is due on `nu`: the aanleverperiode running today (that
 * of the previous quarter) when today is on or after its last day minus `dagenVoorEinde`. A
 * worker that was down on the day itself still sends it later in the period, never after it.
 */
export function kwartaalVoorHerinnering(
  nu: Date,
  dagenVoorEinde: number,
): { jaar: number; kwartaal: Kwartaalnummer } | null {
  const vandaag = datumInNederland(nu);
  const vorig = vorigKwartaal(kwartaalVan(vandaag));
  const periode = aanleverperiode(vorig.jaar, vorig.kwartaal);
  if (vandaag < plusDagen(periode.einde, -dagenVoorEinde) || vandaag > periode.einde) return null;
  return vorig;
}

export type AutomatischeHerinneringUitkomst =
  | { verstuurd: true; jaar: number; kwartaal: number; aantalMails: number }
  | {
      verstuurd: false;
      reden: "uitgeschakeld" | "niet-aan-de-beurt" | "al-verstuurd";
      jaar?: number;
      kwartaal?: number;
    };

/**
 * The scheduled job's handler (run it daily or hourly; it decides itself whether anything is due).
 * Register: lib/jobs (see the report of issue 5).
 */
export async function verstuurAutomatischeHerinneringen(
  nu: Date = new Date(),
  opties: { db?: Db; mailer?: Mailer; dagenVoorEinde?: number | null } = {},
): Promise<AutomatischeHerinneringUitkomst> {
  const dagen = opties.dagenVoorEinde !== undefined ? opties.dagenVoorEinde : dagenVoorEindeUitOmgeving();
  if (dagen === null) return { verstuurd: false, reden: "uitgeschakeld" };
  const k = kwartaalVoorHerinnering(nu, dagen);
  if (!k) return { verstuurd: false, reden: "niet-aan-de-beurt" };
  try {
    const r = await voerBeheerUit(SYSTEEM, (ctx) => verstuurHerinneringen(ctx, { ...k, soort: "AUTOMATISCH" }), {
      db: opties.db,
      nu,
      metMail: true,
      mailer: opties.mailer,
    });
    if (r.alVerstuurd) return { verstuurd: false, reden: "al-verstuurd", ...k };
    return { verstuurd: true, ...k, aantalMails: r.herinnering.aantalMails };
  } catch (e) {
    // Another run committed the same quarter's round between our check and our insert.
    if (isUniekeSchending(e)) return { verstuurd: false, reden: "al-verstuurd", ...k };
    throw e;
  }
}

export async function herinneringenVanKwartaal(actor: Actor, jaar: number, kwartaal: number) {
  return beheerLezing(actor).herinnering.findMany({
    where: { jaar, kwartaal },
    orderBy: { verstuurdOp: "desc" },
    include: { verstuurdDoor: { select: { naam: true, email: true } } },
  });
}
