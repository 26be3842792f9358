/**
 * PostgreSQL stopped and restarted under a running worker (a real child process, as in
 * worker.test.ts), on a throwaway server of this test's own (lib/db/wegwerp-postgres.ts), never the
 * machine's server that other tests use. After every outage: no delivery lost, none processed
 * twice, none left "bezig", every mail sent once. While the database is down the upload APIs tell
 * the person uploading, in Dutch, to try again in a few minutes (503 with Retry-After), and
 * nothing is stored half: no file without its rows, no rows without their file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { maakApiToken } from "@/lib/api-tokens/beheer";
import type { Actor } from "@/lib/auth/actor";
import { meldAan } from "@/lib/auth/__mocks__/actor";
import { createDb, getDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { isDatabaseOnbereikbaar } from "@/lib/db/onbereikbaar";
import type { TestDatabase } from "@/lib/db/database.testhulp";
import { maakDatabase, postgresBinaries, startWegwerpPostgres, type WegwerpPostgres } from "@/lib/db/wegwerp-postgres";
import { registreerAanlevering } from "@/lib/leveringen/ontvangst";
import { leveringOpslag } from "@/lib/leveringen/opslag";
import {
  alsStroom,
  genereer,
  maakPijplijnOmgeving,
  opgeslagen,
  type PijplijnOmgeving,
  contactpersoonVan,
} from "@/lib/leveringen/pijplijn.testhulp";
import { BEZIG_STATUSSEN, verwerkAanlevering } from "@/lib/leveringen/verwerking";
import { voerActieUit } from "@/lib/acties/context";
import { NODE_MET_TSX } from "@/scripts/lib/portaal";
import {
  startUploadRoute,
  uploadStatusRoute as uploadStatus,
  deelRoute,
  voltooiRoute,
  apiLeveringRoute as apiLevering,
} from "./upload-routes.testhulp";

vi.mock("@/lib/auth/actor");

const BIN = postgresBinaries();
// CI (DATABASE_URL set; .ci/run installs PostgreSQL) must run this; a laptop without PostgreSQL skips it.
const VERPLICHT = Boolean(process.env.DATABASE_URL);
if (!BIN && !VERPLICHT) {
  console.warn(
    "[postgres-herstart] overgeslagen: geen PostgreSQL-binaries (/usr/lib/postgresql/*/bin/initdb) op deze machine; installeer postgresql om deze storingstest te draaien.",
  );
}

// A job whose worker lost its database must come back within seconds here, not minutes.
const SNEL = {
  SWI_VERWERKING_LEASE_SECONDEN: "5",
  SWI_JOBS_ONDERHOUD_SECONDEN: "1",
  SWI_JOBS_POLL_SECONDEN: "0.5",
  SWI_VERWERKING_WACHT_SECONDEN: "1",
  SWI_VERWERKING_POGINGEN: "20",
  SWI_MAIL_WACHT_SECONDEN: "1",
  SWI_MAIL_POGINGEN: "20",
};

let pgs: WegwerpPostgres;
let omg: PijplijnOmgeving;
let sanne: Actor;
let worker: { kind: ChildProcess; uitvoer: () => string; klaar: Promise<void> };
const kinderen: ChildProcess[] = [];
const metingen: Record<string, number> = {};

function startWorkerProces(): typeof worker {
  const env = Object.fromEntries(Object.entries(omg.env).filter(([k]) => k !== "SWI_TIJDELIJKE_MAP"));
  const kind = spawn(process.execPath, [...NODE_MET_TSX, "scripts/worker.ts"], {
    cwd: process.cwd(),
    env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  kinderen.push(kind);
  let uit = "";
  kind.stdout!.on("data", (d: Buffer) => (uit += d.toString()));
  kind.stderr!.on("data", (d: Buffer) => (uit += d.toString()));
  const klaar = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (uit.includes("[worker] gestart")) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    kind.once("exit", (code, signaal) => {
      clearInterval(timer);
      reject(new Error(`de worker stopte (${code ?? signaal}) voordat hij startte:\n${uit}`));
    });
  });
  klaar.catch(() => {});
  return { kind, uitvoer: () => uit, klaar };
}

