import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { maakZip } from "@/lib/swi/technisch/fixtures.testhulp";
import {
  AanleveringGeweigerd,
  controleerBestandsnaamVoorUpload,
  registreerAanlevering,
  teLeverenKwartaal,
} from "./ontvangst";
import { alsStroom, genereer, maakPijplijnOmgeving, opgeslagen, type PijplijnOmgeving } from "./pijplijn.testhulp";

describe("controleerBestandsnaamVoorUpload", () => {
  const nu = new Date("2026-11-23T12:00:00Z");

  it("accepts the uploader's own XML names, any case of extension, and zips of any name", () => {
    expect(controleerBestandsnaamVoorUpload("SWI_0153_0153_20263.XML", "0153", nu)).toBeNull();
    expect(controleerBestandsnaamVoorUpload("SWI_0153_0164_20261.xml", "0153", nu)).toBeNull();
    expect(controleerBestandsnaamVoorUpload("levering kwartaal 3.zip", "0153", nu)).toBeNull();
    expect(controleerBestandsnaamVoorUpload("ALLES.ZIP", "0153", nu)).toBeNull();
  });

  it("refuses a malformed XML name and shows the expected name with the current quarter as example", () => {
    const f = controleerBestandsnaamVoorUpload("swi_0153_0153_20263.XML", "0153", nu);
    expect(f).toBeInstanceOf(AanleveringGeweigerd);
    expect(f!.code).toBe("NAAM");
    expect(f!.melding).toContain(
      "De bestandsnaam moet zijn: SWI_0153_[gemeentecode]_[jjjj][kwartaal].XML, bijvoorbeeld SWI_0153_0153_20263.XML",
    );
    expect(f!.verwachteNaam).toBe("SWI_0153_[gemeentecode]_[jjjj][kwartaal].XML");
    expect(controleerBestandsnaamVoorUpload("SWI_0153_0153_20265.XML", "0153", nu)?.code).toBe("NAAM");
    expect(controleerBestandsnaamVoorUpload("SWI_153_0153_20263.XML", "0153", nu)?.code).toBe("NAAM");
  });

  it("refuses another berichtgever's file, naming the exact expected name", () => {
    const f = controleerBestandsnaamVoorUpload("SWI_0363_0363_20262.XML", "0153", nu);
    expect(f?.code).toBe("BERICHTGEVER");
    expect(f?.verwachteNaam).toBe("SWI_0153_0363_20262.XML");
    expect(f?.melding).toContain("(0363)");
    expect(f?.melding).toContain("SWI_0153_0363_20262.XML");
  });

  it("refuses other kinds of files and unsafe names", () => {
    expect(controleerBestandsnaamVoorUpload("SWI_0153_0153_20263.csv", "0153", nu)?.code).toBe("NAAM");
    expect(controleerBestandsnaamVoorUpload("levering.tar.gz", "0153", nu)?.code).toBe("NAAM");
    expect(controleerBestandsnaamVoorUpload("../x.zip", "0153", nu)?.code).toBe("NAAM");
    expect(controleerBestandsnaamVoorUpload("", "0153", nu)?.code).toBe("NAAM");
  });

  it("takes the quarter being delivered: the one before the current one", () => {
    expect(teLeverenKwartaal(new Date("2026-01-10T12:00:00Z"))).toEqual({ jaar: 2025, kwartaal: 4 });
    expect(teLeverenKwartaal(new Date("2026-04-01T00:30:00+02:00"))).toEqual({ jaar: 2026, kwartaal: 1 });
    expect(teLeverenKwartaal(new Date("2026-03-31T21:59:00Z"))).toEqual({ jaar: 2025, kwartaal: 4 });
  });
});

