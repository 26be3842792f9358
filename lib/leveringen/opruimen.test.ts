import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isOpslagFout } from "@/lib/storage";
import { genereerLeveringPaar } from "@/lib/swi/testhulp/generator";
import { registreerAanlevering } from "./ontvangst";
import { leveringOpslag } from "./opslag";
import { ruimOp, signaleringslijstBeschikbaar } from "./opruimen";
import { alsStroom, genereer, maakPijplijnOmgeving, opgeslagen, type PijplijnOmgeving } from "./pijplijn.testhulp";
import { ontvangDeel, startUpload } from "./uploadsessie";
import { verwerkAanlevering } from "./verwerking";

const DAG = 24 * 3600 * 1000;
let omg: PijplijnOmgeving;

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
});
afterAll(async () => omg?.close());

async function lever(naam: string, xml: string) {
  return registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: naam,
    bron: "PORTAAL",
    inhoud: alsStroom(xml),
  });
}

/** The raw encrypted file on disk, to prove the bytes are gone and not only the link. */
function bestandOpSchijf(sleutel: string): string {
  return path.join(omg.env.SWI_STORAGE_DIR!, ...sleutel.split("/"));
}

describe("expiry of signaleringslijsten", () => {
  it("a list older than 14 days cannot be downloaded and its files are gone", async () => {
    // A real processed delivery with person signals: the previous quarter had persons now missing (Q01).
    const { vorige, huidige } = genereerLeveringPaar({
      berichtgevercode: "0153",
      gemeentecode: "0153",
      statistiekjaar: 2025,
      kwartaal: 3,
      aantalPersonen: 30,
      seed: "verloop",
    });
    await verwerkAanlevering((await lever(vorige.bestandsnaam, vorige.xml())).aanleveringId);
    const zonderEerste = huidige.xml().replace(/    <Persoon>\n[\s\S]*?    <\/Persoon>\n/, "");
    const r = await lever(huidige.bestandsnaam, zonderEerste);
    await verwerkAanlevering(r.aanleveringId);
    const lijst = await getDb().signaleringslijst.findUniqueOrThrow({ where: { leveringId: r.leveringen[0]!.id } });
    const aangemaakt = lijst.aangemaaktOp.getTime();
    for (const k of [lijst.csvSleutel, lijst.xlsxSleutel]) expect(fs.existsSync(bestandOpSchijf(k))).toBe(true);

    // Day 13: still there.
    expect((await ruimOp(new Date(aangemaakt + 13 * DAG))).signaleringslijsten).toBe(0);
    expect(signaleringslijstBeschikbaar(lijst, new Date(aangemaakt + 13 * DAG))).toBe(true);
    expect(await opgeslagen(`signaleringslijsten/${lijst.leveringId}`)).toHaveLength(2);

    // Past 14 days: not downloadable even before the purge runs, and the purge deletes the files.
    const later = new Date(aangemaakt + 14 * DAG + 60_000);
    expect(signaleringslijstBeschikbaar(lijst, later)).toBe(false);
    expect((await ruimOp(later)).signaleringslijsten).toBe(1);
    const na = await getDb().signaleringslijst.findUniqueOrThrow({ where: { id: lijst.id } });
    expect(na.verwijderdOp?.getTime()).toBe(later.getTime());
    expect(signaleringslijstBeschikbaar(na)).toBe(false);
    for (const k of [lijst.csvSleutel, lijst.xlsxSleutel]) {
      expect(fs.existsSync(bestandOpSchijf(k))).toBe(false);
      const fout = await leveringOpslag()
        .lees(k)
        .catch((e: unknown) => e);
      expect(isOpslagFout(fout, "NIET_GEVONDEN")).toBe(true);
    }
    expect(await getDb().auditLog.count({ where: { actie: "signaleringslijst.verwijderd", doelId: lijst.id } })).toBe(
      1,
    );
    // The delivery itself and its counts stay.
    expect(await getDb().levering.findUniqueOrThrow({ where: { id: lijst.leveringId } })).toMatchObject({
      status: "VERWERKT",
    });

    // Running again changes nothing.
    expect((await ruimOp(new Date(later.getTime() + DAG))).signaleringslijsten).toBe(0);
  });

  it("a purge that did not run for 30 days catches up in one run", async () => {
    const nu = new Date();
    const db = getDb();
    const maak = async (seed: string, kwartaal: 1 | 2 | 3 | 4, dagenGeleden: number) => {
      const g = genereer({ statistiekjaar: 2023, kwartaal, seed });
      const r = await lever(g.bestandsnaam, g.xml());
      const id = r.leveringen[0]!.id;
      const csv = `signaleringslijsten/${id}.csv`;
      const xlsx = `signaleringslijsten/${id}.xlsx`;
      await leveringOpslag().schrijf(csv, alsStroom("BSN;Regel\r\n"));
      await leveringOpslag().schrijf(xlsx, alsStroom("PK"));
      const aangemaaktOp = new Date(nu.getTime() - dagenGeleden * DAG);
      return db.signaleringslijst.create({
        data: {
          leveringId: id,
          aangemaaktOp,
          verlooptOp: new Date(aangemaaktOp.getTime() + 14 * DAG),
          csvSleutel: csv,
          xlsxSleutel: xlsx,
          aantalSignalen: 1,
        },
      });
    };
    const verlopen = [await maak("a", 1, 44), await maak("b", 2, 30), await maak("c", 3, 15)];
    const geldig = await maak("d", 4, 3);

    const r = await ruimOp(nu);
    expect(r.signaleringslijsten).toBe(3);
    for (const l of verlopen) {
      expect((await db.signaleringslijst.findUniqueOrThrow({ where: { id: l.id } })).verwijderdOp).not.toBeNull();
      expect(await opgeslagen(`signaleringslijsten/${l.leveringId}`)).toEqual([]);
    }
    expect((await db.signaleringslijst.findUniqueOrThrow({ where: { id: geldig.id } })).verwijderdOp).toBeNull();
    expect(await opgeslagen(`signaleringslijsten/${geldig.leveringId}`)).toHaveLength(2);
  });
});

