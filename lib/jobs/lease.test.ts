import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maakTestDatabase, type TestDatabase } from "@/lib/db/database.testhulp";
import { maakBoss } from "./boss";
import { jobInstellingen } from "./instellingen";
import { houdLease, verlengLease } from "./lease";

// Proves against the installed pg-boss that its own expiry honours the lease: if an upgrade
// changes the job table, this fails instead of crashed workers' jobs silently waiting hours.
let tdb: TestDatabase;
let boss: PgBoss;
const Q = "test.lease";

beforeAll(async () => {
  tdb = await maakTestDatabase({ poolMax: 1 });
  boss = maakBoss({
    connectionString: tdb.url,
    rol: "verzender",
    instellingen: { ...jobInstellingen({}), poolMax: 2 },
  });
  await boss.start();
  await boss.createQueue(Q, { name: Q, expireInSeconds: 3600, retryLimit: 3, retryDelay: 0 });
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await tdb?.close();
});

async function actieveJob(): Promise<string> {
  await boss.send(Q, { x: 1 });
  const [job] = await boss.fetch(Q);
  expect(job).toBeDefined();
  return job!.id;
}

async function toestand(id: string): Promise<string | undefined> {
  return (await boss.getJobById(Q, id))?.state;
}

const wacht = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the processing lease", () => {
  it("makes pg-boss expire an abandoned job soon after the lease, despite a long expiry", async () => {
    const id = await actieveJob();
    await boss.expire();
    expect(await toestand(id)).toBe("active");
    expect(await verlengLease(boss, Q, id, 1)).toBe(true);
    await wacht(1500);
    await boss.expire();
    expect(await toestand(id)).toBe("retry");
    // Not ours any more: a renewal says so.
    expect(await verlengLease(boss, Q, id, 60)).toBe(false);
  });

  it("keeps a job whose worker keeps renewing it", async () => {
    const id = await actieveJob();
    const lease = await houdLease(boss, Q, id, 1);
    try {
      for (let i = 0; i < 5; i++) {
        await wacht(500);
        await boss.expire();
      }
      expect(await toestand(id)).toBe("active");
      expect(lease.geldig).toBe(true);
    } finally {
      lease.stop();
    }
    await wacht(1500);
    await boss.expire();
    expect(await toestand(id)).toBe("retry");
  });
});
