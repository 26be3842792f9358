import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ActieFout, voerActieUit } from "@/lib/acties/context";
import type { Actor } from "@/lib/auth/actor";
import { monitorVoorKwartaal } from "@/lib/beheer/monitor";
import { GeenRecht, NietGevonden } from "@/lib/http/fouten";
import { registreerAanlevering } from "./ontvangst";
import { kwartaalbeeld, leveringVoorActor } from "./data";
import { geldendeLevering } from "./kwartaalstand";
import { ruimOp } from "./opruimen";
import {
  alsStroom,
  contactpersoonVan,
  genereer,
  maakPijplijnOmgeving,
  type PijplijnOmgeving,
} from "./pijplijn.testhulp";
import { verwerkAanlevering } from "./verwerking";
import { geefVrij, PROEF_BEWAARDAGEN, stelVrijgaveIn } from "./vrijgave";

let omg: PijplijnOmgeving;
let contact: Actor;
let backup: Actor;
let ander: Actor;
const cbs: Actor = { userId: "cbs", email: "beheer@cbs.example.nl", naam: "CBS", rol: "CBS", berichtgeverId: null };
const DAG = 86_400_000;

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
  contact = contactpersoonVan(omg.enschede, "Contactpersoon Enschede");
  ander = contactpersoonVan(omg.amsterdam, "Contactpersoon Amsterdam");
  const u = await getDb().user.create({
    data: { email: "backup@enschede.example.nl", naam: "Bram Backup", rol: "BACKUP", berichtgeverId: omg.enschede.id },
  });
  backup = { userId: u.id, email: u.email, naam: u.naam, rol: "BACKUP", berichtgeverId: omg.enschede.id };
});
afterAll(async () => omg?.close());

async function upload(
  kwartaal: 1 | 2 | 3 | 4,
  seed: string,
  opties: { proef?: boolean; bron?: "PORTAAL" | "API"; door?: Actor } = {},
) {
  const g = genereer({ statistiekjaar: 2026, kwartaal, seed });
  const r = await registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: g.bestandsnaam,
    bron: opties.bron ?? "PORTAAL",
    uploadedById: opties.bron === "API" ? undefined : (opties.door ?? contact).userId,
    proef: opties.proef,
    inhoud: alsStroom(g.xml()),
  });
  return { aanleveringId: r.aanleveringId, id: r.leveringen[0]!.id, proef: r.leveringen[0]!.proef };
}

const levering = (id: string) => getDb().levering.findUniqueOrThrow({ where: { id } });
const mails = (sjabloon: string, leveringId: string) =>
  getDb().mailBericht.findMany({ where: { sjabloon, parameters: { path: ["url"], string_contains: leveringId } } });
const kwartaalLeveringen = (kwartaal: number) =>
  getDb().levering.findMany({
    where: { berichtgeverId: omg.enschede.id, statistiekjaar: 2026, statistiekkwartaal: kwartaal },
  });

/** Moves an upload back in time, as if it had arrived then (the pipeline reads the stored moments). */
async function ontvangenOp(u: { aanleveringId: string; id: string }, moment: Date) {
  await getDb().aanlevering.update({ where: { id: u.aanleveringId }, data: { ontvangenOp: moment } });
  await getDb().levering.update({ where: { id: u.id }, data: { ontvangenOp: moment } });
}

