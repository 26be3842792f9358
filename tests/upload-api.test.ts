/**
 * The chunked upload API (app/api/uploads) through its route handlers, with the signed-in person
 * stubbed: status codes and JSON shapes as the browser client relies on them.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { meldAan } from "@/lib/auth/__mocks__/actor";
import { getDb } from "@/lib/db/client";
import { maakPijplijnOmgeving, type PijplijnOmgeving, contactpersoonVan } from "@/lib/leveringen/pijplijn.testhulp";
import {
  startUploadRoute as start,
  uploadStatusRoute as status,
  deelRoute as deel,
  voltooiRoute as voltooi,
} from "./upload-routes.testhulp";

vi.mock("@/lib/auth/actor");

let omg: PijplijnOmgeving;
let sanne: Actor;
let backup: Actor;
let youssef: Actor;

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
  sanne = contactpersoonVan(omg.enschede, "Sanne");
  youssef = contactpersoonVan(omg.amsterdam, "Youssef");
  const b = await getDb().user.create({
    data: { email: "backup@enschede.example.nl", naam: "Back-up", rol: "BACKUP", berichtgeverId: omg.enschede.id },
  });
  backup = { userId: b.id, email: b.email, naam: b.naam, rol: "BACKUP", berichtgeverId: omg.enschede.id };
});
afterAll(async () => omg?.close());
beforeEach(() => {
  meldAan(sanne);
});

const URL_BASIS = "http://localhost/api/uploads";
// What Next.js passes to a route without dynamic segments.
const geen = { params: Promise.resolve(undefined) };
const json = (body: unknown, query = "") =>
  new Request(`${URL_BASIS}${query}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

describe("the upload API", () => {
  it("refuses anonymous visitors, and a wrong name at once with the expected name", async () => {
    meldAan(null);
    expect((await start(json({ bestandsnaam: "a.zip", grootte: 1 }), geen)).status).toBe(401);
    meldAan(sanne);
    const r = await start(json({ bestandsnaam: "SWI_0363_0363_20253.XML", grootte: 1000 }), geen);
    expect(r.status).toBe(422);
    expect(await r.json()).toMatchObject({
      code: "BERICHTGEVER",
      verwachteNaam: "SWI_0153_0363_20253.XML",
      melding: expect.stringContaining("SWI_0153_0363_20253.XML"),
    });
    expect((await start(json({ bestandsnaam: "a.zip", grootte: 200 * 1024 * 1024 + 1 }), geen)).status).toBe(413);
    expect((await start(json({ naam: "x" }), geen)).status).toBe(400);
    // Another berichtgever's code: as if it does not exist.
    expect((await start(json({ bestandsnaam: "a.zip", grootte: 10 }, "?berichtgever=0363"), geen)).status).toBe(404);
  });

  it("uploads in parts, resumes, completes, and answers 409 for the same file again", async () => {
    const bestand = crypto.randomBytes(8388608 + 1000);
    const r = await start(json({ bestandsnaam: "levering.zip", grootte: bestand.length }, "?berichtgever=0153"), geen);
    expect(r.status).toBe(201);
    const { uploadId, deelGrootte, delen } = (await r.json()) as {
      uploadId: string;
      deelGrootte: number;
      delen: number;
    };
    expect({ deelGrootte, delen }).toEqual({ deelGrootte: 8388608, delen: 2 });
    const p = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ uploadId, ...extra }) });
    const put = (n: number, data: Buffer) =>
      deel(
        new Request(`${URL_BASIS}/${uploadId}/delen/${n}`, {
          method: "PUT",
          body: new Uint8Array(data),
          headers: { "content-type": "application/octet-stream" },
        }),
        p({ n: String(n) }),
      );

    expect((await put(1, bestand.subarray(deelGrootte))).status).toBe(204);
    expect(await (await status(new Request(`${URL_BASIS}/${uploadId}`), p())).json()).toMatchObject({
      ontvangenDelen: [1],
    });
    const onvolledig = await voltooi(new Request(`${URL_BASIS}/${uploadId}/voltooien`, { method: "POST" }), p());
    expect(onvolledig.status).toBe(422);

    // Someone else's upload does not exist for them.
    meldAan(youssef);
    expect((await put(0, bestand.subarray(0, deelGrootte))).status).toBe(404);
    expect((await status(new Request(`${URL_BASIS}/${uploadId}`), p())).status).toBe(404);
    meldAan(sanne);

    expect((await put(0, bestand.subarray(0, deelGrootte))).status).toBe(204);
    const klaar = await voltooi(new Request(`${URL_BASIS}/${uploadId}/voltooien`, { method: "POST" }), p());
    expect(klaar.status).toBe(201);
    const body = (await klaar.json()) as {
      aanleveringId: string;
      leveringen: { bestandsnaam: string; status: string }[];
    };
    expect(body.leveringen).toEqual([expect.objectContaining({ bestandsnaam: "levering.zip", status: "ONTVANGEN" })]);
    expect((await getDb().aanlevering.findUniqueOrThrow({ where: { id: body.aanleveringId } })).sha256).toBe(
      crypto.createHash("sha256").update(bestand).digest("hex"),
    );
    expect((await status(new Request(`${URL_BASIS}/${uploadId}`), p())).status).toBe(404);

    // A back-up user may upload too; the same bytes again are a duplicate.
    meldAan(backup);
    const r2 = await start(json({ bestandsnaam: "nogmaals.zip", grootte: bestand.length }), geen);
    const id2 = ((await r2.json()) as { uploadId: string }).uploadId;
    const p2 = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ uploadId: id2, ...extra }) });
    for (const n of [0, 1]) {
      const stuk = bestand.subarray(n * deelGrootte, (n + 1) * deelGrootte);
      const antwoord = await deel(
        new Request(`${URL_BASIS}/${id2}/delen/${n}`, { method: "PUT", body: stuk }),
        p2({ n: String(n) }),
      );
      expect(antwoord.status).toBe(204);
    }
    const dubbel = await voltooi(new Request(`${URL_BASIS}/${id2}/voltooien`, { method: "POST" }), p2());
    expect(dubbel.status).toBe(409);
    expect(((await dubbel.json()) as { melding: string }).melding).toMatch(/al eerder aangeleverd/);
  });

  it("refuses a part that is too large before storing it", async () => {
    const r = await start(json({ bestandsnaam: "klein.zip", grootte: 10 }), geen);
    const { uploadId } = (await r.json()) as { uploadId: string };
    const antwoord = await deel(
      new Request(`${URL_BASIS}/${uploadId}/delen/0`, { method: "PUT", body: Buffer.alloc(11) }),
      { params: Promise.resolve({ uploadId, n: "0" }) },
    );
    expect(antwoord.status).toBe(422);
  });
});
