/**
 * Hostile uploads at both doors, through their route handlers as Next calls them: the chunked
 * browser upload (app/api/uploads) and the vendor API (POST /api/v1/leveringen). Too large (by
 * the declared size, by Content-Length, and a body that lies about its length and keeps
 * sending), not what it claims to be, and names that try to reach outside the storage. Every
 * refusal answers in Dutch; a body is cut off, never read to its (endless) end; nothing is stored
 * under a name the sender chose or outside the storage folder; and an earlier accepted delivery
 * of the same berichtgever stays exactly as it was.
 */
import { ontsleutelFoutbericht } from "@/lib/leveringen/foutberichten";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { maakApiToken } from "@/lib/api-tokens/beheer";
import type { Actor } from "@/lib/auth/actor";
import { meldAan } from "@/lib/auth/__mocks__/actor";
import { getDb } from "@/lib/db/client";
import { maakZip } from "@/lib/swi/technisch/fixtures.testhulp";
import { DEEL_GROOTTE } from "@/lib/leveringen/uploadsessie";
import {
  genereer,
  maakPijplijnOmgeving,
  opgeslagen,
  type PijplijnOmgeving,
  contactpersoonVan,
} from "@/lib/leveringen/pijplijn.testhulp";
import { verwerkAanlevering } from "@/lib/leveringen/verwerking";
import { voerActieUit } from "@/lib/acties/context";
import {
  startUploadRoute as start,
  deelRoute as deel,
  voltooiRoute as voltooi,
  apiLeveringRoute as postLevering,
} from "./upload-routes.testhulp";

vi.mock("@/lib/auth/actor");

/** Small, so that "past the limit" costs the test little; the code paths are the same at 200 MB. */
const MAX = 256 * 1024;
/** lib/api-v1/upload.ts allows this much multipart framing around the file. */
const MARGE = 64 * 1024;
const STUK = 16 * 1024;
/** What the web stream, its Node adapter and the pipe may hold between them: a few 16 KiB buffers. */
const BUFFERS = 4 * STUK;

let omg: PijplijnOmgeving;
let sanne: Actor;
let token: string;
let opslagMap: string;

/** The earlier, accepted delivery that no refusal may touch. */
let eerder: { aanleveringId: string; foto: unknown };

async function fotoVan(aanleveringId: string) {
  const db = getDb();
  const a = await db.aanlevering.findUniqueOrThrow({ where: { id: aanleveringId }, include: { leveringen: true } });
  const ruw = fs.readFileSync(path.join(opslagMap, ...a.opslagSleutel!.split("/")));
  return { a, versleuteld: crypto.createHash("sha256").update(ruw).digest("hex") };
}

async function verwachtEerdereOngeschonden() {
  expect(await fotoVan(eerder.aanleveringId)).toEqual(eerder.foto);
}

const openBronnen: { stop: () => void }[] = [];
afterEach(() => {
  // A failing test must not leave an endless body being read in the background.
  for (const b of openBronnen.splice(0)) b.stop();
});

/**
 * A request body that never ends (unless told to), counting what it hands out and whether the
 * reader cancelled it: the proof that a route cut it off instead of reading on.
 */
function eindelozeBody(kop: Buffer = Buffer.alloc(0)) {
  const stand = { gestuurd: 0, geannuleerd: false, gestopt: false };
  const stroom = new ReadableStream<Uint8Array>({
    async pull(c) {
      // As from a socket: each chunk in a later turn of the event loop, so that timers still run.
      await new Promise((r) => setImmediate(r));
      if (stand.gestopt) return c.close();
      const stuk = stand.gestuurd === 0 && kop.length > 0 ? kop : new Uint8Array(STUK).fill(0x41);
      stand.gestuurd += stuk.length;
      c.enqueue(stuk);
    },
    cancel() {
      stand.geannuleerd = true;
    },
  });
  openBronnen.push({ stop: () => (stand.gestopt = true) });
  return { stroom, stand };
}

/**
 * After the answer (a refused request may still be drained up to the limit, so that the client
 * gets to read it): the body was cancelled, is read no more, and was read no further than `grens`.
 */
