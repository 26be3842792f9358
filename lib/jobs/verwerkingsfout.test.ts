/**
 * A processing failure that is not the file's (here: the stored upload is damaged, so it cannot be
 * decrypted): retried, and after the last retry the deliveries are left retryable with the reason,
 * not in a "bezig" state without a job behind it.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { registreerAanlevering } from "@/lib/leveringen/ontvangst";
import { alsStroom, genereer, maakPijplijnOmgeving, type PijplijnOmgeving } from "@/lib/leveringen/pijplijn.testhulp";
import { startWorker, type Worker } from "../achtergrond/worker";

let omg: PijplijnOmgeving;
let worker: Worker | undefined;

beforeAll(async () => {
  omg = await maakPijplijnOmgeving({
    SWI_VERWERKING_POGINGEN: "1",
    SWI_VERWERKING_WACHT_SECONDEN: "1",
    SWI_JOBS_ONDERHOUD_SECONDEN: "1",
    SWI_JOBS_POLL_SECONDEN: "0.5",
  });
});
afterAll(async () => {
  await worker?.stop({ wachtSeconden: 5 });
  await omg?.close();
});

it("after the last retry the delivery is ONTVANGEN with verwerkingsfout, and the job is failed", async () => {
  const g = genereer({ statistiekjaar: 2025, kwartaal: 1, seed: "beschadigd" });
  const r = await registreerAanlevering({
    berichtgeverId: omg.enschede.id,
    bestandsnaam: g.bestandsnaam,
    bron: "PORTAAL",
    inhoud: alsStroom(g.xml()),
  });
  const db = getDb();
  const a = await db.aanlevering.findUniqueOrThrow({ where: { id: r.aanleveringId } });
  const pad = path.join(omg.env.SWI_STORAGE_DIR!, ...a.opslagSleutel!.split("/"));
  const bytes = fs.readFileSync(pad);
  bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff; // one flipped byte: authentication fails
  fs.writeFileSync(pad, bytes);

  worker = await startWorker({ opruimenBijStart: false });
  const leveringId = r.leveringen[0]!.id;
  const tot = Date.now() + 60_000;
  let l = await db.levering.findUniqueOrThrow({ where: { id: leveringId } });
  while (!l.verwerkingsfout && Date.now() < tot) {
    await new Promise((res) => setTimeout(res, 200));
    l = await db.levering.findUniqueOrThrow({ where: { id: leveringId } });
  }
  expect(l.status).toBe("ONTVANGEN");
  expect(l.verwerkingsfout).toMatch(/^De verwerking is mislukt: .+/);
  const [job] = await db.$queryRawUnsafe<{ state: string; retry_count: number }[]>(
    `SELECT state::text AS state, retry_count FROM pgboss.job WHERE name = 'aanlevering.verwerk' AND data->>'aanleveringId' = $1`,
    a.id,
  );
  expect(job).toMatchObject({ state: "failed", retry_count: 1 });
  // No mail about a result that does not exist.
  expect(await db.mailBericht.count({ where: { sjabloon: { in: ["levering-verwerkt", "levering-afgekeurd"] } } })).toBe(
    0,
  );
});
