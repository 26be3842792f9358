import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActieFout } from "@/lib/acties/context";
import { voerActieUit } from "@/lib/acties/context";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { NietGevonden } from "@/lib/http/fouten";
import { herhaaldeSignalen } from "@/lib/swi/testhulp/herhaalde-signalen";
import { leveringOpslag } from "./opslag";
import { registreerAanlevering } from "./ontvangst";
import { ruimOp } from "./opruimen";
import { alsStroom, contactpersoonVan, maakPijplijnOmgeving, type PijplijnOmgeving } from "./pijplijn.testhulp";
import {
  beantwoordSignaal,
  beantwoordVraag,
  signaalOverzicht,
  signalenVanLevering,
  verwerkReactiebestand,
} from "./signalen";
import { verwerkAanlevering } from "./verwerking";

let omg: PijplijnOmgeving;
let contact: Actor;
let ander: Actor;
const cbs: Actor = { userId: "cbs", email: "cbs@cbs.example.nl", naam: "CBS", rol: "CBS", berichtgeverId: null };

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
  contact = contactpersoonVan(omg.enschede, "Contactpersoon Enschede");
  ander = contactpersoonVan(omg.amsterdam, "Contactpersoon Amsterdam");
});
afterAll(async () => omg?.close());

const bestanden = herhaaldeSignalen({
  berichtgevercode: "0153",
  gemeentecode: "0153",
  statistiekjaar: 2025,
  kwartaal: 2,
  seed: "signalen",
});

async function leverEnVerwerk(b: { bestandsnaam: string; xml: string }): Promise<string> {
  const r = await registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: b.bestandsnaam,
    bron: "PORTAAL",
    inhoud: alsStroom(b.xml),
  });
  await verwerkAanlevering(r.aanleveringId);
  return r.leveringen[0]!.id;
}

async function leesBestand(sleutel: string): Promise<Buffer> {
  const delen: Buffer[] = [];
  for await (const d of await leveringOpslag().lees(sleutel)) delen.push(d as Buffer);
  return Buffer.concat(delen);
}
const leesCsv = async (leveringId: string) =>
  (await leesBestand(`signaleringslijsten/${leveringId}.csv`)).toString("utf8");

const signaalMet = async (leveringId: string, regel: string) => {
  const p = await signalenVanLevering(contact, leveringId);
  return p.signalen.find((s) => s.regel === regel)!;
};

