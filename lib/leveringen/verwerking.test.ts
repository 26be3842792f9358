import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { maakZip } from "@/lib/swi/technisch/fixtures.testhulp";
import { genereerLeveringPaar } from "@/lib/swi/testhulp/generator";
import type { Spiegelrapport } from "@/lib/swi/spiegelrapport";
import { registreerAanlevering } from "./ontvangst";
import { ontsleutelFoutbericht } from "./foutberichten";
import { leveringOpslag } from "./opslag";
import { alsStroom, genereer, maakPijplijnOmgeving, opgeslagen, type PijplijnOmgeving } from "./pijplijn.testhulp";
import { markeerVerwerkingMislukt, SIGNALERINGSLIJST_DAGEN, verwerkAanlevering } from "./verwerking";
import { SJABLONEN } from "@/emails/registry";
import { lijktPersoonsgegeven } from "@/lib/mail/wachtrij";

let omg: PijplijnOmgeving;

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
});
afterAll(async () => omg?.close());

async function lever(bestandsnaam: string, inhoud: string | Buffer, berichtgeverId = omg.enschede.id) {
  return registreerAanlevering({ berichtgeverId, bestandsnaam, bron: "PORTAAL", inhoud: alsStroom(inhoud) });
}

async function leverEnVerwerk(bestandsnaam: string, inhoud: string | Buffer) {
  const r = await lever(bestandsnaam, inhoud);
  await verwerkAanlevering(r.aanleveringId);
  return r;
}

/** The delivery with its error messages decrypted, as the portal reads them. */
const levering = async (id: string) => {
  const l = await getDb().levering.findUniqueOrThrow({
    where: { id },
    include: { fouten: { orderBy: { volgnummer: "asc" } }, signaleringslijst: true },
  });
  return { ...l, fouten: l.fouten.map((f) => ({ ...f, bericht: ontsleutelFoutbericht(f.bericht, id) })) };
};

const mails = (sjabloon: string, leveringId: string) =>
  getDb().mailBericht.findMany({ where: { sjabloon, parameters: { path: ["url"], string_contains: leveringId } } });

async function leesTekst(sleutel: string): Promise<string> {
  const delen: Buffer[] = [];
  for await (const d of await leveringOpslag().lees(sleutel)) delen.push(d as Buffer);
  return Buffer.concat(delen).toString("utf8");
}

describe("a rejected delivery", () => {
  it("becomes AFGEKEURD with its errors in file order, the total, and a mail with the count and link", async () => {
    const g = genereer({ statistiekjaar: 2025, kwartaal: 1, seed: "afgekeurd" });
    let n = 0;
    const xml = g
      .xml()
      .replace(/<Burgerservicenummer>(\d+)<\/Burgerservicenummer>/g, (m) =>
        n++ < 3 ? "<Burgerservicenummer>12</Burgerservicenummer>" : m,
      );
    const r = await leverEnVerwerk(g.bestandsnaam, xml);
    const l = await levering(r.leveringen[0]!.id);
    expect(l.status).toBe("AFGEKEURD");
    expect(l.aantalFouten).toBeGreaterThanOrEqual(3);
    expect(l.fouten.length).toBe(l.aantalFouten);
    expect(l.fouten.map((f) => f.volgnummer)).toEqual(l.fouten.map((_, i) => i + 1));
    const regels = l.fouten.map((f) => f.regelnummer ?? 0);
    expect(regels).toEqual([...regels].sort((a, b) => a - b));
    expect(l.fouten[0]).toMatchObject({ kenmerk: 8 });
    expect(l.controleGestartOp).not.toBeNull();
    expect(l.verwerktOp).not.toBeNull();
    expect(l.signaleringslijst).toBeNull();
    expect(l.spiegelrapport).toBeNull();

    const m = await mails("levering-afgekeurd", l.id);
    expect(m).toHaveLength(1);
    expect(m[0]!.parameters).toMatchObject({
      aantalFouten: l.aantalFouten,
      url: `https://portaal.test/berichtgever/0153/leveringen/${l.id}`,
      gemeentecode: "0153",
      gemeentenaam: "Enschede",
    });
    // Nothing accepted for this quarter before: no "blijft gelden".
    expect(m[0]!.parameters).not.toHaveProperty("geldend");
    expect(await mails("levering-verwerkt", l.id)).toHaveLength(0);
    const a = await getDb().aanlevering.findUniqueOrThrow({ where: { id: r.aanleveringId } });
    expect(a.verwerktOp).not.toBeNull();
  });
});