describe("alleen controleren (proeflevering)", () => {
  it("gets the full check but never counts, never replaces, and staff never see it", async () => {
    const echt = await upload(1, "echt-q1");
    await verwerkAanlevering(echt.aanleveringId);
    const proef = await upload(1, "proef-q1", { proef: true });
    expect(proef.proef).toBe("ALLEEN_CONTROLEREN");
    await verwerkAanlevering(proef.aanleveringId);

    const l = await levering(proef.id);
    expect(l).toMatchObject({ status: "VERWERKT", proef: "ALLEEN_CONTROLEREN" });
    expect(l.spiegelrapport).not.toBeNull();
    expect((await levering(echt.id)).status).toBe("VERWERKT");
    expect(geldendeLevering(await kwartaalLeveringen(1))?.id).toBe(echt.id);

    expect(await mails("proef-gecontroleerd", proef.id)).toHaveLength(1);
    expect(await mails("levering-verwerkt", proef.id)).toHaveLength(0);

    await expect(leveringVoorActor(cbs, proef.id)).rejects.toBeInstanceOf(NietGevonden);
    const m = await monitorVoorKwartaal(cbs, 2026, 1, { nu: new Date("2026-12-06T00:00:00Z") });
    expect(JSON.stringify(m)).not.toContain(proef.id);
    expect((await leveringVoorActor(contact, proef.id)).geldend?.id).toBe(echt.id);
    expect((await leveringVoorActor(backup, proef.id)).proef).toBe("ALLEEN_CONTROLEREN");
  });

  it("is removed with its upload 14 days after receipt unless released", async () => {
    const proef = await upload(1, "proef-weg", { proef: true });
    await verwerkAanlevering(proef.aanleveringId);
    const termijn = (await levering(proef.id)).ontvangenOp.getTime() + PROEF_BEWAARDAGEN * DAG;
    expect((await ruimOp(new Date(termijn - 60_000))).proefleveringen).toBe(0);
    expect((await ruimOp(new Date(termijn + 60_000))).proefleveringen).toBeGreaterThanOrEqual(1);
    expect(await getDb().levering.findUnique({ where: { id: proef.id } })).toBeNull();
    expect(await getDb().aanlevering.findUnique({ where: { id: proef.aanleveringId } })).toBeNull();
    expect(await getDb().auditLog.count({ where: { actie: "proeflevering.verwijderd", doelId: proef.id } })).toBe(1);
  });
});

