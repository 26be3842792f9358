/**
 * Test support for the delivery pipeline (not a test file): a migrated private database with two
 * berichtgevers and their contact persons, encrypted storage in a temp folder, and the settings the
 * portal needs, all in process.env so that getDb(), the job queue and the storage pick them up.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { closeDb, getDb } from "@/lib/db/client";
import { maakTestDatabase, type TestDatabase } from "@/lib/db/database.testhulp";
import { sluitJobVerzender } from "@/lib/jobs/boss";
import { genereerLevering, type GegenereerdeLevering, type LeveringOpties } from "@/lib/swi/testhulp/generator";
import { type Actor } from "@/lib/auth/actor";

export const TEST_SLEUTEL = Buffer.alloc(32, 11).toString("base64");

export interface TestBerichtgever {
  id: string;
  code: string;
  contactpersoonEmail: string;
  contactpersoonId: string;
}

/** The contact person of a test berichtgever, as the portal sees them signed in. */
export function contactpersoonVan(b: TestBerichtgever, naam: string): Actor {
  return {
    userId: b.contactpersoonId,
    email: b.contactpersoonEmail,
    naam,
    rol: "CONTACTPERSOON",
    berichtgeverId: b.id,
  };
}

export interface PijplijnOmgeving {
  tdb: TestDatabase;
  map: string;
  /** Everything a child process (the worker) needs to reach the same database and storage. */
  env: Record<string, string>;
  enschede: TestBerichtgever;
  amsterdam: TestBerichtgever;
  close(): Promise<void>;
}

/** Settings for this test file; call before anything reads lib/env (it caches). */
export function pijplijnEnv(map: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SWI_VAR_DIR: map,
    SWI_STORAGE: "local",
    SWI_STORAGE_DIR: path.join(map, "opslag"),
    SWI_ENCRYPTION_KEY: TEST_SLEUTEL,
    SWI_TIJDELIJKE_MAP: path.join(map, "tmp"),
    NEXTAUTH_SECRET: "test-geheim-alleen-voor-tests-0123456789abcdef",
    APP_URL: "https://portaal.test",
    // Mail goes to var/mail unless a test sets SMTP_URL.
    SWI_EMBEDDED: "1",
    DB_POOL_MAX: "3",
    SWI_JOBS_POOL_MAX: "2",
    ...extra,
  };
}

export async function maakPijplijnOmgeving(
  extra: Record<string, string> = {},
  opties: {
    /** A migrated database to use instead of a new one (a fault test's own server); closed with the rest. */
    database?: TestDatabase;
  } = {},
): Promise<PijplijnOmgeving> {
  const map = fs.mkdtempSync(path.join(os.tmpdir(), "swi-pijplijn-"));
  const tdb = opties.database ?? (await maakTestDatabase({ poolMax: 1 }));
  const env: Record<string, string> = { ...pijplijnEnv(map, extra), DATABASE_URL: tdb.url };
  fs.mkdirSync(env.SWI_TIJDELIJKE_MAP!, { recursive: true });
  Object.assign(process.env, env);
  const enschede = await maakBerichtgever("0153", "Gemeente Enschede", ["0153"], "contactpersoon@enschede.example.nl");
  const amsterdam = await maakBerichtgever(
    "0363",
    "Gemeente Amsterdam",
    ["0363"],
    "contactpersoon@amsterdam.example.nl",
  );
  return {
    tdb,
    map,
    env,
    enschede,
    amsterdam,
    async close() {
      await sluitJobVerzender();
      await closeDb();
      await tdb.close();
      fs.rmSync(map, { recursive: true, force: true });
    },
  };
}

async function maakBerichtgever(
  code: string,
  naam: string,
  gemeenten: string[],
  email: string,
): Promise<TestBerichtgever> {
  const db = getDb();
  const b = await db.berichtgever.create({ data: { code, naam } });
  for (const gemeentecode of gemeenten) {
    await db.berichtgeverGemeente.create({ data: { berichtgeverId: b.id, gemeentecode, vanafJaar: 2022 } });
  }
  const user = await db.user.create({
    data: { email, naam: `Contactpersoon ${naam}`, rol: "CONTACTPERSOON", berichtgeverId: b.id },
  });
  await db.contactpersoon.create({ data: { berichtgeverId: b.id, userId: user.id } });
  return { id: b.id, code, contactpersoonEmail: email, contactpersoonId: user.id };
}

/** A clean generated delivery (lib/swi/testhulp/generator.ts) for berichtgever and gemeente 0153. */
export function genereer(
  opties: Partial<LeveringOpties> & Pick<LeveringOpties, "statistiekjaar" | "kwartaal">,
): GegenereerdeLevering {
  return genereerLevering({
    berichtgevercode: "0153",
    gemeentecode: "0153",
    aantalPersonen: 30,
    seed: "pijplijn",
    ...opties,
  });
}

export function alsStroom(tekst: string | Buffer): Readable {
  return Readable.from([Buffer.isBuffer(tekst) ? tekst : Buffer.from(tekst, "utf8")]);
}

/** Everything stored under `prefix`. */
export async function opgeslagen(prefix: string): Promise<string[]> {
  const { leveringOpslag } = await import("./opslag");
  const uit: string[] = [];
  for await (const k of leveringOpslag().lijst(prefix)) uit.push(k);
  return uit;
}
