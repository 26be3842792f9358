import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeveringStatus } from "@/lib/generated/prisma/enums";
import { beheerTest, testMailer, type BeheerTest } from "./beheer.testhulp";
import { filterMonitor, monitorCsvRijen, monitorVoorKwartaal, perProvincie, type MonitorRij } from "./monitor";
import {
  kwartaalVoorHerinnering,
  verstuurAutomatischeHerinneringen,
  verstuurHerinneringen,
  dagenVoorEindeUitOmgeving,
  herinneringMails,
} from "./herinneringen";
import { mailVoorbeelden } from "./mailvoorbeeld";
import type { BeheerMail } from "./mail";

/**
 * A seeded quarter, 2026 K1 (aanleverperiode 1–28 April 2026), with the demo berichtgevers:
 * 0153 Enschede  rejected on 5 April, accepted on 10 April with a signaleringslijst: on time
 * 0363 Amsterdam accepted on 2 May: late
 * 9012 for 0147  only a rejected file: afgekeurd (and, the period being over, late)
 * 9012 for 0164  nothing: ontbreekt
 * 9012 for 1735  received 20 April, still being checked: geleverd, on time
 * 9012 for 0153  a file for Enschede sent by mistake, rejected (T06): 0153 is not 9012's to deliver,
 *                so it appears neither under 9012 in the monitor nor in 9012's reminder
 */
let h: BeheerTest;
let teller = 0;

async function levering(
  code: string,
  gemeentecode: string,
  jaar: number,
  kwartaal: number,
  status: LeveringStatus,
  ontvangen: string,
  extra: { personen?: number; signalen?: number; lijst?: boolean } = {},
) {
  const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code } });
  teller++;
  const l = await h.db.levering.create({
    data: {
      berichtgeverId: b.id,
      gemeentecode,
      statistiekjaar: jaar,
      statistiekkwartaal: kwartaal,
      bestandsnaam: `SWI_${code}_${gemeentecode}_${jaar}${kwartaal}.XML`,
      grootte: 100,
      sha256: teller.toString(16).padStart(64, "0"),
      bron: "PORTAAL",
      status,
      ontvangenOp: new Date(ontvangen),
      aantalPersonen: extra.personen ?? null,
      aantalSignalen: extra.signalen ?? null,
    },
  });
  if (extra.lijst) {
    await h.db.signaleringslijst.create({
      data: {
        leveringId: l.id,
        verlooptOp: new Date("2026-06-01"),
        csvSleutel: "x.csv",
        xlsxSleutel: "x.xlsx",
        aantalSignalen: extra.signalen ?? 1,
      },
    });
  }
  return l;
}

beforeAll(async () => {
  h = await beheerTest();
  await levering("0153", "0153", 2025, 4, "VERWERKT", "2026-01-15T09:00:00Z", { personen: 100 });
  await levering("0153", "0153", 2026, 1, "AFGEKEURD", "2026-04-05T09:00:00Z");
  await levering("0153", "0153", 2026, 1, "VERWERKT", "2026-04-10T09:00:00Z", {
    personen: 120,
    signalen: 3,
    lijst: true,
  });
  await levering("0363", "0363", 2025, 4, "VERWERKT", "2026-01-20T09:00:00Z", { personen: 950 });
  await levering("0363", "0363", 2026, 1, "VERWERKT", "2026-05-02T09:00:00Z", { personen: 900, signalen: 0 });
  await levering("9012", "0147", 2026, 1, "AFGEKEURD", "2026-04-15T09:00:00Z");
  await levering("9012", "1735", 2026, 1, "STATISTISCHE_CONTROLE", "2026-04-20T09:00:00Z");
  await levering("9012", "0153", 2026, 1, "AFGEKEURD", "2026-04-16T09:00:00Z");
});
afterAll(async () => {
  await h?.close();
});

function rij(rijen: MonitorRij[], gemeente: string): MonitorRij {
  const r = rijen.filter((x) => x.gemeentecode === gemeente);
  expect(r).toHaveLength(1);
  return r[0]!;
}