/** Asks until `ok`; a question that fails (the database is just coming back) counts as "not yet". */
async function wachtOp<T>(vraag: () => Promise<T>, ok: (t: T) => boolean, ms: number, wat: string): Promise<T> {
  const tot = Date.now() + ms;
  let laatste: unknown;
  for (;;) {
    try {
      const t = await vraag();
      laatste = t;
      if (ok(t)) return t;
    } catch (fout) {
      laatste = fout instanceof Error ? fout.message.slice(0, 200) : fout;
    }
    if (Date.now() > tot) {
      throw new Error(
        `${wat}: na ${ms} ms nog steeds ${JSON.stringify(laatste)}\n--- worker ---\n${worker?.uitvoer()}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

const slaap = (ms: number) => new Promise((r) => setTimeout(r, ms));

const statusVan = async (leveringId: string) =>
  (await getDb().levering.findUniqueOrThrow({ where: { id: leveringId } })).status;

const klaar = (s: string) => s === "VERWERKT" || s === "AFGEKEURD";

/** Subjects of the mails the worker wrote to the local outbox (var/mail). */
function verzondenOnderwerpen(): string[] {
  const map = path.join(omg.map, "mail");
  if (!fs.existsSync(map)) return [];
  return fs
    .readdirSync(map)
    .filter((n) => n.endsWith(".eml"))
    .map((n) => /^Subject: (.*)$/m.exec(fs.readFileSync(path.join(map, n), "utf8"))?.[1]?.trim() ?? "");
}

/** One set of results, every mail of the delivery sent exactly once, nothing left "bezig". */
async function eenSetResultaten(leveringId: string, bestandsnaam: string, metLijst: boolean): Promise<void> {
  const db = getDb();
  const l = await db.levering.findUniqueOrThrow({ where: { id: leveringId }, include: { fouten: true } });
  expect(l.status).toBe("VERWERKT");
  expect(l.fouten).toHaveLength(0);
  expect(await db.auditLog.count({ where: { actie: "levering.verwerkt", doelId: leveringId } })).toBe(1);
  expect(await db.signaleringslijst.count({ where: { leveringId } })).toBe(metLijst ? 1 : 0);
  const sjablonen = ["levering-verwerkt", ...(metLijst ? ["signaleringslijst-klaar"] : [])];
  for (const sjabloon of sjablonen) {
    expect(
      await db.mailBericht.count({ where: { sjabloon, parameters: { path: ["url"], string_contains: leveringId } } }),
    ).toBe(1);
  }
  // Every mail of the berichtgever goes out, once (the worker's outbox holds one file per mail sent).
  const mails = await wachtOp(
    () => db.mailBericht.findMany({ where: { berichtgeverId: omg.enschede.id } }),
    (m) => m.every((x) => x.status === "VERZONDEN"),
    60_000,
    "niet alle mails verzonden",
  );
  const onderwerpen = verzondenOnderwerpen();
  for (const m of mails) expect(onderwerpen.filter((o) => o === m.onderwerp)).toHaveLength(1);
  expect(onderwerpen.filter((o) => o === `Ontvangen: ${bestandsnaam}`)).toHaveLength(1);
  expect(onderwerpen.filter((o) => o === `Verwerkt: ${bestandsnaam}`)).toHaveLength(1);
  expect(await db.levering.count({ where: { status: { in: [...BEZIG_STATUSSEN] } } })).toBe(0);
}

describe.skipIf(!BIN && !VERPLICHT)("PostgreSQL restarted during processing", () => {
  beforeAll(async () => {
    // Loud where it must run: a server that cannot start is a failure there, not a reason to skip.
    pgs = await startWegwerpPostgres();
    const url = await maakDatabase(pgs.url(), "swi");
    await applyMigrations(url);
    const db = createDb(url, 1);
    const database: TestDatabase = { url, db, soort: "postgres", close: () => db.$disconnect() };
    omg = await maakPijplijnOmgeving(SNEL, { database });
    sanne = contactpersoonVan(omg.enschede, "Sanne");

    // The previous quarter, processed: the big delivery gets signals (and a signaleringslijst).
    const vorige = genereer({ statistiekjaar: 2025, kwartaal: 1, aantalPersonen: 300, seed: "vorige" });
    const rv = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: vorige.bestandsnaam,
      bron: "PORTAAL",
      inhoud: alsStroom(vorige.xml()),
    });
    await verwerkAanlevering(rv.aanleveringId);
    worker = startWorkerProces();
    await worker.klaar;
  }, 120_000);

  afterAll(async () => {
    for (const k of kinderen) if (k.exitCode === null && k.signalCode === null) k.kill("SIGKILL");
    await omg?.close();
    pgs?.opruimen();
    if (Object.keys(metingen).length) console.log("[postgres-herstart] metingen (ms):", metingen);
  });

  it("the worker survives the database going away for longer than its lease in the middle of a big delivery", async () => {
    const groot = genereer({ statistiekjaar: 2025, kwartaal: 2, aantalPersonen: 60_000, seed: "groot" });
    const pad = path.join(omg.map, groot.bestandsnaam);
    await groot.schrijfXml(pad);
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: groot.bestandsnaam,
      bron: "PORTAAL",
      inhoud: fs.createReadStream(pad),
    });
    const leveringId = r.leveringen[0]!.id;
    await wachtOp(
      () => statusVan(leveringId),
      (s) => s === "TECHNISCHE_CONTROLE" || s === "STATISTISCHE_CONTROLE",
      60_000,
      "de verwerking begon niet",
    );

    await pgs.stop();
    // Longer than the lease (5 s): the job's expiry passes while nobody can write it.
    await slaap(7000);
    expect(worker.kind.exitCode, worker.uitvoer()).toBeNull();
    expect(await statusVan(leveringId).catch((e: unknown) => e)).toSatisfy(isDatabaseOnbereikbaar);
    await pgs.start();
    const terug = Date.now();

    await wachtOp(() => statusVan(leveringId), klaar, 120_000, "de verwerking werd niet afgemaakt");
    metingen["verwerkt na herstart van de database"] = Date.now() - terug;
    // The same process: it lived through the outage instead of crashing on it.
    expect(worker.kind.exitCode, worker.uitvoer()).toBeNull();
    expect(worker.kind.signalCode).toBeNull();
    // It met the outage (how depends on where the run was when the database went: a write that
    // failed and was retried, or pg-boss's own unawaited complete, see overleef-verloren-database.test.ts).
    expect(worker.uitvoer()).toMatch(/database tijdelijk niet bereikbaar|Can't reach database server|ECONNREFUSED/);
    expect((await getDb().levering.findUniqueOrThrow({ where: { id: leveringId } })).aantalPersonen).toBe(60_000);
    await eenSetResultaten(leveringId, groot.bestandsnaam, true);
    expect(await opgeslagen(`signaleringslijsten/${leveringId}`)).toHaveLength(2);
  }, 150_000);

  it("restarts at any moment of the processing (pg_ctl restart -m fast) still give one set of results", async () => {
    const g = genereer({ statistiekjaar: 2025, kwartaal: 3, aantalPersonen: 40_000, seed: "storm" });
    const pad = path.join(omg.map, g.bestandsnaam);
    await g.schrijfXml(pad);
    const r = await registreerAanlevering({
      berichtgeverId: omg.enschede.id,
      bestandsnaam: g.bestandsnaam,
      bron: "PORTAAL",
      inhoud: fs.createReadStream(pad),
    });
    const leveringId = r.leveringen[0]!.id;
    // Cut at different depths into a run: early in the parse, late, and around the writes.
    const herstarts: string[] = [];
    for (const naStart of [300, 1800, 1100]) {
      const s = await wachtOp(
        () => statusVan(leveringId),
        (s) => s !== "ONTVANGEN",
        60_000,
        "de verwerking begon niet (opnieuw)",
      );
      if (klaar(s)) break;
      await slaap(naStart);
      const t = Date.now();
      await pgs.herstart();
      herstarts.push(`${s}+${naStart}ms (${Date.now() - t} ms)`);
      expect(worker.kind.exitCode, worker.uitvoer()).toBeNull();
    }
    const terug = Date.now();
    await wachtOp(() => statusVan(leveringId), klaar, 120_000, "de verwerking werd niet afgemaakt");
    metingen["verwerkt na de laatste van de snelle herstarts"] = Date.now() - terug;
    expect(herstarts.length).toBeGreaterThan(0);
    expect(worker.kind.exitCode, worker.uitvoer()).toBeNull();
    await eenSetResultaten(leveringId, g.bestandsnaam, true);
  }, 150_000);

  it("uploads while the database is down get a Dutch 503 with Retry-After, store nothing half, and work afterwards", async () => {
    meldAan(sanne);
    const token = await voerActieUit(sanne, (ctx) => maakApiToken(ctx, "0153", "Leverancier Enschede"));
    const g = genereer({ statistiekjaar: 2025, kwartaal: 4, aantalPersonen: 500, seed: "tijdens-storing" });
    const bestand = Buffer.from(g.xml(), "utf8");
    const sha256 = crypto.createHash("sha256").update(bestand).digest("hex");
    const URL_BASIS = "http://localhost/api/uploads";
    const start = (body: unknown) =>
      startUploadRoute(
        new Request(URL_BASIS, {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        }),
        { params: Promise.resolve(undefined) },
      );
    const sessieStart = await start({ bestandsnaam: g.bestandsnaam, grootte: bestand.length });
    expect(sessieStart.status).toBe(201);
    const { uploadId, delen } = (await sessieStart.json()) as { uploadId: string; delen: number };
    expect(delen).toBe(1);
    const p = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ uploadId, ...extra }) });
    const put = () =>
      deelRoute(
        new Request(`${URL_BASIS}/${uploadId}/delen/0`, { method: "PUT", body: new Uint8Array(bestand) }),
        p({ n: "0" }),
      );
    expect((await put()).status).toBe(204);
    const aanleveringenVoor = await opgeslagen("aanleveringen/");

    const apiUpload = (body: BodyInit) =>
      apiLevering(
        new Request("http://portaal.test/api/v1/leveringen", {
          method: "POST",
          body,
          headers: { authorization: `Bearer ${token.token}` },
          duplex: "half",
        } as RequestInit),
      );
    const formulier = () => {
      const f = new FormData();
      f.append("bestand", new Blob([bestand]), g.bestandsnaam);
      return f;
    };

    await pgs.stop();
    try {
      const verwachtStoring = async (res: Response, melding: RegExp) => {
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("120");
        const body = (await res.json()) as { melding: string; code: string };
        expect(body.code).toBe("STORING");
        expect(body.melding).toMatch(melding);
        expect(body.melding).toMatch(/probeer het over enkele minuten opnieuw/i);
      };
      const DELEN_BEWAARD = /delen die al zijn ontvangen, blijven bewaard/;
      await verwachtStoring(await start({ bestandsnaam: g.bestandsnaam, grootte: bestand.length }), /niet opslaan/);
      await verwachtStoring(await put(), DELEN_BEWAARD);
      await verwachtStoring(
        await voltooiRoute(new Request(`${URL_BASIS}/${uploadId}/voltooien`, { method: "POST" }), p()),
        DELEN_BEWAARD,
      );
      await verwachtStoring(await uploadStatus(new Request(`${URL_BASIS}/${uploadId}`), p()), /niet bereikbaar/);
      await verwachtStoring(await apiUpload(formulier()), /niet bereikbaar/);

      // next-auth turns a session it cannot look up into "not signed in": with a session cookie
      // that is the database, and the person hears that instead of "log in again".
      meldAan(null);
      const metCookie = await startUploadRoute(
        new Request(URL_BASIS, {
          method: "POST",
          body: "{}",
          headers: { cookie: "next-auth.session-token=abc", "content-type": "application/json" },
        }),
        { params: Promise.resolve(undefined) },
      );
      await verwachtStoring(metCookie, /niet bereikbaar/);
      const zonderCookie = await startUploadRoute(new Request(URL_BASIS, { method: "POST", body: "{}" }), {
        params: Promise.resolve(undefined),
      });
      expect(zonderCookie.status).toBe(401);
      meldAan(sanne);

      await expect(
        registreerAanlevering({
          berichtgeverId: omg.enschede.id,
          bestandsnaam: g.bestandsnaam,
          bron: "PORTAAL",
          inhoud: alsStroom(bestand),
        }),
      ).rejects.toSatisfy(isDatabaseOnbereikbaar);
      // Nothing was stored for any of these, and the part that had arrived is still there.
      expect(await opgeslagen("aanleveringen/")).toEqual(aanleveringenVoor);
      expect(await opgeslagen(`uploads/${uploadId}/`)).toEqual([`uploads/${uploadId}/0`]);
    } finally {
      await pgs.start();
    }

    // The database goes away after the file is stored, before it is recorded: the file goes too.
    const opslag = leveringOpslag();
    const schrijf = opslag.schrijf.bind(opslag);
    let gestopt = false;
    const spion = vi.spyOn(opslag, "schrijf").mockImplementation(async (sleutel, bron) => {
      const inhoud = await schrijf(sleutel, bron);
      if (sleutel.startsWith("aanleveringen/")) {
        await pgs.stop();
        gestopt = true;
      }
      return inhoud;
    });
    try {
      const res = await apiUpload(formulier());
      expect(gestopt).toBe(true);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("120");
      expect(await res.json()).toMatchObject({
        code: "STORING",
        melding: expect.stringMatching(/kan uw bestand nu niet opslaan door een storing/),
      });
      expect(await opgeslagen("aanleveringen/")).toEqual(aanleveringenVoor);
    } finally {
      spion.mockRestore();
      if (gestopt) await pgs.start();
    }

    // Back: the same chunked upload completes, once, and is processed.
    const db = getDb();
    expect(await db.aanlevering.count({ where: { sha256 } })).toBe(0);
    const voltooid = await wachtOp(
      () => voltooiRoute(new Request(`${URL_BASIS}/${uploadId}/voltooien`, { method: "POST" }), p()),
      (res) => res.status !== 503,
      30_000,
      "voltooien lukte niet na de storing",
    );
    expect(voltooid.status).toBe(201);
    const { leveringen } = (await voltooid.json()) as { leveringen: { id: string }[] };
    expect(await db.aanlevering.count({ where: { sha256 } })).toBe(1);
    expect(await opgeslagen("aanleveringen/")).toHaveLength(aanleveringenVoor.length + 1);
    await wachtOp(() => statusVan(leveringen[0]!.id), klaar, 60_000, "de upload van na de storing werd niet verwerkt");
    await eenSetResultaten(leveringen[0]!.id, g.bestandsnaam, true);
    expect(worker.kind.exitCode, worker.uitvoer()).toBeNull();
  }, 150_000);
});
