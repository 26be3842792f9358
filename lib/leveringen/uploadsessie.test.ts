import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { NietGevonden } from "@/lib/http/fouten";
import { getDb } from "@/lib/db/client";
import { AanleveringGeweigerd } from "./ontvangst";
import { alsStroom, maakPijplijnOmgeving, opgeslagen, type PijplijnOmgeving } from "./pijplijn.testhulp";
import {
  berichtgeverVoorUpload,
  DEEL_GROOTTE,
  eigenUploadSessie,
  ontvangDeel,
  ontvangenDelen,
  startUpload,
  UploadFout,
  voltooiUpload,
} from "./uploadsessie";
import { contactpersoonVan } from "@/lib/leveringen/pijplijn.testhulp";

let omg: PijplijnOmgeving;
let sanne: Actor;
let youssef: Actor;
const cbs: Actor = {
  userId: "cbs-medewerker",
  email: "beheer@cbs.example.nl",
  naam: "Femke",
  rol: "CBS",
  berichtgeverId: null,
};

beforeAll(async () => {
  omg = await maakPijplijnOmgeving({ SWI_MAX_UPLOAD_BYTES: String(40 * 1024 * 1024) });
  sanne = contactpersoonVan(omg.enschede, "Sanne");
  youssef = contactpersoonVan(omg.amsterdam, "Youssef");
});
afterAll(async () => omg?.close());

const fout = <T>(p: Promise<T>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe("which berichtgever an upload is for", () => {
  it("is the contact person's own; CBS staff name one; anything else does not exist", async () => {
    expect(await berichtgeverVoorUpload(sanne, null)).toEqual({ id: omg.enschede.id, code: "0153" });
    expect(await berichtgeverVoorUpload(sanne, "0153")).toEqual({ id: omg.enschede.id, code: "0153" });
    expect(await fout(berichtgeverVoorUpload(sanne, "0363"))).toBeInstanceOf(NietGevonden);
    expect(await berichtgeverVoorUpload(cbs, "0363")).toEqual({ id: omg.amsterdam.id, code: "0363" });
    expect(((await fout(berichtgeverVoorUpload(cbs, null))) as UploadFout).status).toBe(400);
    expect(await fout(berichtgeverVoorUpload(cbs, "9999"))).toBeInstanceOf(NietGevonden);
  });
});

describe("a chunked upload", () => {
  it("is refused by name or size before any byte is sent", async () => {
    const b = { id: omg.enschede.id, code: "0153" };
    const naam = (await fout(
      startUpload(b, sanne.userId, { bestandsnaam: "SWI_0363_0363_20253.XML", grootte: 100 }),
    )) as AanleveringGeweigerd;
    expect(naam.code).toBe("BERICHTGEVER");
    expect(naam.verwachteNaam).toBe("SWI_0153_0363_20253.XML");
    expect(
      (
        (await fout(
          startUpload(b, sanne.userId, { bestandsnaam: "a.zip", grootte: 40 * 1024 * 1024 + 1 }),
        )) as AanleveringGeweigerd
      ).code,
    ).toBe("TE_GROOT");
    expect(
      ((await fout(startUpload(b, sanne.userId, { bestandsnaam: "a.zip", grootte: 0 }))) as AanleveringGeweigerd).code,
    ).toBe("LEEG");
    expect(await getDb().uploadSessie.count()).toBe(0);
  });

  it("takes parts in any order, again, resumes, checks sizes, and hands the whole file in once", async () => {
    const bestand = crypto.randomBytes(2 * DEEL_GROOTTE + 12345);
    const deel = (n: number) => bestand.subarray(n * DEEL_GROOTTE, Math.min(bestand.length, (n + 1) * DEEL_GROOTTE));
    const start = await startUpload({ id: omg.enschede.id, code: "0153" }, sanne.userId, {
      bestandsnaam: "kwartaal 3.zip",
      grootte: bestand.length,
    });
    expect(start).toMatchObject({ deelGrootte: 8388608, delen: 3 });

    const sessie = await eigenUploadSessie(sanne, start.uploadId);
    // Another contact person, even CBS staff: not theirs.
    expect(await fout(eigenUploadSessie(youssef, start.uploadId))).toBeInstanceOf(NietGevonden);
    expect(await fout(eigenUploadSessie(cbs, start.uploadId))).toBeInstanceOf(NietGevonden);
    expect(await fout(eigenUploadSessie(sanne, "../x"))).toBeInstanceOf(NietGevonden);

    await ontvangDeel(sessie, 2, alsStroom(deel(2)));
    await ontvangDeel(sessie, 0, alsStroom(Buffer.alloc(DEEL_GROOTTE, 1))); // garbage first …
    await ontvangDeel(sessie, 0, alsStroom(deel(0))); // … then re-sent: replaced
    expect(await ontvangenDelen(sessie)).toEqual([0, 2]);

    const ontbreekt = (await fout(voltooiUpload(sessie))) as UploadFout;
    expect(ontbreekt).toBeInstanceOf(UploadFout);
    expect(ontbreekt.status).toBe(422);
    expect(ontbreekt.melding).toContain("deel 1 ontbreken");

    const teKort = (await fout(ontvangDeel(sessie, 1, alsStroom(deel(1).subarray(1))))) as UploadFout;
    expect(teKort.status).toBe(422);
    expect(await ontvangenDelen(sessie)).toEqual([0, 2]);
    const teLang = (await fout(
      ontvangDeel(sessie, 2, alsStroom(Buffer.concat([deel(2), Buffer.from("x")]))),
    )) as UploadFout;
    expect(teLang.status).toBe(422);
    expect(((await fout(ontvangDeel(sessie, 3, alsStroom("x")))) as UploadFout).status).toBe(404);
    await ontvangDeel(sessie, 2, alsStroom(deel(2)));
    await ontvangDeel(sessie, 1, alsStroom(deel(1)));

    const r = await voltooiUpload(sessie);
    const a = await getDb().aanlevering.findUniqueOrThrow({ where: { id: r.aanleveringId } });
    expect(a.sha256).toBe(crypto.createHash("sha256").update(bestand).digest("hex"));
    expect(Number(a.grootte)).toBe(bestand.length);
    expect(a).toMatchObject({
      bestandsnaam: "kwartaal 3.zip",
      bron: "PORTAAL",
      uploadedById: sanne.userId,
      berichtgeverId: omg.enschede.id,
    });
    expect(await opgeslagen(`uploads/${start.uploadId}/`)).toEqual([]);
    expect(await getDb().uploadSessie.findUnique({ where: { id: start.uploadId } })).toBeNull();

    // The same file again: refused as a duplicate, and its session is cleaned up as well.
    const nogmaals = await startUpload({ id: omg.enschede.id, code: "0153" }, sanne.userId, {
      bestandsnaam: "nogmaals.zip",
      grootte: bestand.length,
    });
    const s2 = await eigenUploadSessie(sanne, nogmaals.uploadId);
    for (const n of [0, 1, 2]) await ontvangDeel(s2, n, alsStroom(deel(n)));
    const dubbel = (await fout(voltooiUpload(s2))) as AanleveringGeweigerd;
    expect(dubbel.code).toBe("DUBBEL");
    expect(await opgeslagen(`uploads/${nogmaals.uploadId}/`)).toEqual([]);
    expect(await getDb().uploadSessie.findUnique({ where: { id: nogmaals.uploadId } })).toBeNull();
  });
});