describe("wachten op vrijgave", () => {
  it("holds uploads by back-up users and API tokens, not the contact person's, once the berichtgever wants it", async () => {
    expect((await upload(4, "voor-instelling", { door: backup })).proef).toBeNull();
    await voerActieUit(contact, (ctx) => stelVrijgaveIn(ctx, "0153", true));
    expect((await upload(4, "backup", { door: backup })).proef).toBe("WACHT_OP_VRIJGAVE");
    expect((await upload(4, "api", { bron: "API" })).proef).toBe("WACHT_OP_VRIJGAVE");
    expect((await upload(4, "contact", { door: contact })).proef).toBeNull();
    await expect(voerActieUit(backup, (ctx) => stelVrijgaveIn(ctx, "0153", false))).rejects.toBeInstanceOf(GeenRecht);
    await expect(voerActieUit(ander, (ctx) => stelVrijgaveIn(ctx, "0153", false))).rejects.toBeInstanceOf(NietGevonden);
    await voerActieUit(cbs, (ctx) => stelVrijgaveIn(ctx, "0153", false));
    expect((await getDb().berichtgever.findUniqueOrThrow({ where: { id: omg.enschede.id } })).vrijgaveVereist).toBe(
      false,
    );
  });

  it("released after the deadline: received at release, checked again, geldend, and F04 says the release date", async () => {
    await getDb().berichtgever.update({ where: { id: omg.enschede.id }, data: { vrijgaveVereist: true } });
    const wacht = await upload(2, "wacht-q2", { door: backup });
    // Uploaded within Q2's aanleverperiode (up to 28 July): as a delivery it would have been on time.
    await ontvangenOp(wacht, new Date("2026-07-20T10:00:00Z"));
    await verwerkAanlevering(wacht.aanleveringId);
    const gecontroleerd = await levering(wacht.id);
    expect(gecontroleerd).toMatchObject({ status: "VERWERKT", proef: "WACHT_OP_VRIJGAVE" });
    expect(JSON.stringify(gecontroleerd.bestandSignalen)).not.toContain("F04");
    expect(geldendeLevering(await kwartaalLeveringen(2))).toBeNull();
    const wachtMail = await mails("proef-gecontroleerd", wacht.id);
    expect(wachtMail.map((m) => m.parameters)).toEqual([
      { wachtOpVrijgave: true, url: `https://portaal.test/berichtgever/0153/leveringen/${wacht.id}` },
    ]);
    const beeld = await kwartaalbeeld(contact, "0153");
    expect(beeld.wachtOpVrijgave.map((l) => l.id)).toContain(wacht.id);

    // Only the contact person of this berichtgever may release it.
    await expect(voerActieUit(backup, (ctx) => geefVrij(ctx, "0153", wacht.id))).rejects.toBeInstanceOf(GeenRecht);
    await expect(voerActieUit(ander, (ctx) => geefVrij(ctx, "0153", wacht.id))).rejects.toBeInstanceOf(NietGevonden);
    await expect(voerActieUit(ander, (ctx) => geefVrij(ctx, "0363", wacht.id))).rejects.toBeInstanceOf(NietGevonden);
    await expect(voerActieUit(cbs, (ctx) => geefVrij(ctx, "0153", wacht.id))).rejects.toBeInstanceOf(NietGevonden);

    // Released within the 14 days, but after the period.
    const vrijgave = new Date("2026-08-01T09:00:00Z");
    await voerActieUit(contact, (ctx) => geefVrij(ctx, "0153", wacht.id), { nu: vrijgave });
    expect(await levering(wacht.id)).toMatchObject({
      proef: null,
      status: "ONTVANGEN",
      vrijgegevenOp: vrijgave,
      ontvangenOp: vrijgave,
    });
    expect(await getDb().auditLog.count({ where: { actie: "levering.vrijgegeven", doelId: wacht.id } })).toBe(1);
    await expect(voerActieUit(contact, (ctx) => geefVrij(ctx, "0153", wacht.id))).rejects.toBeInstanceOf(ActieFout);

    await verwerkAanlevering(wacht.aanleveringId);
    const vrij = await levering(wacht.id);
    expect(vrij).toMatchObject({ status: "VERWERKT", proef: null });
    const f04 = (vrij.bestandSignalen as { rule: string; message: string }[]).find((s) => s.rule === "F04");
    expect(f04?.message).toContain("01-08-2026");
    expect(geldendeLevering(await kwartaalLeveringen(2))?.id).toBe(wacht.id);
    expect(await mails("levering-verwerkt", wacht.id)).toHaveLength(1);
    const m = await monitorVoorKwartaal(cbs, 2026, 2, { nu: new Date("2026-08-02T00:00:00Z") });
    expect(JSON.stringify(m)).toContain(wacht.id);
    expect((await kwartaalbeeld(contact, "0153")).wachtOpVrijgave.map((l) => l.id)).not.toContain(wacht.id);
  });

  it("cannot release a rejected or an expired proeflevering", async () => {
    const g = genereer({ statistiekjaar: 2026, kwartaal: 3, seed: "kapot" });
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      bron: "PORTAAL",
      uploadedById: contact.userId,
      proef: true,
      inhoud: alsStroom(g.xml().replace(/<Burgerservicenummer>\d+/, "<Burgerservicenummer>12")),
    });
    await verwerkAanlevering(r.aanleveringId);
    const id = r.leveringen[0]!.id;
    expect((await levering(id)).status).toBe("AFGEKEURD");
    await expect(voerActieUit(contact, (ctx) => geefVrij(ctx, "0153", id))).rejects.toThrow(/goedgekeurde/);

    const oud = await upload(3, "te-oud", { proef: true });
    await verwerkAanlevering(oud.aanleveringId);
    const na = new Date((await levering(oud.id)).ontvangenOp.getTime() + PROEF_BEWAARDAGEN * DAG + 60_000);
    await expect(voerActieUit(contact, (ctx) => geefVrij(ctx, "0153", oud.id), { nu: na })).rejects.toThrow(
      /niet meer worden vrijgegeven/,
    );
  });
});