describe("retention of uploads and upload sessions", () => {
  it("deletes an upload past its retention, with the error messages that may quote BSNs", async () => {
    const g = genereer({ statistiekjaar: 2022, kwartaal: 4, seed: "bewaren" });
    const xml = g.xml().replace("<Geslacht>", "<Geslacht>7");
    const r = await lever(g.bestandsnaam, xml);
    await verwerkAanlevering(r.aanleveringId);
    const db = getDb();
    expect(await db.leveringFout.count({ where: { leveringId: r.leveringen[0]!.id } })).toBeGreaterThan(0);
    const a = await db.aanlevering.findUniqueOrThrow({ where: { id: r.aanleveringId } });

    expect((await ruimOp(new Date(a.ontvangenOp.getTime() + 399 * DAG))).uploads).toBe(0);
    const nu = new Date(a.ontvangenOp.getTime() + 401 * DAG);
    expect((await ruimOp(nu)).uploads).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(bestandOpSchijf(a.opslagSleutel!))).toBe(false);
    expect((await db.aanlevering.findUniqueOrThrow({ where: { id: a.id } })).bestandVerwijderdOp?.getTime()).toBe(
      nu.getTime(),
    );
    const l = await db.levering.findUniqueOrThrow({ where: { id: r.leveringen[0]!.id } });
    expect(l.bestandVerwijderdOp?.getTime()).toBe(nu.getTime());
    expect(l).toMatchObject({ status: "AFGEKEURD" });
    expect(l.aantalFouten).toBeGreaterThan(0);
    expect(await db.leveringFout.count({ where: { leveringId: l.id } })).toBe(0);
  });

  it("removes upload sessions abandoned for more than a day, with their parts", async () => {
    const db = getDb();
    const b = { id: omg.enschede.id, code: "0153" };
    const oud = await startUpload(b, omg.enschede.contactpersoonId, { bestandsnaam: "oud.zip", grootte: 10 });
    const vers = await startUpload(b, omg.enschede.contactpersoonId, { bestandsnaam: "vers.zip", grootte: 10 });
    for (const s of [oud, vers]) {
      const sessie = { ...(await db.uploadSessie.findUniqueOrThrow({ where: { id: s.uploadId } })), grootte: 10 };
      await ontvangDeel(sessie, 0, alsStroom("0123456789"));
    }
    const nu = new Date(Date.now() + 2 * 3600 * 1000);
    await db.uploadSessie.update({
      where: { id: oud.uploadId },
      data: { aangemaaktOp: new Date(nu.getTime() - 25 * 3600 * 1000) },
    });
    expect((await ruimOp(nu)).uploadSessies).toBe(1);
    expect(await db.uploadSessie.findUnique({ where: { id: oud.uploadId } })).toBeNull();
    expect(await opgeslagen(`uploads/${oud.uploadId}/`)).toEqual([]);
    expect(await db.uploadSessie.findUnique({ where: { id: vers.uploadId } })).not.toBeNull();
    expect(await opgeslagen(`uploads/${vers.uploadId}/`)).toEqual([`uploads/${vers.uploadId}/0`]);
  });
});