describe("accepted deliveries", () => {
  const paar = genereerLeveringPaar({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    statistiekjaar: 2025,
    kwartaal: 3,
    aantalPersonen: 40,
    seed: "paar",
  });
  const vorige = paar.vorige;
  const huidige = paar.huidige;
  // Three persons still in begeleiding last quarter are left out now: Q01 must find them.
  const weg = vorige.personen
    .filter((p) => p.eindeBegeleidingReden === undefined && huidige.personen.some((h) => h.bsn === p.bsn))
    .slice(0, 3)
    .map((p) => p.bsn);
  const huidigeXml = () => {
    const bewaard = huidige.personen.filter((p) => !weg.includes(p.bsn));
    return leveringXmlZonder(huidige.xml(), weg, bewaard.length);
  };
  let vorigeId = "";
  let huidigeId = "";

  it("becomes VERWERKT with spiegelrapport, file signals, counts and a mail linking to the spiegelrapport", async () => {
    expect(weg).toHaveLength(3);
    const r = await leverEnVerwerk(vorige.bestandsnaam, vorige.xml());
    vorigeId = r.leveringen[0]!.id;
    const l = await levering(vorigeId);
    expect(l.status).toBe("VERWERKT");
    expect(l.aantalPersonen).toBe(vorige.personen.length);
    expect(l.aantalFouten).toBe(0);
    expect(l.fouten).toHaveLength(0);
    const rapport = l.spiegelrapport as unknown as Spiegelrapport;
    expect(rapport).toMatchObject({
      personen: vorige.personen.length,
      gemeentecode: "0153",
      statistiekjaar: 2025,
      statistiekkwartaal: 2,
      vorigKwartaal: null,
    });
    expect(Array.isArray(l.bestandSignalen)).toBe(true);
    // What the next quarter's browser check compares with: counts only.
    expect(l.bestandTelling).toMatchObject({ personen: vorige.personen.length });
    expect((l.bestandTelling as { gevuld: number[] }).gevuld).toHaveLength(22);
    const m = await mails("levering-verwerkt", l.id);
    expect(m).toHaveLength(1);
    expect(m[0]!.parameters).toMatchObject({
      url: `https://portaal.test/berichtgever/0153/leveringen/${l.id}/spiegelrapport`,
      aantalPersonen: vorige.personen.length,
    });
  });

  it("is compared with the previous quarter's delivery, found automatically (Q01), and gets a signaleringslijst", async () => {
    const r = await leverEnVerwerk(huidige.bestandsnaam, huidigeXml());
    huidigeId = r.leveringen[0]!.id;
    const l = await levering(huidigeId);
    expect(l.status).toBe("VERWERKT");
    const rapport = l.spiegelrapport as unknown as Spiegelrapport;
    expect(rapport.vorigKwartaal).toEqual({ jaar: 2025, kwartaal: 2 });
    expect(rapport.signalenPerRegel.Q01).toBe(3);

    const lijst = l.signaleringslijst!;
    expect(lijst).toMatchObject({ aantalSignalen: l.aantalSignalen, verwijderdOp: null });
    expect(lijst.verlooptOp.getTime() - lijst.aangemaaktOp.getTime()).toBe(SIGNALERINGSLIJST_DAGEN * 24 * 3600 * 1000);
    expect(lijst.csvSleutel).toBe(`signaleringslijsten/${l.id}.csv`);
    const csv = await leesTekst(lijst.csvSleutel);
    for (const bsn of weg) expect(csv).toMatch(new RegExp(`^"?${bsn}"?;.*;Q01;`, "m"));
    const xlsx = await leveringOpslag().lees(lijst.xlsxSleutel);
    const kop: Buffer[] = [];
    for await (const d of xlsx) kop.push(d as Buffer);
    expect(Buffer.concat(kop).subarray(0, 2).toString()).toBe("PK");

    const klaar = await mails("signaleringslijst-klaar", l.id);
    expect(klaar).toHaveLength(1);
    expect(klaar[0]!.parameters).toMatchObject({
      url: `https://portaal.test/berichtgever/0153/leveringen/${l.id}/signaleringslijst`,
      beschikbaarTot: lijst.verlooptOp.toISOString(),
      aantalSignalen: lijst.aantalSignalen,
    });
    expect(JSON.stringify(klaar[0]!.parameters)).not.toMatch(/\d{9}/);
  });

  it("a herlevering replaces the earlier delivery of that quarter, and later quarters compare with it", async () => {
    // The same quarter again, now with everyone: no person disappears any more.
    const r = await leverEnVerwerk(huidige.bestandsnaam, huidige.xml());
    const nieuwId = r.leveringen[0]!.id;
    const oud = await levering(huidigeId);
    const nieuw = await levering(nieuwId);
    expect(nieuw.status).toBe("VERWERKT");
    expect(oud.status).toBe("VERVANGEN");
    expect(oud.vervangenDoorId).toBe(nieuwId);
    // The mail says the herlevering is now the geldende levering, replacing the earlier one.
    const verwerkt = await mails("levering-verwerkt", nieuwId);
    expect(verwerkt[0]!.parameters).toMatchObject({ vervangt: 1 });
    expect((await SJABLONEN["levering-verwerkt"](verwerkt[0]!.parameters as never)).tekst).toMatch(
      /nu de geldende levering voor dit kwartaal; zij vervangt uw eerdere levering/,
    );
    expect((nieuw.spiegelrapport as unknown as Spiegelrapport).signalenPerRegel.Q01).toBe(0);

    // The next quarter is compared with the herlevering (all persons), not with the replaced one.
    const volgende = genereer({ statistiekjaar: 2025, kwartaal: 4, aantalPersonen: 45, vorige: huidige.toestand });
    const r4 = await leverEnVerwerk(volgende.bestandsnaam, volgende.xml());
    const l4 = await levering(r4.leveringen[0]!.id);
    const rapport = l4.spiegelrapport as unknown as Spiegelrapport;
    expect(rapport.vorigKwartaal).toEqual({ jaar: 2025, kwartaal: 3 });
    // The replaced delivery had three persons fewer than the herlevering.
    expect(rapport.rijen.find((rij) => rij.sleutel === "personen.totaal")).toMatchObject({
      huidig: l4.aantalPersonen,
      vorig: huidige.personen.length,
    });
    expect(
      await getDb().levering.count({
        where: {
          berichtgeverId: omg.enschede.id,
          gemeentecode: "0153",
          statistiekjaar: 2025,
          statistiekkwartaal: 3,
          status: "VERWERKT",
        },
      }),
    ).toBe(1);
  });

  it("a rejected re-upload leaves the accepted delivery in force, and its mail says which one counts", async () => {
    const geldend = await getDb().levering.findFirstOrThrow({
      where: {
        berichtgeverId: omg.enschede.id,
        gemeentecode: "0153",
        statistiekjaar: 2025,
        statistiekkwartaal: 3,
        status: "VERWERKT",
      },
    });
    const kapot = huidige
      .xml()
      .replace(/<Burgerservicenummer>\d+<\/Burgerservicenummer>/, "<Burgerservicenummer>12</Burgerservicenummer>");
    const r = await leverEnVerwerk(huidige.bestandsnaam, kapot);
    const afgekeurd = await levering(r.leveringen[0]!.id);
    expect(afgekeurd.status).toBe("AFGEKEURD");
    expect((await levering(geldend.id)).status).toBe("VERWERKT");
    const m = await mails("levering-afgekeurd", afgekeurd.id);
    expect(m).toHaveLength(1);
    expect(m[0]!.parameters).toMatchObject({
      geldend: {
        bestandsnaam: geldend.bestandsnaam,
        ontvangenOp: geldend.ontvangenOp.toISOString(),
        url: `https://portaal.test/berichtgever/0153/leveringen/${geldend.id}`,
      },
    });
    const tekst = (await SJABLONEN["levering-afgekeurd"](m[0]!.parameters as never)).tekst;
    expect(tekst).toMatch(/blijft gelden/);
    expect(lijktPersoonsgegeven(tekst)).toBe(false);
  });

  it("runs twice, or twice at once, with exactly one set of results and one mail", async () => {
    const g = genereer({ statistiekjaar: 2024, kwartaal: 4, seed: "tweemaal", aantalPersonen: 25 });
    const r = await lever(g.bestandsnaam, g.xml());
    await Promise.all([verwerkAanlevering(r.aanleveringId), verwerkAanlevering(r.aanleveringId)]);
    await verwerkAanlevering(r.aanleveringId);
    const id = r.leveringen[0]!.id;
    expect((await levering(id)).status).toBe("VERWERKT");
    expect(await mails("levering-verwerkt", id)).toHaveLength(1);
    expect(await getDb().auditLog.count({ where: { actie: "levering.verwerkt", doelId: id } })).toBe(1);
  });
});

