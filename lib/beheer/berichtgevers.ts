import { beheerLezing } from "./context";
import { type ActieContext, ActieFout } from "@/lib/acties/context";
import { adresInGebruikMelding, bestaandeGebruiker, trekToegangIn } from "./gebruikers";
import { controleerGemeenten } from "./toewijzingen";
import { isUniekeSchending, stuurWelkom, type PersoonInvoer } from "./contactpersonen";
import { codelijstUitDb } from "./codelijst";
import { type Actor } from "@/lib/auth/actor";

/**
 * Berichtgevers as CBS staff manage them. A berichtgever is never deleted (deliveries, audit and
 * contact history refer to it): it is deactivated, which also ends its users' access.
 */

export interface NieuweBerichtgever {
  code: string;
  naam: string;
  contactpersoon: PersoonInvoer;
  gemeenten: string[];
  vanafJaar: number;
}

export async function maakBerichtgever(ctx: ActieContext, input: NieuweBerichtgever) {
  const bestaand = await ctx.tx.berichtgever.findUnique({ where: { code: input.code } });
  if (bestaand) throw new ActieFout("code", `Berichtgevercode ${input.code} is al in gebruik door ${bestaand.naam}.`);
  const gebruiker = await bestaandeGebruiker(ctx.tx, input.contactpersoon.email);
  if (gebruiker) throw new ActieFout("cpEmail", adresInGebruikMelding(gebruiker));
  const gemeenten = await controleerGemeenten(ctx.tx, input.gemeenten, input.vanafJaar, "gemeenten");

  let b;
  try {
    b = await ctx.tx.berichtgever.create({ data: { code: input.code, naam: input.naam, createdAt: ctx.nu } });
  } catch (e) {
    if (isUniekeSchending(e))
      throw new ActieFout("code", `Berichtgevercode ${input.code} is zojuist door iemand anders in gebruik genomen.`);
    throw e;
  }
  const user = await ctx.tx.user.create({
    data: { ...input.contactpersoon, rol: "CONTACTPERSOON", berichtgeverId: b.id },
  });
  await ctx.tx.contactpersoon.create({ data: { berichtgeverId: b.id, userId: user.id, sinds: ctx.nu } });
  await ctx.tx.contactpersoonHistorie.create({
    data: {
      berichtgeverId: b.id,
      userId: user.id,
      naam: user.naam,
      email: user.email,
      telefoon: user.telefoon,
      van: ctx.nu,
    },
  });
  await ctx.tx.berichtgeverGemeente.createMany({
    data: input.gemeenten.map((gemeentecode) => ({
      berichtgeverId: b.id,
      gemeentecode,
      vanafJaar: input.vanafJaar,
      createdAt: ctx.nu,
    })),
  });
  ctx.audit({
    actie: "berichtgever.maak",
    doelType: "berichtgever",
    doelId: b.id,
    berichtgeverId: b.id,
    details: { code: b.code, naam: b.naam, gemeenten: input.gemeenten, vanafJaar: input.vanafJaar },
  });
  ctx.audit({
    actie: "contactpersoon.registreer",
    doelType: "contactpersoon",
    doelId: b.id,
    berichtgeverId: b.id,
    details: { berichtgever: b.code, nieuw: { userId: user.id, email: user.email } },
  });
  await stuurWelkom(ctx, b, user.email);
  return { berichtgever: b, contactpersoon: user, gemeenten };
}

