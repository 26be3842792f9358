/**
 * Uploads whose connection is cut in the middle: a part of a chunked upload, over a real HTTP
 * connection to the route handlers (and a stream that breaks off, straight into ontvangDeel), and
 * a vendor API upload. A cut-off part is never stored as if complete (not even for a moment), the
 * status reports exactly the parts that arrived, and resuming completes the upload with the right
 * sha256 and one delivery; a cut-off vendor upload leaves no row and no file behind.
 * upload-client.test.ts covers the browser side (retry, resume); this covers the server side.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { maakApiToken } from "@/lib/api-tokens/beheer";
import type { Actor } from "@/lib/auth/actor";
import { meldAan } from "@/lib/auth/__mocks__/actor";
import { getDb } from "@/lib/db/client";
import { leveringOpslag } from "@/lib/leveringen/opslag";
import {
  genereer,
  maakPijplijnOmgeving,
  opgeslagen,
  type PijplijnOmgeving,
  contactpersoonVan,
} from "@/lib/leveringen/pijplijn.testhulp";
import {
  DEEL_GROOTTE,
  eigenUploadSessie,
  ontvangDeel,
  ontvangenDelen,
  startUpload,
  UploadFout,
} from "@/lib/leveringen/uploadsessie";
import { verwerkAanlevering } from "@/lib/leveringen/verwerking";
import { voerActieUit } from "@/lib/acties/context";
import {
  startUploadRoute as startRoute,
  uploadStatusRoute as statusRoute,
  deelRoute,
  voltooiRoute,
  apiLeveringRoute as apiLevering,
} from "./upload-routes.testhulp";

vi.mock("@/lib/auth/actor");

let omg: PijplijnOmgeving;
let sanne: Actor;
let server: http.Server;
let basis: string;
/** What each request's handler ended in: its status, or the error it threw. */
const afloop: { pad: string; uitkomst: number | Error }[] = [];
const lopend = new Set<Promise<void>>();

type Route = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

/** The routes as Next would call them, behind a plain node HTTP server. */
function kiesRoute(methode: string, pad: string): { route: Route; params: unknown } | null {
  let m: RegExpExecArray | null;
  if (methode === "POST" && pad === "/api/uploads") return { route: startRoute as Route, params: undefined };
  if (methode === "POST" && pad === "/api/v1/leveringen") return { route: apiLevering as Route, params: undefined };
  if (methode === "GET" && (m = /^\/api\/uploads\/(\w+)$/.exec(pad)))
    return { route: statusRoute as Route, params: { uploadId: m[1] } };
  if (methode === "PUT" && (m = /^\/api\/uploads\/(\w+)\/delen\/(\d+)$/.exec(pad)))
    return { route: deelRoute as Route, params: { uploadId: m[1], n: m[2] } };
  if (methode === "POST" && (m = /^\/api\/uploads\/(\w+)\/voltooien$/.exec(pad)))
    return { route: voltooiRoute as Route, params: { uploadId: m[1] } };
  return null;
}

beforeAll(async () => {
  omg = await maakPijplijnOmgeving();
  sanne = contactpersoonVan(omg.enschede, "Sanne");
  meldAan(sanne);
  server = http.createServer((req, res) => {
    const pad = new URL(req.url!, "http://x").pathname;
    const gekozen = kiesRoute(req.method!, pad);
    if (!gekozen) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const naam of ["content-type", "content-length", "authorization"]) {
      const w = req.headers[naam];
      if (typeof w === "string") headers.set(naam, w);
    }
    const heeftBody = req.method !== "GET";
    const verzoek = new Request(`http://portaal.test${req.url}`, {
      method: req.method,
      headers,
      body: heeftBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
      duplex: "half",
    } as RequestInit);
    const p = (async () => {
      try {
        const antwoord = await gekozen.route(verzoek, { params: Promise.resolve(gekozen.params) });
        afloop.push({ pad, uitkomst: antwoord.status });
        const body = Buffer.from(await antwoord.arrayBuffer());
        if (!res.destroyed) res.writeHead(antwoord.status, Object.fromEntries(antwoord.headers)).end(body);
      } catch (fout) {
        afloop.push({ pad, uitkomst: fout as Error });
        if (!res.destroyed) res.writeHead(500).end();
      }
    })();
    lopend.add(p);
    void p.finally(() => lopend.delete(p));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  basis = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await omg?.close();
});

/** Every file in the storage folder, hidden (half-written temp) ones included. */
function bestandenOpSchijf(map = omg.env.SWI_STORAGE_DIR!): string[] {
  if (!fs.existsSync(map)) return [];
  return fs.readdirSync(map, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(map, e.name);
    return e.isDirectory() ? bestandenOpSchijf(p) : [path.relative(omg.env.SWI_STORAGE_DIR!, p)];
  });
}
const halfGeschreven = () => bestandenOpSchijf().filter((p) => path.basename(p).startsWith("."));