describe("a zip", () => {
  it("gives each member its own outcome", async () => {
    const goed = genereer({ statistiekjaar: 2024, kwartaal: 1, gemeentecode: "0164", seed: "zip-goed" });
    const fout = genereer({ statistiekjaar: 2024, kwartaal: 2, gemeentecode: "0164", seed: "zip-fout" });
    const zip = maakZip([
      { naam: goed.bestandsnaam, data: Buffer.from(goed.xml()) },
      { naam: fout.bestandsnaam, data: Buffer.from(fout.xml().replace("<Geslacht>", "<Geslacht>9")) },
    ]);
    // 0164 is not one of this berichtgever's gemeenten until it is assigned.
    await getDb().berichtgeverGemeente.create({
      data: { berichtgeverId: omg.enschede.id, gemeentecode: "0164", vanafJaar: 2022, totEnMetJaar: 2025 },
    });
    const r = await lever("twee kwartalen.zip", zip);
    await verwerkAanlevering(r.aanleveringId);
    const [a, b] = await Promise.all(r.leveringen.map((l) => levering(l.id)));
    expect(a!.status).toBe("VERWERKT");
    expect(b!.status).toBe("AFGEKEURD");
    expect(b!.fouten[0]).toMatchObject({ kenmerk: 10 });
  });

  it("refused as a whole rejects every delivery in it with the zip's reasons", async () => {
    const g = genereer({ statistiekjaar: 2024, kwartaal: 3, seed: "zip-map" });
    const zip = maakZip([
      { naam: g.bestandsnaam, data: Buffer.from(g.xml()) },
      { naam: "toelichting.txt", data: Buffer.from("zie bijlage") },
    ]);
    const r = await lever("met bijlage.zip", zip);
    expect(r.leveringen.map((l) => l.bestandsnaam)).toEqual([g.bestandsnaam, "toelichting.txt"]);
    await verwerkAanlevering(r.aanleveringId);
    for (const { id } of r.leveringen) {
      const l = await levering(id);
      expect(l.status).toBe("AFGEKEURD");
      expect(l.fouten.map((f) => f.regel)).toEqual(["T01"]);
      expect(l.fouten[0]!.bericht).toContain("toelichting.txt");
    }
  });

  it("refused as a whole still shows each delivery the failures of its own file, and stores them encrypted", async () => {
    const g = genereer({ statistiekjaar: 2024, kwartaal: 2, seed: "zip-lid-fouten" });
    let eerste = "";
    const xml = g.xml().replace(/<Burgerservicenummer>(\d{9})<\/Burgerservicenummer>/, (m, bsn: string) => {
      eerste = bsn;
      return `${m}<Burgerservicenummer>${bsn}</Burgerservicenummer>`;
    });
    const zip = maakZip([
      { naam: g.bestandsnaam, data: Buffer.from(xml) },
      { naam: "toelichting.txt", data: Buffer.from("zie bijlage") },
    ]);
    const r = await lever("met fouten.zip", zip);
    await verwerkAanlevering(r.aanleveringId);
    const [xmlLevering, txtLevering] = await Promise.all(r.leveringen.map(({ id }) => levering(id)));
    expect(txtLevering!.fouten.map((f) => f.regel)).toEqual(["T01"]);
    expect(xmlLevering!.fouten.map((f) => f.regel)).toEqual(["T01", "T03"]);
    expect(xmlLevering!.aantalFouten).toBe(2);
    // The stored message is ciphertext: no BSN in the table (nor in the WAL or a backup of it).
    const ruw = await getDb().$queryRaw<{ bericht: string }[]>`
      SELECT bericht FROM levering_fout WHERE levering_id = ${xmlLevering!.id}`;
    expect(ruw).toHaveLength(2);
    for (const { bericht } of ruw) {
      expect(bericht).toMatch(/^swi1:/);
      expect(bericht).not.toContain(eerste);
      expect(bericht).not.toMatch(/\d{9}/);
    }
  });

  it("that cannot be read at all is rejected under its own name", async () => {
    const r = await lever("leeg.zip", "geen zip");
    await verwerkAanlevering(r.aanleveringId);
    const l = await levering(r.leveringen[0]!.id);
    expect(l.status).toBe("AFGEKEURD");
    expect(l.fouten[0]!.bericht).toMatch(/geen leesbaar zip-bestand/);
  });
});