export async function wijzigBerichtgever(
  ctx: ActieContext,
  input: { berichtgeverId: string; code: string; naam: string },
) {
  const b = await ctx.tx.berichtgever.findUnique({ where: { id: input.berichtgeverId } });
  if (!b) throw new ActieFout("naam", "Deze berichtgever bestaat niet.");
  if (input.code !== b.code) {
    // File names and the vendor software carry the code; once anything was delivered it is fixed.
    const leveringen = await ctx.tx.aanlevering.count({ where: { berichtgeverId: b.id } });
    if (leveringen)
      throw new ActieFout(
        "code",
        "De code kan niet meer worden gewijzigd: er zijn al bestanden aangeleverd met deze code.",
      );
    const andere = await ctx.tx.berichtgever.findUnique({ where: { code: input.code } });
    if (andere) throw new ActieFout("code", `Berichtgevercode ${input.code} is al in gebruik door ${andere.naam}.`);
  }
  const na = await ctx.tx.berichtgever.update({ where: { id: b.id }, data: { code: input.code, naam: input.naam } });
  ctx.audit({
    actie: "berichtgever.wijzig",
    doelType: "berichtgever",
    doelId: b.id,
    berichtgeverId: b.id,
    details: { voor: { code: b.code, naam: b.naam }, na: { code: na.code, naam: na.naam } },
  });
  return na;
}

/**
 * Deactivating ends the access of everyone of the berichtgever at once (sessions, every API
 * token); its deliveries and history stay. Reactivating restores the contact person only:
 * back-up users are added again on purpose, and API tokens are made anew.
 */
export async function deactiveerBerichtgever(ctx: ActieContext, input: { berichtgeverId: string }) {
  const b = await ctx.tx.berichtgever.findUnique({ where: { id: input.berichtgeverId }, include: { users: true } });
  if (!b) throw new ActieFout("formulier", "Deze berichtgever bestaat niet.");
  if (!b.actief) throw new ActieFout("formulier", "Deze berichtgever is al gedeactiveerd.");
  await ctx.tx.berichtgever.update({ where: { id: b.id }, data: { actief: false } });
  let sessies = 0;
  for (const u of b.users) {
    if (u.actief) await ctx.tx.user.update({ where: { id: u.id }, data: { actief: false } });
    sessies += (await trekToegangIn(ctx, u.id, b.id)).sessiesBeeindigd;
  }
  const overige = await ctx.tx.apiToken.findMany({
    where: { berichtgeverId: b.id, revokedAt: null },
    select: { id: true, naam: true, prefix: true },
  });
  await ctx.tx.apiToken.updateMany({ where: { berichtgeverId: b.id, revokedAt: null }, data: { revokedAt: ctx.nu } });
  for (const t of overige) {
    ctx.audit({
      actie: "apitoken.ingetrokken",
      doelType: "ApiToken",
      doelId: t.id,
      berichtgeverId: b.id,
      details: { naam: t.naam, prefix: t.prefix, reden: "berichtgever gedeactiveerd" },
    });
  }
  ctx.audit({
    actie: "berichtgever.deactiveer",
    doelType: "berichtgever",
    doelId: b.id,
    berichtgeverId: b.id,
    details: {
      code: b.code,
      gebruikersGedeactiveerd: b.users.filter((u) => u.actief).length,
      sessiesBeeindigd: sessies,
    },
  });
}

