import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maakOpslag, type Opslag } from "@/lib/storage";
import { genereerLevering } from "@/lib/swi/testhulp/generator";
import { leveringXml } from "@/lib/swi/testhulp/xml-schrijver";
import type { Persoon } from "@/lib/swi/types";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";
import { voerBeheerUit } from "./context";
import type { TaakVerzender } from "@/lib/acties/context";
import { NietGevonden } from "@/lib/http/fouten";
import { maakSleutelbos } from "@/lib/storage/hoofdsleutel";
import { maakTekstkluis } from "@/lib/storage/tekstkluis";
import { DEMO_BERICHTGEVERS } from "@/prisma/seed";
import {
  laatsteLandelijkeControle,
  leesbareUitkomst,
  startLandelijkeControle,
  verwijderVerlopenLandelijkeControles,
  voerLandelijkeControleUit,
} from "./landelijke-controle-taak";
import {
  dubbeleBsns,
  landelijkeControle,
  verdwenenNaVerhuizing,
  type PersonenVanKwartaal,
} from "./landelijke-controles";

const v = (gemeentecode: string, verhuisd = false) => ({ gemeentecode, berichtgeverCode: gemeentecode, verhuisd });

describe("the rules", () => {
  it("dubbel: two gemeenten without a verhuizing at one of them", () => {
    const p: PersonenVanKwartaal = new Map([
      ["111111110", [v("0153"), v("0363")]], // dubbel
      ["222222220", [v("0153", true), v("0363")]], // moved from Enschede to Amsterdam: fine
      ["333333330", [v("0153", true), v("0363", true), v("0014")]], // moved twice: fine
      ["444444440", [v("0153", true), v("0363"), v("0014")]], // three, one move: dubbel
      ["555555550", [v("0153"), { gemeentecode: "0153", berichtgeverCode: "9012", verhuisd: false }]], // one gemeente, two files
    ]);
    expect(dubbeleBsns(p).map((d) => d.bsn)).toEqual(["111111110", "444444440"]);
  });

  it("verdwenen: left with reden 1 and delivered by no other gemeente next quarter", () => {
    const huidig: PersonenVanKwartaal = new Map([
      ["111111110", [v("0153", true)]], // taken on by Amsterdam: fine
      ["222222220", [v("0153", true)]], // only Enschede delivers late information: gone
      ["333333330", [v("0153", true)]], // nowhere: gone
      ["444444440", [v("0153")]], // did not move
    ]);
    const volgend: PersonenVanKwartaal = new Map([
      ["111111110", [v("0363")]],
      ["222222220", [v("0153")]],
    ]);
    expect(verdwenenNaVerhuizing(huidig, volgend).map((x) => x.bsn)).toEqual(["222222220", "333333330"]);
  });
});