describe("a processing failure that is not the file's", () => {
  it("after the last retry leaves the deliveries retryable with the reason, not 'bezig'", async () => {
    const g = genereer({ statistiekjaar: 2023, kwartaal: 4, seed: "mislukt" });
    const r = await lever(g.bestandsnaam, g.xml());
    await getDb().levering.updateMany({
      where: { aanleveringId: r.aanleveringId },
      data: { status: "TECHNISCHE_CONTROLE" },
    });
    await markeerVerwerkingMislukt(r.aanleveringId, "opslag niet bereikbaar");
    const l = await levering(r.leveringen[0]!.id);
    expect(l.status).toBe("ONTVANGEN");
    expect(l.verwerkingsfout).toContain("opslag niet bereikbaar");
    // Started again, it finishes and the reason is gone.
    await verwerkAanlevering(r.aanleveringId);
    expect(await levering(l.id)).toMatchObject({ status: "VERWERKT", verwerkingsfout: null });
  });

  it("an upload whose file is gone is not left 'bezig'", async () => {
    const g = genereer({ statistiekjaar: 2023, kwartaal: 3, seed: "weg" });
    const r = await lever(g.bestandsnaam, g.xml());
    const a = await getDb().aanlevering.findUniqueOrThrow({ where: { id: r.aanleveringId } });
    await leveringOpslag().verwijder(a.opslagSleutel!);
    await getDb().aanlevering.update({ where: { id: a.id }, data: { bestandVerwijderdOp: new Date() } });
    await verwerkAanlevering(a.id);
    expect(await levering(r.leveringen[0]!.id)).toMatchObject({
      status: "ONTVANGEN",
      verwerkingsfout: expect.stringContaining("niet meer beschikbaar"),
    });
    expect(await opgeslagen(a.opslagSleutel!)).toEqual([]);
  });
});

/** The delivery's XML without the persons with the given BSNs. */
function leveringXmlZonder(xml: string, bsns: string[], verwachtAantal: number): string {
  const uit = xml.replace(/    <Persoon>\n[\s\S]*?    <\/Persoon>\n/g, (blok) =>
    bsns.some((b) => blok.includes(`<Burgerservicenummer>${b}</Burgerservicenummer>`)) ? "" : blok,
  );
  expect((uit.match(/<Persoon>/g) ?? []).length).toBe(verwachtAantal);
  return uit;
}
