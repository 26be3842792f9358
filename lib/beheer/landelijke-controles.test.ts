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
});
