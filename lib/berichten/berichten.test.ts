import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { voerActieUit } from "@/lib/acties/context";
import type { Actor } from "@/lib/auth/actor";
import type { BeheerMail } from "@/lib/beheer/mail";
import { getDb } from "@/lib/db/client";
import { SJABLONEN } from "@/emails/registry";
import { NietGevonden } from "@/lib/http/fouten";
import { contactpersoonVan, maakPijplijnOmgeving, type PijplijnOmgeving } from "@/lib/leveringen/pijplijn.testhulp";
import { gesprek, gesprekkenVoorCbs, verstuurBericht, verwijderOudeBerichten } from "./berichten";

let omg: PijplijnOmgeving;
let contact: Actor;
let ander: Actor;
let cbs: Actor;
let leveringId = "";
const BSN = "010336783";
const mails: BeheerMail[] = [];
const mailer = {
  zet: async (_tx: unknown, m: BeheerMail) => void mails.push(m),
  opnieuw: async () => false,
};

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
  contact = contactpersoonVan(omg.enschede, "Contactpersoon Enschede");
  ander = contactpersoonVan(omg.amsterdam, "Contactpersoon Amsterdam");
  const u = await getDb().user.create({ data: { email: "medewerker@cbs.example.nl", naam: "Medewerker", rol: "CBS" } });
  cbs = { userId: u.id, email: u.email, naam: "Medewerker", rol: "CBS", berichtgeverId: null };
  const l = await getDb().levering.create({
    data: {
      berichtgeverId: omg.enschede.id,
      bestandsnaam: "SWI_0153_0153_20261.XML",
      grootte: 1n,
      sha256: "b".repeat(64),
      status: "VERWERKT",
      bron: "PORTAAL",
    },
  });
  leveringId = l.id;
});
afterAll(async () => omg?.close());

const als = (actor: Actor, tekst: string, code = "0153", levering: string | null = leveringId) =>
  voerActieUit(actor, (ctx) => verstuurBericht(ctx, { code, leveringId: levering ?? undefined, tekst }), { mailer });

describe("secure messages", () => {
  it("a message quoting a BSN reaches CBS staff; stored encrypted; the mail says only that there is one", async () => {
    await als(contact, `Klopt het signaal bij BSN ${BSN}?`);
    const rij = await getDb().bericht.findFirstOrThrow({ where: { leveringId } });
    expect(rij.tekst).not.toContain(BSN);
    const g = await gesprek(cbs, "0153", leveringId);
    expect(g.berichten.map((b) => b.tekst)).toEqual([`Klopt het signaal bij BSN ${BSN}?`]);
    expect(mails.map((m) => m.aan)).toEqual(["medewerker@cbs.example.nl"]);
    const mail = await SJABLONEN["bericht-nieuw"](mails[0]!.parameters as never);
    expect(`${mail.onderwerp}${mail.tekst}${mail.html}`).not.toContain(BSN);
    expect(mail.tekst).toContain(`/berichtgever/0153/berichten?levering=${leveringId}`);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { actie: "bericht.verstuurd", doelId: rij.id } });
    expect(JSON.stringify(audit.details)).not.toContain(BSN);

    await als(cbs, "Ja, dat klopt.");
    expect(mails.at(-1)!.aan).toBe(omg.enschede.contactpersoonEmail);
    expect((await gesprekkenVoorCbs(cbs))[0]).toMatchObject({ aantal: 2, wachtOpCbs: false });
  });

  it("another berichtgever's conversation is 'niet gevonden', to read and to write", async () => {
    await expect(gesprek(ander, "0153", leveringId)).rejects.toBeInstanceOf(NietGevonden);
    await expect(gesprek(ander, "0153")).rejects.toBeInstanceOf(NietGevonden);
    await expect(gesprek(ander, "0363", leveringId)).rejects.toBeInstanceOf(NietGevonden);
    await expect(als(ander, "poging", "0153")).rejects.toBeInstanceOf(NietGevonden);
    await expect(als(ander, "poging", "0363")).rejects.toBeInstanceOf(NietGevonden);
    await expect(gesprekkenVoorCbs(contact)).rejects.toThrow();
  });

  it("messages past the retention term are deleted, the deletion audited as a count", async () => {
    await als(contact, "Algemene vraag", "0153", null);
    await getDb().bericht.updateMany({ where: { leveringId }, data: { verstuurdOp: new Date("2020-01-01") } });
    expect(await verwijderOudeBerichten(new Date())).toBe(2);
    expect(await getDb().bericht.count({ where: { berichtgeverId: omg.enschede.id } })).toBe(1);
    const a = await getDb().auditLog.findFirstOrThrow({ where: { actie: "berichten.verwijderd" } });
    expect(a.details).toMatchObject({ aantal: 2, bewaartermijnDagen: 400 });
  });
});
