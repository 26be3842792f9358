import { Prisma } from "@/lib/generated/prisma/client";
import { type ActieContext, ActieFout } from "@/lib/acties/context";
import { adresInGebruikMelding, bestaandeGebruiker, trekToegangIn } from "./gebruikers";
import { codelijstUitDb } from "./codelijst";
import { huidigStatistiekjaar } from "@/lib/kalender";
import { datum } from "@/lib/swi/opmaak";
import { portaalUrl } from "@/lib/http/adres";

/**
 * The one registered contact person of a berichtgever (gets the mails, may download
 * signaleringslijsten) and its back-up users (upload and follow status, nothing person-level,
 * no mails).
 *
 * Replacing the contact person: the old person's User row stays (history and audit refer to it).
 * By default it is deactivated; staff may instead keep the person on as back-up user. Either
 * way their sessions end and API tokens they made are revoked at once.
 */

export interface PersoonInvoer {
  naam: string;
  email: string;
  telefoon: string | null;
}

async function vergrendelBerichtgever(ctx: ActieContext, berichtgeverId: string) {
  // Two staff members replacing the same contact person at once: the second waits, then sees the first's result.
  await ctx.tx.$queryRaw`SELECT id FROM berichtgever WHERE id = ${berichtgeverId} FOR UPDATE`;
  const b = await ctx.tx.berichtgever.findUnique({
    where: { id: berichtgeverId },
    include: { contactpersoon: { include: { user: true } } },
  });
  if (!b) throw new ActieFout("email", "Deze berichtgever bestaat niet.");
  return b;
}

/** The welcome mail: the person learns they are contact person, for which gemeenten, and where to log in. */
export async function stuurWelkom(ctx: ActieContext, b: { id: string; code: string; naam: string }, email: string) {
  const jaar = huidigStatistiekjaar(ctx.nu);
  const toewijzingen = await ctx.tx.berichtgeverGemeente.findMany({
    where: {
      berichtgeverId: b.id,
      vanafJaar: { lte: jaar },
      OR: [{ totEnMetJaar: null }, { totEnMetJaar: { gte: jaar } }],
    },
    orderBy: { gemeentecode: "asc" },
  });
  const lijst = await codelijstUitDb(ctx.tx, jaar);
  await ctx.mail({
    aan: email,
    sjabloon: "beheer-welkom",
    berichtgeverId: b.id,
    parameters: {
      berichtgeverCode: b.code,
      berichtgeverNaam: b.naam,
      gemeenten: toewijzingen.map((t) => `${t.gemeentecode} ${lijst.gemeenten.get(t.gemeentecode)?.naam ?? ""}`.trim()),
      inlogUrl: portaalUrl("/inloggen"),
    },
  });
}

/**
 * Makes `nieuw` the contact person of the berichtgever, in one transaction: the primary key on
 * contactpersoon.berichtgever_id stays, only its user changes.
 */
export async function vervangContactpersoon(
  ctx: ActieContext,
  input: PersoonInvoer & { berichtgeverId: string; oudeWordtBackup: boolean },
) {
  const b = await vergrendelBerichtgever(ctx, input.berichtgeverId);
  if (!b.actief) throw new ActieFout("email", "De berichtgever is gedeactiveerd; activeer hem eerst.");
  const oud = b.contactpersoon?.user ?? null;
  if (oud?.email === input.email) {
    throw new ActieFout(
      "email",
      "Deze persoon is al de contactpersoon. Gebruik 'Gegevens wijzigen' om naam of telefoon aan te passen.",
    );
  }

  const bestaand = await bestaandeGebruiker(ctx.tx, input.email);
  if (bestaand && bestaand.berichtgeverId !== b.id) throw new ActieFout("email", adresInGebruikMelding(bestaand));
  // A back-up user or former contact person of this berichtgever becomes contact person again.
  const nieuw = bestaand
    ? await ctx.tx.user.update({
        where: { id: bestaand.id },
        data: { rol: "CONTACTPERSOON", actief: true, naam: input.naam, telefoon: input.telefoon },
      })
    : await ctx.tx.user.create({
        data: {
          email: input.email,
          naam: input.naam,
          telefoon: input.telefoon,
          rol: "CONTACTPERSOON",
          berichtgeverId: b.id,
        },
      });

  let ingetrokken = { sessiesBeeindigd: 0, tokensIngetrokken: 0 };
  if (oud) {
    await ctx.tx.contactpersoon.update({ where: { berichtgeverId: b.id }, data: { userId: nieuw.id, sinds: ctx.nu } });
    await ctx.tx.user.update({
      where: { id: oud.id },
      data: input.oudeWordtBackup ? { rol: "BACKUP" } : { actief: false },
    });
    ingetrokken = await trekToegangIn(ctx, oud.id, b.id);
  } else {
    await ctx.tx.contactpersoon.create({ data: { berichtgeverId: b.id, userId: nieuw.id, sinds: ctx.nu } });
  }
  await ctx.tx.contactpersoonHistorie.updateMany({ where: { berichtgeverId: b.id, tot: null }, data: { tot: ctx.nu } });
  await ctx.tx.contactpersoonHistorie.create({
    data: {
      berichtgeverId: b.id,
      userId: nieuw.id,
      naam: nieuw.naam,
      email: nieuw.email,
      telefoon: nieuw.telefoon,
      van: ctx.nu,
    },
  });

  ctx.audit({
    actie: oud ? "contactpersoon.vervang" : "contactpersoon.registreer",
    doelType: "contactpersoon",
    doelId: b.id,
    berichtgeverId: b.id,
    details: {
      berichtgever: b.code,
      nieuw: { userId: nieuw.id, email: nieuw.email },
      ...(oud
        ? { oud: { userId: oud.id, email: oud.email }, oudeWordtBackup: input.oudeWordtBackup, ...ingetrokken }
        : {}),
    },
  });

  await stuurWelkom(ctx, b, nieuw.email);
  if (oud) {
    const basis = { berichtgeverCode: b.code, berichtgeverNaam: b.naam, datum: datum(ctx.nu) };
    await ctx.mail({
      aan: oud.email,
      sjabloon: "beheer-contactpersoon-gewijzigd",
      berichtgeverId: b.id,
      parameters: { ...basis, ontvanger: "oud", blijftBackup: input.oudeWordtBackup },
    });
    await ctx.mail({
      aan: nieuw.email,
      sjabloon: "beheer-contactpersoon-gewijzigd",
      berichtgeverId: b.id,
      parameters: { ...basis, ontvanger: "nieuw" },
    });
  }
  return { nieuw, oud, ...ingetrokken };
}