describe("answering signals", () => {
  let eerste = "";
  let tweede = "";

  it("stores every signal of the list, numbered as in the list, with the BSN only encrypted", async () => {
    eerste = await leverEnVerwerk(bestanden.eerste);
    const l = await getDb().levering.findUniqueOrThrow({ where: { id: eerste } });
    expect(l.status).toBe("VERWERKT");
    const rijen = await getDb().leveringSignaal.findMany({
      where: { leveringId: eerste },
      orderBy: { volgnummer: "asc" },
    });
    expect(rijen.length).toBe(l.aantalSignalen);
    expect(rijen.map((r) => r.regel)).toEqual(expect.arrayContaining(["P09", "P10"]));
    expect(JSON.stringify(rijen)).not.toContain(bestanden.bsnP09);
    const p = await signalenVanLevering(contact, eerste);
    expect(p.signalen.every((s) => !s.vorigKwartaal && s.reactie === null)).toBe(true);
    expect(JSON.stringify(p)).not.toContain(bestanden.bsnP09);
    expect(p.signalen.find((s) => s.regel === "P09")!.waarden).toMatch(/Ontzorgen/i);
  });

  it("refuses another berichtgever: reading and answering are 'niet gevonden'", async () => {
    await expect(signalenVanLevering(ander, eerste)).rejects.toBeInstanceOf(NietGevonden);
    const s = await signaalMet(eerste, "P09");
    await expect(
      voerActieUit(ander, (ctx) =>
        beantwoordSignaal(ctx, { signaalId: s.id, reactie: "KLOPT", toelichting: "poging" }),
      ),
    ).rejects.toBeInstanceOf(NietGevonden);
    await expect(
      voerActieUit(contact, (ctx) => beantwoordVraag(ctx, { signaalId: s.id, antwoord: "x", sluiten: true })),
    ).rejects.toThrow();
  });

  it("records 'klopt', 'wordt hersteld' and a question, audited without their text; CBS answers and closes", async () => {
    const p09 = await signaalMet(eerste, "P09");
    const p10 = await signaalMet(eerste, "P10");
    await voerActieUit(contact, (ctx) =>
      beantwoordSignaal(ctx, { signaalId: p09.id, reactie: "KLOPT", toelichting: "Einddatum is echt zo." }),
    );
    await voerActieUit(contact, (ctx) =>
      beantwoordSignaal(ctx, { signaalId: p10.id, reactie: "WORDT_HERSTELD", toelichting: "" }),
    );
    const andere = (await signalenVanLevering(contact, eerste)).signalen.find((s) => s.reactie === null);
    if (andere) {
      await voerActieUit(contact, (ctx) =>
        beantwoordSignaal(ctx, { signaalId: andere.id, reactie: "VRAAG", toelichting: "Wat bedoelt u?" }),
      );
      await voerActieUit(cbs, (ctx) =>
        beantwoordVraag(ctx, { signaalId: andere.id, antwoord: "Zie de richtlijnen.", sluiten: true }),
      );
      const na = (await signalenVanLevering(contact, eerste)).signalen.find((s) => s.id === andere.id)!;
      expect(na).toMatchObject({ antwoord: "Zie de richtlijnen.", reactie: "VRAAG" });
      expect(na.geslotenOp).not.toBeNull();
    }
    expect(await signaalMet(eerste, "P09")).toMatchObject({ reactie: "KLOPT", toelichting: "Einddatum is echt zo." });
    const opgeslagen = await getDb().leveringSignaal.findUniqueOrThrow({ where: { id: p09.id } });
    expect(opgeslagen.toelichting).toMatch(/^swi1:/);
    const audit = await getDb().auditLog.findMany({ where: { actie: "signaal.beantwoord", doelId: p09.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain("Einddatum");

    const o = await signaalOverzicht(cbs, { berichtgever: "0153" });
    expect(o.perBerichtgever.find((t) => t.sleutel === "0153")).toMatchObject({ KLOPT: 1, WORDT_HERSTELD: 1 });
    expect(o.perRegel.find((t) => t.sleutel === "P09")).toMatchObject({ KLOPT: 1 });
    expect(o.reacties.map((r) => r.id)).toContain(p09.id);
    await expect(signaalOverzicht(contact, {})).rejects.toThrow();
  });

  it("the next quarter leaves out 'klopt' and flags 'wordt hersteld' first, in the page and in the files", async () => {
    tweede = await leverEnVerwerk(bestanden.tweede);
    const p = await signalenVanLevering(contact, tweede);
    expect(p.signalen.some((s) => s.regel === "P09")).toBe(false);
    const p10 = p.signalen.find((s) => s.regel === "P10")!;
    expect(p10).toMatchObject({
      vorigKwartaal: true,
      vorigeReactie: "WORDT_HERSTELD",
      gemarkeerd: true,
      volgnummer: 1,
    });
    const csv = await leesCsv(tweede);
    expect(csv).not.toContain(`${bestanden.bsnP09};`);
    const regels = csv.split("\r\n");
    expect(regels[0]).toMatch(/;Vorig kwartaal;Nr$/);
    const eersteSignaal = regels.find((r) => r.includes(bestanden.bsnP10))!;
    expect(eersteSignaal).toMatch(/wordt hersteld \(niet hersteld\)";"1"$/);
  });

  it("takes the responses filled in on the downloaded XLSX, all or nothing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await leesBestand(`signaleringslijsten/${tweede}.xlsx`)) as unknown as ArrayBuffer);
    const blad = wb.getWorksheet("Signalen")!;
    const kop = (blad.getRow(1).values as unknown[]).slice(1);
    expect(kop.slice(-4)).toEqual(["Vorig kwartaal", "Nr", "Reactie", "Toelichting reactie"]);
    const kol = (naam: string) => kop.indexOf(naam) + 1;
    const rij = blad.getRow(2);
    expect(rij.getCell(kol("Nr")).value).toBe(1);
    rij.getCell(kol("Reactie")).value = "vraag aan CBS";
    rij.getCell(kol("Toelichting reactie")).value = "Waarom weer?";
    const metFout = wb.getWorksheet("Signalen")!.getRow(3);
    if (metFout.getCell(kol("Nr")).value) {
      metFout.getCell(kol("Reactie")).value = "misschien";
      const fout = await voerActieUit(contact, async (ctx) =>
        verwerkReactiebestand(ctx, { leveringId: tweede, xlsx: Buffer.from(await wb.xlsx.writeBuffer()) }),
      ).catch((e: unknown) => e);
      expect(fout).toBeInstanceOf(ActieFout);
      expect((fout as ActieFout).message).toContain('Rij 3: "misschien" is geen reactie');
      expect((await signaalMet(tweede, "P10")).reactie).toBeNull();
      metFout.getCell(kol("Reactie")).value = null;
    }
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(
      voerActieUit(ander, (ctx) => verwerkReactiebestand(ctx, { leveringId: tweede, xlsx })),
    ).rejects.toBeInstanceOf(NietGevonden);
    expect(await voerActieUit(contact, (ctx) => verwerkReactiebestand(ctx, { leveringId: tweede, xlsx }))).toBe(1);
    expect(await signaalMet(tweede, "P10")).toMatchObject({ reactie: "VRAAG", toelichting: "Waarom weer?" });
  });

  it("after the list expired the database holds no BSN for its signals, only the keyed hash and the response", async () => {
    const lijst = await getDb().signaleringslijst.findUniqueOrThrow({ where: { leveringId: eerste } });
    await ruimOp(new Date(lijst.verlooptOp.getTime() + 1000));
    const rijen = await getDb().leveringSignaal.findMany({ where: { leveringId: eerste } });
    expect(rijen.every((r) => r.inhoud === null)).toBe(true);
    expect(rijen.find((r) => r.regel === "P09")).toMatchObject({ reactie: "KLOPT" });
    const p = await signalenVanLevering(contact, eerste);
    expect(p.signalen.every((s) => s.bericht === null)).toBe(true);
  });
});
