/**
 * Retention as one story on a fast-forwarded clock: a berichtgever uploads, the portal processes,
 * the signaleringslijst is downloaded, and an upload is abandoned halfway; then the purge runs at
 * the moments just before and just after each term. Each kind of data goes at its own term and
 * not a minute earlier: the abandoned upload after 24 hours, the signaleringslijst (CSV and XLSX,
 * the encrypted bytes on disk and not only the row) after 14 days, the uploaded files after
 * SWI_BEWAARTERMIJN_UPLOAD_DAGEN (default 400). The audit log keeps every earlier entry exactly;
 * the purge only adds its own entries, which name what went and hold no personal data.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { genereerLeveringPaar } from "@/lib/swi/testhulp/generator";
import { registreerAanlevering } from "./ontvangst";
import { ruimOp } from "./opruimen";
import { openSignaleringslijst, SignaleringslijstVerlopen } from "./signaleringslijst-download";
import { alsStroom, genereer, maakPijplijnOmgeving, opgeslagen, type PijplijnOmgeving } from "./pijplijn.testhulp";
import { ontvangDeel, startUpload } from "./uploadsessie";
import { verwerkAanlevering } from "./verwerking";
import { contactpersoonVan } from "@/lib/leveringen/pijplijn.testhulp";

const MINUUT = 60_000;
const UUR = 60 * MINUUT;
const DAG = 24 * UUR;

let omg: PijplijnOmgeving;
let sanne: Actor;

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
  sanne = contactpersoonVan(omg.enschede, "Sanne");
});
afterAll(async () => omg?.close());
afterEach(() => vi.unstubAllEnvs());

function opSchijf(sleutel: string): string {
  return path.join(omg.env.SWI_STORAGE_DIR!, ...sleutel.split("/"));
}

async function lever(naam: string, xml: string) {
  return registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: naam,
    bron: "PORTAAL",
    uploadedById: omg.enschede.contactpersoonId,
    inhoud: alsStroom(xml),
  });
}

async function download(leveringId: string, formaat: "csv" | "xlsx", nu: Date): Promise<Buffer> {
  const d = await openSignaleringslijst(sanne, leveringId, formaat, { nu });
  const delen: Buffer[] = [];
  for await (const stuk of d.stroom) delen.push(Buffer.from(stuk as Uint8Array));
  return Buffer.concat(delen);
}

const alleAuditRegels = () => getDb().auditLog.findMany({ orderBy: { id: "asc" } });

describe("retention on a fast-forwarded clock", () => {
  it("removes each kind of data at its own term, not before, and leaves the audit log as it was", async () => {
    const db = getDb();
    // Two processed deliveries; a person present last quarter is missing now, so there is a list.
    const { vorige, huidige } = genereerLeveringPaar({
      berichtgevercode: "0153",
      gemeentecode: "0153",
      statistiekjaar: 2025,
      kwartaal: 2,
      aantalPersonen: 20,
      seed: "bewaartermijn",
    });
    const vorigeXml = vorige.xml();
    const bsns = [...vorigeXml.matchAll(/<Burgerservicenummer>([0-9]+)</g)].map((m) => m[1]!);
    expect(bsns.length).toBeGreaterThan(0);
    const r1 = await lever(vorige.bestandsnaam, vorigeXml);
    await verwerkAanlevering(r1.aanleveringId);
    const r2 = await lever(huidige.bestandsnaam, huidige.xml().replace(/    <Persoon>\n[\s\S]*?    <\/Persoon>\n/, ""));
    await verwerkAanlevering(r2.aanleveringId);
    const leveringId = r2.leveringen[0]!.id;
    const lijst = await db.signaleringslijst.findUniqueOrThrow({ where: { leveringId } });
    expect(lijst.verlooptOp.getTime() - lijst.aangemaaktOp.getTime()).toBe(14 * DAG);
    // And a rejected delivery, whose error messages (which may quote a BSN) are kept with the upload.
    const fout = genereer({ statistiekjaar: 2024, kwartaal: 4, aantalPersonen: 5, seed: "afgekeurd" });
    const r3 = await lever(fout.bestandsnaam, fout.xml().replace("<Geslacht>", "<Geslacht>7"));
    await verwerkAanlevering(r3.aanleveringId);
    const afgekeurd = r3.leveringen[0]!.id;
    const foutenVoor = await db.leveringFout.count({ where: { leveringId: afgekeurd } });
    expect(foutenVoor).toBeGreaterThan(0);
    const aanleveringen = await db.aanlevering.findMany({
      where: { id: { in: [r1.aanleveringId, r2.aanleveringId, r3.aanleveringId] } },
    });

    // Downloaded today: both formats, and on disk only as ciphertext.
    const lijstBestanden = [lijst.csvSleutel, lijst.xlsxSleutel];
    const csv = await download(leveringId, "csv", new Date());
    const xlsx = await download(leveringId, "xlsx", new Date());
    const gemist = bsns.find((b) => csv.includes(b));
    expect(gemist, "de lijst noemt de ontbrekende persoon").toBeDefined();
    for (const [sleutel, klaar] of [
      [lijst.csvSleutel, csv],
      [lijst.xlsxSleutel, xlsx],
    ] as const) {
      const ruw = fs.readFileSync(opSchijf(sleutel));
      expect(ruw.includes(Buffer.from(gemist!))).toBe(false);
      expect(ruw.includes(klaar.subarray(0, 32))).toBe(false);
    }
    for (const a of aanleveringen) {
      const ruw = fs.readFileSync(opSchijf(a.opslagSleutel!));
      expect(ruw.includes(Buffer.from(`<Burgerservicenummer>${bsns[0]}`))).toBe(false);
    }

    // An upload abandoned before it was completed: its part is in, it is never finished.
    const sessie = await startUpload({ id: omg.enschede.id, code: "0153" }, omg.enschede.contactpersoonId, {
      bestandsnaam: "half.zip",
      grootte: 10,
    });
    const sessieRij = await db.uploadSessie.findUniqueOrThrow({ where: { id: sessie.uploadId } });
    await ontvangDeel({ ...sessieRij, grootte: 10 }, 0, alsStroom("0123456789"));
    expect(await opgeslagen(`uploads/${sessie.uploadId}/`)).toEqual([`uploads/${sessie.uploadId}/0`]);

    const auditVoor = await alleAuditRegels();
    expect(new Set(auditVoor.map((r) => r.actie))).toEqual(
      new Set(["levering.ontvangen", "levering.verwerkt", "levering.afgekeurd", "download.signaleringslijst"]),
    );

    const bewaard = async (verwacht: { lijst: boolean; uploads: boolean; sessie: boolean }) => {
      const aanwezig = {
        lijst: lijstBestanden.map((k) => fs.existsSync(opSchijf(k))),
        uploads: aanleveringen.map((a) => fs.existsSync(opSchijf(a.opslagSleutel!))),
        sessie: [
          (await db.uploadSessie.findUnique({ where: { id: sessie.uploadId } })) !== null,
          (await opgeslagen(`uploads/${sessie.uploadId}/`)).length === 1,
        ],
      };
      expect(aanwezig).toEqual({
        lijst: lijstBestanden.map(() => verwacht.lijst),
        uploads: aanleveringen.map(() => verwacht.uploads),
        sessie: [verwacht.sessie, verwacht.sessie],
      });
    };
    const geen = {
      signaleringslijsten: 0,
      uploads: 0,
      proefleveringen: 0,
      uploadSessies: 0,
      landelijkeControles: 0,
      berichten: 0,
    };

    // The abandoned upload: kept for 24 hours, then gone with its part.
    const sessieTermijn = sessieRij.aangemaaktOp.getTime() + 24 * UUR;
    expect(await ruimOp(new Date(sessieTermijn - MINUUT))).toEqual(geen);
    await bewaard({ lijst: true, uploads: true, sessie: true });
    expect(await ruimOp(new Date(sessieTermijn + MINUUT))).toEqual({ ...geen, uploadSessies: 1 });
    await bewaard({ lijst: true, uploads: true, sessie: false });

    // The signaleringslijst: still downloadable, the same bytes, a minute before its 14 days are up.
    const lijstTermijn = lijst.verlooptOp.getTime();
    const bijna = new Date(lijstTermijn - MINUUT);
    expect(await ruimOp(bijna)).toEqual(geen);
    await bewaard({ lijst: true, uploads: true, sessie: false });
    expect(await download(leveringId, "csv", bijna)).toEqual(csv);
    expect(await download(leveringId, "xlsx", bijna)).toEqual(xlsx);
    // A minute after: both files gone from disk; the row stays, marked, so the page can say why.
    const voorbij = new Date(lijstTermijn + MINUUT);
    expect(await ruimOp(voorbij)).toEqual({ ...geen, signaleringslijsten: 1 });
    await bewaard({ lijst: false, uploads: true, sessie: false });
    expect(await opgeslagen(`signaleringslijsten/${leveringId}`)).toEqual([]);
    expect((await db.signaleringslijst.findUniqueOrThrow({ where: { id: lijst.id } })).verwijderdOp).toEqual(voorbij);
    for (const formaat of ["csv", "xlsx"] as const) {
      await expect(openSignaleringslijst(sanne, leveringId, formaat, { nu: voorbij })).rejects.toBeInstanceOf(
        SignaleringslijstVerlopen,
      );
    }

    // The uploaded files: kept until 400 days after the earliest was received, with their error messages.
    const ontvangen = aanleveringen.map((a) => a.ontvangenOp.getTime());
    expect(await ruimOp(new Date(Math.min(...ontvangen) + 400 * DAG - MINUUT))).toEqual(geen);
    await bewaard({ lijst: false, uploads: true, sessie: false });
    expect(await db.leveringFout.count({ where: { leveringId: afgekeurd } })).toBe(foutenVoor);
    const laatst = new Date(Math.max(...ontvangen) + 400 * DAG + MINUUT);
    expect(await ruimOp(laatst)).toEqual({ ...geen, uploads: 3 });
    await bewaard({ lijst: false, uploads: false, sessie: false });
    expect(await opgeslagen("aanleveringen/")).toEqual([]);
    expect(await db.leveringFout.count({ where: { leveringId: afgekeurd } })).toBe(0);
    // What the portal shows of the deliveries stays: their name, status and counts.
    for (const l of [...r1.leveringen, ...r2.leveringen, ...r3.leveringen]) {
      const na = await db.levering.findUniqueOrThrow({ where: { id: l.id } });
      expect(na).toMatchObject({
        bestandsnaam: l.bestandsnaam,
        status: l.id === afgekeurd ? "AFGEKEURD" : "VERWERKT",
        bestandVerwijderdOp: laatst,
      });
    }
    expect((await db.levering.findUniqueOrThrow({ where: { id: afgekeurd } })).aantalFouten).toBe(foutenVoor);
    expect(await ruimOp(new Date(laatst.getTime() + 30 * DAG))).toEqual(geen);

    // The audit log: every entry from before, unchanged, then only what the purge and the two
    // downloads before the term added.
    const auditNa = await alleAuditRegels();
    expect(auditNa.slice(0, auditVoor.length)).toEqual(auditVoor);
    const nieuw = auditNa.slice(auditVoor.length);
    expect(nieuw.map((r) => r.actie)).toEqual([
      "download.signaleringslijst",
      "download.signaleringslijst",
      "signaleringslijst.verwijderd",
      "aanlevering.bestand-verwijderd",
      "aanlevering.bestand-verwijderd",
      "aanlevering.bestand-verwijderd",
    ]);
    expect(nieuw[2]!.doelId).toBe(lijst.id);
    expect(new Set(nieuw.slice(3).map((r) => r.doelId))).toEqual(new Set(aanleveringen.map((a) => a.id)));
    // The purge's own entries are the system's, and hold no personal data.
    for (const r of nieuw.filter((r) => !r.actie.startsWith("download."))) {
      expect(r).toMatchObject({ actorUserId: null, actorEmail: null, actorRol: null, ip: null });
      const details = JSON.stringify(r.details);
      for (const bsn of bsns) expect(details).not.toContain(bsn);
    }
    // The abandoned upload never became a delivery, so its removal is not an audit event (see opruimen.ts).
    expect(nieuw.some((r) => r.doelId === sessie.uploadId)).toBe(false);
  });

  it("keeps uploaded files for SWI_BEWAARTERMIJN_UPLOAD_DAGEN days when that is set", async () => {
    vi.stubEnv("SWI_BEWAARTERMIJN_UPLOAD_DAGEN", "30");
    const g = genereer({ statistiekjaar: 2024, kwartaal: 3, aantalPersonen: 3, seed: "dertig" });
    const r = await lever(g.bestandsnaam, g.xml());
    const a = await getDb().aanlevering.findUniqueOrThrow({ where: { id: r.aanleveringId } });
    const termijn = a.ontvangenOp.getTime() + 30 * DAG;
    await ruimOp(new Date(termijn - MINUUT));
    expect(fs.existsSync(opSchijf(a.opslagSleutel!))).toBe(true);
    await ruimOp(new Date(termijn + MINUUT));
    expect(fs.existsSync(opSchijf(a.opslagSleutel!))).toBe(false);
    const na = await getDb().aanlevering.findUniqueOrThrow({ where: { id: a.id } });
    expect(na.bestandVerwijderdOp).toEqual(new Date(termijn + MINUUT));
    const regel = await getDb().auditLog.findFirstOrThrow({
      where: { actie: "aanlevering.bestand-verwijderd", doelId: a.id },
    });
    expect(regel.details).toEqual({ bestandsnaam: g.bestandsnaam, bewaartermijnDagen: 30 });
  });
});