export async function activeerBerichtgever(ctx: ActieContext, input: { berichtgeverId: string }) {
  const b = await ctx.tx.berichtgever.findUnique({
    where: { id: input.berichtgeverId },
    include: { contactpersoon: true },
  });
  if (!b) throw new ActieFout("formulier", "Deze berichtgever bestaat niet.");
  if (b.actief) throw new ActieFout("formulier", "Deze berichtgever is al actief.");
  await ctx.tx.berichtgever.update({ where: { id: b.id }, data: { actief: true } });
  if (b.contactpersoon) await ctx.tx.user.update({ where: { id: b.contactpersoon.userId }, data: { actief: true } });
  ctx.audit({
    actie: "berichtgever.activeer",
    doelType: "berichtgever",
    doelId: b.id,
    berichtgeverId: b.id,
    details: { code: b.code },
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function berichtgeversLijst(
  actor: Actor,
  filter: { zoek?: string; status?: "actief" | "inactief" | "alle" } = {},
) {
  const db = beheerLezing(actor);
  const zoek = filter.zoek?.trim();
  const status = filter.status ?? "alle";
  const rijen = await db.berichtgever.findMany({
    where: {
      ...(status === "alle" ? {} : { actief: status === "actief" }),
      ...(zoek
        ? {
            OR: [
              { code: { contains: zoek } },
              { naam: { contains: zoek, mode: "insensitive" as const } },
              { gemeenten: { some: { gemeentecode: zoek } } },
            ],
          }
        : {}),
    },
    orderBy: { code: "asc" },
    include: {
      contactpersoon: { include: { user: { select: { naam: true, email: true, actief: true } } } },
      gemeenten: { where: { totEnMetJaar: null }, select: { gemeentecode: true }, orderBy: { gemeentecode: "asc" } },
      _count: { select: { users: { where: { rol: "BACKUP", actief: true } } } },
    },
  });
  return rijen.map((b) => ({
    id: b.id,
    code: b.code,
    naam: b.naam,
    actief: b.actief,
    contactpersoon: b.contactpersoon ? { naam: b.contactpersoon.user.naam, email: b.contactpersoon.user.email } : null,
    gemeenten: b.gemeenten.map((g) => g.gemeentecode),
    backups: b._count.users,
  }));
}

export async function berichtgeverDetail(actor: Actor, code: string, jaar: number) {
  const db = beheerLezing(actor);
  const b = await db.berichtgever.findUnique({
    where: { code },
    include: {
      contactpersoon: { include: { user: true } },
      contactpersoonHistorie: { orderBy: { van: "desc" } },
      gemeenten: { orderBy: [{ gemeentecode: "asc" }, { vanafJaar: "asc" }] },
      users: { where: { rol: "BACKUP" }, orderBy: [{ actief: "desc" }, { naam: "asc" }] },
      _count: {
        select: {
          aanleveringen: { where: { leveringen: { some: { proef: null } } } },
          leveringen: { where: { proef: null } },
        },
      },
    },
  });
  if (!b) return null;
  const lijst = await codelijstUitDb(db, jaar);
  const tokens = await db.apiToken.count({ where: { berichtgeverId: b.id, revokedAt: null } });
  return {
    id: b.id,
    code: b.code,
    naam: b.naam,
    actief: b.actief,
    vrijgaveVereist: b.vrijgaveVereist,
    createdAt: b.createdAt,
    contactpersoon: b.contactpersoon
      ? {
          userId: b.contactpersoon.user.id,
          naam: b.contactpersoon.user.naam,
          email: b.contactpersoon.user.email,
          telefoon: b.contactpersoon.user.telefoon,
          actief: b.contactpersoon.user.actief,
          sinds: b.contactpersoon.sinds,
        }
      : null,
    historie: b.contactpersoonHistorie.map((h) => ({
      id: h.id,
      naam: h.naam,
      email: h.email,
      telefoon: h.telefoon,
      van: h.van,
      tot: h.tot,
    })),
    backups: b.users.map((u) => ({ id: u.id, naam: u.naam, email: u.email, telefoon: u.telefoon, actief: u.actief })),
    toewijzingen: b.gemeenten.map((t) => ({
      id: t.id,
      gemeentecode: t.gemeentecode,
      naam: lijst.gemeenten.get(t.gemeentecode)?.naam ?? "(niet in de codelijst)",
      vanafJaar: t.vanafJaar,
      totEnMetJaar: t.totEnMetJaar,
      loopt: t.vanafJaar <= jaar && (t.totEnMetJaar === null || t.totEnMetJaar >= jaar),
    })),
    aantalAanleveringen: b._count.aanleveringen,
    aantalLeveringen: b._count.leveringen,
    actieveTokens: tokens,
    codelijst: lijst.toelichting,
  };
}

export type BerichtgeverDetail = NonNullable<Awaited<ReturnType<typeof berichtgeverDetail>>>;