describe("registreerAanlevering", () => {
  let omg: PijplijnOmgeving;

  beforeAll(async () => {
    omg = await maakPijplijnOmgeving({ SWI_MAX_UPLOAD_BYTES: String(256 * 1024) });
  });
  afterAll(async () => omg?.close());

  async function jobs(aanleveringId: string) {
    return getDb().$queryRawUnsafe<{ name: string; data: { aanleveringId?: string } }[]>(
      `SELECT name, data FROM pgboss.job WHERE data->>'aanleveringId' = $1`,
      aanleveringId,
    );
  }

  it("records an XML with its administrative data, stores it encrypted, queues the job and the mail", async () => {
    const g = genereer({ statistiekjaar: 2026, kwartaal: 2, seed: "xml" });
    const xml = g.xml();
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      bron: "PORTAAL",
      uploadedById: omg.enschede.contactpersoonId,
      inhoud: alsStroom(xml),
    });
    expect(r.leveringen).toEqual([
      {
        id: expect.any(String),
        proef: null,
        bestandsnaam: "SWI_0153_0153_20262.XML",
        gemeentecode: "0153",
        statistiekjaar: 2026,
        statistiekkwartaal: 2,
        status: "ONTVANGEN",
      },
    ]);
    const db = getDb();
    const a = await db.aanlevering.findUniqueOrThrow({ where: { id: r.aanleveringId }, include: { leveringen: true } });
    const sha = (await import("node:crypto")).createHash("sha256").update(xml).digest("hex");
    expect(a).toMatchObject({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      sha256: sha,
      bron: "PORTAAL",
    });
    expect(Number(a.grootte)).toBe(Buffer.byteLength(xml));
    expect(a.leveringen[0]).toMatchObject({
      sha256: sha,
      uploadedById: omg.enschede.contactpersoonId,
      bronBestandsnaam: null,
    });
    expect(a.leveringen[0]!.ontvangenOp.getTime()).toBe(a.ontvangenOp.getTime());

    // Encrypted at rest: the stored bytes are not the plaintext, but decrypt to it.
    const fs = await import("node:fs");
    const path = await import("node:path");
    const ruw = fs.readFileSync(path.join(omg.env.SWI_STORAGE_DIR!, ...a.opslagSleutel!.split("/")));
    expect(ruw.includes(Buffer.from("<Burgerservicenummer>"))).toBe(false);
    expect(await opgeslagen(a.opslagSleutel!)).toEqual([a.opslagSleutel]);

    expect((await jobs(a.id)).map((j) => j.name)).toEqual(["aanlevering.verwerk"]);
    const mails = await db.mailBericht.findMany({
      where: { berichtgeverId: omg.enschede.id, sjabloon: "levering-ontvangen" },
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      aan: omg.enschede.contactpersoonEmail,
      status: "WACHTRIJ",
      onderwerp: `Ontvangen: ${g.bestandsnaam}`,
    });
    expect(JSON.stringify(mails[0]!.parameters)).toContain(
      `https://portaal.test/berichtgever/0153/leveringen/${r.leveringen[0]!.id}`,
    );
    const audit = await db.auditLog.findMany({ where: { actie: "levering.ontvangen", doelId: a.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: omg.enschede.contactpersoonId, berichtgeverId: omg.enschede.id });
  });

  it("refuses the same file a second time, naming when it was received, and keeps nothing of it", async () => {
    const g = genereer({ statistiekjaar: 2026, kwartaal: 1, seed: "dubbel" });
    const eerste = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      bron: "API",
      inhoud: alsStroom(g.xml()),
    });
    const voor = await opgeslagen("aanleveringen/");
    const fout = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      bron: "PORTAAL",
      inhoud: alsStroom(g.xml()),
    }).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(AanleveringGeweigerd);
    expect((fout as AanleveringGeweigerd).code).toBe("DUBBEL");
    expect((fout as AanleveringGeweigerd).melding).toMatch(
      /al eerder aangeleverd, op \d{1,2} \p{L}+ \d{4} om \d\d:\d\d/u,
    );
    expect(await opgeslagen("aanleveringen/")).toEqual(voor);
    expect(
      await getDb().aanlevering.count({
        where: {
          berichtgeverId: omg.enschede.id,
          sha256: (await getDb().aanlevering.findUniqueOrThrow({ where: { id: eerste.aanleveringId } })).sha256,
        },
      }),
    ).toBe(1);

    // Another berichtgever may deliver the same bytes (the hash is unique per berichtgever).
    const naam = "kwartaal.zip";
    const zip = maakZip([{ naam: "SWI_0363_0363_20261.XML", data: Buffer.from(g.xml()) }]);
    await registreerAanlevering({
      berichtgeverId: omg.amsterdam.id,
      bestandsnaam: naam,
      bron: "PORTAAL",
      inhoud: alsStroom(zip),
    });
    await expect(
      registreerAanlevering({
        berichtgeverId: omg.enschede.id,
        bestandsnaam: naam,
        bron: "PORTAAL",
        inhoud: alsStroom(zip),
      }),
    ).resolves.toBeTruthy();
  });

  it("records one delivery per XML in a zip, named and dated from the member names, without unpacking", async () => {
    const q1 = genereer({ statistiekjaar: 2026, kwartaal: 1, seed: "zip1" });
    const q2 = genereer({ statistiekjaar: 2026, kwartaal: 2, seed: "zip2", gemeentecode: "0164" });
    const zip = maakZip([
      { naam: q1.bestandsnaam, data: Buffer.from(q1.xml()) },
      { naam: "map/", data: Buffer.alloc(0) },
      { naam: q2.bestandsnaam, data: Buffer.from(q2.xml()) },
    ]);
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: "Aanlevering Q1+Q2.zip",
      bron: "PORTAAL",
      inhoud: alsStroom(zip),
    });
    expect(r.leveringen.map((l) => [l.bestandsnaam, l.gemeentecode, l.statistiekjaar, l.statistiekkwartaal])).toEqual([
      ["SWI_0153_0153_20261.XML", "0153", 2026, 1],
      ["SWI_0153_0164_20262.XML", "0164", 2026, 2],
    ]);
    const rijen = await getDb().levering.findMany({
      where: { aanleveringId: r.aanleveringId },
      orderBy: { createdAt: "asc" },
    });
    expect(rijen.map((l) => l.bronBestandsnaam)).toEqual(["Aanlevering Q1+Q2.zip", "Aanlevering Q1+Q2.zip"]);
    expect(rijen.map((l) => Number(l.grootte))).toEqual([Buffer.byteLength(q1.xml()), Buffer.byteLength(q2.xml())]);
    expect((await jobs(r.aanleveringId)).length).toBe(1);
  });

  it("records a zip whose contents cannot be listed as one delivery under the zip's name, for processing to reject", async () => {
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: "kapot.zip",
      bron: "PORTAAL",
      inhoud: alsStroom("dit is geen zip-bestand"),
    });
    expect(r.leveringen).toEqual([
      expect.objectContaining({
        bestandsnaam: "kapot.zip",
        gemeentecode: null,
        statistiekjaar: null,
        status: "ONTVANGEN",
      }),
    ]);
  });

  it("refuses names, sizes and empty files without keeping anything", async () => {
    const voor = await opgeslagen("aanleveringen/");
    const aantal = await getDb().aanlevering.count();
    const probeer = (bestandsnaam: string, inhoud: Buffer | string, berichtgeverId = omg.enschede.id) =>
      registreerAanlevering({ berichtgeverId, bestandsnaam, bron: "PORTAAL", inhoud: alsStroom(inhoud) }).then(
        () => {
          throw new Error(`${bestandsnaam} werd niet geweigerd`);
        },
        (e: unknown) => e as AanleveringGeweigerd,
      );
    expect((await probeer("levering.xml", "<x/>")).code).toBe("NAAM");
    expect((await probeer("SWI_0153_0153_20262.XML", "<x/>", omg.amsterdam.id)).code).toBe("BERICHTGEVER");
    expect((await probeer("SWI_0153_0153_20264.XML", "")).code).toBe("LEEG");
    const teGroot = await probeer("groot.zip", Buffer.alloc(256 * 1024 + 1, 1));
    expect(teGroot.code).toBe("TE_GROOT");
    expect(teGroot.melding).toContain("groter dan 262144 bytes");
    expect(await opgeslagen("aanleveringen/")).toEqual(voor);
    expect(await getDb().aanlevering.count()).toBe(aantal);
  });
});