async function verwachtAfgekapt(stand: { gestuurd: number; geannuleerd: boolean }, grens: number) {
  const rust = () => new Promise((r) => setTimeout(r, 250));
  await rust();
  const na = stand.gestuurd;
  await rust();
  expect(stand.geannuleerd, "de body is niet afgebroken").toBe(true);
  expect(stand.gestuurd, "de body wordt nog steeds gelezen").toBe(na);
  // Past the limit only what the stream buffers between the socket and the check hold.
  expect(stand.gestuurd).toBeLessThanOrEqual(grens + BUFFERS);
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const SLEUTEL = new RegExp(`^(aanleveringen/0153/${UUID}|uploads/[a-z0-9]+/[0-9]+)$`);

function bestandenOnder(map: string): string[] {
  if (!fs.existsSync(map)) return [];
  return fs
    .readdirSync(map, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(map, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

/**
 * Every file the uploads left is in the storage folder under a key made of the berichtgever's
 * code and a random id (or an upload id and part number), never under a name the sender chose,
 * and nothing of a hostile name appears anywhere in this test's folder or the temp folder.
 */
function verwachtAlleenEigenSleutels(vijandig: readonly string[]) {
  const buiten = bestandenOnder(omg.map).filter((p) => !p.startsWith("opslag/") && !p.startsWith("mail/"));
  expect(buiten).toEqual([]);
  for (const sleutel of bestandenOnder(opslagMap)) expect(sleutel).toMatch(SLEUTEL);
  const sporen = vijandig
    .flatMap((n) => n.split(/[\\/]/))
    .filter((deel) => deel.length > 2 && deel !== "..")
    .map((deel) => deel.toLowerCase());
  // Only what appeared in the temp folder since this file started counts (other runs leave their own
  // folders there), and only a name that begins with a part of the hostile name: mkdtemp's random
  // suffixes contain short parts such as "etc" by chance.
  const nieuwInTmp = fs.readdirSync(os.tmpdir()).filter((n) => !tmpVooraf.has(n));
  const namen = [...bestandenOnder(omg.map).flatMap((p) => p.split("/")), ...nieuwInTmp].map((n) => n.toLowerCase());
  for (const spoor of sporen) expect(namen.filter((n) => n.startsWith(spoor))).toEqual([]);
}

const tmpVooraf = new Set(fs.readdirSync(os.tmpdir()));

beforeAll(async () => {
  omg = await maakPijplijnOmgeving({ SWI_MAX_UPLOAD_BYTES: String(MAX) });
  opslagMap = omg.env.SWI_STORAGE_DIR!;
  sanne = contactpersoonVan(omg.enschede, "Sanne");
  meldAan(sanne);
  token = (await voerActieUit(sanne, (ctx) => maakApiToken(ctx, "0153", "Leverancier Enschede"))).token;
  const g = genereer({ statistiekjaar: 2025, kwartaal: 1, aantalPersonen: 5, seed: "eerder" });
  const r = await postLevering(v1Formulier(g.bestandsnaam, Buffer.from(g.xml())));
  expect(r.status).toBe(201);
  const { aanleveringId } = (await r.json()) as { aanleveringId: string };
  eerder = { aanleveringId, foto: await fotoVan(aanleveringId) };
  eerderXml = Buffer.from(g.xml());
});
afterAll(async () => omg?.close());
let eerderXml: Buffer;

// ————— the vendor API —————

const GRENS = "----swi-vijandig";

/** A multipart body with one file part; the name goes in filename* (RFC 5987) so every byte of it arrives as meant. */
function multipartKop(naam: string, kale = false): Buffer {
  const filename = kale ? `filename="${naam}"` : `filename*=UTF-8''${encodeURIComponent(naam)}`;
  return Buffer.from(
    `--${GRENS}\r\nContent-Disposition: form-data; name="bestand"; ${filename}\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
}
const multipartStaart = Buffer.from(`\r\n--${GRENS}--\r\n`);

function v1(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request("http://portaal.test/api/v1/leveringen", {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${GRENS}`, ...headers },
    duplex: "half",
  } as RequestInit);
}

function v1Formulier(naam: string, inhoud: Buffer, kale = false): Request {
  return v1(new Uint8Array(Buffer.concat([multipartKop(naam, kale), inhoud, multipartStaart])));
}

async function antwoord(r: Response): Promise<{ status: number; melding: string; code?: string }> {
  const body = (await r.json()) as { melding: string; code?: string };
  return { status: r.status, ...body };
}

/** Plain Dutch: one of the sentences the portal refuses with, never a stack trace or an English error. */
const NEDERLANDS =
  /(bestand|bestandsnaam|verzoek|deel|grens|aanleveren|aangeleverd|Stuur)\b[^]*\b(de|het|een|is|zijn|niet|of)\b/;

function verwachtNederlands(melding: string) {
  expect(melding).toMatch(NEDERLANDS);
  expect(melding).not.toMatch(/Error|ENOENT|at \w+ \(|undefined|\/tmp\/|\/work\//);
}

const VIJANDIGE_NAMEN = [
  "../../etc/passwd",
  "..\\x.xml",
  "../SWI_0153_0153_20252.XML",
  "..\\..\\SWI_0153_0153_20252.XML",
  "/etc/passwd",
  "C:\\Windows\\win.ini",
  "SWI_0153_0153_20252.XML\u0000.zip",
  "levering\u0000.zip",
  `${"a".repeat(300)}.zip`,
  "SWI_0153_0153_20252.\u0425ML", // Cyrillic Ха for the X
  "SWI_\uff10\uff11\uff15\uff13_0153_20252.XML", // full-width digits
  "levering.z\u0456p", // Cyrillic і for the i
  "rapport\u202Elmx.zip", // right-to-left override: shows as "rapportpiz.xml"
  "levering\u200B.zip", // zero-width space
  "..",
  "",
] as const;

describe("the vendor API (POST /api/v1/leveringen) refuses", () => {
  it("a file name that climbs, is absolute, holds NUL or invisible characters, is too long or looks alike", async () => {
    const voor = await getDb().aanlevering.count();
    for (const naam of VIJANDIGE_NAMEN) {
      const r = await antwoord(await postLevering(v1Formulier(naam, Buffer.from("<x/>"))));
      // An empty name is no file at all to busboy: "no file in the field".
      const verwacht = naam === "" ? { status: 400, code: undefined } : { status: 422, code: "NAAM" };
      expect({ naam, status: r.status, code: r.code }).toEqual({ naam, ...verwacht });
      verwachtNederlands(r.melding);
    }
    // The same names as a plain filename="…" (what most clients send), where it can be written so.
    for (const naam of ["../../etc/passwd", "/etc/passwd", "../SWI_0153_0153_20252.XML"]) {
      const r = await antwoord(await postLevering(v1Formulier(naam, Buffer.from("<x/>"), true)));
      expect({ naam, status: r.status, code: r.code }).toEqual({ naam, status: 422, code: "NAAM" });
    }
    expect(await getDb().aanlevering.count()).toBe(voor);
    verwachtAlleenEigenSleutels(VIJANDIGE_NAMEN);
    await verwachtEerdereOngeschonden();
  });

  it("keeps only the last part of an honest client path, stored under its own key", async () => {
    // .NET and Java clients may send the path they read from; the name is a label, never a path here.
    const g = genereer({ statistiekjaar: 2025, kwartaal: 2, aantalPersonen: 3, seed: "pad" });
    for (const [pad, kwartaal] of [
      [`C:\\Gegevens\\Export\\${g.bestandsnaam}`, 2],
      [`/home/export/${g.bestandsnaam.replace("20252", "20253")}`, 3],
    ] as const) {
      const xml = Buffer.from(g.xml().replace(/<Statistiekkwartaal>2</, `<Statistiekkwartaal>${kwartaal}<`));
      const r = await postLevering(v1Formulier(pad, xml));
      expect(r.status).toBe(201);
      const { aanleveringId } = (await r.json()) as { aanleveringId: string };
      const a = await getDb().aanlevering.findUniqueOrThrow({ where: { id: aanleveringId } });
      expect(a.bestandsnaam).toBe(pad.split(/[\\/]/).pop());
      expect(a.opslagSleutel).toMatch(new RegExp(`^aanleveringen/0153/${UUID}$`));
    }
    verwachtAlleenEigenSleutels([]);
    await verwachtEerdereOngeschonden();
  });

  it("a body that is not multipart/form-data (415), or not valid multipart (400)", async () => {
    const xml = new Uint8Array(eerderXml);
    for (const type of [
      "application/xml",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/mixed; boundary=x",
      "multipart/form-data-x; boundary=x",
      "",
    ]) {
      const r = await antwoord(await postLevering(v1(xml, { "content-type": type })));
      expect({ type, status: r.status }).toEqual({ type, status: 415 });
      expect(r.melding).toBe('Stuur het bestand als multipart/form-data, in het veld "bestand".');
    }
    const zonderGrens = await antwoord(await postLevering(v1(xml, { "content-type": "multipart/form-data" })));
    expect(zonderGrens).toMatchObject({
      status: 400,
      melding: "Het verzoek is geen geldig multipart/form-data-bericht.",
    });
    // Cut off in the middle of the file: refused, and the half file is not kept.
    const half = Buffer.concat([multipartKop("SWI_0153_0153_20254.XML"), eerderXml.subarray(0, 500)]);
    const voor = await opgeslagen("aanleveringen/");
    const afgebroken = await antwoord(await postLevering(v1(new Uint8Array(half))));
    expect(afgebroken).toMatchObject({
      status: 400,
      melding: "Het verzoek is geen geldig multipart/form-data-bericht.",
    });
    expect(await opgeslagen("aanleveringen/")).toEqual(voor);
    await verwachtEerdereOngeschonden();
  });

  it("a Content-Length over the limit at once, without reading the body", async () => {
    const { stroom, stand } = eindelozeBody(multipartKop("SWI_0153_0153_20254.XML"));
    const r = await antwoord(await postLevering(v1(stroom, { "content-length": String(MAX + MARGE + 1) })));
    expect(r).toMatchObject({ status: 413, code: "TE_GROOT" });
    expect(r.melding).toMatch(/groter dan 256 KB|groter dan 262144 bytes|grens voor één aanlevering/);
    verwachtNederlands(r.melding);
    expect(stand.gestuurd).toBeLessThanOrEqual(2 * STUK);
    await verwachtEerdereOngeschonden();
  });

  it("a body that lies about its length and keeps sending: cut off past the limit, not read on", async () => {
    const voor = await opgeslagen("aanleveringen/");
    for (const lengte of ["1000", null]) {
      const { stroom, stand } = eindelozeBody(multipartKop("SWI_0153_0153_20254.XML"));
      const r = await antwoord(await postLevering(v1(stroom, lengte ? { "content-length": lengte } : {})));
      expect(r).toMatchObject({ status: 413, code: "TE_GROOT" });
      verwachtNederlands(r.melding);
      await verwachtAfgekapt(stand, MAX + MARGE);
    }
    // A refused name with an endless body behind it: the answer comes at once, the rest is not read for ever.
    const { stroom, stand } = eindelozeBody(multipartKop("../../etc/passwd"));
    const r = await antwoord(await postLevering(v1(stroom)));
    expect(r).toMatchObject({ status: 422, code: "NAAM" });
    await verwachtAfgekapt(stand, MAX + MARGE);
    expect(await opgeslagen("aanleveringen/")).toEqual(voor);
    await verwachtEerdereOngeschonden();
  });

  it("the earlier file again (409), keeping the earlier delivery and its stored file", async () => {
    const r = await antwoord(await postLevering(v1Formulier("SWI_0153_0153_20251.XML", eerderXml)));
    expect(r).toMatchObject({ status: 409, code: "DUBBEL" });
    expect(r.melding).toMatch(/al eerder aangeleverd/);
    await verwachtEerdereOngeschonden();
  });
});

describe("contents that are not what the name says", () => {
  // Each one different, or the second would be refused as the same file again.
  const PNG = () =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(200)]);
  const PDF = () =>
    Buffer.from(`%PDF-1.4\n% ${crypto.randomUUID()}\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

  async function verwerkt(r: Response) {
    expect(r.status).toBe(201);
    const { aanleveringId, leveringen } = (await r.json()) as { aanleveringId: string; leveringen: { id: string }[] };
    await verwerkAanlevering(aanleveringId);
    const l = await getDb().levering.findUniqueOrThrow({
      where: { id: leveringen[0]!.id },
      include: { fouten: { orderBy: { volgnummer: "asc" } } },
    });
    // Stored encrypted; read as the portal reads them.
    return { ...l, fouten: l.fouten.map((f) => ({ ...f, bericht: ontsleutelFoutbericht(f.bericht, l.id) })) };
  }

  it("are taken in at the door and refused by the technische controle with a clear Dutch message", async () => {
    const gevallen = [
      ["SWI_0153_0153_20244.XML", PNG(), "T02", /geen XML-bestand maar een PNG-afbeelding/],
      ["SWI_0153_0153_20243.XML", PDF(), "T02", /geen XML-bestand maar een PDF-document/],
      [
        "SWI_0153_0153_20242.XML",
        maakZip([{ naam: "SWI_0153_0153_20242.XML", data: eerderXml }]),
        "T02",
        /geen XML-bestand maar een zip-bestand.*\.zip/,
      ],
      ["plaatje.zip", PNG(), "T01", /plaatje\.zip is geen zip-bestand maar een PNG-afbeelding/],
      ["levering.zip", PDF(), "T01", /levering\.zip is geen zip-bestand maar een PDF-document/],
      [
        "los.zip",
        Buffer.concat([eerderXml, Buffer.from("<!-- los -->\n")]),
        "T01",
        /los\.zip is geen zip-bestand maar een XML-bestand/,
      ],
    ] as const;
    for (const [naam, inhoud, regel, tekst] of gevallen) {
      const l = await verwerkt(await postLevering(v1Formulier(naam, inhoud)));
      expect({ naam, status: l.status, regels: l.fouten.map((f) => f.regel) }).toEqual({
        naam,
        status: "AFGEKEURD",
        regels: [regel],
      });
      expect(l.fouten[0]!.bericht).toMatch(tekst);
      verwachtNederlands(l.fouten[0]!.bericht);
    }
    await verwachtEerdereOngeschonden();
  });

  it("a zip whose members climb out, are absolute or hide in a folder: refused whole, nothing unpacked to disk", async () => {
    const lid = (naam: string) => ({ naam, data: eerderXml });
    const gevallen = [
      ["../SWI_0153_0153_20241.XML", /bevat een bestand met "\.\." in het pad/],
      ["..\\..\\SWI_0153_0153_20241.XML", /bevat een bestand met "\.\." in het pad/],
      ["/etc/SWI_0153_0153_20241.XML", /bevat een bestand met een absoluut pad/],
      ["C:\\swi-uit\\SWI_0153_0153_20241.XML", /bevat een bestand met een absoluut pad/],
      ["swi-map/SWI_0153_0153_20241.XML", /bevat een bestand in een map/],
      ["SWI_0153_0153_20241.XML\u0000.txt", /geen SWI-bestand is \("SWI_0153_0153_20241\.XML\\u0000\.txt"\)/],
      [`${"a".repeat(5000)}.XML`, /voldoet niet aan het patroon/],
      ["SWI_0153_0153_20241\u202E.XML", /De naam van "SWI_0153_0153_20241\\u\{202e\}\.XML" .*voldoet niet/],
    ] as const;
    for (const [i, [naam, tekst]] of gevallen.entries()) {
      // An honest member beside the hostile one: the zip goes as a whole, not the hostile member alone.
      const eerlijk = {
        naam: "SWI_0153_0153_20251.XML",
        data: Buffer.concat([eerderXml, Buffer.from(`<!-- ${i} -->`)]),
      };
      const l = await verwerkt(await postLevering(v1Formulier(`pad-${i}.zip`, maakZip([eerlijk, lid(naam)]))));
      expect({ naam, status: l.status, regels: l.fouten.map((f) => f.regel) }).toEqual({
        naam,
        status: "AFGEKEURD",
        regels: ["T01"],
      });
      expect(l.fouten[0]!.bericht).toMatch(tekst);
      verwachtNederlands(l.fouten[0]!.bericht);
    }
    // Members are streamed through the check, never written out under their own names.
    expect(fs.existsSync(path.join(opslagMap, "..", "SWI_0153_0153_20241.XML"))).toBe(false);
    verwachtAlleenEigenSleutels(gevallen.map(([naam]) => naam));
    await verwachtEerdereOngeschonden();
  });
});

// ————— the chunked browser upload —————

const URL_BASIS = "http://localhost/api/uploads";
const geen = { params: Promise.resolve(undefined) };
const startVerzoek = (body: unknown) =>
  new Request(URL_BASIS, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

async function sessie(bestandsnaam: string, grootte: number): Promise<string> {
  const r = await start(startVerzoek({ bestandsnaam, grootte }), geen);
  expect(r.status).toBe(201);
  return ((await r.json()) as { uploadId: string }).uploadId;
}

function putDeel(
  uploadId: string,
  n: number,
  body: BodyInit | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) {
  return deel(
    new Request(`${URL_BASIS}/${uploadId}/delen/${n}`, { method: "PUT", body, headers, duplex: "half" } as RequestInit),
    {
      params: Promise.resolve({ uploadId, n: String(n) }),
    },
  );
}

describe("the chunked upload (app/api/uploads) refuses", () => {
  it("the same hostile names at the start, before any byte is sent and without opening a session", async () => {
    const voor = await getDb().uploadSessie.count();
    for (const naam of VIJANDIGE_NAMEN) {
      const r = await antwoord(await start(startVerzoek({ bestandsnaam: naam, grootte: 100 }), geen));
      if (naam === "") {
        expect(r.status).toBe(400);
      } else {
        expect({ naam, status: r.status, code: r.code }).toEqual({ naam, status: 422, code: "NAAM" });
      }
      verwachtNederlands(r.melding);
    }
    expect(await getDb().uploadSessie.count()).toBe(voor);
    verwachtAlleenEigenSleutels(VIJANDIGE_NAMEN);
    await verwachtEerdereOngeschonden();
  });

  it("a declared size over the limit at the start", async () => {
    const voor = await getDb().uploadSessie.count();
    const r = await antwoord(await start(startVerzoek({ bestandsnaam: "groot.zip", grootte: MAX + 1 }), geen));
    expect(r).toMatchObject({ status: 413, code: "TE_GROOT" });
    expect(r.melding).toMatch(/de grens voor één aanlevering is 262144 bytes/);
    verwachtNederlands(r.melding);
    for (const grootte of [-1, 1.5, "10", 1e300]) {
      expect((await start(startVerzoek({ bestandsnaam: "groot.zip", grootte }), geen)).status).toBeGreaterThanOrEqual(
        400,
      );
    }
    expect(await getDb().uploadSessie.count()).toBe(voor);
  });

  it("a part over 8 MiB by Content-Length, and a part that lies about its length and keeps sending", async () => {
    const uploadId = await sessie("klein.zip", 10);
    const { stroom: s1, stand: st1 } = eindelozeBody();
    const groot = await antwoord(await putDeel(uploadId, 0, s1, { "content-length": String(DEEL_GROOTTE + 1) }));
    expect(groot.status).toBe(413);
    verwachtNederlands(groot.melding);
    expect(st1.gestuurd).toBeLessThanOrEqual(2 * STUK);

    const { stroom: s2, stand: st2 } = eindelozeBody();
    const liegt = await antwoord(await putDeel(uploadId, 0, s2, { "content-length": "10" }));
    expect(liegt).toMatchObject({ status: 422, melding: "Deel 0 is groter dan de verwachte 10 bytes." });
    await verwachtAfgekapt(st2, 10);
    expect(await opgeslagen(`uploads/${uploadId}/`)).toEqual([]);

    // The session survives the refusals: the honest part completes it.
    expect((await putDeel(uploadId, 0, new Uint8Array(Buffer.from("0123456789")))).status).toBe(204);
    const klaar = await voltooi(new Request(`${URL_BASIS}/${uploadId}/voltooien`, { method: "POST" }), {
      params: Promise.resolve({ uploadId }),
    });
    expect(klaar.status).toBe(201);
    verwachtAlleenEigenSleutels([]);
    await verwachtEerdereOngeschonden();
  });

  it("a part number outside the session, or a session id that is a path", async () => {
    const uploadId = await sessie("nummers.zip", 10);
    for (const n of [1, 99]) {
      const r = await antwoord(await putDeel(uploadId, n, new Uint8Array(10)));
      expect(r.status).toBe(404);
      verwachtNederlands(r.melding);
    }
    for (const id of ["../../etc", "..", "a/b", "A".repeat(65)]) {
      const r = await deel(new Request(`${URL_BASIS}/x/delen/0`, { method: "PUT", body: new Uint8Array(10) }), {
        params: Promise.resolve({ uploadId: id, n: "0" }),
      });
      expect(r.status).toBe(404);
    }
    verwachtAlleenEigenSleutels(["nummers.zip"]);
  });
});