describe("the national delivery monitor", () => {
  it("shows on-time, late, rejected, missing and in-progress gemeenten as they are", async () => {
    const m = await monitorVoorKwartaal(h.cbs, 2026, 1, { nu: new Date("2026-06-01T10:00:00Z") });
    expect(m.periodeEinde).toBe(20260428);
    expect(rij(m.rijen, "0153")).toMatchObject({
      berichtgever: { code: "0153" },
      status: "signaleringslijst",
      teLaat: false,
      aantalPersonen: 120,
      vorigAantalPersonen: 100,
      verschil: 20,
      aantalSignalen: 3,
      aantalLeveringen: 2,
      ontvangenOp: new Date("2026-04-10T09:00:00Z"),
    });
    expect(rij(m.rijen, "0363")).toMatchObject({
      status: "verwerkt",
      teLaat: true,
      aantalPersonen: 900,
      verschil: -50,
      aantalSignalen: 0,
    });
    expect(rij(m.rijen, "0147")).toMatchObject({
      berichtgever: { code: "9012" },
      status: "afgekeurd",
      teLaat: true,
      aantalPersonen: null,
    });
    expect(rij(m.rijen, "0164")).toMatchObject({
      berichtgever: { code: "9012" },
      status: "ontbreekt",
      teLaat: true,
      ontvangenOp: null,
    });
    expect(rij(m.rijen, "1735")).toMatchObject({ status: "geleverd", teLaat: false });
    // A gemeente nobody reports for is a gap in the national file.
    expect(rij(m.rijen, "0014")).toMatchObject({ gemeentenaam: "Groningen", berichtgever: null, status: "ontbreekt" });
    // The 2026 list is not loaded: the 2025 one (342 gemeenten) stands in, and says so.
    expect(m.codelijst).toMatch(/2025/);
    expect(m.rijen).toHaveLength(342);
    expect(m.totalen).toMatchObject({ signaleringslijst: 1, verwerkt: 1, afgekeurd: 1, geleverd: 1, ontbreekt: 338 });
  });

  it("never shows a gemeente under a berichtgever it is not assigned to, for a rejected file sent by mistake", async () => {
    const m = await monitorVoorKwartaal(h.cbs, 2026, 1, { nu: new Date("2026-06-01T10:00:00Z") });
    // 9012 sent a file for 0153 (rejected, T06): 0153 still shows once, under 0153, as it was.
    expect(m.rijen.filter((r) => r.gemeentecode === "0153").map((r) => r.berichtgever?.code)).toEqual(["0153"]);
    expect(m.rijen.filter((r) => r.berichtgever?.code === "9012").map((r) => r.gemeentecode)).toEqual([
      "0147",
      "0164",
      "1735",
    ]);
    expect(monitorCsvRijen(m.rijen).filter((r) => r[0] === "0153")).toHaveLength(1);
  });

  it("reads as it did at an earlier moment: before the deadline nothing is late yet", async () => {
    const m = await monitorVoorKwartaal(h.cbs, 2026, 1, { nu: new Date("2026-04-12T10:00:00Z") });
    expect(rij(m.rijen, "0363")).toMatchObject({ status: "ontbreekt", teLaat: false });
    expect(rij(m.rijen, "1735")).toMatchObject({ status: "ontbreekt" });
    expect(rij(m.rijen, "0153")).toMatchObject({ status: "signaleringslijst", teLaat: false });
  });

  it("filters, sorts and exports", async () => {
    const m = await monitorVoorKwartaal(h.cbs, 2026, 1, { nu: new Date("2026-06-01T10:00:00Z") });
    expect(filterMonitor(m.rijen, { status: "te-laat", zoek: "9012" }).map((r) => r.gemeentecode)).toEqual([
      "0147",
      "0164",
    ]);
    expect(filterMonitor(m.rijen, { zoek: "amsterdam" }).map((r) => r.gemeentecode)).toEqual(["0363"]);
    const opPersonen = filterMonitor(m.rijen, { sorteer: "personen", aflopend: true });
    expect(opPersonen.slice(0, 2).map((r) => r.aantalPersonen)).toEqual([900, 120]);
    expect(opPersonen.at(-1)?.aantalPersonen).toBeNull();
    const overijssel = perProvincie(m.rijen).find((p) => p.provincie === "Overijssel")!;
    expect(overijssel).toMatchObject({ signaleringslijst: 1, afgekeurd: 1, geleverd: 1 });
    const csv = monitorCsvRijen(filterMonitor(m.rijen, { zoek: "0153" }));
    expect(csv[0]).toEqual([
      "0153",
      "Enschede",
      "Overijssel",
      "0153",
      "Gemeente Enschede",
      "signaleringslijst",
      "nee",
      "2026-04-10T09:00:00.000Z",
      120,
      100,
      20,
      3,
    ]);
  });
});