/** Name and phone of a contact person or back-up user (the address is who they are: replace instead). */
export async function wijzigGegevens(
  ctx: ActieContext,
  input: { userId: string; naam: string; telefoon: string | null },
) {
  const u = await ctx.tx.user.findUnique({ where: { id: input.userId } });
  if (!u || u.rol === "CBS" || !u.berichtgeverId) throw new ActieFout("naam", "Deze gebruiker bestaat niet.");
  await ctx.tx.user.update({ where: { id: u.id }, data: { naam: input.naam, telefoon: input.telefoon } });
  // The running history entry shows the contact person as they are now.
  await ctx.tx.contactpersoonHistorie.updateMany({
    where: { userId: u.id, berichtgeverId: u.berichtgeverId, tot: null },
    data: { naam: input.naam, telefoon: input.telefoon },
  });
  ctx.audit({
    actie: "gebruiker.wijzig",
    doelType: "user",
    doelId: u.id,
    berichtgeverId: u.berichtgeverId,
    details: {
      email: u.email,
      rol: u.rol,
      voor: { naam: u.naam, telefoon: u.telefoon },
      na: { naam: input.naam, telefoon: input.telefoon },
    },
  });
}

export async function voegBackupToe(ctx: ActieContext, input: PersoonInvoer & { berichtgeverId: string }) {
  const b = await vergrendelBerichtgever(ctx, input.berichtgeverId);
  if (!b.actief) throw new ActieFout("email", "De berichtgever is gedeactiveerd; activeer hem eerst.");
  const bestaand = await bestaandeGebruiker(ctx.tx, input.email);
  if (bestaand && bestaand.berichtgeverId !== b.id) throw new ActieFout("email", adresInGebruikMelding(bestaand));
  if (bestaand?.actief) {
    throw new ActieFout(
      "email",
      bestaand.rol === "CONTACTPERSOON"
        ? "Dit is de contactpersoon van deze berichtgever."
        : "Deze persoon is al back-up gebruiker van deze berichtgever.",
    );
  }
  if (bestaand && b.contactpersoon?.userId === bestaand.id) {
    throw new ActieFout(
      "email",
      "Dit is de (gedeactiveerde) contactpersoon van deze berichtgever; activeer de berichtgever.",
    );
  }
  const u = bestaand
    ? await ctx.tx.user.update({
        where: { id: bestaand.id },
        data: { rol: "BACKUP", actief: true, naam: input.naam, telefoon: input.telefoon },
      })
    : await ctx.tx.user.create({
        data: { email: input.email, naam: input.naam, telefoon: input.telefoon, rol: "BACKUP", berichtgeverId: b.id },
      });
  ctx.audit({
    actie: "backup.toevoegen",
    doelType: "user",
    doelId: u.id,
    berichtgeverId: b.id,
    details: { berichtgever: b.code, email: u.email, heractiveerd: Boolean(bestaand) },
  });
  return u;
}

export async function verwijderBackup(ctx: ActieContext, input: { userId: string }) {
  const u = await ctx.tx.user.findUnique({ where: { id: input.userId } });
  if (!u || u.rol !== "BACKUP" || !u.berichtgeverId)
    throw new ActieFout("formulier", "Deze back-up gebruiker bestaat niet.");
  if (!u.actief) throw new ActieFout("formulier", "Deze back-up gebruiker is al verwijderd.");
  await ctx.tx.user.update({ where: { id: u.id }, data: { actief: false } });
  const ingetrokken = await trekToegangIn(ctx, u.id, u.berichtgeverId);
  ctx.audit({
    actie: "backup.verwijder",
    doelType: "user",
    doelId: u.id,
    berichtgeverId: u.berichtgeverId,
    details: { email: u.email, ...ingetrokken },
  });
  return ingetrokken;
}

export function isUniekeSchending(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