/**
 * Sends the request head and the first `stuk` bytes of a body of `lengte` bytes, waits until the
 * server has read them, and cuts the connection.
 */
async function verbreekHalverwege(
  methode: string,
  pad: string,
  kop: Record<string, string>,
  stuk: Buffer,
  lengte: number,
) {
  const afgelopen = afloop.length;
  const sok = net.connect(Number(new URL(basis).port), "127.0.0.1");
  await new Promise((r) => sok.once("connect", r));
  const regels = Object.entries({ host: "portaal.test", ...kop, "content-length": String(lengte) }).map(
    ([k, v]) => `${k}: ${v}`,
  );
  sok.write(`${methode} ${pad} HTTP/1.1\r\n${regels.join("\r\n")}\r\n\r\n`);
  await new Promise<void>((r) => sok.write(stuk, () => r()));
  // Long enough for the server to have passed the bytes on to the storage.
  await new Promise((r) => setTimeout(r, 300));
  sok.destroy();
  // The handler of the cut request finishes (how, is asserted by the caller).
  const tot = Date.now() + 10_000;
  while (afloop.length === afgelopen || lopend.size > 0) {
    if (Date.now() > tot) throw new Error(`de afgebroken ${methode} ${pad} werd niet afgehandeld`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return afloop.at(-1)!.uitkomst;
}

describe("a connection cut in the middle", () => {
  it("of a part, over HTTP: the part does not count, the rest is kept, and resuming completes one delivery", async () => {
    const g = genereer({ statistiekjaar: 2025, kwartaal: 2, aantalPersonen: 14_000, seed: "onderbroken" });
    const bestand = Buffer.from(g.xml(), "utf8");
    expect(bestand.length).toBeGreaterThan(DEEL_GROOTTE);
    const start = await fetch(`${basis}/api/uploads`, {
      method: "POST",
      body: JSON.stringify({ bestandsnaam: g.bestandsnaam, grootte: bestand.length }),
      headers: { "content-type": "application/json" },
    });
    expect(start.status).toBe(201);
    const { uploadId, delen } = (await start.json()) as { uploadId: string; delen: number };
    expect(delen).toBe(2);
    const deel = (n: number) => bestand.subarray(n * DEEL_GROOTTE, (n + 1) * DEEL_GROOTTE);
    const put = (n: number) =>
      fetch(`${basis}/api/uploads/${uploadId}/delen/${n}`, { method: "PUT", body: new Uint8Array(deel(n)) });
    const stand = async () =>
      ((await (await fetch(`${basis}/api/uploads/${uploadId}`)).json()) as { ontvangenDelen: number[] }).ontvangenDelen;

    expect((await put(1)).status).toBe(204);
    // Part 0 (8 MiB): cut after 3 MiB.
    const uitkomst = await verbreekHalverwege(
      "PUT",
      `/api/uploads/${uploadId}/delen/0`,
      { "content-type": "application/octet-stream" },
      deel(0).subarray(0, 3 * 1024 * 1024),
      DEEL_GROOTTE,
    );
    // An answer nobody reads, but a deliberate one: no crash, nothing stored.
    expect(uitkomst).toBe(400);
    expect(await stand()).toEqual([1]);
    expect(await opgeslagen(`uploads/${uploadId}/`)).toEqual([`uploads/${uploadId}/1`]);
    expect(halfGeschreven()).toEqual([]);
    expect((await fetch(`${basis}/api/uploads/${uploadId}/voltooien`, { method: "POST" })).status).toBe(422);

    // A complete part sent again and cut off: the earlier complete copy stays.
    await verbreekHalverwege(
      "PUT",
      `/api/uploads/${uploadId}/delen/1`,
      { "content-type": "application/octet-stream" },
      deel(1).subarray(0, 1000),
      deel(1).length,
    );
    expect(await stand()).toEqual([1]);

    expect((await put(0)).status).toBe(204);
    expect(await stand()).toEqual([0, 1]);
    const klaar = await fetch(`${basis}/api/uploads/${uploadId}/voltooien`, { method: "POST" });
    expect(klaar.status).toBe(201);
    const { aanleveringId, leveringen } = (await klaar.json()) as {
      aanleveringId: string;
      leveringen: { id: string }[];
    };
    const db = getDb();
    const a = await db.aanlevering.findUniqueOrThrow({ where: { id: aanleveringId } });
    expect(a.sha256).toBe(crypto.createHash("sha256").update(bestand).digest("hex"));
    expect(Number(a.grootte)).toBe(bestand.length);
    expect(leveringen).toHaveLength(1);
    await verwerkAanlevering(aanleveringId);
    const l = await db.levering.findUniqueOrThrow({ where: { id: leveringen[0]!.id } });
    expect(l.status).toBe("VERWERKT");
    expect(l.aantalPersonen).toBe(14_000);
    expect(await db.levering.count({ where: { sha256: a.sha256 } })).toBe(1);
  }, 60_000);

  it("of a part streamed into ontvangDeel: a body that errors or ends early is never stored, not even for a moment", async () => {
    const start = await startUpload({ id: omg.enschede.id, code: "0153" }, sanne.userId, {
      bestandsnaam: "afgebroken.zip",
      grootte: DEEL_GROOTTE + 10,
    });
    const sessie = await eigenUploadSessie(sanne, start.uploadId);
    const helft = crypto.randomBytes(DEEL_GROOTTE / 2);
    const breektAf = Readable.from(
      (async function* () {
        yield helft;
        throw Object.assign(new Error("aborted"), { code: "ECONNRESET" });
      })(),
    );
    const fout = await ontvangDeel(sessie, 0, breektAf).catch((e: unknown) => e);
    expect(fout).toBeInstanceOf(UploadFout);
    expect((fout as UploadFout).status).toBe(400);
    expect((fout as UploadFout).melding).toMatch(/verbinding werd verbroken voordat deel 0 binnen was/);

    // Ends without an error but short (a proxy that closes politely): refused before it is visible.
    const opslag = leveringOpslag();
    const bestaat: boolean[] = [];
    const schrijf = opslag.schrijf.bind(opslag);
    vi.spyOn(opslag, "schrijf").mockImplementation(async (sleutel, bron) => {
      const p = schrijf(sleutel, bron);
      // While the write is under way (and as it fails), a status request must not see the part.
      p.finally(() => void opslag.bestaat(sleutel).then((b) => bestaat.push(b))).catch(() => {});
      return p;
    });
    try {
      const kort = await ontvangDeel(sessie, 0, Readable.from([helft])).catch((e: unknown) => e);
      expect((kort as UploadFout).status).toBe(422);
      expect((kort as UploadFout).melding).toMatch(/heeft 4194304 bytes, verwacht 8388608/);
      await new Promise((r) => setTimeout(r, 100));
      expect(bestaat).toEqual([false]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(await ontvangenDelen(sessie)).toEqual([]);
    expect(halfGeschreven()).toEqual([]);
  });

  it("of a vendor API upload: no Aanlevering, no stored file, and the whole file is accepted afterwards", async () => {
    const db = getDb();
    const token = await voerActieUit(sanne, (ctx) => maakApiToken(ctx, "0153", "Leverancier"));
    const g = genereer({ statistiekjaar: 2025, kwartaal: 3, aantalPersonen: 3000, seed: "api-onderbroken" });
    const bestand = Buffer.from(g.xml(), "utf8");
    const grens = "----swi-onderbroken";
    const kop = Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="${g.bestandsnaam}"\r\n` +
        `Content-Type: application/xml\r\n\r\n`,
    );
    const staart = Buffer.from(`\r\n--${grens}--\r\n`);
    const voor = { aanleveringen: await db.aanlevering.count(), bestanden: await opgeslagen("aanleveringen/") };

    const uitkomst = await verbreekHalverwege(
      "POST",
      "/api/v1/leveringen",
      { authorization: `Bearer ${token.token}`, "content-type": `multipart/form-data; boundary=${grens}` },
      Buffer.concat([kop, bestand.subarray(0, bestand.length / 2)]),
      kop.length + bestand.length + staart.length,
    );
    // The multipart body broke off: answered as unreadable, the upload not half-recorded.
    expect(uitkomst).toBe(400);
    expect(await db.aanlevering.count()).toBe(voor.aanleveringen);
    expect(await opgeslagen("aanleveringen/")).toEqual(voor.bestanden);
    expect(halfGeschreven()).toEqual([]);

    const f = new FormData();
    f.append("bestand", new Blob([bestand]), g.bestandsnaam);
    const res = await fetch(`${basis}/api/v1/leveringen`, {
      method: "POST",
      body: f,
      headers: { authorization: `Bearer ${token.token}` },
    });
    expect(res.status).toBe(201);
    expect(
      await db.aanlevering.count({ where: { sha256: crypto.createHash("sha256").update(bestand).digest("hex") } }),
    ).toBe(1);
  }, 60_000);
});
