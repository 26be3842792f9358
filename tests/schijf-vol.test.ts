/**
 * A full disk, simulated: every write stream the local storage (and the worker's temp folder)
 * opens fails with ENOSPC once the "free space" is used up, after writing what still fitted, as a
 * real full disk does. The person uploading is told so in Dutch (507 with Retry-After), nothing
 * half-written is left and nothing is recorded without its file; parts already received are kept,
 * so that the same upload completes once there is room again, and is processed once. A disk that
 * fills up during processing only delays the processing.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { maakApiToken } from "@/lib/api-tokens/beheer";
import type { Actor } from "@/lib/auth/actor";
import { meldAan } from "@/lib/auth/__mocks__/actor";
import { getDb } from "@/lib/db/client";
import { startWorker, type Worker } from "@/lib/achtergrond/worker";
import { BEZIG_STATUSSEN } from "@/lib/leveringen/verwerking";
import {
  genereer,
  maakPijplijnOmgeving,
  opgeslagen,
  type PijplijnOmgeving,
  contactpersoonVan,
} from "@/lib/leveringen/pijplijn.testhulp";
import { voerActieUit } from "@/lib/acties/context";
import {
  startUploadRoute as startRoute,
  uploadStatusRoute as statusRoute,
  deelRoute,
  voltooiRoute,
  apiLeveringRoute as apiLevering,
} from "./upload-routes.testhulp";

vi.mock("@/lib/auth/actor");

const SNEL = {
  SWI_JOBS_ONDERHOUD_SECONDEN: "1",
  SWI_JOBS_POLL_SECONDEN: "0.5",
  SWI_VERWERKING_LEASE_SECONDEN: "5",
  SWI_VERWERKING_WACHT_SECONDEN: "1",
  SWI_VERWERKING_POGINGEN: "20",
};

/** The simulated disk: which paths are on it, and how many bytes still fit. */
const schijf: { vrij: number; op: (pad: string) => boolean } = { vrij: Infinity, op: () => false };

function geenRuimte(): NodeJS.ErrnoException {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), {
    code: "ENOSPC",
    errno: -28,
    syscall: "write",
  });
}

const echteCreateWriteStream = fs.createWriteStream;
vi.spyOn(fs, "createWriteStream").mockImplementation(((pad: fs.PathLike, opties?: unknown) => {
  const stroom = echteCreateWriteStream(pad, opties as never);
  if (!schijf.op(String(pad))) return stroom;
  const w = stroom as unknown as Writable & {
    _write(stuk: Buffer, c: BufferEncoding, cb: (e?: Error | null) => void): void;
    _writev?(stukken: { chunk: Buffer }[], cb: (e?: Error | null) => void): void;
  };
  const schrijf = w._write.bind(w);
  // What still fits is written, then the disk is full: a half-written file, as for real.
  w._write = (stuk, c, cb) => {
    if (stuk.length <= schijf.vrij) {
      schijf.vrij -= stuk.length;
      return schrijf(stuk, c, cb);
    }
    const past = stuk.subarray(0, Math.max(0, schijf.vrij));
    schijf.vrij = 0;
    schrijf(past, c, () => cb(geenRuimte()));
  };
  w._writev = undefined;
  return stroom;
}) as typeof fs.createWriteStream);

let omg: PijplijnOmgeving;
let worker: Worker;
let sanne: Actor;
let opslagMap: string;

beforeAll(async () => {
  omg = await maakPijplijnOmgeving(SNEL);
  opslagMap = omg.env.SWI_STORAGE_DIR!;
  schijf.op = (pad) => pad.startsWith(opslagMap + path.sep);
  sanne = contactpersoonVan(omg.enschede, "Sanne");
  meldAan(sanne);
  worker = await startWorker({ opruimenBijStart: false });
});
afterAll(async () => {
  await worker?.stop({ wachtSeconden: 5 });
  await omg?.close();
});

/** Every file in the storage folder, hidden (half-written temp) ones included. */
function bestandenOpSchijf(map = opslagMap): string[] {
  if (!fs.existsSync(map)) return [];
  return fs.readdirSync(map, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(map, e.name);
    return e.isDirectory() ? bestandenOpSchijf(p) : [path.relative(opslagMap, p)];
  });
}
const halfGeschreven = () => bestandenOpSchijf().filter((p) => path.basename(p).startsWith("."));

