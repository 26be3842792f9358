/**
 * The vendor API through its real route handlers (called with a Request, as Next does), against a
 * real database and the encrypted local storage.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postLevering } from "@/app/api/v1/leveringen/route";
import { GET as getLevering } from "@/app/api/v1/leveringen/[id]/route";
import { GET as getSignaleringslijst } from "@/app/api/v1/leveringen/[id]/signaleringslijst/route";
import { GET as getSpiegelrapport } from "@/app/api/v1/leveringen/[id]/spiegelrapport/route";
import { maakApiToken, trekApiTokenIn } from "@/lib/api-tokens/beheer";
import { closeDb } from "@/lib/db/client";
import { maakTestDatabase, type TestDatabase } from "@/lib/db/database.testhulp";
import { sluitJobVerzender } from "@/lib/jobs/boss";
import { maakLevering, maakTestwereld, type Testwereld } from "@/lib/leveringen/testwereld.testhulp";
import { voorbeeldRapport } from "@/lib/spiegelrapport/voorbeeldrapport.testhulp";
import { opslagUitOmgeving } from "@/lib/storage";
import { genereerLevering } from "@/lib/swi/testhulp/generator";
import { vergeetLimieten } from "@/lib/limieten";
import { schemaFouten } from "@/lib/api-v1/openapi-schema.testhulp";
import { voerActieUit } from "@/lib/acties/context";

const ENV_NAMEN = [
  "DATABASE_URL",
  "SWI_STORAGE_DIR",
  "SWI_ENCRYPTION_KEY",
  "SWI_VAR_DIR",
  "NEXTAUTH_SECRET",
  "SMTP_URL",
  "APP_URL",
  "SWI_MAX_UPLOAD_BYTES",
] as const;
const vorigeEnv: Record<string, string | undefined> = {};

let t: TestDatabase;
let w: Testwereld;
let map: string;
let token0153: { token: string; id: string; prefix: string };
let token0363: { token: string; id: string; prefix: string };

beforeAll(async () => {
  for (const n of ENV_NAMEN) vorigeEnv[n] = process.env[n];
  t = await maakTestDatabase();
  map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-api-"));
  Object.assign(process.env, {
    DATABASE_URL: t.url,
    SWI_VAR_DIR: map,
    SWI_STORAGE_DIR: path.join(map, "opslag"),
    SWI_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: "api-test-geheim-0123456789abcdef0123456789",
    SMTP_URL: "smtp://127.0.0.1:1",
    APP_URL: "http://portaal.test",
  });
  delete process.env.SWI_MAX_UPLOAD_BYTES;
  w = await maakTestwereld(t.db);
  token0153 = await voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "Leverancier Enschede"));
  token0363 = await voerActieUit(w.contact0363, (ctx) => maakApiToken(ctx, "0363", "Leverancier Amsterdam"));
});

afterAll(async () => {
  await sluitJobVerzender();
  await closeDb();
  await t?.close();
  for (const n of ENV_NAMEN) {
    if (vorigeEnv[n] === undefined) delete process.env[n];
    else process.env[n] = vorigeEnv[n];
  }
  fs.rmSync(map, { recursive: true, force: true });
});

function verzoek(pad: string, token: string | null, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set("authorization", `Bearer ${token}`);
  return new Request(`http://portaal.test${pad}`, { ...init, headers });
}

const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

async function status(id: string, token: string, query = "") {
  return getLevering(verzoek(`/api/v1/leveringen/${id}${query}`, token), ctx({ id }));
}

async function verwerkteLevering(berichtgever: "0153" | "0363") {
  const { rapport, bestandSignalen } = voorbeeldRapport();
  const l = await maakLevering(t.db, {
    berichtgeverId: w.berichtgever[berichtgever],
    gemeentecode: berichtgever,
    statistiekjaar: 2026,
    statistiekkwartaal: 1,
    status: "VERWERKT",
    verwerktOp: new Date(),
    spiegelrapport: { ...rapport, gemeentecode: berichtgever, berichtgevercode: berichtgever },
  });
  await t.db.levering.update({
    where: { id: l.id },
    data: { bestandSignalen: bestandSignalen as never, aantalPersonen: rapport.personen, aantalSignalen: 1 },
  });
  return { levering: l, rapport };
}

async function metLijst(leveringId: string, opties: { verlooptOp?: Date; verwijderdOp?: Date } = {}) {
  const csv = `\uFEFFBSN;Regel\r\n"123456782";P09\r\n`;
  const csvSleutel = `signaleringslijsten/${leveringId}.csv`;
  await opslagUitOmgeving().schrijf(csvSleutel, Readable.from([Buffer.from(csv)]));
  await t.db.signaleringslijst.create({
    data: {
      leveringId,
      verlooptOp: opties.verlooptOp ?? new Date(Date.now() + 14 * 86_400_000),
      verwijderdOp: opties.verwijderdOp ?? null,
      csvSleutel,
      xlsxSleutel: `signaleringslijsten/${leveringId}.xlsx`,
      aantalSignalen: 1,
    },
  });
  return csv;
}

describe("authentication", () => {
  it("401 with a Bearer challenge without a token, and invalid_token for an unknown or revoked one", async () => {
    const { levering } = await verwerkteLevering("0153");
    const zonder = await getLevering(verzoek(`/api/v1/leveringen/${levering.id}`, null), ctx({ id: levering.id }));
    expect(zonder.status).toBe(401);
    expect(zonder.headers.get("www-authenticate")).toBe('Bearer realm="SWI berichtgeversportaal"');
    expect((await zonder.json()).melding).toMatch(/Authorization: Bearer/);

    const onbekend = await status(levering.id, "swi_onbekend");
    expect(onbekend.status).toBe(401);
    expect(onbekend.headers.get("www-authenticate")).toContain('error="invalid_token"');

    const { token, id } = await voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "Wordt ingetrokken"));
    expect((await status(levering.id, token)).status).toBe(200);
    await voerActieUit(w.contact0153, (ctx) => trekApiTokenIn(ctx, "0153", id));
    for (const res of [
      await status(levering.id, token),
      await getSpiegelrapport(verzoek(`/x`, token), ctx({ id: levering.id })),
      await getSignaleringslijst(verzoek(`/x`, token), ctx({ id: levering.id })),
      await postLevering(verzoek(`/api/v1/leveringen`, token, { method: "POST", body: new FormData() }), ctx({})),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("invalid_token");
    }
  });
});

describe("rate limit", () => {
  it("429 with Retry-After once a token exceeds its requests per minute; other tokens go on", async () => {
    const vorige = process.env.SWI_LIMIET_API_PER_MINUUT;
    process.env.SWI_LIMIET_API_PER_MINUUT = "3";
    await vergeetLimieten();
    try {
      const eigen = await voerActieUit(w.contact0153, (ctx) => maakApiToken(ctx, "0153", "Ongeduldige leverancier"));
      const { levering } = await verwerkteLevering("0153");
      for (let i = 0; i < 3; i++) expect((await status(levering.id, eigen.token)).status).toBe(200);
      const teVeel = await status(levering.id, eigen.token);
      expect(teVeel.status).toBe(429);
      expect(Number(teVeel.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await teVeel.json()).melding).toMatch(/Te veel verzoeken/);
      expect((await status(levering.id, token0153.token)).status).toBe(200);
    } finally {
      if (vorige === undefined) delete process.env.SWI_LIMIET_API_PER_MINUUT;
      else process.env.SWI_LIMIET_API_PER_MINUUT = vorige;
      await vergeetLimieten();
    }
  });
});

describe("tenant isolation", () => {
  it("a token of 0153 gets 404 for every resource of a 0363 delivery; 0363's own token gets it", async () => {
    const { levering } = await verwerkteLevering("0363");
    await metLijst(levering.id);
    const id = levering.id;
    const antwoorden = [
      await status(id, token0153.token),
      await getSpiegelrapport(verzoek(`/x`, token0153.token), ctx({ id })),
      await getSignaleringslijst(verzoek(`/x`, token0153.token), ctx({ id })),
    ];
    for (const res of antwoorden) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ melding: "Niet gevonden" });
    }
    expect(
      await t.db.auditLog.count({
        where: { actie: "download.signaleringslijst", berichtgeverId: w.berichtgever["0363"] },
      }),
    ).toBe(0);
    expect((await status(id, token0363.token)).status).toBe(200);
    // A malformed id is a 404 before any query.
    expect((await status("../../etc", token0153.token)).status).toBe(404);
  });
});

describe("GET /api/v1/leveringen/{id}", () => {
  it("returns status, counts, links and the technical errors page by page, as documented", async () => {
    const l = await maakLevering(t.db, {
      berichtgeverId: w.berichtgever["0153"],
      status: "AFGEKEURD",
      aantalFouten: 180,
      verwerktOp: new Date(),
    });
    await t.db.leveringFout.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        leveringId: l.id,
        volgnummer: i + 1,
        regelnummer: 10 + i,
        kenmerk: 15,
        regel: "T04",
        bericht: `Ongeldige datum ${i + 1}`,
      })),
    });
    const eerste = await status(l.id, token0153.token);
    expect(eerste.status).toBe(200);
    expect(eerste.headers.get("cache-control")).toBe("no-store");
    const p1 = await eerste.json();
    expect(schemaFouten("Levering", p1)).toEqual([]);
    expect(p1).toMatchObject({
      id: l.id,
      status: "AFGEKEURD",
      eindstatus: true,
      aantallen: { fouten: 180 },
      fouten: { totaal: 180, opgeslagen: 150, pagina: 1, aantalPaginas: 2 },
      links: { self: `/api/v1/leveringen/${l.id}`, spiegelrapport: null, signaleringslijst: null },
    });
    expect(p1.fouten.items).toHaveLength(100);
    expect(p1.fouten.items[0]).toEqual({
      volgnummer: 1,
      regelnummer: 10,
      kenmerk: 15,
      regel: "T04",
      bericht: "Ongeldige datum 1",
    });
    expect(p1.fouten.volgende).toBe(`/api/v1/leveringen/${l.id}?foutenPagina=2`);
    expect(p1.links.portaal).toBe(`http://portaal.test/berichtgever/0153/leveringen/${l.id}`);

    const p2 = await (await status(l.id, token0153.token, "?foutenPagina=2")).json();
    expect(p2.fouten.items.map((f: { volgnummer: number }) => f.volgnummer)).toEqual(
      Array.from({ length: 50 }, (_, i) => 101 + i),
    );
    expect(p2.fouten.volgende).toBeNull();
  });

  it("a processed delivery links its spiegelrapport and available signaleringslijst", async () => {
    const { levering } = await verwerkteLevering("0153");
    await metLijst(levering.id);
    const body = await (await status(levering.id, token0153.token)).json();
    expect(schemaFouten("Levering", body)).toEqual([]);
    expect(body.links.spiegelrapport).toBe(`/api/v1/leveringen/${levering.id}/spiegelrapport`);
    expect(body.links.signaleringslijst).toBe(`/api/v1/leveringen/${levering.id}/signaleringslijst`);
    expect(body.signaleringslijst).toMatchObject({ aantalSignalen: 1, beschikbaar: true });
  });
});

describe("GET /api/v1/leveringen/{id}/spiegelrapport", () => {
  it("returns the engine's spiegelrapport as documented", async () => {
    const { levering, rapport } = await verwerkteLevering("0153");
    const res = await getSpiegelrapport(verzoek(`/x`, token0153.token), ctx({ id: levering.id }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(schemaFouten("SpiegelrapportAntwoord", body)).toEqual([]);
    expect(body.spiegelrapport.rijen).toEqual(rapport.rijen);
    expect(body.spiegelrapport.signalenPerRegel.P09).toBe(1);
    expect(body.berichtgever).toEqual({ code: "0153", naam: "Gemeente Enschede" });
    expect(body.gemeente.code).toBe("0153");
  });

  it("409 with the status while there is none", async () => {
    for (const s of ["ONTVANGEN", "STATISTISCHE_CONTROLE", "AFGEKEURD"] as const) {
      const l = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: s });
      const res = await getSpiegelrapport(verzoek(`/x`, token0153.token), ctx({ id: l.id }));
      expect(res.status).toBe(409);
      const body = await res.json();
      expect(body.status).toBe(s);
      expect(schemaFouten("Fout", body)).toEqual([]);
    }
  });
});

describe("GET /api/v1/leveringen/{id}/signaleringslijst", () => {
  it("streams the CSV and audits the download with the token as actor", async () => {
    const { levering } = await verwerkteLevering("0153");
    const csv = await metLijst(levering.id);
    const voor = await t.db.auditLog.count({ where: { actie: "download.signaleringslijst" } });
    const res = await getSignaleringslijst(verzoek(`/x`, token0153.token), ctx({ id: levering.id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="signaleringslijst_SWI_0153_0153_20261\.csv"$/,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    // Bytes, not res.text(): text decoding would drop the BOM the spreadsheet needs.
    expect(Buffer.from(await res.arrayBuffer()).toString("utf8")).toBe(csv);

    const audit = await t.db.auditLog.findMany({
      where: { actie: "download.signaleringslijst" },
      orderBy: { id: "asc" },
    });
    expect(audit).toHaveLength(voor + 1);
    const rij = audit[audit.length - 1]!;
    expect(rij.actorEmail).toBe(`api-token:${token0153.prefix}`);
    expect(rij.berichtgeverId).toBe(w.berichtgever["0153"]);
    expect(rij.details).toMatchObject({ leveringId: levering.id, formaat: "csv" });
    expect(JSON.stringify(rij.details)).not.toContain("123456782");
  });

  it("410 after expiry or deletion, without an audit entry", async () => {
    const verlopen = (await verwerkteLevering("0153")).levering;
    await metLijst(verlopen.id, { verlooptOp: new Date(Date.now() - 1000) });
    const verwijderd = (await verwerkteLevering("0153")).levering;
    await metLijst(verwijderd.id, { verwijderdOp: new Date(), verlooptOp: new Date(Date.now() + 86_400_000) });
    const voor = await t.db.auditLog.count({ where: { actie: "download.signaleringslijst" } });
    for (const l of [verlopen, verwijderd]) {
      const res = await getSignaleringslijst(verzoek(`/x`, token0153.token), ctx({ id: l.id }));
      expect(res.status).toBe(410);
      expect((await res.json()).melding).toMatch(/verlopen/);
    }
    expect(await t.db.auditLog.count({ where: { actie: "download.signaleringslijst" } })).toBe(voor);
  });

  it("409 while the delivery is still being processed, 404 when a processed one has no list", async () => {
    const bezig = await maakLevering(t.db, { berichtgeverId: w.berichtgever["0153"], status: "TECHNISCHE_CONTROLE" });
    expect((await getSignaleringslijst(verzoek(`/x`, token0153.token), ctx({ id: bezig.id }))).status).toBe(409);
    const { levering } = await verwerkteLevering("0153");
    expect((await getSignaleringslijst(verzoek(`/x`, token0153.token), ctx({ id: levering.id }))).status).toBe(404);
  });
});

describe("POST /api/v1/leveringen", () => {
  const xml = (kwartaal: 1 | 2 | 3 | 4, seed: string) =>
    genereerLevering({
      berichtgevercode: "0153",
      gemeentecode: "0153",
      statistiekjaar: 2026,
      kwartaal,
      aantalPersonen: 5,
      seed,
    }).xml();

  function upload(bestand: Blob | null, naam: string, token = token0153.token, veld = "bestand"): Request {
    const form = new FormData();
    if (bestand) form.append(veld, bestand, naam);
    else form.append("iets", "anders");
    return verzoek("/api/v1/leveringen", token, { method: "POST", body: form });
  }

  it("receives a delivery: 201 with the deliveries and their status URLs; the same file again is 409", async () => {
    const inhoud = xml(2, "api-upload");
    // As Next calls a route without dynamic segments: no params.
    const res = await postLevering(upload(new Blob([inhoud]), "SWI_0153_0153_20262.XML"));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(schemaFouten("Aanlevering", body)).toEqual([]);
    expect(body.leveringen).toHaveLength(1);
    const [l] = body.leveringen;
    expect(l).toMatchObject({ bestandsnaam: "SWI_0153_0153_20262.XML", gemeentecode: "0153", status: "ONTVANGEN" });
    expect(l.url).toBe(`/api/v1/leveringen/${l.id}`);
    expect(res.headers.get("location")).toBe(l.url);

    const rij = await t.db.levering.findUniqueOrThrow({ where: { id: l.id }, include: { aanlevering: true } });
    expect(rij.bron).toBe("API");
    expect(rij.berichtgeverId).toBe(w.berichtgever["0153"]);
    expect(rij.aanlevering?.apiTokenId).toBe(token0153.id);
    expect(Number(rij.grootte)).toBe(Buffer.byteLength(inhoud));
    expect(rij.sha256).toBe(crypto.createHash("sha256").update(inhoud).digest("hex"));
    // The status URL answers for this token.
    expect((await status(l.id, token0153.token)).status).toBe(200);
    expect((await status(l.id, token0363.token)).status).toBe(404);

    const nogEens = await postLevering(upload(new Blob([inhoud]), "SWI_0153_0153_20262.XML"), ctx({}));
    expect(nogEens.status).toBe(409);
    expect(await nogEens.json()).toMatchObject({ code: "DUBBEL" });
  });

  it("refuses wrong names (422), another berichtgever's file (422), empty files (422)", async () => {
    const naam = await postLevering(upload(new Blob(["<x/>"]), "levering.xml"), ctx({}));
    expect(naam.status).toBe(422);
    expect(await naam.json()).toMatchObject({ code: "NAAM" });

    const ander = await postLevering(upload(new Blob(["<x/>"]), "SWI_0363_0363_20262.XML"), ctx({}));
    expect(ander.status).toBe(422);
    const a = await ander.json();
    expect(a).toMatchObject({ code: "BERICHTGEVER", verwachteNaam: "SWI_0153_0363_20262.XML" });
    expect(schemaFouten("Fout", a)).toEqual([]);

    const leeg = await postLevering(upload(new Blob([]), "SWI_0153_0153_20263.XML"), ctx({}));
    expect(leeg.status).toBe(422);
    expect(await leeg.json()).toMatchObject({ code: "LEEG" });
  });

  it("400 without a file part, 415 when not multipart", async () => {
    expect((await postLevering(upload(null, ""), ctx({}))).status).toBe(400);
    expect(
      (await postLevering(upload(new Blob(["x"]), "SWI_0153_0153_20262.XML", token0153.token, "file"), ctx({}))).status,
    ).toBe(400);
    const json = verzoek("/api/v1/leveringen", token0153.token, {
      method: "POST",
      body: JSON.stringify({ bestand: "x" }),
      headers: { "content-type": "application/json" },
    });
    expect((await postLevering(json, ctx({}))).status).toBe(415);
  });

  it("413 when the file is larger than allowed, by Content-Length or while streaming", async () => {
    process.env.SWI_MAX_UPLOAD_BYTES = "2000";
    try {
      const groot = "x".repeat(3000);
      const metLengte = upload(new Blob([groot]), "SWI_0153_0153_20264.XML");
      // FormData bodies carry a Content-Length only once serialised; give it explicitly.
      const body = Buffer.from(await metLengte.arrayBuffer());
      const r1 = await postLevering(
        verzoek("/api/v1/leveringen", token0153.token, {
          method: "POST",
          body: new Uint8Array(body).buffer.slice(0) as ArrayBuffer,
          headers: {
            "content-type": metLengte.headers.get("content-type")!,
            "content-length": String(body.length + 70_000),
          },
        }),
        ctx({}),
      );
      expect(r1.status).toBe(413);
      const r2 = await postLevering(upload(new Blob([groot]), "SWI_0153_0153_20264.XML"), ctx({}));
      expect(r2.status).toBe(413);
      expect(await r2.json()).toMatchObject({ code: "TE_GROOT" });
    } finally {
      delete process.env.SWI_MAX_UPLOAD_BYTES;
    }
    expect(await t.db.levering.count({ where: { bestandsnaam: "SWI_0153_0153_20264.XML" } })).toBe(0);
  });

  it("streams the file part to storage while the body is still arriving", async () => {
    const grens = "----swi-test-grens";
    const kop = Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="SWI_0153_0153_20254.XML"\r\n` +
        `Content-Type: application/xml\r\n\r\n`,
    );
    const staart = Buffer.from(`\r\n--${grens}--\r\n`);
    const STUK = 256 * 1024;
    const STUKKEN = 32; // 8 MB
    let gestuurd = 0;
    let opgeslagenBijLaatsteStuk = -1;
    const opslagMap = process.env.SWI_STORAGE_DIR!;
    const grootteOpSchijf = (): number => {
      let n = 0;
      const loop = (m: string) => {
        if (!fs.existsSync(m)) return;
        for (const e of fs.readdirSync(m, { withFileTypes: true })) {
          const p = path.join(m, e.name);
          if (e.isDirectory()) loop(p);
          else n += fs.statSync(p).size;
        }
      };
      loop(opslagMap);
      return n;
    };
    const voorUpload = grootteOpSchijf();
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (gestuurd === 0) c.enqueue(kop);
        if (gestuurd < STUKKEN) {
          if (gestuurd === STUKKEN - 1) opgeslagenBijLaatsteStuk = grootteOpSchijf() - voorUpload;
          c.enqueue(new Uint8Array(STUK).fill(0x41 + (gestuurd % 26)));
          gestuurd++;
        } else {
          c.enqueue(staart);
          c.close();
        }
      },
    });
    const req = verzoek("/api/v1/leveringen", token0153.token, {
      method: "POST",
      body,
      headers: { "content-type": `multipart/form-data; boundary=${grens}` },
      duplex: "half",
    } as RequestInit);
    const res = await postLevering(req, ctx({}));
    expect(res.status).toBe(201);
    // Most of the file was already encrypted on disk before the last chunk was even produced.
    expect(opgeslagenBijLaatsteStuk).toBeGreaterThan((STUK * STUKKEN) / 2);
    const { leveringen } = await res.json();
    const rij = await t.db.levering.findUniqueOrThrow({ where: { id: leveringen[0].id } });
    expect(Number(rij.grootte)).toBe(STUK * STUKKEN);
  });
});