describe("on the stored uploads", () => {
  let h: BeheerTest;
  let opslag: Opslag;
  let map: string;
  let teller = 0;

  async function lever(
    code: string,
    gemeentecode: string,
    jaar: number,
    kwartaal: 1 | 2,
    pas: (p: Persoon[]) => void,
    verwijderd = false,
  ) {
    const gen = genereerLevering({
      berichtgevercode: code,
      gemeentecode,
      statistiekjaar: jaar,
      kwartaal,
      aantalPersonen: 4,
      seed: `${code}${gemeentecode}${jaar}${kwartaal}`,
    });
    const personen = gen.personen;
    pas(personen);
    const xml = leveringXml(gen.kop, personen);
    const sleutel = `uploads/test-${++teller}`;
    await opslag.schrijf(sleutel, Readable.from([Buffer.from(xml)]));
    const b = await h.db.berichtgever.findUniqueOrThrow({ where: { code } });
    const sha256 = crypto.createHash("sha256").update(xml).digest("hex");
    const ontvangenOp = new Date(kwartaal === 1 ? "2026-04-10T10:00:00Z" : "2026-07-10T10:00:00Z");
    const a = await h.db.aanlevering.create({
      data: {
        berichtgeverId: b.id,
        bestandsnaam: gen.bestandsnaam,
        grootte: BigInt(xml.length),
        sha256,
        bron: "PORTAAL",
        ontvangenOp,
        opslagSleutel: sleutel,
        bestandVerwijderdOp: verwijderd ? new Date() : null,
      },
    });
    await h.db.levering.create({
      data: {
        berichtgeverId: b.id,
        aanleveringId: a.id,
        gemeentecode,
        statistiekjaar: jaar,
        statistiekkwartaal: kwartaal,
        bestandsnaam: gen.bestandsnaam,
        grootte: BigInt(xml.length),
        sha256,
        ontvangenOp,
        bron: "PORTAAL",
        status: "VERWERKT",
        opslagSleutel: sleutel,
      },
    });
    return personen;
  }

  function verhuis(p: Persoon) {
    p.eindeBegeleidingReden = 1;
    p.eindeBegeleidingDatum = 20260215;
  }

  beforeAll(async () => {
    h = await beheerTest();
    map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-landelijk-"));
    opslag = maakOpslag({ backend: "local", map, hoofdsleutel: crypto.randomBytes(32) });
  });
  afterAll(async () => {
    await h?.close();
    fs.rmSync(map, { recursive: true, force: true });
  });

  it("finds the double BSN and the person who moved and vanished; reports what it could not read", async () => {
    let dubbel = "";
    let verhuisdEnOpgepakt = "";
    let verdwenen = "";
    const enschede = await lever("0153", "0153", 2026, 1, (p) => {
      verhuis(p[1]!);
      verhuis(p[2]!);
      dubbel = p[0]!.bsn;
      verhuisdEnOpgepakt = p[1]!.bsn;
      verdwenen = p[2]!.bsn;
    });
    await lever("0363", "0363", 2026, 1, (p) => {
      p[0]!.bsn = dubbel;
      p[1]!.bsn = verhuisdEnOpgepakt;
    });
    await lever("0363", "0363", 2026, 2, (p) => {
      p[0]!.bsn = verhuisdEnOpgepakt;
    });
    await lever("0153", "0153", 2026, 2, (p) => {
      p[0]!.bsn = verdwenen; // late information from the old gemeente only
    });
    await lever("9012", "0147", 2026, 1, () => {}, true);
    expect(enschede).toHaveLength(4);

    const r = await landelijkeControle(h.cbs, 2026, 1, { opslag, nu: new Date("2026-11-01T10:00:00Z") });
    expect(r.gelezen).toBe(2);
    expect(r.gelezenVolgend).toBe(2);
    expect(r.volgendCompleet).toBe(true);
    expect(r.dubbel).toEqual([
      {
        bsn: dubbel,
        gemeenten: [
          { gemeentecode: "0153", berichtgeverCode: "0153", verhuisd: false },
          { gemeentecode: "0363", berichtgeverCode: "0363", verhuisd: false },
        ],
      },
    ]);
    expect(r.verdwenen).toEqual([{ bsn: verdwenen, gemeentecode: "0153", berichtgeverCode: "0153" }]);
    expect(r.nietGelezen).toEqual([
      expect.objectContaining({ gemeentecode: "0147", berichtgeverCode: "9012", jaar: 2026, kwartaal: 1 }),
    ]);
  });

  describe("as a background job with a stored, encrypted result", () => {
    const DAG = 24 * 3600 * 1000;
    const kluis = maakTekstkluis(maakSleutelbos(crypto.randomBytes(32)));
    const taken: { naam: string; gegevens: unknown }[] = [];
    const verzender: TaakVerzender = {
      async stuur(_tx, naam, gegevens) {
        taken.push({ naam, gegevens });
        return `taak-${taken.length}`;
      },
    };
    const start = (nu: Date) =>
      voerBeheerUit(h.cbs, (ctx) => startLandelijkeControle(ctx, 2026, 1), { db: h.db, nu, taken: verzender });

    it("one run per quarter at a time; the worker stores the findings encrypted; they go after 14 days, the counts stay", async () => {
      const nu = new Date("2026-11-02T09:00:00Z");
      const eerste = await start(nu);
      expect(eerste.alGestart).toBe(false);
      expect(taken).toEqual([{ naam: "landelijke-controle", gegevens: { controleId: eerste.id } }]);
      // A second click while it waits: the same run, no second read of the whole country.
      expect(await start(new Date(nu.getTime() + 60_000))).toEqual({ id: eerste.id, alGestart: true });
      expect(taken).toHaveLength(1);
      expect((await laatsteLandelijkeControle(h.cbs, 2026, 1, nu))?.status).toBe("WACHT");
      await expect(leesbareUitkomst(h.cbs, 2026, 1, kluis)).rejects.toBeInstanceOf(NietGevonden);

      const klaar = new Date("2026-11-02T09:05:00Z");
      await voerLandelijkeControleUit(eerste.id, { opslag, kluis, nu: () => klaar });
      const run = (await laatsteLandelijkeControle(h.cbs, 2026, 1, klaar))!;
      expect(run).toMatchObject({ status: "KLAAR", leesbaar: true, klaarOp: klaar });
      expect(run.verlooptOp).toEqual(new Date(klaar.getTime() + 14 * DAG));
      expect(run.samenvatting).toMatchObject({ gelezen: 2, gelezenVolgend: 2, dubbel: 1, verdwenen: 1 });
      const { uitkomst } = await leesbareUitkomst(h.cbs, 2026, 1, kluis);
      expect(uitkomst.dubbel).toHaveLength(1);
      expect(uitkomst.verdwenen).toHaveLength(1);
      // At rest: no BSN in the row, and the value opens only for this run.
      const rij = await h.db.landelijkeControle.findUniqueOrThrow({ where: { id: eerste.id } });
      expect(JSON.stringify(rij)).not.toContain(uitkomst.dubbel[0]!.bsn);
      expect(JSON.stringify(rij)).not.toContain(uitkomst.verdwenen[0]!.bsn);
      expect(() => kluis.ontsleutel(rij.uitkomst!, "landelijke-controle:iets-anders")).toThrow();
      // Running the job again (a retry after a crash that came too late) changes nothing.
      await voerLandelijkeControleUit(eerste.id, { opslag, kluis, nu: () => new Date(klaar.getTime() + DAG) });
      expect((await h.db.landelijkeControle.findUniqueOrThrow({ where: { id: eerste.id } })).klaarOp).toEqual(klaar);

      // Done: a new start is a new run.
      const tweede = await start(new Date(klaar.getTime() + 1000));
      expect(tweede.alGestart).toBe(false);
      expect(tweede.id).not.toBe(eerste.id);
      await voerLandelijkeControleUit(tweede.id, { opslag, kluis, nu: () => new Date(klaar.getTime() + 2000) });

      expect(await verwijderVerlopenLandelijkeControles(new Date(klaar.getTime() + 13 * DAG), h.db)).toBe(0);
      expect(await verwijderVerlopenLandelijkeControles(new Date(klaar.getTime() + 15 * DAG), h.db)).toBe(2);
      const weg = (await laatsteLandelijkeControle(h.cbs, 2026, 1))!;
      expect(weg).toMatchObject({ status: "KLAAR", leesbaar: false });
      expect(weg.samenvatting).toMatchObject({ dubbel: 1, verdwenen: 1 });
      expect(weg.verwijderdOp).not.toBeNull();
      await expect(leesbareUitkomst(h.cbs, 2026, 1, kluis)).rejects.toBeInstanceOf(NietGevonden);
      const log = await h.db.auditLog.findMany({
        where: { doelType: "LandelijkeControle" },
        orderBy: [{ tijdstip: "asc" }, { actie: "asc" }],
      });
      expect(log.map((l) => l.actie).sort()).toEqual([
        "landelijke-controle.verwijderd",
        "landelijke-controle.verwijderd",
        "start.landelijke-controle",
        "start.landelijke-controle",
      ]);
    });

    it("a run cut off (worker gone, its retry failed too) is shown as such and can be started again", async () => {
      const lang = new Date("2026-11-20T09:00:00Z");
      const r = await start(lang);
      expect((await laatsteLandelijkeControle(h.cbs, 2026, 1, new Date(lang.getTime() + 3 * 3600_000)))?.status).toBe(
        "AFGEBROKEN",
      );
      const opnieuw = await start(new Date(lang.getTime() + 3 * 3600_000));
      expect(opnieuw.alGestart).toBe(false);
      expect(opnieuw.id).not.toBe(r.id);
    });

    it("only CBS staff read or start it", async () => {
      const sanne = await h.actorVan(DEMO_BERICHTGEVERS[0]!.contactpersoon.email);
      await expect(laatsteLandelijkeControle(sanne, 2026, 1)).rejects.toThrow(/CBS-medewerkers/);
      await expect(leesbareUitkomst(sanne, 2026, 1, kluis)).rejects.toThrow(/CBS-medewerkers/);
      await expect(
        voerBeheerUit(sanne, (ctx) => startLandelijkeControle(ctx, 2026, 1), { db: h.db, taken: verzender }),
      ).rejects.toThrow(/CBS-medewerkers/);
    });
  });
});