async function wachtOp<T>(vraag: () => Promise<T>, ok: (t: T) => boolean, ms: number, wat: string): Promise<T> {
  const tot = Date.now() + ms;
  for (;;) {
    const t = await vraag();
    if (ok(t)) return t;
    if (Date.now() > tot) throw new Error(`${wat}: na ${ms} ms nog steeds ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function verwachtVol(res: Response, delenBewaard: boolean): Promise<void> {
  expect(res.status).toBe(507);
  expect(res.headers.get("retry-after")).toBe("120");
  const body = (await res.json()) as { melding: string; code: string };
  expect(body.code).toBe("OPSLAG_VOL");
  expect(body.melding).toMatch(/kan uw bestand nu niet opslaan: de opslagruimte is tijdelijk vol/);
  expect(body.melding).toMatch(/Probeer het over enkele minuten opnieuw/);
  if (delenBewaard) expect(body.melding).toMatch(/delen die al zijn ontvangen, blijven bewaard/);
}

/** Processed once: one outcome, one audit entry, one of each mail, nothing left "bezig". */
async function eenKeerVerwerkt(leveringId: string): Promise<void> {
  const db = getDb();
  const status = await wachtOp(
    async () => (await db.levering.findUniqueOrThrow({ where: { id: leveringId } })).status,
    (s) => s === "VERWERKT" || s === "AFGEKEURD",
    60_000,
    "niet verwerkt",
  );
  expect(status).toBe("VERWERKT");
  expect(await db.auditLog.count({ where: { actie: "levering.verwerkt", doelId: leveringId } })).toBe(1);
  expect(
    await db.mailBericht.count({
      where: { sjabloon: "levering-verwerkt", parameters: { path: ["url"], string_contains: leveringId } },
    }),
  ).toBe(1);
  expect(await db.levering.count({ where: { status: { in: [...BEZIG_STATUSSEN] } } })).toBe(0);
}

const URL_BASIS = "http://localhost/api/uploads";

describe("a full disk", () => {
  it("refuses a part in Dutch (507), keeps the parts that arrived, and the same upload completes once there is room", async () => {
    const db = getDb();
    const g = genereer({ statistiekjaar: 2025, kwartaal: 2, aantalPersonen: 26_000, seed: "schijf-vol" });
    const bestand = Buffer.from(g.xml(), "utf8");
    const r = await startRoute(
      new Request(URL_BASIS, {
        method: "POST",
        body: JSON.stringify({ bestandsnaam: g.bestandsnaam, grootte: bestand.length }),
        headers: { "content-type": "application/json" },
      }),
      { params: Promise.resolve(undefined) },
    );
    expect(r.status).toBe(201);
    const { uploadId, deelGrootte, delen } = (await r.json()) as {
      uploadId: string;
      deelGrootte: number;
      delen: number;
    };
    expect(delen).toBe(3);
    const p = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ uploadId, ...extra }) });
    const put = (n: number) =>
      deelRoute(
        new Request(`${URL_BASIS}/${uploadId}/delen/${n}`, {
          method: "PUT",
          body: new Uint8Array(bestand.subarray(n * deelGrootte, (n + 1) * deelGrootte)),
        }),
        p({ n: String(n) }),
      );
    const stand = async () =>
      ((await (await statusRoute(new Request(`${URL_BASIS}/${uploadId}`), p())).json()) as { ontvangenDelen: number[] })
        .ontvangenDelen;
    const voltooi = () => voltooiRoute(new Request(`${URL_BASIS}/${uploadId}/voltooien`, { method: "POST" }), p());

    expect((await put(0)).status).toBe(204);
    schijf.vrij = 3 * 1024 * 1024;
    await verwachtVol(await put(1), true);
    // Part 1 does not count as received, nothing half-written stays behind, part 0 is still there.
    expect(await stand()).toEqual([0]);
    expect(halfGeschreven()).toEqual([]);
    expect(await opgeslagen(`uploads/${uploadId}/`)).toEqual([`uploads/${uploadId}/0`]);

    schijf.vrij = Infinity;
    expect((await put(1)).status).toBe(204);
    expect((await put(2)).status).toBe(204);
    expect(await stand()).toEqual([0, 1, 2]);

    // The whole file no longer fits: no delivery without its file, no file without its delivery.
    schijf.vrij = 10 * 1024 * 1024;
    await verwachtVol(await voltooi(), true);
    expect(halfGeschreven()).toEqual([]);
    expect(await opgeslagen("aanleveringen/")).toEqual([]);
    expect(await db.aanlevering.count()).toBe(0);
    expect(await db.levering.count()).toBe(0);
    expect(await stand()).toEqual([0, 1, 2]);

    schijf.vrij = Infinity;
    const klaar = await voltooi();
    expect(klaar.status).toBe(201);
    const body = (await klaar.json()) as { aanleveringId: string; leveringen: { id: string }[] };
    const a = await db.aanlevering.findUniqueOrThrow({ where: { id: body.aanleveringId } });
    expect(a.sha256).toBe(crypto.createHash("sha256").update(bestand).digest("hex"));
    expect(await opgeslagen("aanleveringen/")).toEqual([a.opslagSleutel]);
    expect(await opgeslagen(`uploads/${uploadId}/`)).toEqual([]);
    await eenKeerVerwerkt(body.leveringen[0]!.id);
    expect(await db.aanlevering.count()).toBe(1);
  }, 120_000);

  it("the vendor API answers 507 in Dutch, keeps nothing, and takes the same file once there is room", async () => {
    const db = getDb();
    const token = await voerActieUit(sanne, (ctx) => maakApiToken(ctx, "0153", "Leverancier"));
    const g = genereer({ statistiekjaar: 2025, kwartaal: 3, aantalPersonen: 2000, seed: "api-vol" });
    const upload = () => {
      const f = new FormData();
      f.append("bestand", new Blob([g.xml()]), g.bestandsnaam);
      return apiLevering(
        new Request("http://portaal.test/api/v1/leveringen", {
          method: "POST",
          body: f,
          headers: { authorization: `Bearer ${token.token}` },
        }),
      );
    };
    const voor = await opgeslagen("aanleveringen/");
    const aantal = await db.aanlevering.count();
    schijf.vrij = 100 * 1024;
    try {
      await verwachtVol(await upload(), false);
    } finally {
      schijf.vrij = Infinity;
    }
    expect(halfGeschreven()).toEqual([]);
    expect(await opgeslagen("aanleveringen/")).toEqual(voor);
    expect(await db.aanlevering.count()).toBe(aantal);

    // Not "already delivered": nothing of the first attempt was recorded.
    const res = await upload();
    expect(res.status).toBe(201);
    const { leveringen } = (await res.json()) as { leveringen: { id: string }[] };
    await eenKeerVerwerkt(leveringen[0]!.id);
  }, 60_000);

  it("a disk that is full during processing only delays it: processed once when there is room again", async () => {
    const db = getDb();
    const tijdelijk = omg.env.SWI_TIJDELIJKE_MAP!;
    const g = genereer({ statistiekjaar: 2025, kwartaal: 4, aantalPersonen: 3000, seed: "verwerking-vol" });
    const f = new FormData();
    f.append("bestand", new Blob([g.xml()]), g.bestandsnaam);
    const token = await voerActieUit(sanne, (ctx) => maakApiToken(ctx, "0153", "Leverancier 2"));
    // The upload is stored; the decrypted copy the worker makes, and the signaleringslijst, are not.
    schijf.vrij = 0;
    schijf.op = (pad) =>
      pad.startsWith(tijdelijk + path.sep) || pad.includes(`${path.sep}signaleringslijsten${path.sep}`);
    try {
      const res = await apiLevering(
        new Request("http://portaal.test/api/v1/leveringen", {
          method: "POST",
          body: f,
          headers: { authorization: `Bearer ${token.token}` },
        }),
      );
      expect(res.status).toBe(201);
      const { aanleveringId, leveringen } = (await res.json()) as {
        aanleveringId: string;
        leveringen: { id: string }[];
      };
      const job = () =>
        db.$queryRawUnsafe<{ state: string; retry_count: number }[]>(
          `SELECT state::text AS state, retry_count FROM pgboss.job WHERE name = 'aanlevering.verwerk' AND data->>'aanleveringId' = $1`,
          aanleveringId,
        );
      await wachtOp(job, (j) => (j[0]?.retry_count ?? 0) >= 2, 60_000, "de verwerking werd niet geprobeerd");
      const l = await db.levering.findUniqueOrThrow({ where: { id: leveringen[0]!.id } });
      expect(BEZIG_STATUSSEN).toContain(l.status);

      schijf.op = (pad) => pad.startsWith(opslagMap + path.sep);
      schijf.vrij = Infinity;
      await eenKeerVerwerkt(leveringen[0]!.id);
      expect(halfGeschreven()).toEqual([]);
      // The failed attempts' decrypted copies (plaintext BSNs) did not stay behind either.
      expect(fs.readdirSync(tijdelijk)).toEqual([]);
    } finally {
      schijf.op = (pad) => pad.startsWith(opslagMap + path.sep);
      schijf.vrij = Infinity;
    }
  }, 90_000);
});
