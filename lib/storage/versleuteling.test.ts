import crypto from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { isOpslagFout } from "./fouten";
import { maakSleutelbos, sleutelId } from "./hoofdsleutel";
import {
  kopLengte,
  MAGIC,
  Ontsleutelaar,
  STANDAARD_BLOKGROOTTE,
  TAG_LENGTE,
  Versleutelaar,
  VERSIE,
} from "./versleuteling";
import { leesAlles } from "./stromen.testhulp";

const bos = maakSleutelbos(crypto.randomBytes(32));

async function versleutel(data: Buffer, sleutel = "t/x.xml", blokgrootte?: number): Promise<Buffer> {
  const delen: Buffer[] = [];
  const v = new Versleutelaar({ sleutelbos: bos, sleutel, blokgrootte });
  v.on("data", (d: Buffer) => delen.push(d));
  await pipeline(Readable.from([data]), v);
  return Buffer.concat(delen);
}

/** Feeds `geheim` in pieces of `stap` bytes, to exercise every split of header and blocks. */
async function ontsleutel(geheim: Buffer, stap = 4096, opties = { sleutelbos: bos, sleutel: "t/x.xml" }) {
  const stukken: Buffer[] = [];
  for (let i = 0; i < geheim.length; i += stap) stukken.push(geheim.subarray(i, i + stap));
  const o = new Ontsleutelaar(opties);
  const vrij: Buffer[] = [];
  const push = o.push.bind(o);
  o.push = (stuk, codering) => {
    if (stuk) vrij.push(Buffer.from(stuk as Buffer));
    return push(stuk, codering);
  };
  pipeline(Readable.from(stukken), o).catch(() => undefined);
  return { ...(await leesAlles(o)), vrijgegeven: () => Buffer.concat(vrij) };
}

describe("versleutelformaat SWIE v1", () => {
  it("heeft een kop met magic, versie, blokgrootte en sleutel-id, en blokken van vaste lengte", async () => {
    const data = crypto.randomBytes(STANDAARD_BLOKGROOTTE * 2 + 3);
    const geheim = await versleutel(data);
    expect(geheim.subarray(0, 4).equals(MAGIC)).toBe(true);
    expect(geheim.readUInt8(4)).toBe(VERSIE);
    expect(geheim.readUInt32BE(5)).toBe(STANDAARD_BLOKGROOTTE);
    expect(geheim.readUInt8(21)).toBe(16);
    expect(geheim.subarray(22, 38).toString("ascii")).toBe(sleutelId(bos.huidige));
    expect(geheim.length).toBe(kopLengte(16) + 2 * (STANDAARD_BLOKGROOTTE + TAG_LENGTE) + 3 + TAG_LENGTE);
  });

  it("versleutelt dezelfde inhoud elke keer anders (eigen gegevenssleutel en nonce per bestand)", async () => {
    const data = Buffer.alloc(1000, 7);
    const a = await versleutel(data);
    const b = await versleutel(data);
    expect(a.length).toBe(b.length);
    expect(a.subarray(9, 21).equals(b.subarray(9, 21))).toBe(false);
    expect(a.subarray(kopLengte(16)).equals(b.subarray(kopLengte(16)))).toBe(false);
  });

  it.each([1, 7, 97, 4096, 65552, 1 << 20])("ontsleutelt bij invoerstukken van %i bytes", async (stap) => {
    const data = crypto.randomBytes(STANDAARD_BLOKGROOTTE * 3 + 1001);
    const { data: uit, fout, vrijgegeven } = await ontsleutel(await versleutel(data), stap);
    expect(fout).toBeUndefined();
    expect(uit.equals(data)).toBe(true);
    expect(vrijgegeven().equals(data)).toBe(true);
  });

  it("werkt met een kleinere blokgrootte en leest die uit de kop", async () => {
    const data = crypto.randomBytes(10_000);
    const geheim = await versleutel(data, "t/x.xml", 1000);
    expect(geheim.readUInt32BE(5)).toBe(1000);
    expect(geheim.length).toBe(kopLengte(16) + 10 * (1000 + TAG_LENGTE) + TAG_LENGTE);
    expect((await ontsleutel(geheim, 333)).data.equals(data)).toBe(true);
  });

  it("een leeg bestand is één (leeg) laatste blok; zonder dat blok faalt het", async () => {
    const geheim = await versleutel(Buffer.alloc(0));
    expect(geheim.length).toBe(kopLengte(16) + TAG_LENGTE);
    expect((await ontsleutel(geheim)).data.length).toBe(0);
    const zonderSlot = await ontsleutel(geheim.subarray(0, kopLengte(16)));
    expect(isOpslagFout(zonderSlot.fout, "BESCHADIGD")).toBe(true);
  });

  it("kop rejecteert bij een sleutel-id die wel bekend is maar een andere sleutel heeft", async () => {
    const geheim = await versleutel(Buffer.from("inhoud"));
    const vals = { ...bos, perId: new Map([[bos.huidigeId, crypto.randomBytes(32)]]) };
    const o = new Ontsleutelaar({ sleutelbos: vals, sleutel: "t/x.xml" });
    pipeline(Readable.from([geheim]), o).catch(() => undefined);
    await expect(o.kop).rejects.toMatchObject({ code: "BESCHADIGD" });
    expect((await leesAlles(o)).data.length).toBe(0);
  });

  it("een blok uit een ander bestand (zelfde sleutel, zelfde positie) wordt geweigerd", async () => {
    const platA = crypto.randomBytes(STANDAARD_BLOKGROOTTE * 2 + 10);
    const a = await versleutel(platA);
    const b = await versleutel(crypto.randomBytes(STANDAARD_BLOKGROOTTE * 2 + 10));
    const kop = kopLengte(16);
    const blok = STANDAARD_BLOKGROOTTE + TAG_LENGTE;
    const gemengd = Buffer.from(a);
    b.copy(gemengd, kop + blok, kop + blok, kop + 2 * blok);
    const { data, fout, vrijgegeven } = await ontsleutel(gemengd);
    expect(isOpslagFout(fout, "BESCHADIGD")).toBe(true);
    expect(vrijgegeven().equals(platA.subarray(0, STANDAARD_BLOKGROOTTE))).toBe(true);
    expect(data.equals(platA.subarray(0, STANDAARD_BLOKGROOTTE))).toBe(true);
  });

  it("weigert een onbekende formaatversie", async () => {
    const geheim = await versleutel(Buffer.from("x"));
    geheim.writeUInt8(2, 4);
    const { fout } = await ontsleutel(geheim);
    expect((fout as Error).message).toMatch(/formaatversie 2/);
  });
});
