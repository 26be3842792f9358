import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maakBoss } from "@/lib/jobs/boss";
import { beheerTest, type BeheerTest } from "./beheer.testhulp";
import { HERINNERING_SCHEMA, HERINNERING_WACHTRIJ, registreerHerinneringTaak } from "./herinneringen-taak";

let h: BeheerTest;
beforeAll(async () => {
  h = await beheerTest();
});
afterAll(async () => {
  await h?.close();
});

describe("the automatic reminder job", () => {
  it("is scheduled on the working hours, in Dutch time, and registering twice keeps one schedule", async () => {
    const boss = maakBoss({ connectionString: h.t.url, rol: "worker" });
    await boss.start();
    try {
      await registreerHerinneringTaak(boss);
      await registreerHerinneringTaak(boss);
      const schemas = (await boss.getSchedules()).filter((s) => s.name === HERINNERING_WACHTRIJ);
      expect(schemas).toEqual([
        expect.objectContaining({
          cron: HERINNERING_SCHEMA,
          options: expect.objectContaining({ tz: "Europe/Amsterdam" }),
        }),
      ]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