describe("reminders", () => {
  it("are due from 7 days before the end of the aanleverperiode until its last day", () => {
    expect(kwartaalVoorHerinnering(new Date("2026-04-20T10:00:00Z"), 7)).toBeNull();
    expect(kwartaalVoorHerinnering(new Date("2026-04-21T10:00:00Z"), 7)).toEqual({ jaar: 2026, kwartaal: 1 });
    // 28 April 23:30 Dutch time is still the last day; 29 April 00:30 Dutch time (22:30 UTC) is not.
    expect(kwartaalVoorHerinnering(new Date("2026-04-28T21:30:00Z"), 7)).toEqual({ jaar: 2026, kwartaal: 1 });
    expect(kwartaalVoorHerinnering(new Date("2026-04-28T22:30:00Z"), 7)).toBeNull();
    expect(kwartaalVoorHerinnering(new Date("2027-01-26T10:00:00Z"), 3)).toEqual({ jaar: 2026, kwartaal: 4 });
    expect(dagenVoorEindeUitOmgeving({})).toBe(7);
    expect(dagenVoorEindeUitOmgeving({ SWI_HERINNERING_DAGEN_VOOR_EINDE: "uit" })).toBeNull();
    expect(() => dagenVoorEindeUitOmgeving({ SWI_HERINNERING_DAGEN_VOOR_EINDE: "zeven" })).toThrow(/ongeldig/);
  });

  it("the automatic one goes to the contact persons of gemeenten without a counting delivery, once", async () => {
    const mails: BeheerMail[] = [];
    const mailer = testMailer(mails);
    const nu = new Date("2026-04-22T06:00:00Z");
    expect(
      await verstuurAutomatischeHerinneringen(new Date("2026-04-12T06:00:00Z"), {
        db: h.db,
        mailer,
        dagenVoorEinde: 7,
      }),
    ).toEqual({
      verstuurd: false,
      reden: "niet-aan-de-beurt",
    });
    expect(await verstuurAutomatischeHerinneringen(nu, { db: h.db, mailer, dagenVoorEinde: null })).toMatchObject({
      reden: "uitgeschakeld",
    });

    // Two runs at once (a retried job next to the scheduled one) and one later: one round.
    const [a, b] = await Promise.all([
      verstuurAutomatischeHerinneringen(nu, { db: h.db, mailer, dagenVoorEinde: 7 }),
      verstuurAutomatischeHerinneringen(nu, { db: h.db, mailer, dagenVoorEinde: 7 }),
    ]);
    const later = await verstuurAutomatischeHerinneringen(new Date("2026-04-27T06:00:00Z"), {
      db: h.db,
      mailer,
      dagenVoorEinde: 7,
    });
    expect([a, b, later].filter((r) => r.verstuurd)).toHaveLength(1);
    expect(later).toMatchObject({ verstuurd: false, reden: "al-verstuurd", jaar: 2026, kwartaal: 1 });

    const rondes = await h.db.herinnering.findMany({ where: { jaar: 2026, kwartaal: 1 } });
    expect(rondes).toHaveLength(1);
    expect(rondes[0]).toMatchObject({ soort: "AUTOMATISCH", verstuurdDoorId: null, aantalMails: 2 });
    const opgeslagen = await h.db.mailBericht.findMany({
      where: { sjabloon: "beheer-herinnering" },
      orderBy: { aan: "asc" },
    });
    expect(opgeslagen.map((m) => m.aan)).toEqual([
      "contactpersoon@amsterdam.example.nl",
      "contactpersoon@inburgering-middentwente.example.nl",
    ]);
    expect(opgeslagen[1]?.parameters).toMatchObject({
      gemeenten: ["0147 Borne", "0164 Hengelo (O.)"],
      uiterlijk: "28-04-2026",
      termijnVerstreken: false,
    });
    const audit = await h.db.auditLog.findFirstOrThrow({ where: { actie: "herinnering.verstuur" } });
    expect(audit).toMatchObject({
      actorUserId: null,
      details: expect.objectContaining({ soort: "AUTOMATISCH", door: "systeem" }),
    });
  });

  it("staff may send one by hand too, also after the deadline, and that does not block the automatic one", async () => {
    // The preview staff read first is exactly what is then sent.
    const juni = new Date("2026-06-01T10:00:00Z");
    const voorbeeld = await herinneringMails(h.cbs, 2026, 1, { nu: juni });
    const gezien = await mailVoorbeelden(voorbeeld.mails);
    expect(gezien).toHaveLength(1);
    expect(gezien[0]!.tekst).toMatch(/0147 Borne/);
    const voor = h.mails.length;
    const r = await h.als(
      (ctx) => verstuurHerinneringen(ctx, { jaar: 2026, kwartaal: 1, soort: "HANDMATIG" }),
      undefined,
      new Date("2026-06-01T10:00:00Z"),
    );
    // By June Amsterdam had delivered (late); only 9012 still lacks 0147 and 0164.
    expect(r.herinnering).toMatchObject({ soort: "HANDMATIG", verstuurdDoorId: h.cbs.userId, aantalMails: 1 });
    expect(h.mails.at(-1)?.parameters).toMatchObject({ termijnVerstreken: true });
    expect(h.mails.slice(voor)).toEqual(voorbeeld.mails);
  });
});
